#!/usr/bin/env python3
"""Runs the example CLIs (release builds) and their Python peers side by side on the same inputs and prints the
ratios; writes them to Benchmarks/results/peers.json, from which Scripts/render-performance.py renders the docs.

    python3 Benchmarks/peers/run_peers.py [--only NAME]… [--repeat N] [--no-build] [--no-write] [--scratch DIR]

The first run creates a virtual environment in the scratch folder (Benchmarks/peers/scratch, git-ignored),
installs the pinned packages of requirements.txt from PyPI into it and re-runs itself there. Inputs are generated
deterministically (SplitMix64 seeds, the labelled corpus, `retention-report sample`) and written once to the
scratch folder; delete it to start over. Each side runs as a child process; the script records its wall-clock
time, CPU time (user + system) and peak resident memory, alternating the two sides `--repeat` times and keeping
the medians. See Benchmarks/README.md.
"""
import argparse
import hashlib
import json
import os
import pathlib
import platform
import shlex
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import agreement  # noqa: E402  (after the path is set)
import inputs  # noqa: E402

COMPARISONS = ("classify", "sla-deadline", "sla-elapsed", "survival-days", "survival-distinct", "retention-report")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=COMPARISONS, help="run only this comparison (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (median kept; default 3)")
    parser.add_argument("--no-build", action="store_true", help="use the release binaries as they are")
    parser.add_argument("--no-write", action="store_true", help="print the ratios without writing peers.json")
    parser.add_argument("--scratch", type=pathlib.Path, default=HERE / "scratch", help="venv, inputs and outputs")
    parser.add_argument("--texts", type=int, default=100_000, help="short texts to classify")
    parser.add_argument("--sla-lines", type=int, default=1_000_000, help="JSON lines for sla-check")
    parser.add_argument("--pandas-lines", type=int, default=20_000, help="the first N of them for the pandas loop")
    parser.add_argument("--survival-rows", type=int, default=1_000_000, help="rows of the durations CSV")
    parser.add_argument("--customers", type=int, default=1_000_000, help="customers of the retention sample")
    return parser.parse_args()


# MARK: Environment


