import Foundation

/// Workloads for SupportSLA (issue 5).
func slaBenchmarks() -> [Benchmark] {
  []
}
