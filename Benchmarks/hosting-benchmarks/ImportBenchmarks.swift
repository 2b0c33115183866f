import Foundation
import SupportImport

/// Workloads for the importers (issue 19).
func importBenchmarks() -> [Benchmark] {
  [
    Benchmark(
      name: "import.whmcs-1M-replies",
      summary: "10k GetTicket responses (JSON lines, 100 replies each) read, mapped and written to a new file store",
      operations: WHMCSExportFixture.ticketCount * WHMCSExportFixture.repliesPerTicket, unit: "replies",
      iterations: 3,
      prepare: {
        let data = await WHMCSExportFixture.shared.data()
        let folder = try ScratchFolder.shared.fresh()
        return {
          let summary = try await importExport(data, into: folder)
          precondition(summary.ticketsCreated == WHMCSExportFixture.ticketCount && summary.warningCount == 0)
        }
      }
    ),
    Benchmark(
      name: "import.whmcs-1M-replies-again",
      summary: "the same export imported again into that store: everything is found and nothing written",
      operations: WHMCSExportFixture.ticketCount * WHMCSExportFixture.repliesPerTicket, unit: "replies",
      iterations: 3,
      prepare: {
        let data = await WHMCSExportFixture.shared.data()
        let folder = try ScratchFolder.shared.fresh()
        _ = try await importExport(data, into: folder, durability: .batched(maxDelay: .milliseconds(1)))
        return {
          let summary = try await importExport(data, into: folder)
          precondition(summary.ticketsUnchanged == WHMCSExportFixture.ticketCount && summary.eventsWritten == 0)
        }
      }
    ),
  ]
}

/// Reads, maps and writes the WHMCS export into the file store in `folder` (the store's default durability:
/// each batch of 256 tickets is one journal write and one sync).
private func importExport(
  _ data: Data, into folder: URL, durability: FileTicketStore.Durability = .fsyncEachWrite
) async throws -> TicketImportSummary {
  let importer = WHMCSImporter(timeZone: try ServerTimeZone(identifier: "America/New_York"))
  let read = try importer.tickets(from: [ImportDocument(name: "whmcs.jsonl", data: data)])
  let store = try FileTicketStore(directory: folder, durability: durability)
  do {
    let summary = try await TicketImportWriter().write(read.tickets, to: store)
    await store.close()
    return summary
  } catch {
    await store.close()
    throw error
  }
}

/// One folder per run under the temporary directory; the previous run's folder is removed first (outside the
/// clock), so runs do not fill the disk.
final class ScratchFolder: @unchecked Sendable {
  // Safe to send: `current` is only touched under `lock`.
  static let shared = ScratchFolder()
  private let lock = NSLock()
  private var current: URL?

  func fresh() throws -> URL {
    try lock.withLock {
      if let current { try? FileManager.default.removeItem(at: current) }
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-import-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      current = folder
      return folder
    }
  }
}

/// A deterministic WHMCS export: 10,000 `GetTicket` responses, one per line, each with the opening message and
/// 100 replies (staff and client in turn, one in fifty with a pasted password), 2 notes, and times in New York
/// local time across a year (clock changes included). Built once, outside the clock.
actor WHMCSExportFixture {
  static let shared = WHMCSExportFixture()
  static let ticketCount = 10_000
  static let repliesPerTicket = 100
  private var built: Data?

  func data() -> Data {
    if let built { return built }
    var random = SplitMix64(seed: 19)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.ticketCount * Self.repliesPerTicket * 330)
    let start = 1_704_067_200  // 2024-01-01 local midnight, as seconds of the local clock
    let sentences = [
      "The site shows a 500 error after the latest plugin update.", "Could you check the mail queue on web03?",
      "We restarted PHP-FPM and cleared the opcode cache; please try again.", "Still slow from Vientiane at night.",
      "DNS for the new domain has propagated; SSL is issued.", "Backups for last week are restored to /restore.",
    ]
    var replyID = 1
    for ticket in 1...Self.ticketCount {
      var local = start + random.below(360 * 86_400)
      let client = 1 + random.below(3_000)
      var json = "{\"result\":\"success\",\"ticketid\":\"\(ticket)\",\"deptname\":\"Technical Support\","
      json += "\"userid\":\"\(client)\",\"date\":\"\(Self.format(local))\",\"subject\":\"Ticket \(ticket): site down\","
      json += "\"status\":\"\(["Open", "Answered", "Customer-Reply", "Closed"][random.below(4)])\","
      json += "\"priority\":\"\(["Low", "Medium", "High"][random.below(3)])\",\"replies\":{\"reply\":["
      json += "{\"replyid\":\"0\",\"userid\":\"\(client)\",\"date\":\"\(Self.format(local))\","
      json += "\"message\":\"\(sentences[random.below(sentences.count)])\",\"admin\":\"\"}"
      for index in 0..<Self.repliesPerTicket {
        local += 60 + random.below(7_200)
        var message = sentences[random.below(sentences.count)] + " " + sentences[random.below(sentences.count)]
        if random.below(50) == 0 { message += " password: Secret\(random.below(10_000))!" }
        let admin = index % 2 == 0 ? "Anousone Keo" : ""
        json += ",{\"replyid\":\"\(replyID)\",\"userid\":\"\(client)\",\"date\":\"\(Self.format(local))\","
        json +=
          "\"message\":\"\(message)\",\"admin\":\"\(admin)\",\"rating\":\"\(admin.isEmpty ? 0 : random.below(6))\"}"
        replyID += 1
      }
      json += "]},\"notes\":{\"note\":[{\"noteid\":\"\(ticket * 2)\",\"date\":\"\(Self.format(local))\","
      json += "\"message\":\"Checked the server logs.\",\"admin\":\"Dara Sok\"},{\"noteid\":\"\(ticket * 2 + 1)\","
      json += "\"date\":\"\(Self.format(local))\",\"message\":\"Escalated to tier 2.\",\"admin\":\"Dara Sok\"}]},"
      json += "\"lastreply\":\"\(Self.format(local))\"}\n"
      bytes.append(contentsOf: json.utf8)
    }
    built = Data(bytes)
    return Data(bytes)
  }

  /// `YYYY-MM-DD HH:MM:SS` of seconds of the local clock since 1970.
  static func format(_ seconds: Int) -> String {
    let date = CivilDate(dayNumber: seconds / 86_400)
    let second = seconds % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(date) \(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
  }
}
