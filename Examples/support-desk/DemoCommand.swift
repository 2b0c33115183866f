import Foundation
import SupportTickets

/// `support-desk demo`: opens, updates and resolves a handful of tickets in an in-memory store and prints a summary.
func runDemoCommand(_ arguments: [String]) async -> Int32 {
  FileHandle.standardError.write(Data("support-desk demo: being built\n".utf8))
  return 1
}
