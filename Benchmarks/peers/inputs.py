"""Deterministic inputs for the peer comparisons, written once to the scratch folder.

Every generator draws from SplitMix64 (the kit's own seeded generator), so the same seed gives the same files on
every machine and Python version. Standard library only: this module runs before the virtual environment exists.
"""
import json
import math
import pathlib

MASK = (1 << 64) - 1

# The harness's benchmark calendar (Benchmarks/hosting-benchmarks/SLABenchmarks.swift): New York, Monday to
# Friday 09:00-12:00 and 13:00-17:00, the US federal holidays of 2026-2027. pandas' CustomBusinessHour can express
# it exactly (the same intervals every working day).
HOLIDAYS = [
    "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
    "2026-11-11", "2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18",
    "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
]
INTERVALS = [["09:00", "12:00"], ["13:00", "17:00"]]
TIME_ZONE = "America/New_York"
TWO_YEARS_START = 1_767_225_600  # 2026-01-01T00:00:00Z


class SplitMix64:
    """The kit's SplitMix64 (SupportCore), so seeds mean the same thing on both sides."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        """A uniform double in [0, 1)."""
        return (self.next() >> 11) * (1.0 / (1 << 53))

    def below(self, bound):
        return self.next() % bound


def rfc3339(seconds):
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def corpus_texts(root):
    """The labelled corpus's texts in the harness's order (en, ms, lo; test then train), '#' lines skipped."""
    texts = []
    for language in ("en", "ms", "lo"):
        for split in ("test", "train"):
            path = root / "Tests" / "FeedbackSentimentTests" / "Resources" / "corpus" / f"{language}-{split}.tsv"
            if not path.exists():
                raise SystemExit(f"run_peers: input {path} is missing; run from a full checkout")
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#") and "\t" in line:
                    texts.append(line.split("\t", 1)[1])
    return texts


def write_texts(root, path, count):
    """`count` JSON lines {"id","text"}: the corpus texts cycled (the harness's corpus workload)."""
    texts = corpus_texts(root)
    with open(path, "w", encoding="utf-8") as output:
        for index in range(count):
            output.write(json.dumps({"id": f"t{index}", "text": texts[index % len(texts)]}, ensure_ascii=False))
            output.write("\n")


def write_calendar(path):
    weekly = {day: INTERVALS for day in ("monday", "tuesday", "wednesday", "thursday", "friday")}
    path.write_text(json.dumps({"timeZone": TIME_ZONE, "weekly": weekly, "holidays": HOLIDAYS}, indent=2) + "\n")


def write_deadlines(path, count, seed=16):
    """{"start","seconds"}: random instants (whole seconds) over 2026-2027, 1-400 whole business hours."""
    generator = SplitMix64(seed)
    with open(path, "w") as output:
        for _ in range(count):
            start = TWO_YEARS_START + generator.below(365 * 86_400)
            hours = 1 + generator.below(400)
            output.write(f'{{"start":"{rfc3339(start)}","seconds":{hours * 3600}}}\n')


def write_elapsed(path, count, seed=17):
    """{"start","end"}: random instants over 2026-2027 and an end 0-90 days later (whole seconds)."""
    generator = SplitMix64(seed)
    with open(path, "w") as output:
        for _ in range(count):
            start = TWO_YEARS_START + generator.below(365 * 86_400)
            end = start + generator.below(90 * 86_400)
            output.write(f'{{"start":"{rfc3339(start)}","end":"{rfc3339(end)}"}}\n')


def write_durations(path, count, distinct, seed=18):
    """CSV duration,event: lifetimes in days (exponential, mean 400), 60 % observed; `distinct` adds a unique
    sub-day offset to every row (the harness's all-distinct Kaplan-Meier workload), else whole days."""
    generator = SplitMix64(seed)
    with open(path, "w") as output:
        output.write("duration,event\n")
        for index in range(count):
            days = math.floor(-math.log(max(generator.unit(), 2.0**-52)) * 400)
            duration = repr(days + index / count) if distinct else str(days + 1)
            output.write(f"{duration},{1 if generator.below(10) < 6 else 0}\n")


def first_lines(source, path, count):
    """The first `count` lines of `source` (the peer's share of a long input)."""
    with open(source) as input_file, open(path, "w") as output:
        for index, line in enumerate(input_file):
            if index == count:
                break
            output.write(line)


def ensure(path, make):
    """Builds `path` with `make(path)` unless it exists (inputs are written once; delete the folder to rebuild)."""
    path = pathlib.Path(path)
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        make(partial)
        partial.rename(path)
    return path
