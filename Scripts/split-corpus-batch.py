#!/usr/bin/env python3
"""Split a new batch of FeedbackSentiment corpus lines 70/30 and append it to a language's files.

Usage: python3 Scripts/split-corpus-batch.py BATCH.tsv LANG [CORPUS_DIR]

BATCH.tsv holds label<TAB>text lines in the order they were written. For each label in the order
negative, neutral, positive: random.seed(7), shuffle that label's lines, the first round(0.7 * n) go
to LANG-train.tsv and the rest to LANG-test.tsv (appended; earlier lines never move). This is the rule
of the corpus README ("Split").
"""

import os
import random
import sys

LABELS = ("negative", "neutral", "positive")


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    batch_path, lang = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) == 4 else "Tests/FeedbackSentimentTests/Resources/corpus"
    by_label = {label: [] for label in LABELS}
    with open(batch_path, encoding="utf-8") as batch:
        for number, line in enumerate(batch, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            label, sep, text = line.partition("\t")
            if not sep or label not in by_label or "\t" in text or not text.strip():
                print(f"{batch_path}:{number}: not label<TAB>text", file=sys.stderr)
                return 2
            by_label[label].append(line)
    train, test = [], []
    for label in LABELS:
        lines = by_label[label]
        random.seed(7)
        random.shuffle(lines)
        cut = round(0.7 * len(lines))
        train += lines[:cut]
        test += lines[cut:]
        print(f"{lang} {label}: {cut} train, {len(lines) - cut} test")
    for split, lines in (("train", train), ("test", test)):
        path = os.path.join(corpus, f"{lang}-{split}.tsv")
        with open(path, encoding="utf-8") as existing:
            content = existing.read()
        with open(path, "a", encoding="utf-8") as out:
            if content and not content.endswith("\n"):
                out.write("\n")
            out.write("".join(line + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
