#!/usr/bin/env python3
"""Renders the performance tables of the docs from the results files, so no figure is typed by hand.

    python3 Scripts/render-performance.py           # rewrite the tables in place
    python3 Scripts/render-performance.py --check   # exit 1 if a table differs from the results files

Sources: Benchmarks/results/latest.json (written by `swift run -c release hosting-benchmarks --write-results`),
Benchmarks/results/peers.json (written by `python3 Benchmarks/peers/run_peers.py`) and
Examples/postgres-store/results/latest.json (written by `run-tests.sh --benchmarks --write-results FILE` in that
example package: the PostgreSQL stores against the file stores).

A table lives between marker comments in README.md, Benchmarks/*.md, Documentation/ or a DocC catalog:

    <!-- benchmarks: filestore., tickets.customer-query -->   benchmarks whose name starts with a prefix
    <!-- /benchmarks -->                                       ("all" for every benchmark)
    <!-- peers -->                                             the side-by-side comparisons with the peers
    <!-- /peers -->                                            (or `<!-- peers: classify, sla-deadline -->`)
    <!-- postgres -->                                          the postgres-store example's figures
    <!-- /postgres -->

Everything between a pair of markers is replaced; everything else is left alone.

`--check` also audits README.md, CHANGELOG.md, Documentation/ and the DocC catalogs for measured figures outside
the rendered tables (a rate such as "52k events/s", a time such as "600 ms", a ratio such as "36×", a memory size
such as "740 MB"), which nobody can trace to a run: quote the results through a table instead. Goals (a figure
after ≥ or ≤), configured values (a default in parentheses after a symbol, a backoff, a timeout), code spans and
code blocks are not figures. Standard library only.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESULTS = ROOT / "Benchmarks" / "results" / "latest.json"
PEERS = ROOT / "Benchmarks" / "results" / "peers.json"
POSTGRES = ROOT / "Examples" / "postgres-store" / "results" / "latest.json"
BLOCK = re.compile(
    r"(?P<open><!-- (?P<kind>benchmarks|peers|postgres)(?::(?P<args>[^>]*))? -->\n)(?P<body>.*?)(?P<close><!-- /(?P=kind) -->)",
    re.S,
)


def rate(value):
    if value >= 1e6:
        return f"{value / 1e6:.2f}M"
    if value >= 1e3:
        return f"{value / 1e3:.1f}k"
    return f"{value:.1f}"


def seconds(value):
    if value is None:
        return "—"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    if value >= 1e-6:
        return f"{value * 1e6:.1f} µs"
    return f"{value * 1e9:.0f} ns"


def cell(text):
    """Table cell text: a `|` would end the cell."""
    return str(text).replace("|", "\\|")


def load(values):
    return f"{values[0]:.2f}" if values else "?"


def short_commit(commit):
    return commit[:12] + ("+dirty" if commit.endswith("+dirty") else "")


def machine(info):
    gib = info["memoryBytes"] / (1 << 30)
    return f"{info['cpuModel']}, {info['cores']} cores, {gib:.0f} GiB, {info['os']}, {info['swift']}"


def describe_runs(runs, label):
    lines = []
    for index, run in enumerate(runs):
        name = f"{label.capitalize()} {index + 1}" if len(runs) > 1 else label.capitalize()
        arguments = " ".join(["hosting-benchmarks", *run.get("arguments", [])])
        lines.append(
            f"{name} (`{arguments}`): {run['date']}, {run['build']} build of commit `{short_commit(run['commit'])}`, "
            f"on {machine(run['machine'])}; "
            f"load average {load(run['loadAverageBefore'])} → {load(run['loadAverageAfter'])} (1 min)."
        )
    return lines


def benchmarks_table(results, prefixes):
    chosen = [
        result for result in results["benchmarks"]
        if "all" in prefixes or any(result["name"].startswith(prefix) for prefix in prefixes)
    ]
    if not chosen:
        raise SystemExit(f"render-performance: no results for {', '.join(prefixes)} in {RESULTS.relative_to(ROOT)}")
    used = [run for run in results["runs"] if any(result["run"] == run["id"] for result in chosen)]
    run_number = {run["id"]: index + 1 for index, run in enumerate(used)}
    lines = [
        "Rendered from `Benchmarks/results/latest.json` by `Scripts/render-performance.py`; measured with "
        "`swift run -c release hosting-benchmarks --write-results`.",
        "",
    ]
    lines += [line + "  " for line in describe_runs(used, "run")]
    lines += [
        "Wall and CPU: median wall-clock and process CPU time (all threads) of one run, after a warm-up run; rate "
        "from the median wall time; load: 1-minute load average before → after the benchmark.",
        "",
    ]
    header = ["Benchmark", "Workload", "Goal", "Wall", "CPU", "Rate", "p50 / p99", "Load", "Goal met"]
    if len(used) > 1:
        header.append("Run")
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + " --- |" * len(header))
    for result in chosen:
        met = {True: "yes", False: "**no**", None: "—"}[result.get("goalMet")]
        latency = (
            f"{seconds(result['p50Seconds'])} / {seconds(result['p99Seconds'])}"
            if result.get("p50Seconds") is not None else "—"
        )
        row = [
            f"`{result['name']}`",
            cell(result["summary"]),
            result.get("goal") or "—",
            seconds(result["medianSeconds"]),
            seconds(result["medianCPUSeconds"]),
            f"{rate(result['operationsPerSecond'])} {result['unit']}/s",
            latency,
            f"{load(result['loadAverageBefore'])} → {load(result['loadAverageAfter'])}",
            met,
        ]
        if len(used) > 1:
            row.append(str(run_number[result["run"]]))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def peers_table(peers, ids):
    run = peers["run"]
    chosen = [item for item in peers["comparisons"] if "all" in ids or item["id"] in ids]
    if not chosen:
        raise SystemExit(f"render-performance: no comparison {', '.join(ids)} in {PEERS.relative_to(ROOT)}")
    lines = [
        "Rendered from `Benchmarks/results/peers.json` by `Scripts/render-performance.py`; measured with "
        f"`{peers['command']}`.",
        "",
        f"{run['date']}, commit `{short_commit(run['commit'])}`, on {machine(run['machine'])}, Python {run['python']} "
        f"({', '.join(f'{name} {version}' for name, version in sorted(run['packages'].items()))}); "
        f"load average {load(run['loadAverageBefore'])} → {load(run['loadAverageAfter'])} (1 min).",
        "",
        "Each side runs as a child process on the same input file; wall-clock time, CPU time (user + system) and "
        "peak resident memory of the child. Ratio: the peer's time over ours (above 1: we are faster).",
        "",
        "| Comparison | Input | Ours: wall / CPU / peak RSS | Peer: wall / CPU / peak RSS | Ratio (wall / CPU) "
        "| Target | Met | Outputs agree |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for item in chosen:
        ours, peer = item["ours"], item.get("peer")

        def side(measure):
            if measure is None:
                return "—"
            peak = measure["peakRSSBytes"]
            return (
                f"{seconds(measure['wallSeconds'])} / {seconds(measure['cpuSeconds'])} / "
                + ("—" if peak is None else f"{peak / (1 << 20):.0f} MB")
                + f" ({rate(measure['itemsPerSecond'])} {item['unit']}/s)"
            )

        ratio = (
            f"{item['ratioWall']:.2f}× / {item['ratioCPU']:.2f}×" if item.get("ratioWall") is not None else "—"
        )
        met = {True: "yes", False: "**no**", None: "—"}[item.get("targetMet")]
        agree = item.get("agreement") or "—"
        row = [item["name"], item["input"], side(ours), side(peer), ratio, item["target"], met, agree]
        lines.append("| " + " | ".join(cell(value) for value in row) + " |")
    return "\n".join(lines) + "\n"


def postgres_table(report):
    """The postgres-store example's figures: each workload on PostgreSQL and on the file stores, in one run."""
    info = report["machine"]
    lines = [
        "Rendered from `Examples/postgres-store/results/latest.json` by `Scripts/render-performance.py`; measured "
        f"with `{report['command']}` (release build).",
        "",
        f"{info['date']}, on {info['cpu']}, {info['cores']} cores, {info['memoryGiB']} GiB; {info['postgres']}; "
        f"load average {info['loadAverageBefore']} → {info['loadAverageAfter']} (1, 5, 15 min).",
        "",
        "| Workload | Store | Rate | p50 / p99 | Wall |",
        "| --- | --- | --- | --- | --- |",
    ]
    for figure in report["figures"]:
        rate_cell = f"{rate(figure['perSecond'])}/s" if figure.get("perSecond") is not None else "—"
        latency = (
            f"{seconds(figure['p50Milliseconds'] / 1e3)} / {seconds(figure['p99Milliseconds'] / 1e3)}"
            if figure.get("p50Milliseconds") is not None else "—"
        )
        row = [figure["workload"], figure["store"], rate_cell, latency, seconds(figure["seconds"])]
        lines.append("| " + " | ".join(cell(value) for value in row) + " |")
    return "\n".join(lines) + "\n"


