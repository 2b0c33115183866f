import Foundation

/// Workloads for FeedbackSentiment (issue 6).
func sentimentBenchmarks() -> [Benchmark] {
  []
}
