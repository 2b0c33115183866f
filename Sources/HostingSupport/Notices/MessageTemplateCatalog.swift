import Foundation

/// Names a customer message in a ``MessageTemplateCatalog``.
public struct NotificationTemplateName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
  /// The template's stable name.
  public let rawValue: String
  /// Creates a name.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a name from a literal.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// `{customerName} {ticketID} {ticketSubject} {hostName}`.
  public static let progressUpdate: NotificationTemplateName = "progressUpdate"
  /// `{customerName} {services} {start} {end} {description} {hostName}`.
  public static let maintenanceAdvance: NotificationTemplateName = "maintenanceAdvance"
  /// `{customerName} {services} {start} {end} {hostName}`.
  public static let maintenanceStart: NotificationTemplateName = "maintenanceStart"
  /// `{customerName} {services} {hostName}`.
  public static let maintenanceCompletion: NotificationTemplateName = "maintenanceCompletion"
  /// `{customerName} {services} {start} {end} {hostName}` (the cancelled window's times).
  public static let maintenanceCancelled: NotificationTemplateName = "maintenanceCancelled"
  /// `{customerName} {services} {previousStart} {previousEnd} {start} {end} {description} {hostName}`.
  public static let maintenanceRescheduled: NotificationTemplateName = "maintenanceRescheduled"
  /// `{customerName} {aspect} {ticketID} {hostName}`.
  public static let feedbackFollowUp: NotificationTemplateName = "feedbackFollowUp"
}

/// The customer-facing texts of the desk, per template and language.
///
/// ``standard`` holds English, Malay and Lao for every ``NotificationTemplateName``. A host replaces or
/// adds texts with ``setTemplate(_:named:locale:)``; a language missing for one template falls back to
/// English.
public struct MessageTemplateCatalog: Hashable, Sendable, Codable {
  private var templates: [NotificationTemplateName: [MessageLocale: MessageTemplate]]

  /// An empty catalog.
  public init() { templates = [:] }

  /// The template for a name in a language, falling back to English.
  /// - Parameters:
  ///   - name: The template.
  ///   - locale: The customer's language.
  /// - Returns: The template, or `nil` if the catalog has neither that language nor English for it.
  public func template(named name: NotificationTemplateName, locale: MessageLocale) -> MessageTemplate? {
    templates[name]?[locale] ?? templates[name]?[.english]
  }

  /// Adds or replaces a text.
  /// - Parameters:
  ///   - template: The text.
  ///   - name: The template it is for.
  ///   - locale: Its language.
  public mutating func setTemplate(
    _ template: MessageTemplate,
    named name: NotificationTemplateName,
    locale: MessageLocale
  ) {
    templates[name, default: [:]][locale] = template
  }

  /// Renders a template for a customer.
  /// - Parameters:
  ///   - name: The template.
  ///   - locale: The customer's language.
  ///   - values: A value for each placeholder (escaped on insertion).
  ///   - format: Plain text or HTML.
  /// - Returns: Subject and body.
  /// - Throws: ``HostingSupportError`` `notFound` for an unknown template, `invalidRequest` for a missing value.
  public func render(
    _ name: NotificationTemplateName,
    locale: MessageLocale,
    values: [String: String],
    format: TemplateFormat = .plainText
  ) throws -> (subject: String, body: String) {
    try render(name, locale: locale, values: values, format: format, unclipped: [])
  }

  /// Renders a template, inserting the values named in `unclipped` whole (see ``MessageTemplate``).
  func render(
    _ name: NotificationTemplateName,
    locale: MessageLocale,
    values: [String: String],
    format: TemplateFormat = .plainText,
    unclipped: Set<String>
  ) throws -> (subject: String, body: String) {
    guard let template = template(named: name, locale: locale) else {
      throw HostingSupportError.notFound("notification template", id: name.rawValue)
    }
    return try template.render(values, format: format, unclipped: unclipped)
  }

  /// English, Malay and Lao texts for every template the desk sends.
  public static let standard: MessageTemplateCatalog = {
    var catalog = MessageTemplateCatalog()
    let texts = standardTexts.merging(loopTexts) { first, _ in first }.merging(partnerTexts) { first, _ in first }
    for (name, texts) in texts {
      for (locale, template) in texts { catalog.setTemplate(template, named: name, locale: locale) }
    }
    return catalog
  }()
}