def ensure_environment(scratch):
    """Re-runs this script inside the scratch virtual environment, creating it and installing the pins first."""
    venv = scratch / "venv"
    python = venv / "bin" / "python"
    if pathlib.Path(sys.prefix).resolve() == venv.resolve():
        return
    requirements = HERE / "requirements.txt"
    stamp = venv / "requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if not python.exists() or not stamp.exists() or stamp.read_text() != digest:
        print(f"run_peers: installing the pinned peers into {venv} (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)], check=True)
        stamp.write_text(digest)
    os.execv(str(python), [str(python), str(pathlib.Path(__file__).resolve()), *sys.argv[1:]])


def release_binaries(build):
    products = ["feedback-triage", "sla-check", "retention-report"]
    if build:
        for product in products:
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    path = subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    binaries = {product: pathlib.Path(path) / product for product in products}
    for product, binary in binaries.items():
        if not binary.exists():
            raise SystemExit(f"run_peers: {binary} is missing; run without --no-build")
    return binaries


def tool_output(arguments):
    try:
        return subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def machine():
    """The machine, in the shape hosting-benchmarks writes (MachineInfo)."""
    cpu = "unknown"
    if pathlib.Path("/proc/cpuinfo").exists():
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    system = platform.platform()
    if pathlib.Path("/etc/os-release").exists():
        for line in pathlib.Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"') + f", Linux {platform.release()}"
    swift = next((line for line in tool_output(["swift", "--version"]).splitlines() if "Swift version" in line), "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpuModel": cpu, "cores": cores, "memoryBytes": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
        "os": system, "swift": swift or "unknown",
    }


def commit():
    head = tool_output(["git", "rev-parse", "HEAD"]) or "unknown"
    dirty = tool_output(["git", "status", "--porcelain", "--untracked-files=no"])
    return head + ("+dirty" if dirty else "")


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


# MARK: Measuring


def gnu_time():
    """GNU time, which measures peak memory from a fresh process (see run_child), or None."""
    return "/usr/bin/time" if "GNU" in tool_output(["/usr/bin/time", "--version"]) + tool_output(
        ["/usr/bin/time", "-V"]) else None


GNU_TIME = None


def run_child(arguments, stdin_path, stdout_path):
    """Runs one child process and returns its wall-clock seconds, CPU seconds (user + system) and peak RSS.

    The peak comes from GNU time's %M: a child that Python starts directly (vfork) inherits the driver's memory
    high-water mark in its rusage, while GNU time's own child starts from a small process. CPU time comes from
    wait4, which includes the children the child waited for. Without GNU time the peak is not reported."""
    global GNU_TIME
    if GNU_TIME is None:
        GNU_TIME = gnu_time() or ""
    error_path = pathlib.Path(str(stdout_path) + ".stderr")
    memory_path = pathlib.Path(str(stdout_path) + ".maxrss")
    command = [GNU_TIME, "-f", "%M", "-o", memory_path, *arguments] if GNU_TIME else list(arguments)
    with open(stdin_path or os.devnull, "rb") as stdin, open(stdout_path, "wb") as stdout, open(
        error_path, "wb"
    ) as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=stderr, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(
            f"run_peers: {' '.join(map(str, arguments))} exited with {child.returncode}:\n{error_path.read_text()[-2000:]}"
        )
    rss = int(memory_path.read_text().split()[-1]) * 1024 if GNU_TIME else None
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": rss}


def summarize(runs, items, command):
    wall = statistics.median(run["wall"] for run in runs)
    cpu = statistics.median(run["cpu"] for run in runs)
    return {
        "command": command, "items": items, "wallSeconds": wall, "cpuSeconds": cpu,
        "peakRSSBytes": None if runs[0]["rss"] is None else max(run["rss"] for run in runs),
        "itemsPerSecond": items / wall,
        "itemsPerCPUSecond": items / cpu if cpu > 0 else None,
        "runs": [{"wallSeconds": run["wall"], "cpuSeconds": run["cpu"], "peakRSSBytes": run["rss"]} for run in runs],
    }


def display(arguments, stdin_path):
    shown = [str(pathlib.Path(item).relative_to(ROOT)) if str(item).startswith(str(ROOT)) else str(item) for item in arguments]
    if shown[0].endswith("python"):
        shown[0] = "python"
    return " ".join(shown) + (f" < {pathlib.Path(stdin_path).name}" if stdin_path else "")


def side_by_side(ours, peer, repeat):
    """Alternates the two sides `repeat` times (so a change of load hits both) and keeps the medians.

    `ours` and `peer` are (arguments, stdin, stdout, items) tuples; `peer` may be None."""
    our_runs, peer_runs = [], []
    for _ in range(repeat):
        our_runs.append(run_child(ours[0], ours[1], ours[2]))
        if peer:
            peer_runs.append(run_child(peer[0], peer[1], peer[2]))
    result = {"ours": summarize(our_runs, ours[3], display(ours[0], ours[1]))}
    result["peer"] = summarize(peer_runs, peer[3], display(peer[0], peer[1])) if peer else None
    if peer:
        result["ratioWall"] = result["ours"]["itemsPerSecond"] / result["peer"]["itemsPerSecond"]
        result["ratioCPU"] = result["ours"]["itemsPerCPUSecond"] / result["peer"]["itemsPerCPUSecond"]
    return result


# MARK: The comparisons


def prepare_inputs(options, binaries):
    folder = options.scratch / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "texts": inputs.ensure(folder / f"texts-{options.texts}.jsonl", lambda p: inputs.write_texts(ROOT, p, options.texts)),
        "calendar": inputs.ensure(folder / "calendar.json", inputs.write_calendar),
        "deadlines": inputs.ensure(
            folder / f"deadlines-{options.sla_lines}.jsonl", lambda p: inputs.write_deadlines(p, options.sla_lines)),
        "elapsed": inputs.ensure(
            folder / f"elapsed-{options.sla_lines}.jsonl", lambda p: inputs.write_elapsed(p, options.sla_lines)),
        "days": inputs.ensure(
            folder / f"durations-days-{options.survival_rows}.csv",
            lambda p: inputs.write_durations(p, options.survival_rows, distinct=False)),
        "distinct": inputs.ensure(
            folder / f"durations-distinct-{options.survival_rows}.csv",
            lambda p: inputs.write_durations(p, options.survival_rows, distinct=True)),
        "sample": inputs.ensure(
            folder / f"retention-sample-{options.customers}",
            lambda p: subprocess.run(
                [binaries["retention-report"], "sample", "--out", p, "--customers", str(options.customers)],
                check=True, stdout=subprocess.DEVNULL)),
    }
    for name in ("deadlines", "elapsed"):
        made[name + "-prefix"] = inputs.ensure(
            folder / f"{name}-{options.sla_lines}-first-{options.pandas_lines}.jsonl",
            lambda p, source=made[name]: inputs.first_lines(source, p, options.pandas_lines))
    return made


