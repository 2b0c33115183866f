import Foundation
import SupportTickets
import Testing

/// A fresh, empty folder under the temporary directory, removed by `cleanUp()`.
struct TemporaryStoreDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("file-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(at: url) }

  /// Every regular file below the folder, with its bytes.
  func allFiles() throws -> [String: Data] { try Self.files(in: url) }

  /// Every regular file below `url`, with its bytes.
  static func files(in url: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
    while let file = enumerator?.nextObject() as? URL {
      guard try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      files[file.path] = try Data(contentsOf: file)
    }
    return files
  }

  /// The journal segment and snapshot names.
  func storeFileNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).filter {
      $0.hasPrefix("journal-") || $0.hasPrefix("snapshot-")
    }.sorted()
  }
}

/// The header offsets of the records of a journal segment or snapshot, found by walking the framing.
func recordOffsets(_ bytes: Data) -> [Int] {
  let bytes = [UInt8](bytes)
  var offsets: [Int] = []
  var offset = 8
  while offset + 12 <= bytes.count {
    offsets.append(offset)
    let length = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    offset += 12 + length
  }
  return offsets
}

/// Deterministic timelines for store tests.
enum StoreFixtures {
  static let start = Date(timeIntervalSince1970: 1_795_000_000)

  static func opening(
    _ ticket: String, customer: String = "cust-1", subject: String = "Site down", body: String = "It is down",
    at offset: TimeInterval = 0
  ) -> TicketEvent {
    TicketEvent(
      id: EventID("\(ticket)-e1"), instant: start.addingTimeInterval(offset), author: .customer(CustomerID(customer)),
      kind: .created(
        TicketOpening(
          ticketID: TicketID(ticket), customerID: CustomerID(customer), subject: subject, body: body,
          priority: .high, department: .technical, channel: .email,
          service: ServiceReference(serviceID: "svc-9", tier: .vps, plan: "VPS 4 GB", server: "vps9.example.net"))))
  }

  static func reply(_ ticket: String, version: Int, body: String = "On it", at offset: TimeInterval = 60)
    -> TicketEvent
  {
    TicketEvent(
      id: EventID("\(ticket)-e\(version + 1)"), instant: start.addingTimeInterval(offset), author: .agent("ana"),
      kind: .agentReply(body: body))
  }

  static func note(_ ticket: String, version: Int, body: String, at offset: TimeInterval = 60) -> TicketEvent {
    TicketEvent(
      id: EventID("\(ticket)-e\(version + 1)"), instant: start.addingTimeInterval(offset), author: .agent("ana"),
      kind: .internalNote(body: body))
  }

  /// An event sequence touching every event kind the codec knows.
  static func everyKind(_ ticket: String) -> [TicketEvent] {
    let customer = CustomerID("cust-1")
    var events = [opening(ticket)]
    let kinds: [(TicketAuthor, TicketEvent.Kind)] = [
      (.agent("ana"), .assigneeChanged(to: "ana")),
      (.agent("ana"), .agentReply(body: "Looking — ຂອບໃຈ 👍")),
      (.system, .automatedMessage(body: "We are still working on it")),
      (.agent("ana"), .internalNote(body: "disk full on vps9")),
      (.agent("ana"), .priorityChanged(to: .critical)),
      (.agent("ana"), .departmentChanged(to: Department("storage"))),
      (.agent("ana"), .statusChanged(to: .waitingOnCustomer)),
      (.customer(customer), .customerReply(body: "Still down")),
      (.agent("ana"), .statusChanged(to: .resolved)),
      (.agent("ana"), .reopened),
      (.agent("ana"), .mergedFrom("T-other")),
      (.agent("ana"), .assigneeChanged(to: nil)),
      (.agent("ana"), .merged(into: "T-main")),
    ]
    for (index, (author, kind)) in kinds.enumerated() {
      events.append(
        TicketEvent(
          id: EventID("\(ticket)-k\(index)"), instant: start.addingTimeInterval(Double(index + 1) * 61.5),
          author: author, kind: kind))
    }
    return events
  }
}

/// SplitMix64: a seeded generator so property tests are reproducible.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
