import Foundation

/// `sla-check report`: not part of this build yet (the SLA policy engine provides it).
///
/// - Parameter arguments: The arguments after `report`.
/// - Returns: The exit status.
func runReportCommand(_ arguments: [String]) -> Int32 {
  writeError("sla-check report: not available in this build")
  return 1
}
