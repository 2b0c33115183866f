"""VADER's macro-F1 per register on the English general-text set, for comparison with
`feedback-triage report --english DIR [--check]` (issue 15). Labels at VADER's usual ±0.05 on the compound score.

    Benchmarks/peers/scratch/venv/bin/python Benchmarks/peers/vader_general_en.py [--check] [--errors] [DIR]
    python3 Benchmarks/peers/vader_general_en.py ...   (re-runs itself with the peers venv when it exists)

DIR defaults to Tests/FeedbackSentimentTests/Resources/general-en; --check measures the check files instead of the
dev files (see the folder's README.txt: measure them, never choose on them); --errors lists VADER's wrong lines.
The venv is made by run_peers.py from requirements.txt (vaderSentiment 3.3.2).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VENV_PYTHON = os.path.join(HERE, "scratch", "venv", "bin", "python")
LABELS = ("negative", "neutral", "positive")


def macro_f1(pairs):
    """Macro-F1 over the three labels, as SentimentEvaluation computes it (a label never predicted nor present
    counts 0)."""
    scores = []
    for label in LABELS:
        tp = sum(1 for actual, predicted in pairs if actual == label and predicted == label)
        fp = sum(1 for actual, predicted in pairs if actual != label and predicted == label)
        fn = sum(1 for actual, predicted in pairs if actual == label and predicted != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def main(arguments):
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        if os.path.exists(VENV_PYTHON) and not os.environ.get("VADER_GENERAL_EN_REEXEC"):
            os.environ["VADER_GENERAL_EN_REEXEC"] = "1"
            os.execv(VENV_PYTHON, [VENV_PYTHON, __file__] + arguments)
        raise SystemExit("vader_general_en: vaderSentiment is missing; run Benchmarks/peers/run_peers.py once "
                         "to make the venv, or pip install -r Benchmarks/peers/requirements.txt")
    split = "check" if "--check" in arguments else "dev"
    show_errors = "--errors" in arguments
    folders = [argument for argument in arguments if not argument.startswith("--")]
    folder = folders[0] if folders else os.path.join(
        HERE, "..", "..", "Tests", "FeedbackSentimentTests", "Resources", "general-en")
    suffix = "-%s.tsv" % split
    names = sorted(name for name in os.listdir(folder) if name.endswith(suffix))
    if not names:
        raise SystemExit("vader_general_en: no <register>%s files in %s" % (suffix, folder))
    analyzer = SentimentIntensityAnalyzer()
    print("VADER 3.3.2 macro-F1 on English general text (%s split)" % split)
    print()
    print("| register | texts | VADER |")
    print("|---|---|---|")
    pooled = []
    for name in names:
        pairs = []
        with open(os.path.join(folder, name), encoding="utf-8") as lines:
            for line in lines:
                line = line.rstrip("\n")
                if not line:
                    continue
                actual, text = line.split("\t", 1)
                compound = analyzer.polarity_scores(text)["compound"]
                predicted = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
                pairs.append((actual, predicted))
                if show_errors and actual != predicted:
                    print("  %s: %s → %s (%.3f) %s" % (name, actual, predicted, compound, text), file=sys.stderr)
        pooled += pairs
        print("| %s | %d | %.3f |" % (name[: -len(suffix)], len(pairs), macro_f1(pairs)))
    print("| all | %d | %.3f |" % (len(pooled), macro_f1(pooled)))


if __name__ == "__main__":
    main(sys.argv[1:])
