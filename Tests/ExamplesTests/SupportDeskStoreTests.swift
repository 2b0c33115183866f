import Foundation
import Testing

@Suite("support-desk on the file store")
struct SupportDeskStoreTests {
  private func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private func desk(_ store: URL, _ arguments: [String]) async throws -> ExampleRun {
    try await runExample("support-desk", ["--store", store.path] + arguments)
  }

  @Test("open prints the new ticket's id alone on the first line, and the ticket is stored")
  func openPrintsID() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("data")
    let opened = try await desk(
      store,
      ["open", "--customer", "cust-7", "--subject", "Mail bounces", "--body", "Since noon", "--priority", "high"])
    #expect(opened.status == 0)
    let id = try #require(opened.standardOutput.split(separator: "\n").first.map(String.init))
    #expect(!id.isEmpty && !id.contains(" "))
    let listed = try await desk(store, ["list"])
    #expect(listed.status == 0)
    #expect(listed.standardOutput.contains("\(id)  open  high  cust-7  Mail bounces"))
  }

  @Test("the store defaults to a support-data folder in the current directory")
  func defaultStoreFolder() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let opened = try await runExample(
      "support-desk", ["open", "--customer", "c", "--subject", "s", "--body", "b"], in: folder)
    #expect(opened.status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("support-data/MANIFEST").path))
  }

  @Test("show --as-customer never shows internal notes, while the staff view does")
  func customerViewHidesNotes() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let id = try await desk(folder, ["open", "--customer", "cust-1", "--subject", "VPS slow", "--body", "Very slow"])
      .standardOutput.split(separator: "\n")[0]
    await #expect(
      try desk(folder, ["note", String(id), "--body", "customer abuses CPU, throttle quietly"]).status == 0)
    await #expect(try desk(folder, ["reply", String(id), "--body", "We are looking into it"]).status == 0)
    let staff = try await desk(folder, ["show", String(id)])
    #expect(staff.standardOutput.contains("throttle quietly"))
    for arguments in [["show", String(id), "--as-customer"], ["show", String(id), "--as-customer", "--json"]] {
      let customer = try await desk(folder, arguments)
      #expect(customer.status == 0)
      #expect(customer.standardOutput.contains("We are looking into it"))
      #expect(!customer.standardOutput.contains("throttle quietly"))
      #expect(!customer.standardOutput.contains("internal"))
    }
  }

  @Test("reply, status and resolve change the ticket; export writes one ticket JSON per line")
  func lifecycleAndExport() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try await desk(folder, ["open", "--customer", "a", "--subject", "One", "--body", "1"]).standardOutput
    let second = try await desk(folder, ["open", "--customer", "b", "--subject", "Two", "--body", "2"]).standardOutput
    let idA = String(first.split(separator: "\n")[0])
    let idB = String(second.split(separator: "\n")[0])
    #expect(idA != idB)
    await #expect(try desk(folder, ["status", idA, "inProgress"]).status == 0)
    await #expect(try desk(folder, ["reply", idA, "--body", "more info", "--from-customer"]).status == 0)
    await #expect(try desk(folder, ["resolve", idB, "--body", "Fixed"]).status == 0)
    let export = try await desk(folder, ["export", "--jsonl"])
    #expect(export.status == 0)
    let lines = export.standardOutput.split(separator: "\n")
    #expect(lines.count == 2)
    let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(objects[0]?["id"] as? String == idA)
    #expect(objects[0]?["status"] as? String == "inProgress")
    #expect((objects[0]?["events"] as? [Any])?.count == 3)
    #expect(objects[1]?["status"] as? String == "resolved")
    let resolved = try await desk(folder, ["list", "--status", "resolved"])
    #expect(resolved.standardOutput.split(separator: "\n").count == 1)
  }

  @Test(
    "bad arguments are one usage line on stderr pointing at --help, and exit 2",
    arguments: [
      [String](), ["frobnicate"], ["open", "--customer", "c"], ["show"], ["status", "T-1", "done"],
      ["open", "--customer", "c", "--subject", "s", "--body", "b", "--priority", "urgent"], ["list", "--bogus"],
      ["--store"],
    ])
  func badArguments(arguments: [String]) async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try await runExample("support-desk", arguments, in: folder)
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("support-desk: usage: "), "\(run.standardError)")
    #expect(run.standardError.split(separator: "\n").count == 1)
    #expect(run.standardError.contains("--help'"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("a damaged store makes list and export fail with a one-line message; verify fails; repair recovers")
  func damagedStore() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for index in 0..<3 {
      await #expect(try desk(folder, ["open", "--customer", "c", "--subject", "S\(index)", "--body", "B"]).status == 0)
    }
    await #expect(try desk(folder, ["verify"]).status == 0)
    let journal = folder.appendingPathComponent("journal-0000000000000001.log")
    var bytes = try Data(contentsOf: journal)
    bytes[30] ^= 0x55  // inside the first record
    try bytes.write(to: journal)
    for command in [["list"], ["export", "--jsonl"]] {
      let run = try await desk(folder, command)
      #expect(run.status != 0)
      #expect(run.standardError.split(separator: "\n").count == 1)
      #expect(run.standardError.contains("journal-0000000000000001.log"))
      #expect(run.standardError.contains("byte 8"))
    }
    await #expect(try desk(folder, ["verify"]).status == 1)
    let repair = try await desk(folder, ["repair"])
    #expect(repair.status == 0)
    #expect(repair.standardOutput.contains("moved aside"))
    await #expect(try desk(folder, ["verify"]).status == 0)
    await #expect(try desk(folder, ["list"]).status == 0)
  }
}
