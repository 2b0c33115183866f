import Foundation
import SupportTickets

/// `support-desk [--store DIR] open|list|show|reply|note|status|resolve|export|verify|repair …`.
///
/// Exit status: 0 on success, 1 when the store refuses (damaged, locked, unknown ticket, invalid change),
/// 2 for bad arguments (the usage is printed).
func runStoreCommand(_ arguments: [String]) async -> Int32 {
  do {
    let (directory, afterStore) = try extractStoreDirectory(arguments)
    let (lockTimeout, rest) = try extractLockTimeout(afterStore)
    guard let command = rest.first else { throw UsageError(message: "no command given") }
    let options = Array(rest.dropFirst())
    let folder = URL(fileURLWithPath: directory)
    switch command {
    case "help", "--help", "-h":
      print(storeUsage)
      return 0
    case "verify": return try verifyCommand(folder, options, lockTimeout: lockTimeout)
    case "repair": return try repairCommand(folder, options, lockTimeout: lockTimeout)
    case "__crash-writer": return await crashWriterCommand(folder, options)
    case "open", "list", "show", "reply", "note", "status", "resolve", "export":
      let desk = try StoreDesk(folder: folder, command: command, options: options, lockTimeout: lockTimeout)
      return try await desk.run()
    default:
      throw UsageError(message: "unknown command '\(command)'")
    }
  } catch let error as UsageError {
    printError("support-desk: \(error.message)\n\(storeUsage)")
    return 2
  } catch let error as StoreError {
    printError("support-desk: \(oneLine(error.description))")
    return 1
  } catch let error as TicketError {
    printError("support-desk: \(oneLine(error.description))")
    return 1
  } catch {
    printError("support-desk: \(oneLine(String(describing: error)))")
    return 1
  }
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes a line to standard output immediately (no buffering), so a reader sees it at once.
func printNow(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

private func oneLine(_ text: String) -> String {
  text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

private func verifyCommand(_ folder: URL, _ options: [String], lockTimeout: Duration) throws -> Int32 {
  _ = try ParsedArguments(options).positionals(exactly: 0, "no arguments")
  let report = try FileTicketStore.verify(at: folder, lockTimeout: lockTimeout)
  print(report.description)
  return report.isClean ? 0 : 1
}

private func repairCommand(_ folder: URL, _ options: [String], lockTimeout: Duration) throws -> Int32 {
  _ = try ParsedArguments(options).positionals(exactly: 0, "no arguments")
  let repair = try FileTicketStore.repair(at: folder, lockTimeout: lockTimeout)
  print(repair.description)
  return repair.result.isClean ? 0 : 1
}
