import Foundation

/// Workloads for HostingSupport (issue 8).
func deskBenchmarks() -> [Benchmark] {
  []
}
