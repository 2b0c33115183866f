import Foundation
import SupportCore
import SupportTickets

/// An SLA breach a customer suffered (for ``CustomerHealth``).
struct DeskBreach: Hashable, Sendable, Codable {
  var customerID: CustomerID
  var ticketID: TicketID
  var at: Date
  /// The idempotency key of the alert that raised it (absent in records written before desks shared a store):
  /// a breach is recorded once per alert, whichever desk raised it.
  var alertKey: String?
}

/// One change to the desk's state: what a ``DeskStateRecord`` carries. Every change the desk makes to its state
/// is applied in memory and written as one record, so replaying the records rebuilds the state.
///
/// Adding a kind: a case here, its name in ``kind``, its payload in ``encodedPayload()`` and ``init(_:)``, and how
/// it folds in `DeskState.apply(_:)`.
enum DeskChange: Hashable, Sendable {
  /// The next generated ticket number (`T-<n>`).
  case ticketNumber(next: Int, at: Date)
  /// A message was produced and waits for delivery.
  case queued(OutboundMessage)
  /// A queued message was withdrawn before delivery (its maintenance window changed).
  case withdrawn(key: String, at: Date)
  /// A message was delivered.
  case sent(key: String, at: Date)
  /// Feedback was acted on.
  case feedback(FeedbackOutcome)
  /// An SLA breach was raised.
  case breach(DeskBreach)
  /// A maintenance window was planned, moved, cancelled, estimated anew or marked done: its whole new record.
  case maintenance(MaintenanceRecord, at: Date)
  /// A satisfaction survey was requested (its message is queued with it).
  case surveyRequested(SatisfactionSurvey)
  /// A survey was answered: its token's single use.
  case surveyAnswered(SurveyAnswer)
  /// A suggestion joined the board or changed status: its whole new record.
  case suggestion(Suggestion)
  /// An incident was declared, updated or resolved: its whole new record.
  case incident(IncidentRecord, at: Date)
  /// A ticket was linked to an incident.
  case incidentLinked(IncidentLink)

  private struct TicketNumber: Codable {
    var next: Int
    var at: Date
  }
  private struct KeyAt: Codable {
    var key: String
    var at: Date
  }
  private struct MaintenanceChange: Codable {
    var record: MaintenanceRecord
    var at: Date
  }
  private struct IncidentChange: Codable {
    var record: IncidentRecord
    var at: Date
  }

  /// The record kind's name.
  var kind: DeskStateRecord.Kind {
    switch self {
    case .ticketNumber: "ticket-number"
    case .queued: "queued"
    case .withdrawn: "withdrawn"
    case .sent: "sent"
    case .feedback: "feedback"
    case .breach: "breach"
    case .maintenance: "maintenance"
    case .surveyRequested: "survey-requested"
    case .surveyAnswered: "survey-answered"
    case .suggestion: "suggestion"
    case .incident: "incident"
    case .incidentLinked: "incident-link"
    }
  }

  /// The record's identity in a shared log: two desks that make the same change write it once. `nil` for the
  /// ticket counter (every record counts) and for breaches written before they named their alert.
  ///
  /// Records that have versions (maintenance windows, suggestions, incidents) carry the version in their key, so
  /// two desks that each make the next version of the same record collide: the first wins, the second learns it
  /// from ``DeskStateAppendResult/alreadyStored``. A survey is requested once and answered once; a ticket is
  /// linked to one incident.
  var key: String? {
    switch self {
    case .ticketNumber: nil
    case .queued(let message): "queued/\(message.idempotencyKey)"
    case .withdrawn(let key, _): "withdrawn/\(key)"
    case .sent(let key, _): "sent/\(key)"
    case .feedback(let outcome): "feedback/\(outcome.feedback.id)"
    case .breach(let breach): breach.alertKey.map { "breach/\($0)" }
    case .maintenance(let record, _): "maintenance/\(record.id.rawValue)/v\(record.changeCount)"
    case .surveyRequested(let survey): "survey/\(survey.id.rawValue)"
    case .surveyAnswered(let answer): "survey-answer/\(answer.surveyID.rawValue)"
    case .suggestion(let suggestion): "suggestion/\(suggestion.id.rawValue)/r\(suggestion.revision)"
    case .incident(let record, _): "incident/\(record.id.rawValue)/r\(record.revision)"
    case .incidentLinked(let link): "incident-link/\(link.ticketID.rawValue)"
    }
  }

