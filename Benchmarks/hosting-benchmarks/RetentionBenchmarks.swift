import Foundation

/// Workloads for RetentionMetrics (issue 7).
func retentionBenchmarks() -> [Benchmark] {
  []
}