def documents():
    yield ROOT / "README.md"
    for pattern in ("Benchmarks/**/*.md", "Documentation/**/*.md", "Sources/*/*.docc/**/*.md"):
        yield from sorted(ROOT.glob(pattern))


FIGURE = re.compile(
    r"(?<![\w.])(?P<figure>\d[\d,.]*\s?(?:"
    r"[kM]?\s?(?:[A-Za-z]+ ){0,2}[A-Za-z]+/s\b"  # a rate: 52k/s, 124k texts/s, 263k JSON lines/s
    r"|(?:s|ms|µs|ns)\b(?!-)"  # a time: 0.59 s, 600.3 ms (not "a 1 s-window")
    r"|[KMG]B\b"  # a memory size: 740 MB
    r"|×(?!\s*\d)))"  # a ratio: 36× (not the product "4.17 × 10")
)
# What may precede a figure that is not a measurement: a goal, or a configured value (a default in parentheses
# after a symbol, a backoff, a timeout).
GOAL = re.compile(
    r"(?:[≤≥<>]|at (?:least|most)|under|within|goal|target|after|every|timeout|delay|default|backoff \(|`` \()"
    r"\s*[~≈]?\s*$",
    re.I,
)


def stray_figures(text):
    """Measured-looking figures outside the rendered tables, code spans and code blocks, with line numbers."""
    text = BLOCK.sub(lambda match: "\n" * match[0].count("\n"), text)
    text = re.sub(r"```.*?```", lambda match: "\n" * match[0].count("\n"), text, flags=re.S)
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = re.sub(r"`[^`]*`", "``", line)
        for match in FIGURE.finditer(line):
            if not GOAL.search(line[: match.start()][-16:]):
                found.append((number, match["figure"]))
    return found