  /// When the change happened, as far as retention is concerned.
  var instant: Date {
    switch self {
    case .queued(let message): message.createdAt
    case .ticketNumber(_, let at), .withdrawn(_, let at), .sent(_, let at), .maintenance(_, let at): at
    case .feedback(let outcome): outcome.feedback.receivedAt
    case .breach(let breach): breach.at
    case .surveyRequested(let survey): survey.requestedAt
    case .surveyAnswered(let answer): answer.answeredAt
    case .suggestion(let suggestion): suggestion.updatedAt
    case .incident(_, let at): at
    case .incidentLinked(let link): link.at
    }
  }

  /// The change as a record.
  /// - Throws: `EncodingError` (not expected: every payload is plain data).
  func record() throws -> DeskStateRecord {
    DeskStateRecord(kind: kind, instant: instant, payload: try encodedPayload())
  }

  /// The change as a record with its key, for a shared log.
  /// - Throws: `EncodingError` (not expected).
  func keyedRecord() throws -> KeyedDeskStateRecord {
    KeyedDeskStateRecord(key: key, record: try record())
  }

  private func encodedPayload() throws -> String {
    let encoder = DeskStateJSON.encoder
    let data: Data
    switch self {
    case .ticketNumber(let next, let at): data = try encoder.encode(TicketNumber(next: next, at: at))
    case .queued(let message): data = try encoder.encode(message)
    case .withdrawn(let key, let at), .sent(let key, let at): data = try encoder.encode(KeyAt(key: key, at: at))
    case .feedback(let outcome): data = try encoder.encode(outcome)
    case .breach(let breach): data = try encoder.encode(breach)
    case .maintenance(let record, let at): data = try encoder.encode(MaintenanceChange(record: record, at: at))
    case .surveyRequested(let survey): data = try encoder.encode(survey)
    case .surveyAnswered(let answer): data = try encoder.encode(answer)
    case .suggestion(let suggestion): data = try encoder.encode(suggestion)
    case .incident(let record, let at): data = try encoder.encode(IncidentChange(record: record, at: at))
    case .incidentLinked(let link): data = try encoder.encode(link)
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads a record back.
  /// - Parameters:
  ///   - record: The record.
  ///   - position: Its 0-based position in the log, for the error.
  /// - Throws: ``HostingSupportError`` `corruptState` for an unknown kind or a payload that does not decode.
  init(_ record: DeskStateRecord, position: Int) throws {
    let decoder = DeskStateJSON.decoder
    let data = Data(record.payload.utf8)
    do {
      switch record.kind.rawValue {
      case "ticket-number":
        let number = try decoder.decode(TicketNumber.self, from: data)
        guard number.next >= 1 else { throw DeskStateJSON.invalid("ticket number \(number.next) is below 1") }
        self = .ticketNumber(next: number.next, at: number.at)
      case "queued": self = .queued(try decoder.decode(OutboundMessage.self, from: data))
      case "withdrawn":
        let value = try decoder.decode(KeyAt.self, from: data)
        self = .withdrawn(key: value.key, at: value.at)
      case "sent":
        let value = try decoder.decode(KeyAt.self, from: data)
        self = .sent(key: value.key, at: value.at)
      case "feedback": self = .feedback(try decoder.decode(FeedbackOutcome.self, from: data))
      case "breach": self = .breach(try decoder.decode(DeskBreach.self, from: data))
      case "maintenance":
        let value = try decoder.decode(MaintenanceChange.self, from: data)
        self = .maintenance(value.record, at: value.at)
      case "survey-requested": self = .surveyRequested(try decoder.decode(SatisfactionSurvey.self, from: data))
      case "survey-answered": self = .surveyAnswered(try decoder.decode(SurveyAnswer.self, from: data))
      case "suggestion": self = .suggestion(try decoder.decode(Suggestion.self, from: data))
      case "incident":
        let value = try decoder.decode(IncidentChange.self, from: data)
        self = .incident(value.record, at: value.at)
      case "incident-link": self = .incidentLinked(try decoder.decode(IncidentLink.self, from: data))
      default:
        throw HostingSupportError.damagedStateRecord(
          position: position, kind: record.kind.rawValue,
          reason: "this version of the desk does not know this kind (written by a newer version?)")
      }
    } catch let error as HostingSupportError {
      throw error
    } catch {
      throw HostingSupportError.damagedStateRecord(
        position: position, kind: record.kind.rawValue, reason: "its payload does not decode: \(error)")
    }
  }
}

/// The JSON coders of desk state payloads: sorted keys, instants as RFC 3339 with milliseconds.
enum DeskStateJSON {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.format(date))
    }
    return encoder
  }()

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = Timestamp.parse(text) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 instant: \(text)")
      }
      return date
    }
    return decoder
  }()

  static func invalid(_ reason: String) -> DecodingError {
    DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: reason))
  }
}
