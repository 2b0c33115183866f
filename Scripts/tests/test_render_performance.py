"""The rules of Scripts/render-performance.py: tables come from the results files, and no measured figure
stands outside one. Run: python3 -m unittest discover -s Scripts/tests"""
import importlib.util
import pathlib
import unittest

SCRIPT = pathlib.Path(__file__).resolve().parent.parent / "render-performance.py"
spec = importlib.util.spec_from_file_location("render_performance", SCRIPT)
render_performance = importlib.util.module_from_spec(spec)
spec.loader.exec_module(render_performance)

MACHINE = {"cpuModel": "Test CPU", "cores": 2, "memoryBytes": 8 << 30, "os": "TestOS", "swift": "Swift 6.3"}
RESULTS = {
    "runs": [{"id": "R", "date": "2026-12-07T09:00:00Z", "commit": "0123456789abcdef", "build": "release",
              "arguments": [], "machine": MACHINE, "loadAverageBefore": [1.5, 1, 1], "loadAverageAfter": [2.5, 1, 1]}],
    "benchmarks": [
        {"name": "tickets.fold", "summary": "fold | events", "operations": 1000, "unit": "events", "iterations": 3,
         "medianSeconds": 0.002, "minSeconds": 0.002, "maxSeconds": 0.003, "medianCPUSeconds": 0.001,
         "operationsPerSecond": 500_000, "goal": "≥ 1.00M events/s", "goalMet": False, "checksum": "1",
         "loadAverageBefore": [1.5, 1, 1], "loadAverageAfter": [1.75, 1, 1], "measuredAt": "d", "run": "R"},
        {"name": "sla.scan", "summary": "scan", "operations": 10, "unit": "queries", "iterations": 3,
         "medianSeconds": 0.5, "minSeconds": 0.5, "maxSeconds": 0.5, "medianCPUSeconds": 0.4,
         "operationsPerSecond": 20, "p50Seconds": 0.00002, "p99Seconds": 0.00004, "checksum": "2",
         "loadAverageBefore": [1, 1, 1], "loadAverageAfter": [1, 1, 1], "measuredAt": "d", "run": "R"},
    ],
}


class StrayFigures(unittest.TestCase):
    def figures(self, text):
        return [figure for _, figure in render_performance.stray_figures(text)]

    def test_measured_figures_outside_a_table_are_reported(self):
        text = "Appends reach 778k events/s; a scan takes 34.7 ms; about 36× pandas; 740 MB peak."
        self.assertEqual(self.figures(text), ["778k events/s", "34.7 ms", "36×", "740 MB"])

    def test_goals_code_and_arithmetic_are_not_figures(self):
        text = "\n".join([
            "Goal: ≥ 1M events/s and ≤ 400 MB, at most 2 s.",
            "Use `.batched(maxDelay: .milliseconds(1))` or `1 ms`.",
            "χ² = 16.79, p = 4.17 × 10⁻⁵; Ŝ = 0.8571 × 16/17.",
            "```", "let rate = \"52k/s\"", "```",
            "Critical tickets are resolved within 1 hour.",
            "Retried after a backoff (30 s, doubling up to 1 h); ``Config/delay`` (30 s) by default.",
        ])
        self.assertEqual(self.figures(text), [])

    def test_figures_inside_rendered_tables_are_allowed(self):
        text = "<!-- benchmarks: all -->\n| 52k events/s | 3 ms |\n<!-- /benchmarks -->\nafter"
        self.assertEqual(self.figures(text), [])