def comparisons(options, binaries, files, outputs):
    """Each comparison: name, input, unit, target, our run, the peer's run (or None), the agreement check and the
    target test. Runs are (arguments, stdin, stdout, items)."""
    python = sys.executable
    worker = str(HERE / "peer_workers.py")
    calendar = json.loads(files["calendar"].read_text())

    def sla_met(result):
        return result["ours"]["itemsPerSecond"] >= 1_000_000 and min(result["ratioWall"], result["ratioCPU"]) >= 100

    def ratio_met(target):
        return lambda result: min(result["ratioWall"], result["ratioCPU"]) >= target

    def output(name):
        return outputs / name

    rows = options.survival_rows
    sample = files["sample"]

    def sla(command, lines, name, check):
        ours, peer = output(f"{command}-ours.jsonl"), output(f"{command}-pandas.jsonl")
        return dict(
            name=name, input=f"{options.sla_lines:,} lines (pandas: the first {options.pandas_lines:,})",
            unit="lines", target="≥ 1M lines/s and ≥ 100× pandas",
            ours=([binaries["sla-check"], command, "--calendar", files["calendar"]], files[lines], ours,
                  options.sla_lines),
            peer=([python, worker, f"sla-{command}", files["calendar"], files[f"{lines}-prefix"]], None, peer,
                  options.pandas_lines),
            agree=lambda: check(ours, peer), met=sla_met)

    def survival(kind, name, description):
        ours, peer = output(f"survival-{kind}-ours.json"), output(f"survival-{kind}-lifelines.json")
        return dict(
            name=name, input=description, unit="rows", target="≥ 10×",
            ours=([binaries["retention-report"], "survival", "--durations", files[kind]], None, ours, rows),
            peer=([python, worker, "lifelines", files[kind]], None, peer, rows),
            agree=lambda: agreement.survival(ours, peer), met=ratio_met(10))

    return {
        "classify": dict(
            name="`feedback-triage classify` vs vaderSentiment `polarity_scores` loop",
            input=f"{options.texts:,} corpus texts, JSON lines", unit="texts", target="≥ 20×",
            ours=([binaries["feedback-triage"], "classify", files["texts"]], None, output("classify-ours.jsonl"), options.texts),
            peer=([python, worker, "vader", files["texts"]], None, output("classify-vader.jsonl"), options.texts),
            agree=lambda: agreement.classify(output("classify-ours.jsonl"), output("classify-vader.jsonl")),
            met=ratio_met(20)),
        "sla-deadline": sla(
            "deadline", "deadlines", "`sla-check deadline` vs pandas `CustomBusinessHour` loop",
            lambda ours, peer: agreement.deadlines(ours, peer, options.pandas_lines, calendar)),
        "sla-elapsed": sla(
            "elapsed", "elapsed", "`sla-check elapsed` vs pandas + `numpy.busday_count` loop",
            lambda ours, peer: agreement.elapsed(ours, peer, options.pandas_lines)),
        "survival-days": survival(
            "days", "`retention-report survival --durations` vs lifelines `KaplanMeierFitter` (read, fit, write JSON)",
            f"{rows:,} rows, whole days"),
        "survival-distinct": survival(
            "distinct", "the same, every duration distinct (a table of one row per subject)",
            f"{rows:,} rows, all distinct"),
        "retention-report": dict(
            name=f"`retention-report` text report of the {options.customers:,}-customer sample", unit="customers",
            input=f"`retention-report sample --customers {options.customers}`", target="≤ 3 s and ≤ 400 MB",
            ours=([binaries["retention-report"], "--subscriptions", sample / "subscriptions.csv", "--changes",
                   sample / "changes.csv", "--surveys", sample / "surveys.csv"], None, output("retention-report.txt"),
                  options.customers),
            peer=None, agree=lambda: None,
            met=lambda result: result["ours"]["wallSeconds"] <= 3
            and (result["ours"]["peakRSSBytes"] or float("inf")) <= 400 * (1 << 20)),
    }