def audited():
    yield ROOT / "README.md"
    yield ROOT / "CHANGELOG.md"
    for pattern in ("Documentation/**/*.md", "Sources/*/*.docc/**/*.md"):
        yield from sorted(ROOT.glob(pattern))


def render(text, results, peers, path, postgres=None):
    def replace(match):
        names = [item.strip() for item in (match["args"] or "all").split(",") if item.strip()]
        if match["kind"] == "postgres":
            if postgres is None:
                raise SystemExit(f"render-performance: {path} needs {POSTGRES.relative_to(ROOT)}, which is missing")
            body = postgres_table(postgres)
        elif match["kind"] == "benchmarks":
            if results is None:
                raise SystemExit(f"render-performance: {path} needs {RESULTS.relative_to(ROOT)}, which is missing")
            body = benchmarks_table(results, names)
        else:
            body = (
                peers_table(peers, names) if peers is not None
                else "No comparison recorded yet: run `python3 Benchmarks/peers/run_peers.py`.\n"
            )
        # Blank lines around the body: a table must not run into the closing comment.
        return match["open"] + "\n" + body + "\n" + match["close"]

    return BLOCK.sub(replace, text)


def main(arguments):
    check = "--check" in arguments
    unknown = [argument for argument in arguments if argument != "--check"]
    if unknown:
        raise SystemExit(f"usage: render-performance.py [--check]  (unknown: {' '.join(unknown)})")
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else None
    peers = json.loads(PEERS.read_text()) if PEERS.exists() else None
    postgres = json.loads(POSTGRES.read_text()) if POSTGRES.exists() else None
    stale = []
    for path in documents():
        text = path.read_text()
        if not any(f"<!-- {kind}" in text for kind in ("benchmarks", "peers", "postgres")):
            continue
        rendered = render(text, results, peers, path.relative_to(ROOT), postgres)
        if rendered != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(rendered)
    if check and stale:
        names = ", ".join(str(path) for path in stale)
        print(f"render-performance: {names} differ from the results files; run python3 Scripts/render-performance.py")
        return 1
    strays = [(path, number, figure) for path in audited() for number, figure in stray_figures(path.read_text())]
    for path, number, figure in strays:
        print(f"{path.relative_to(ROOT)}:{number}: '{figure}' looks like a measured figure outside a rendered table")
    if check and strays:
        print("render-performance: quote measurements through a <!-- benchmarks -->, <!-- peers --> or <!-- postgres --> table")
        return 1
    if not check:
        print(f"render-performance: {len(stale)} file(s) updated" if stale else "render-performance: up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
