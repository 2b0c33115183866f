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

extension TemporaryStoreDirectory {
  /// Every entry below the folder: regular files with their bytes, other entries by kind (`dir`, `link → …`,
  /// `fifo`), to prove that something changed nothing at all.
  func entries() throws -> [String: String] { try Self.entries(in: url) }

  static func entries(in url: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let manager = FileManager.default
    for name in try manager.subpathsOfDirectory(atPath: url.path) {
      let path = url.appendingPathComponent(name).path
      let attributes = try manager.attributesOfItem(atPath: path)
      switch attributes[.type] as? FileAttributeType {
      case .typeRegular?: result[name] = (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
      case .typeSymbolicLink?: result[name] = "link → " + (try manager.destinationOfSymbolicLink(atPath: path))
      case .typeDirectory?: result[name] = "dir"
      case let other: result[name] = other?.rawValue ?? "unknown"
      }
    }
    return result
  }

  /// A closed store of 10 tickets, each created and then replied to: 20 journal records of one event.
  func makeTwentyEventStore() async throws -> [Ticket] {
    let store = try FileTicketStore(directory: url)
    for index in 0..<10 {
      _ = try await store.create(opening: StoreFixtures.opening("T-\(index)", customer: "cust-\(index % 3)"))
      _ = try await store.append(
        [StoreFixtures.reply("T-\(index)", version: 1)], to: TicketID("T-\(index)"), expectedVersion: 1)
    }
    let tickets = try await store.allTickets()
    await store.close()
    return tickets
  }

  /// The URL of a file in the folder.
  func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// An error's code and context, for `#expect(throws:)` checks.
func isStoreError(_ error: any Error, _ code: StoreError.Code, file: String? = nil) -> Bool {
  guard let error = error as? StoreError, error.code == code else { return false }
  return file.map { error.context["file"]?.hasSuffix("/" + $0) == true } ?? true
}

extension TemporaryStoreDirectory {
  /// The first journal segment.
  var journal: URL { file("journal-0000000000000001.log") }

  /// Rewrites the first journal segment: `change` edits its bytes, knowing the offsets of its records.
  /// - Returns: The bytes it holds now.
  @discardableResult
  func changeJournal(_ change: (inout Data, _ recordOffsets: [Int]) throws -> Void) throws -> Data {
    var bytes = try Data(contentsOf: journal)
    try change(&bytes, recordOffsets(bytes))
    try bytes.write(to: journal)
    return bytes
  }
}

/// A store folder and a folder outside it (to prove nothing is written there), both removed afterwards.
func withStoreAndOutside(
  _ body: (_ store: TemporaryStoreDirectory, _ outside: TemporaryStoreDirectory) async throws -> Void
) async throws {
  let store = try TemporaryStoreDirectory()
  let outside = try TemporaryStoreDirectory()
  defer {
    store.cleanUp()
    outside.cleanUp()
  }
  try await body(store, outside)
}
