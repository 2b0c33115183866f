"""Checks that both sides of a comparison computed the same thing, so a ratio never compares different work."""
import datetime
import json
import zoneinfo


def json_lines(path, limit=None):
    with open(path, encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if limit is not None and index == limit:
                return
            yield json.loads(line)


def classify(ours_path, peer_path):
    """Different classifiers: only the line count must match; label agreement is informative."""
    ours, peer = list(json_lines(ours_path)), list(json_lines(peer_path))
    if len(ours) != len(peer):
        return f"**{len(ours):,} lines against {len(peer):,}**"
    same = sum(1 for a, b in zip(ours, peer) if a["id"] == b["id"] and a["label"] == b["label"])
    return f"{len(ours):,} lines each (different classifiers: labels agree on {same / len(ours):.0%})"


def deadlines(ours_path, peer_path, count, calendar):
    """Identical instants, or our deadline at a closing time where pandas reports the next opening."""
    zone = zoneinfo.ZoneInfo(calendar["timeZone"])
    closings = {end for pairs in calendar["weekly"].values() for _, end in pairs}
    same = boundary = 0
    peer = list(json_lines(peer_path, count))
    for mine, theirs in zip(json_lines(ours_path, len(peer)), peer):
        if mine == theirs:
            same += 1
            continue
        instant = datetime.datetime.fromisoformat(mine["deadline"].replace("Z", "+00:00")).astimezone(zone)
        if instant.strftime("%H:%M") in closings and theirs["deadline"] > mine["deadline"]:
            boundary += 1
    text = f"{same:,} of {len(peer):,} identical"
    if boundary:
        text += f"; {boundary:,} end exactly at a closing time, where pandas reports the next opening"
    other = len(peer) - same - boundary
    return text + (f"; **{other:,} differ**" if other else "")


def elapsed(ours_path, peer_path, count):
    peer = list(json_lines(peer_path, count))
    same = sum(1 for mine, theirs in zip(json_lines(ours_path, len(peer)), peer) if mine["seconds"] == theirs["seconds"])
    return f"{same:,} of {len(peer):,} identical" + ("" if same == len(peer) else f"; **{len(peer) - same:,} differ**")


def survival(ours_path, peer_path):
    """Same timeline and counts; the largest difference of the survival curve and of its bounds."""
    ours, peer = json.load(open(ours_path)), json.load(open(peer_path))
    for key in ("timeline", "at_risk", "events", "censored"):
        if len(ours[key]) != len(peer[key]) or any(abs(a - b) > 1e-9 for a, b in zip(ours[key], peer[key])):
            return f"**{key} differs** ({len(ours[key]):,} against {len(peer[key]):,} rows)"

    def largest(key):
        return max((abs(a - b) for a, b in zip(ours[key], peer[key]) if a is not None and b is not None), default=0)

    bounds = max(largest("ci_lower"), largest("ci_upper"))
    medians = ours["median"] == peer["median"]
    return (
        f"{len(ours['timeline']):,} times identical; max |Δ| survival {largest('survival'):.1e}, bounds {bounds:.1e}; "
        + ("median equal" if medians else f"**median {ours['median']} against {peer['median']}**")
    )