class Rendering(unittest.TestCase):
    def test_a_table_names_machine_load_date_and_commit_and_escapes_pipes(self):
        table = render_performance.benchmarks_table(RESULTS, ["tickets."])
        self.assertIn("Test CPU, 2 cores, 8 GiB, TestOS, Swift 6.3", table)
        self.assertIn("2026-12-07T09:00:00Z", table)
        self.assertIn("`0123456789ab`", table)
        self.assertIn("1.50 → 1.75", table)
        self.assertIn("fold \\| events", table)
        self.assertIn("500.0k events/s", table)
        self.assertIn("**no**", table)
        self.assertNotIn("sla.scan", table)

    def test_the_postgres_table_names_machine_load_date_and_each_figure(self):
        report = {
            "command": "bash run-tests.sh --benchmarks",
            "machine": {"date": "2026-12-07T10:20:25Z", "cpu": "Test CPU", "cores": 2, "memoryGiB": 8,
                        "postgres": "PostgreSQL 15", "loadAverageBefore": "1.00 1.00 1.00",
                        "loadAverageAfter": "2.00 1.00 1.00"},
            "figures": [
                {"workload": "appends", "store": "A | B", "perSecond": 437.0, "operations": 1600, "seconds": 3.6},
                {"workload": "query", "store": "C", "p50Milliseconds": 1.07, "p99Milliseconds": 8.9,
                 "operations": 1000, "seconds": 1.5},
            ],
        }
        table = render_performance.postgres_table(report)
        for expected in ["Test CPU, 2 cores, 8 GiB", "PostgreSQL 15", "2026-12-07T10:20:25Z",
                         "1.00 1.00 1.00 → 2.00 1.00 1.00", "A \\| B", "437.0/s", "1.1 ms / 8.9 ms"]:
            self.assertIn(expected, table)
        text = "<!-- postgres -->\nstale\n<!-- /postgres -->\n"
        self.assertNotIn("stale", render_performance.render(text, None, None, "doc.md", report))

    def test_latency_quantiles_are_shown_where_measured(self):
        self.assertIn("20.0 µs / 40.0 µs", render_performance.benchmarks_table(RESULTS, ["sla."]))

    def test_only_the_text_between_markers_is_replaced(self):
        text = "before\n<!-- benchmarks: sla. -->\nstale\n<!-- /benchmarks -->\nafter\n"
        rendered = render_performance.render(text, RESULTS, None, "README.md")
        self.assertTrue(rendered.startswith("before\n<!-- benchmarks: sla. -->\n\n"))
        self.assertTrue(rendered.endswith("\n\n<!-- /benchmarks -->\nafter\n"))
        self.assertNotIn("stale", rendered)
        self.assertEqual(render_performance.render(rendered, RESULTS, None, "README.md"), rendered)

    def test_a_peer_row_keeps_its_columns_when_a_cell_holds_a_pipe(self):
        measure = {"wallSeconds": 2.0, "cpuSeconds": 1.0, "peakRSSBytes": 20 << 20, "itemsPerSecond": 500}
        peers = {
            "command": "python3 Benchmarks/peers/run_peers.py",
            "run": {"date": "2026-12-07T09:00:00Z", "commit": "abc", "machine": MACHINE, "python": "3.11",
                    "packages": {"lifelines": "0.30.3"}, "loadAverageBefore": [3, 1, 1], "loadAverageAfter": [4, 1, 1]},
            "comparisons": [{"id": "survival-days", "name": "survival", "input": "1M rows", "unit": "rows",
                             "target": "≥ 10×", "ours": measure, "peer": measure, "ratioWall": 1, "ratioCPU": 1,
                             "targetMet": False, "agreement": "max |Δ| 1e-14"}],
        }
        table = render_performance.peers_table(peers, ["all"])
        row = next(line for line in table.splitlines() if line.startswith("| survival"))
        self.assertEqual(row.replace("\\|", "").count("|"), 9)
        self.assertIn("Python 3.11 (lifelines 0.30.3)", table)
        self.assertIn("3.00 → 4.00", table)

    def test_a_prefix_without_results_is_an_error(self):
        with self.assertRaises(SystemExit):
            render_performance.benchmarks_table(RESULTS, ["desk."])


if __name__ == "__main__":
    unittest.main()
