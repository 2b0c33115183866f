import Foundation
import Testing

@Suite("support-desk import and retention-report convert on the sample exports")
struct ImportCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/support-desk/samples")

  static func files(_ vendor: String) throws -> [String] {
    let folder = samples.appendingPathComponent(vendor)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      folder.appendingPathComponent($0).path
    }
  }

  static func mapping(_ vendor: String) -> String { samples.appendingPathComponent("\(vendor)-mapping.json").path }

  private func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("importing the WHMCS sample twice: the second run finds every event and writes none")
  func twice() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments =
      ["--store", folder.path, "import", "whmcs"] + (try Self.files("whmcs"))
      + ["--time-zone", "Asia/Vientiane", "--mapping", Self.mapping("whmcs")]
    let first = try runExample("support-desk", arguments)
    #expect(first.status == 0)
    #expect(first.standardOutput.contains("tickets: 3 created, 0 updated, 0 unchanged"))
    let second = try runExample("support-desk", arguments + ["--json"])
    #expect(second.status == 0)
    #expect(second.standardOutput.contains(#""eventsWritten":0"#))
    #expect(second.standardOutput.contains(#""ticketsUnchanged":3"#))
    let listed = try runExample("support-desk", ["--store", folder.path, "list"])
    #expect(listed.standardOutput.contains("whmcs-T102  onHold  normal  whmcs-C8  Invoice shows the wrong VAT number"))
  }

  @Test("a custom status without a mapping exits 2 naming file, line and path, and no store is created")
  func unmappedStatus() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store")
    let run = try runExample(
      "support-desk",
      ["--store", store.path, "import", "whmcs"] + (try Self.files("whmcs")) + ["--time-zone", "Asia/Vientiane"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("support-desk: unknownStatus: "))
    #expect(run.standardError.contains("ticket-details.jsonl: line 2: status: unknown ticket status"))
    #expect(!FileManager.default.fileExists(atPath: store.path))
  }

  @Test("whmcs needs the server's time zone; a zone abbreviation is refused", arguments: [[], ["--time-zone", "EST"]])
  func timeZoneRequired(extra: [String]) throws {
    let run = try runExample("support-desk", ["import", "whmcs"] + (try Self.files("whmcs")) + extra)
    #expect(run.status == 2)
    #expect(run.standardError.contains("support-desk: usage: "))
    #expect(run.standardError.contains("--time-zone"))
  }

  @Test("Zendesk: the deleted ticket is reported as skipped; the others import")
  func zendesk() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runExample(
      "support-desk",
      ["--store", folder.path, "import", "zendesk"] + (try Self.files("zendesk")) + [
        "--mapping", Self.mapping("zendesk"),
      ])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("tickets: 2 created"))
    #expect(run.standardError.contains("support-desk: skipped: ") && run.standardError.contains("5003 is deleted"))
    let shown = try runExample("support-desk", ["--store", folder.path, "show", "zendesk-T5001", "--as-customer"])
    #expect(!shown.standardOutput.contains("stuck sent-items folder"))  // a private comment
  }

  @Test("convert writes the documented CSV files, which the report reads back")
  func convert() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let whmcs = Self.samples.appendingPathComponent("whmcs")
    let run = try runExample(
      "retention-report",
      [
        "convert", "--whmcs", whmcs.appendingPathComponent("products.json").path, "--whmcs",
        whmcs.appendingPathComponent("invoices.json").path, "--whmcs",
        whmcs.appendingPathComponent("ticket-details.jsonl").path, "--zendesk",
        Self.samples.appendingPathComponent("zendesk/satisfaction_ratings.json").path, "--time-zone",
        "Asia/Vientiane", "--mapping", Self.mapping("whmcs"), "--out", folder.path,
      ])
    #expect(run.status == 0)
    let subscriptions = try String(contentsOf: folder.appendingPathComponent("subscriptions.csv"), encoding: .utf8)
    #expect(subscriptions.split(separator: "\n").count == 4)
    #expect(subscriptions.contains("whmcs-C7,whmcs-S12,Shared Starter,shared,direct,monthly,2023-01-15,,7.99,USD"))
    let surveys = try String(contentsOf: folder.appendingPathComponent("surveys.csv"), encoding: .utf8)
    #expect(
      surveys == "customer_id,date,kind,score\nwhmcs-C7,2024-03-04,csat,5\nzendesk-U9001,2024-05-02,csat,5\n"
        + "zendesk-U9002,2024-05-05,csat,1\n")
    let report = try runExample(
      "retention-report",
      [
        "--subscriptions", folder.appendingPathComponent("subscriptions.csv").path, "--surveys",
        folder.appendingPathComponent("surveys.csv").path,
      ])
    #expect(report.status == 0 && report.standardOutput.contains("Retention report"))
  }

  @Test("report takes --subscriptions or --whmcs, not both and not neither")
  func reportSource() throws {
    let neither = try runExample("retention-report", ["report"])
    #expect(neither.status == 2 && neither.standardError.contains("--subscriptions FILE or --whmcs"))
  }
}
