import Foundation

/// A part of a hosting service that feedback can be about.
///
/// An open set with the well-known values below; hosts add their own by listing terms for a new raw value in
/// an aspects file (see <doc:LexiconFormat>). Encoded as the plain raw value.
public struct HostingAspect: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The aspect's name as used in aspect files, e.g. `"supportSpeed"`.
  public var rawValue: String

  /// Creates an aspect from its name.
  ///
  /// - Parameter rawValue: The name used in aspect files.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Decodes the plain name.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when the value is not a string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the plain name.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The name.
  public var description: String { rawValue }

  /// Orders aspects by name.
  public static func < (lhs: HostingAspect, rhs: HostingAspect) -> Bool { lhs.rawValue < rhs.rawValue }

  /// How fast support answers (response time, waiting, replies).
  public static let supportSpeed = HostingAspect(rawValue: "supportSpeed")
  /// Whether the staff know what they are doing (knowledge, helpfulness, fixing the issue).
  public static let staffCompetence = HostingAspect(rawValue: "staffCompetence")
  /// Availability: outages, downtime, uptime.
  public static let uptime = HostingAspect(rawValue: "uptime")
  /// Speed of the hosted sites and servers (load time, latency, resources).
  public static let performance = HostingAspect(rawValue: "performance")
  /// Price, billing, invoices, renewals, refunds.
  public static let pricing = HostingAspect(rawValue: "pricing")
  /// Announcements, status updates, notice before maintenance.
  public static let communication = HostingAspect(rawValue: "communication")
  /// The customer panel (cPanel, Plesk, the host's own dashboard).
  public static let controlPanel = HostingAspect(rawValue: "controlPanel")
  /// Moving sites from another host.
  public static let migration = HostingAspect(rawValue: "migration")
  /// Mailboxes, delivery, spam.
  public static let email = HostingAspect(rawValue: "email")
  /// Whether the problem was actually fixed: "still not fixed", "sorted for good", "came back the next day".
  public static let resolution = HostingAspect(rawValue: "resolution")
  /// Whether the customer understood the answer, guide or notice: jargon, missing steps, plain language.
  public static let clarity = HostingAspect(rawValue: "clarity")

  /// The eleven aspects named by the module's design.
  public static let wellKnown: [HostingAspect] = [
    .supportSpeed, .staffCompetence, .uptime, .performance, .pricing, .communication, .controlPanel, .migration,
    .email, .resolution, .clarity,
  ]

  /// The clause role of a speed word ("slow", "lambat", "ຊ້າ") in aspect files: support speed in a clause about
  /// support, nothing of its own beside another aspect ("the migration was fast"), else site performance.
  /// Never reported; see <doc:LexiconFormat>.
  public static let speedWord = HostingAspect(rawValue: "~speed")
  /// The clause role of a word for the support desk itself ("support", "sokongan", "ຊັບພອດ") in aspect files:
  /// support speed beside a speed word or a reply-time term, else staff competence. Never reported.
  public static let supportWord = HostingAspect(rawValue: "~support")

  /// Whether this is a clause role (``speedWord``, ``supportWord``) rather than an aspect results report.
  public var isClauseRole: Bool { rawValue.hasPrefix("~") }
}
