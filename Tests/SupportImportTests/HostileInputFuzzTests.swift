import Foundation
import SupportCore
import SupportImport
import Testing

@Suite("Hostile input never crashes an importer: seeded mutations of the samples")
struct HostileInputFuzzTests {
  static let fragments: [[UInt8]] =
    [
      "null", "\"\"", "[]", "{}", "-", "1e999999", "-0.0000000001", "\"\\ud800\"", "\"\\u0000\"",
      "99999999999999999999999",
      "\"0000-00-00 00:00:00\"", "\"2024-02-30 25:61:61\"", "\"\\\"", "\u{FEFF}", "\u{202E}", "[[[[[[[[[[", "]]]]",
      "\"deleted\"", "\"Closed\"", "\"Free Account\"", "true", ",", ":", "\"password: hunter2x\"",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC0, 0x80], [0x00]]

  /// One seeded mutation: flip, delete, duplicate, truncate or splice in a fragment.
  static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var bytes = input
    for _ in 0...Int.random(in: 0...3, using: &random) {
      guard !bytes.isEmpty else { break }
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<5, using: &random) {
      case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
      case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
      case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 60)], at: at)
      case 3: bytes.removeSubrange(at...)
      default: bytes.insert(contentsOf: fragments[Int.random(in: 0..<fragments.count, using: &random)], at: at)
      }
    }
    return bytes
  }

  nonisolated(unsafe) static let leaves: [Any] = [
    "", "0", "-1", 0, -1, NSNull(), [Any](), [String: Any](), true, 1e300, "0000-00-00 00:00:00", "2024-13-45 99:99:99",
    "2024-03-10 02:30:00", "1970-01-01T00:00:00Z", "Closed", "deleted", "Free Account", "One Time", "urgent",
    "password: hunter2x", "\u{0}\u{1B}[2J", "99999999999999999999999", String(repeating: "x", count: 5_000), "ລາວ 😀",
  ]

  /// One seeded mutation that keeps the JSON valid: a value replaced by a hostile one, a key removed, or an array
  /// element repeated (so the mappers and the writer see the damage, not only the JSON reader).
  static func mutateTree(_ value: Any, _ random: inout SplitMix64, depth: Int = 0) -> Any {
    if var object = value as? [String: Any], !object.isEmpty {
      let key = object.keys.sorted()[Int.random(in: 0..<object.count, using: &random)]
      switch Int.random(in: 0..<6, using: &random) {
      case 0: object[key] = nil
      case 1: object[key] = leaves[Int.random(in: 0..<leaves.count, using: &random)]
      default: object[key] = mutateTree(object[key] as Any, &random, depth: depth + 1)
      }
      return object
    }
    if var array = value as? [Any], !array.isEmpty {
      let index = Int.random(in: 0..<array.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: array.append(array[index])
      case 1: array.remove(at: index)
      default: array[index] = mutateTree(array[index], &random, depth: depth + 1)
      }
      return array
    }
    return leaves[Int.random(in: 0..<leaves.count, using: &random)]
  }

  /// A valid-JSON mutation of a one-value document, or `nil` when the document is JSON lines.
  static func mutateValid(_ data: Data, _ random: inout SplitMix64) -> Data? {
    guard var tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
    for _ in 0...Int.random(in: 0...3, using: &random) { tree = mutateTree(tree, &random) }
    return try? JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed, .sortedKeys])
  }

  /// Runs every importer on the documents; anything but success or an `ImportError` fails the test.
  /// - Returns: How many of the three imports succeeded.
  @discardableResult
  static func importAll(_ documents: [ImportDocument], seed: UInt64) async -> Int {
    var succeeded = 0
    do {
      let whmcs = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(defaultTier: .other, currency: "USD"))
      let read = try whmcs.tickets(from: documents)
      _ = try await TicketImportWriter().write(read.tickets, to: InMemoryTicketStore())
      succeeded += 1
    } catch is ImportError {
    } catch {
      Issue.record("seed \(seed): WHMCS tickets threw \(error)")
    }
    // Typed throws: the subscriptions reader can only throw an ImportError.
    let whmcs = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(defaultTier: .other, currency: "USD"))
    if let book = try? whmcs.subscriptions(from: documents, mode: .lenient) {
      _ = try? RetentionDataset(subscriptions: book.subscriptions)
      succeeded += 1
    }
    do {
      let read = try ZendeskImporter().tickets(from: documents)
      _ = try await TicketImportWriter().write(read.tickets, to: InMemoryTicketStore())
      succeeded += 1
    } catch is ImportError {
    } catch {
      Issue.record("seed \(seed): Zendesk threw \(error)")
    }
    return succeeded
  }

  @Test("2,000 seeded mutations of the WHMCS and Zendesk samples end in a result or an ImportError")
  func mutations() async throws {
    let samples = try SampleExports.documents("whmcs") + SampleExports.documents("zendesk")
    var imported = 0
    for seed in UInt64(1)...2_000 {
      var random = SplitMix64(seed: seed)
      let original = samples[Int(seed % UInt64(samples.count))]
      let bytes =
        seed % 3 == 0
        ? Data(Self.mutate([UInt8](original.data), &random))
        : Self.mutateValid(original.data, &random) ?? Data(Self.mutate([UInt8](original.data), &random))
      let mutated = ImportDocument(name: original.name, data: bytes)
      imported += await Self.importAll([mutated], seed: seed)
    }
    // Enough mutations still parse to exercise the mappers and the writer, not only the JSON reader.
    print("fuzz: \(imported) successful imports")
    #expect(imported >= 1_000)
  }

  @Test("deep nesting, huge numbers and long strings are refused or read, never trapped on")
  func extremes() async {
    let documents = [
      String(repeating: "[", count: 100_000),
      "{\"tickets\":" + String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_001),
      "{\"ticketid\":\"\(String(repeating: "9", count: 400))\",\"subject\":\"x\",\"replies\":[]}",
      "{\"ticketid\":\"1\",\"subject\":\"\(String(repeating: "x", count: 3_000_000))\",\"date\":\"2024-01-01 00:00:00\","
        + "\"status\":\"Open\",\"userid\":\"1\",\"replies\":[{\"replyid\":\"0\",\"message\":\"y\"}]}",
      "{\"clients[client][0][id]\":\"1\",\"clients[client][0]\":\"2\"}",
      "{\"" + String(repeating: "a[b]", count: 50) + "\":1}",
    ].map { SampleExports.document($0) }
    for (index, document) in documents.enumerated() { await Self.importAll([document], seed: UInt64(index)) }
  }

  @Test("an over-long message is cut with a marker saying so, and the ticket imports")
  func longMessage() async throws {
    let long = String(repeating: "log line\n", count: 200_000)  // 1.8 MB
    let document = WHMCSFixtures.ticket(
      extraReplies: [WHMCSFixtures.reply(id: 5, date: "2024-01-02 10:00:00", message: long, admin: "")])
    let read = try WHMCSImporter(timeZone: .utc).tickets(from: [document])
    let store = InMemoryTicketStore()
    let summary = try await TicketImportWriter().write(read.tickets, to: store)
    #expect(summary.warningCount == 0)
    let body = try #require(await store.ticket("whmcs-T1")?.events.first { $0.id == "whmcs-T1-r5" }?.body)
    #expect(body.utf8.count <= 1 << 20 && body.hasSuffix("[truncated on import: 1800000 bytes in all]"))
  }
}
