import Foundation
import SupportTickets

/// What the desk remembers between runs, apart from tickets (in the ticket store) and the sent-log.
public struct DeskState: Hashable, Sendable, Codable {
  /// An SLA breach a customer suffered (for ``CustomerHealth``).
  public struct Breach: Hashable, Sendable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// The ticket.
    public var ticketID: TicketID
    /// When the desk raised it.
    public var at: Date
  }

  /// Notifications produced but not yet delivered, oldest first.
  public var pending: [OutboundMessage]
  /// Maintenance windows, in scheduling order.
  public var maintenance: [MaintenanceRecord]
  /// Feedback recorded, oldest first.
  public var feedback: [FeedbackOutcome]
  /// SLA breaches raised.
  public var breaches: [Breach]
  /// The number of the next ticket id the desk generates (`T-1`, `T-2`…).
  public var nextTicketNumber: Int

  /// An empty state.
  public init() {
    pending = []
    maintenance = []
    feedback = []
    breaches = []
    nextTicketNumber = 1
  }
}

/// Where the desk keeps its ``DeskState`` and its sent-log: the idempotency keys of every notification
/// delivered, so a restart never sends one again.
///
/// ## Contract
/// - `appendToSentLog` is durable when it returns; keys are only ever added.
/// - `loadSentLog` returns every key appended before, in any order (a torn last record may be dropped: that
///   notification is then sent again, which at-least-once delivery allows).
/// - `saveState` replaces the state atomically; `loadState` returns the last saved state or an empty one.
/// - Called from one desk at a time (the desk is an actor).
public protocol DeskStateStore: Sendable {
  /// The last saved state, or an empty state.
  func loadState() async throws -> DeskState
  /// Replaces the saved state.
  /// - Parameter state: The new state.
  func saveState(_ state: DeskState) async throws
  /// Every key recorded as sent.
  func loadSentLog() async throws -> Set<String>
  /// Records keys as sent, durably.
  /// - Parameter keys: Idempotency keys of delivered notifications.
  func appendToSentLog(_ keys: [String]) async throws
}

/// Keeps the desk's state in memory: for tests and for hosts that persist nothing.
public actor InMemoryDeskStateStore: DeskStateStore {
  private var state = DeskState()
  private var sent: Set<String> = []

  /// An empty store.
  public init() {}

  /// The saved state.
  public func loadState() -> DeskState { state }
  /// Replaces the state.
  /// - Parameter state: The new state.
  public func saveState(_ state: DeskState) { self.state = state }
  /// The keys recorded.
  public func loadSentLog() -> Set<String> { sent }
  /// Records keys.
  /// - Parameter keys: The keys.
  public func appendToSentLog(_ keys: [String]) { sent.formUnion(keys) }
}

/// Keeps the desk's state in a folder (typically next to a `FileTicketStore`):
/// `desk-state.json` (replaced atomically) and `sent-log.jsonl` (one JSON string per line, fsynced appends).
public actor FileDeskStateStore: DeskStateStore {
  /// The folder.
  public nonisolated let directory: URL
  private var stateURL: URL { directory.appendingPathComponent("desk-state.json") }
  private var sentLogURL: URL { directory.appendingPathComponent("sent-log.jsonl") }

  /// A store in `directory` (created when first written).
  /// - Parameter directory: The folder.
  public init(directory: URL) {
    self.directory = directory
  }

  /// The saved state, or an empty one when there is none.
  /// - Throws: ``HostingSupportError`` `corruptState` if the file cannot be decoded.
  public func loadState() throws -> DeskState {
    guard let data = try? Data(contentsOf: stateURL) else { return DeskState() }
    do {
      return try Self.decoder.decode(DeskState.self, from: data)
    } catch {
      throw HostingSupportError.corruptState(path: stateURL.path, line: 1, reason: "not a desk state: \(error)")
    }
  }

  /// Replaces the state atomically.
  /// - Parameter state: The new state.
  /// - Throws: ``HostingSupportError`` `ioFailure`.
  public func saveState(_ state: DeskState) throws {
    try DurableFile.replace(stateURL, with: try Self.encoder.encode(state))
  }

  /// Every key in the sent-log. A torn last line (no newline) is ignored; any other damaged line throws.
  /// - Throws: ``HostingSupportError`` `corruptState` with the line number.
  public func loadSentLog() throws -> Set<String> {
    guard let data = try? Data(contentsOf: sentLogURL) else { return [] }
    var keys: Set<String> = []
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where !line.isEmpty {
      let isLast = index == lines.count - 1
      guard let key = try? Self.decoder.decode(String.self, from: Data(line)) else {
        if isLast { break }
        throw HostingSupportError.corruptState(path: sentLogURL.path, line: index + 1, reason: "not a JSON string")
      }
      if isLast { break }  // no newline after it: the append did not finish
      keys.insert(key)
    }
    return keys
  }

  /// Appends keys, one JSON string per line, and fsyncs.
  /// - Parameter keys: The keys.
  /// - Throws: ``HostingSupportError`` `ioFailure`.
  public func appendToSentLog(_ keys: [String]) throws {
    guard !keys.isEmpty else { return }
    var data = Data()
    for key in keys {
      data.append(try Self.encoder.encode(key))
      data.append(UInt8(ascii: "\n"))
    }
    try DurableFile.append(data, to: sentLogURL)
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  private static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }()
}
