import Foundation
import SupportTickets

/// Marks ``MaintenanceID``.
public enum MaintenanceTag: Sendable {}
/// Identifies a maintenance window.
public typealias MaintenanceID = Identifier<MaintenanceTag>

/// One message the desk sends: to a customer (e-mail, panel inbox, SMS) or to the host's staff.
///
/// Every notification carries an ``idempotencyKey`` derived from what it is about (the ticket and SLA
/// target, the maintenance window and notice, the feedback), never from when it was produced. Transports
/// deliver at least once; a receiver that drops keys it has already seen sees each message exactly once.
///
/// JSON shape (what ``FileOutboxTransport`` writes and ``WebhookTransport`` posts):
/// ```json
/// {"idempotencyKey":"sla/T-1/firstResponse/breach","audience":"staff","kind":"slaBreach","locale":"en",
///  "subject":"…","body":"…","createdAt":"2026-11-23T10:00:00Z","ticketID":"T-1","metadata":{}}
/// ```
/// `customerID`, `ticketID`, `maintenanceID` and `sender` are omitted when absent. Customer messages from the
/// desk carry a `sender` (``MessageSender``): the host, or a reseller under its brand.
public struct OutboundMessage: Hashable, Sendable, Codable, Identifiable {
  /// Stable key naming what this notification is about; the same event always yields the same key.
  public var idempotencyKey: String
  /// Who it is for.
  public var audience: MessageAudience
  /// The customer it is addressed to, when ``audience`` is ``MessageAudience/customer``.
  public var customerID: CustomerID?
  /// What kind of message it is.
  public var kind: MessageKind
  /// The language the text is written in.
  public var locale: MessageLocale
  /// One-line subject (plain text).
  public var subject: String
  /// The message (plain text).
  public var body: String
  /// When the desk produced it.
  public var createdAt: Date
  /// The ticket it concerns, if any.
  public var ticketID: TicketID?
  /// The maintenance window it concerns, if any.
  public var maintenanceID: MaintenanceID?
  /// Extra machine-readable facts (`priority`, `target`, `level`, `aspect`…).
  public var metadata: [String: String]
  /// Whom a customer message comes from: the host, or the customer's reseller under its brand; `nil` for staff
  /// messages (and customer messages made before the desk knew brands).
  public var sender: MessageSender?

  /// The idempotency key: two notifications with the same id are the same message.
  public var id: String { idempotencyKey }

  /// Creates a notification.
  /// - Parameters:
  ///   - idempotencyKey: Stable key naming what it is about.
  ///   - audience: Customer or staff.
  ///   - customerID: The recipient, for customer notifications.
  ///   - kind: What kind of message it is.
  ///   - locale: The language of the text.
  ///   - subject: One-line subject.
  ///   - body: The message.
  ///   - createdAt: When it was produced.
  ///   - ticketID: The ticket concerned.
  ///   - maintenanceID: The maintenance window concerned.
  ///   - metadata: Extra facts.
  ///   - sender: Whom a customer message comes from.
  public init(
    idempotencyKey: String,
    audience: MessageAudience,
    customerID: CustomerID? = nil,
    kind: MessageKind,
    locale: MessageLocale = .english,
    subject: String,
    body: String,
    createdAt: Date,
    ticketID: TicketID? = nil,
    maintenanceID: MaintenanceID? = nil,
    metadata: [String: String] = [:],
    sender: MessageSender? = nil
  ) {
    self.idempotencyKey = idempotencyKey
    self.audience = audience
    self.customerID = customerID
    self.kind = kind
    self.locale = locale
    self.subject = subject
    self.body = body
    self.createdAt = createdAt
    self.ticketID = ticketID
    self.maintenanceID = maintenanceID
    self.metadata = metadata
    self.sender = sender
  }

  /// Checks what every transport relies on: a non-empty idempotency key without control characters,
  /// a customer for customer notifications, and a subject.
  /// - Throws: ``HostingSupportError`` `invalidNotification` naming the field.
  public func validate() throws {
    if idempotencyKey.isEmpty || idempotencyKey.count > 512 {
      throw HostingSupportError.invalidNotification(field: "idempotencyKey", reason: "must be 1 to 512 characters")
    }
    if idempotencyKey.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw HostingSupportError.invalidNotification(field: "idempotencyKey", reason: "contains control characters")
    }
    if audience == .customer && customerID == nil {
      throw HostingSupportError.invalidNotification(field: "customerID", reason: "a customer notification needs one")
    }
    if subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw HostingSupportError.invalidNotification(field: "subject", reason: "must not be empty")
    }
  }
}

/// Who a ``OutboundMessage`` is for.
public enum MessageAudience: String, Hashable, Sendable, Codable, CaseIterable {
  /// A customer of the host.
  case customer
  /// The host's support staff (on-call agents, team leads).
  case staff
}

/// The language of a customer's notifications. Staff notifications are written in English.
public enum MessageLocale: String, Hashable, Sendable, Codable, CaseIterable {
  /// English (`en`).
  case english = "en"
  /// Malay (`ms`).
  case malay = "ms"
  /// Lao (`lo`).
  case lao = "lo"

  /// The locale for a BCP 47 language tag (`en-GB`, `ms-MY`, `lo`, `id` → Malay), or `nil` if none fits.
  /// - Parameter tag: A language tag such as a browser's or a billing system's.
  public init?(languageTag tag: String) {
    let language = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    switch language {
    case "en": self = .english
    case "ms", "id", "zsm": self = .malay
    case "lo": self = .lao
    default: return nil
    }
  }
}

/// What kind of message a ``OutboundMessage`` is. Open: hosts can add their own kinds.
public struct MessageKind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The kind's stable name.
  public let rawValue: String
  /// Creates a kind from its name.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a kind from a literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Decodes the name as a plain string.
  public init(from decoder: any Decoder) throws {
    let value = try decoder.singleValueContainer().decode(String.self)
    guard !value.isEmpty else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "empty notification kind")
      )
    }
    self.rawValue = value
  }
  /// Encodes the name as a plain string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  /// The kind's stable name.
  public var description: String { rawValue }

  /// Staff: an SLA target is close to its due date.
  public static let slaWarning: MessageKind = "slaWarning"
  /// Staff: an SLA target was missed.
  public static let slaBreach: MessageKind = "slaBreach"
  /// Staff: a breached ticket was escalated to the next level.
  public static let slaEscalation: MessageKind = "slaEscalation"
  /// Customer: we are still working on your ticket.
  public static let progressUpdate: MessageKind = "progressUpdate"
  /// Customer: maintenance ahead (72 h, 24 h…).
  public static let maintenanceAdvance: MessageKind = "maintenanceAdvance"
  /// Customer: maintenance has started.
  public static let maintenanceStart: MessageKind = "maintenanceStart"
  /// Customer: maintenance is complete.
  public static let maintenanceCompletion: MessageKind = "maintenanceCompletion"
  /// Customer: a maintenance window was cancelled or moved.
  public static let maintenanceCorrection: MessageKind = "maintenanceCorrection"
  /// Customer: we read your feedback and opened a follow-up ticket.
  public static let feedbackFollowUp: MessageKind = "feedbackFollowUp"
  /// Staff: a customer left negative feedback.
  public static let negativeFeedback: MessageKind = "negativeFeedback"
  /// Staff: a promoter could be asked for a referral or a testimonial.
  public static let referralOpportunity: MessageKind = "referralOpportunity"
}
