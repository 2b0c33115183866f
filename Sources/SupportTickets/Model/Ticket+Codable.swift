import Foundation

/// JSON for a ticket: its id, a summary of the folded state, and the whole timeline.
///
/// ```json
/// {"id":"T-1","customer":"cust-1","subject":"Site down","status":"open","priority":"critical",
///  "department":"technical","version":2,"events":[{…created…},{…agentReply…}]}
/// ```
/// `assignee` and `reseller` (the ticket's reseller, see ``Ticket/resellerID``) are present when set.
/// Only `id` and `events` are read back: the state is always re-folded from the timeline, so a
/// summary that disagrees with the events can never be trusted by accident. Decoding fails with
/// a `DecodingError` naming the field path when the timeline breaks a lifecycle rule.
extension Ticket: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, customer, subject, status, priority, department, assignee, reseller, version, events
  }

  /// Decodes a ticket by folding its `events`.
  /// - Throws: `DecodingError` for malformed JSON, an `id` that differs from the timeline's, or a timeline
  ///   that breaks a lifecycle rule (the message carries the ``TicketError``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decode(TicketID.self, forKey: .id)
    let events = try container.decode([TicketEvent].self, forKey: .events)
    do {
      self = try Ticket(events: events)
    } catch let error as TicketError {
      // Name the event that broke the rule: `events[3]`.
      let index = Ticket.indexOfFirstRefusedEvent(in: events)
      let path = container.codingPath + [CodingKeys.events] + (index.map { [TimelineIndexKey($0)] } ?? [])
      throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: error.description))
    }
    guard self.id == id else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: container, debugDescription: "id \(id) differs from the timeline's ticket \(self.id)")
    }
  }

  /// Encodes the id, a readable summary and the timeline.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(customerID, forKey: .customer)
    try container.encode(subject, forKey: .subject)
    try container.encode(status, forKey: .status)
    try container.encode(priority, forKey: .priority)
    try container.encode(department, forKey: .department)
    try container.encodeIfPresent(assignee, forKey: .assignee)
    try container.encodeIfPresent(resellerID, forKey: .reseller)
    try container.encode(version, forKey: .version)
    try container.encode(events, forKey: .events)
  }
}

extension Ticket {
  /// The position of the first event that the lifecycle rules refuse, or `nil` when the timeline folds.
  static func indexOfFirstRefusedEvent(in events: [TicketEvent]) -> Int? {
    guard let first = events.first, var ticket = try? Ticket(opening: first) else { return 0 }
    for (index, event) in events.enumerated().dropFirst() {
      do { try ticket.apply(event) } catch { return index }
    }
    return nil
  }
}

/// An array position in a coding path.
struct TimelineIndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "Index \(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

/// The encoder and decoder for this package's JSON shapes.
public enum TicketJSON {
  /// An encoder with sorted keys (stable output); instants are written by the types themselves.
  public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Decodes a value, turning any failure into a `DecodingIssue` that names the field path.
  /// - Parameters:
  ///   - type: What to decode.
  ///   - data: The JSON.
  ///   - line: The input line, for line-oriented formats.
  /// - Returns: The decoded value.
  /// - Throws: `DecodingIssue`.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data, line: Int? = nil) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw DecodingIssue(error, line: line)
    } catch {
      throw DecodingIssue(code: .malformed, path: "", line: line, message: "not valid JSON")
    }
  }
}
