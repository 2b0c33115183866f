import Foundation

/// Workloads for SupportTickets (issue 3).
func ticketBenchmarks() -> [Benchmark] {
  []
}