def megabytes(value):
    return "?" if value is None else f"{value / (1 << 20):.0f}"


def print_row(item):
    ours, peer = item["ours"], item["peer"]

    def side(label, measure):
        return (
            f"  {label:5} {measure['wallSeconds']:8.2f} s wall {measure['cpuSeconds']:8.2f} s cpu "
            f"{megabytes(measure['peakRSSBytes']):>7} MB  {measure['itemsPerSecond']:12,.0f} {item['unit']}/s  "
            f"{measure['command']}"
        )

    print(item["name"], f"[{item['input']}]")
    print(side("ours", ours))
    if peer:
        print(side("peer", peer))
        print(f"  ratio {item['ratioWall']:.2f}× wall, {item['ratioCPU']:.2f}× cpu; target {item['target']}: "
              f"{'met' if item['targetMet'] else 'MISSED'}; {item['agreement']}")
    else:
        print(f"  target {item['target']}: {'met' if item['targetMet'] else 'MISSED'}")
    print(flush=True)


def main():
    options = parse_arguments()
    options.scratch = options.scratch.resolve()
    options.scratch.mkdir(parents=True, exist_ok=True)
    ensure_environment(options.scratch)
    binaries = release_binaries(not options.no_build)
    files = prepare_inputs(options, binaries)
    outputs = options.scratch / "outputs"
    outputs.mkdir(exist_ok=True)
    from importlib.metadata import version

    run = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "commit": commit(), "machine": machine(),
        "python": platform.python_version(),
        "packages": {name: version(name) for name in ("vaderSentiment", "pandas", "numpy", "lifelines")},
        "repeat": options.repeat, "loadAverageBefore": load_average(),
    }
    print(f"{run['date']}  commit {run['commit'][:12]}  {machine()['cpuModel']}  load {run['loadAverageBefore']}\n")
    results = []
    for key, spec in comparisons(options, binaries, files, outputs).items():
        if options.only and key not in options.only:
            continue
        before = load_average()
        item = {"id": key, "name": spec["name"], "input": spec["input"], "unit": spec["unit"], "target": spec["target"]}
        item.update(side_by_side(spec["ours"], spec["peer"], options.repeat))
        item["targetMet"] = spec["met"](item)
        item["agreement"] = spec["agree"]()
        item["loadAverageBefore"], item["loadAverageAfter"] = before, load_average()
        results.append(item)
        print_row(item)
    run["loadAverageAfter"] = load_average()
    document = {
        "format": 1,
        "about": "Written by Benchmarks/peers/run_peers.py; rendered into the docs by Scripts/render-performance.py.",
        "command": " ".join(["python3 Benchmarks/peers/run_peers.py", *map(shlex.quote, sys.argv[1:])]),
        "run": run, "comparisons": results,
    }
    if options.no_write or options.only:
        print("run_peers: not written (--no-write or --only); the results file holds complete runs only")
        return
    path = ROOT / "Benchmarks" / "results" / "peers.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"run_peers: wrote {path.relative_to(ROOT)}; now run python3 Scripts/render-performance.py")


if __name__ == "__main__":
    main()
