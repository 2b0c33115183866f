import Foundation
import SupportTickets

/// Events ready to be written: redacted, encoded in the kit's event JSON, and read back from that JSON.
///
/// Reading back means the events a call returns are exactly the events later reads decode from the
/// database (instants kept to the millisecond, as the JSON writes them), so `create` returns what `ticket(_:)`
/// will return. All of it happens before a connection is taken, on the caller's task.
struct StoredEvents: Sendable {
  /// The events as stored.
  let events: [TicketEvent]
  /// Each event's JSON, the `payload` column.
  let payloads: [String]

  /// Redacts, encodes and reads back.
  /// - Parameters:
  ///   - events: The events as the caller gave them.
  ///   - ticketID: The ticket they belong to, for error messages (`nil` before the opening is read).
  ///   - redactor: Masks secrets in every text before anything else happens.
  /// - Throws: ``StoreError`` `unstorableEvent` for an event PostgreSQL cannot hold (a NUL character) or
  ///   whose JSON does not read back (an empty department name); `secretInIdentifier` for an identifier that
  ///   holds a card number or secret.
  init(_ events: [TicketEvent], ticketID: TicketID?, redactor: SensitiveDataRedactor) throws {
    let encoder = TicketJSON.makeEncoder()
    let decoder = JSONDecoder()
    var stored: [TicketEvent] = []
    var payloads: [String] = []
    stored.reserveCapacity(events.count)
    payloads.reserveCapacity(events.count)
    for event in events {
      let redacted = try redactor.redacted(event)
      let json = try encoder.encode(redacted)
      let ticket = ticketID ?? redacted.openedTicketID
      guard !Self.containsEscapedNUL(json) else {
        throw StoreError.unstorableEvent(event.id, in: ticket, reason: "it contains a NUL character")
      }
      do {
        stored.append(try decoder.decode(TicketEvent.self, from: json))
      } catch {
        throw StoreError.unstorableEvent(event.id, in: ticket, reason: "its JSON does not read back (\(error))")
      }
      payloads.append(String(decoding: json, as: UTF8.self))
    }
    self.events = stored
    self.payloads = payloads
  }

  /// The parameters `$2`…`$9` of ``TicketStatements/insertEvents``: one array per column.
  /// - Parameter firstSequence: The timeline position of the first event (1 for a new ticket).
  func columnValues(firstSequence: Int) -> [PostgresValue] {
    [
      .int32Array(events.indices.map { Int32(firstSequence + $0) }),
      .textArray(events.map(\.id.rawValue)),
      .timestampArray(events.map(\.instant)),
      .textArray(events.map(\.author.role)),
      .textArray(events.map(\.author.identifier)),
      .textArray(events.map(\.visibility.rawValue)),
      .textArray(events.map(\.kind.name)),
      .textArray(payloads),
    ]
  }

  /// Whether JSON text holds the escape `\u0000` (PostgreSQL's `jsonb` and `text` cannot hold NUL). An
  /// escaped backslash followed by `u0000` is ordinary text and does not count.
  static func containsEscapedNUL(_ json: Data) -> Bool {
    let escape: [UInt8] = Array("u0000".utf8)
    var backslashes = 0
    var index = json.startIndex
    while index < json.endIndex {
      let byte = json[index]
      if byte == UInt8(ascii: "\\") {
        backslashes += 1
      } else {
        if backslashes % 2 == 1, byte == UInt8(ascii: "u"), json[index...].starts(with: escape) { return true }
        backslashes = 0
      }
      index += 1
    }
    return false
  }
}

extension TicketEvent {
  /// The ticket a `created` event opens, else a placeholder for messages.
  fileprivate var openedTicketID: TicketID {
    if case .created(let opening) = kind { return opening.ticketID }
    return TicketID("unknown")
  }
}

extension TicketAuthor {
  /// The customer's or agent's id; `nil` for the system.
  var identifier: String? {
    switch self {
    case .customer(let id): return id.rawValue
    case .agent(let id): return id.rawValue
    case .system: return nil
    }
  }
}
