import Foundation

/// Workloads for FileTicketStore (issue 4).
func fileStoreBenchmarks() -> [Benchmark] {
  []
}
