"""The peer side of each comparison, run as a child process by run_peers.py so both sides are measured the
same way (wall clock, CPU time and peak memory of one process reading one input file and writing its output).

    python peer_workers.py vader INPUT.jsonl            > OUTPUT.jsonl
    python peer_workers.py sla-deadline CALENDAR INPUT  > OUTPUT.jsonl
    python peer_workers.py sla-elapsed CALENDAR INPUT   > OUTPUT.jsonl
    python peer_workers.py lifelines INPUT.csv          > OUTPUT.json

Each loop is the straightforward way a Python user would do the job with the peer library; imports and setup are
inside the measured process, as the Swift CLIs' start-up is.
"""
import json
import math
import sys


def vader(input_path):
    """vaderSentiment's polarity_scores over JSON lines {"id","text"}; labels at VADER's usual ±0.05."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    write = sys.stdout.write
    with open(input_path, encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            compound = analyzer.polarity_scores(item["text"])["compound"]
            label = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
            write(json.dumps({"id": item["id"], "label": label, "score": compound}) + "\n")


def business_calendar(calendar_path):
    """pandas' CustomBusinessHour for the calendar file (the same opening intervals every working day)."""
    from pandas.tseries.offsets import CustomBusinessHour

    calendar = json.load(open(calendar_path))
    days = {"monday": "Mon", "tuesday": "Tue", "wednesday": "Wed", "thursday": "Thu", "friday": "Fri",
            "saturday": "Sat", "sunday": "Sun"}
    intervals = {tuple(map(tuple, value)) for value in calendar["weekly"].values()}
    if len(intervals) != 1:
        raise SystemExit("peer_workers: CustomBusinessHour needs the same intervals on every working day")
    (pairs,) = intervals
    offset = CustomBusinessHour(
        start=[start for start, _ in pairs], end=[end for _, end in pairs],
        weekmask=" ".join(days[day] for day in calendar["weekly"]), holidays=calendar["holidays"])
    return offset, calendar["timeZone"], pairs


def sla_deadline(calendar_path, input_path):
    """{"start","seconds"} → {"deadline"}: start + n × CustomBusinessHour in the calendar's zone."""
    import pandas as pd

    offset, zone, _ = business_calendar(calendar_path)
    write = sys.stdout.write
    with open(input_path) as lines:
        for line in lines:
            item = json.loads(line)
            hours, rest = divmod(item["seconds"], 3600)
            if rest:
                raise SystemExit("peer_workers: CustomBusinessHour adds whole hours only")
            local = pd.Timestamp(item["start"]).tz_convert(zone).tz_localize(None)
            deadline = (local + offset * hours).tz_localize(zone).tz_convert("UTC")
            write('{"deadline":"' + deadline.strftime("%Y-%m-%dT%H:%M:%SZ") + '"}\n')


def sla_elapsed(calendar_path, input_path):
    """{"start","end"} → {"seconds"}: business seconds between two instants. pandas has no business-time
    difference, so the loop counts whole working days with numpy.busday_count on the CustomBusinessHour's
    weekmask and holidays and adds the opening intervals of the first and last day."""
    import numpy as np
    import pandas as pd

    offset, zone, pairs = business_calendar(calendar_path)
    spans = [(int(a[:2]) * 3600 + int(a[3:]) * 60, int(b[:2]) * 3600 + int(b[3:]) * 60) for a, b in pairs]
    daily = sum(end - start for start, end in spans)
    weekmask, holidays = offset.weekmask, offset.holidays

    def open_before(moment):
        """Business seconds of `moment`'s day before `moment`."""
        if not np.is_busday(moment.date(), weekmask=weekmask, holidays=holidays):
            return 0
        clock = moment.hour * 3600 + moment.minute * 60 + moment.second
        return sum(min(max(clock - start, 0), end - start) for start, end in spans)

    write = sys.stdout.write
    with open(input_path) as lines:
        for line in lines:
            item = json.loads(line)
            start = pd.Timestamp(item["start"]).tz_convert(zone).tz_localize(None)
            end = pd.Timestamp(item["end"]).tz_convert(zone).tz_localize(None)
            days = int(np.busday_count(start.date(), end.date(), weekmask=weekmask, holidays=holidays))
            write('{"seconds":' + str(days * daily - open_before(start) + open_before(end)) + "}\n")


def lifelines_survival(input_path):
    """Reads the durations CSV, fits KaplanMeierFitter (95 % log(-log) bounds) and writes the table
    `retention-report survival` writes (timeline, at_risk, events, censored, survival, ci_lower, ci_upper,
    median and its bounds) as compact JSON."""
    import pandas as pd
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    frame = pd.read_csv(input_path)
    fitter = KaplanMeierFitter(alpha=0.05).fit(frame["duration"], event_observed=frame["event"])
    table = fitter.event_table
    bounds = fitter.confidence_interval_survival_function_
    median_bounds = median_survival_times(fitter.confidence_interval_)

    def finite(value):
        value = float(value)
        return value if math.isfinite(value) else None

    json.dump(
        {
            "timeline": table.index.tolist(), "at_risk": table["at_risk"].tolist(),
            "events": table["observed"].tolist(), "censored": table["censored"].tolist(),
            "survival": fitter.survival_function_.iloc[:, 0].tolist(),
            "ci_lower": bounds.iloc[:, 0].tolist(), "ci_upper": bounds.iloc[:, 1].tolist(),
            "median": finite(fitter.median_survival_time_), "median_ci_lower": finite(median_bounds.iloc[0, 0]),
            "median_ci_upper": finite(median_bounds.iloc[0, 1]), "confidence_level": 0.95,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


WORKERS = {"vader": vader, "sla-deadline": sla_deadline, "sla-elapsed": sla_elapsed, "lifelines": lifelines_survival}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in WORKERS:
        raise SystemExit(f"usage: peer_workers.py {{{'|'.join(WORKERS)}}} ARGUMENTS…")
    WORKERS[sys.argv[1]](*sys.argv[2:])
