import Foundation
import SupportTickets

/// Text from an export made safe for the kit: secrets redacted before anything becomes an id, a name or an error
/// message; empty messages and over-long ones made acceptable to the ticket rules without losing the fact.
enum SafeText {
  /// The redactor applied to names, ids and error values (stores redact bodies and subjects themselves).
  static let redactor = SensitiveDataRedactor.standard
  /// The longest message body a ticket event takes, in UTF-8 bytes (the ticket rules' limit).
  static let maximumBodyBytes = 1 << 20
  /// The longest subject a ticket takes, in UTF-8 bytes.
  static let maximumSubjectBytes = 1_000

  /// A value quoted in an error: secrets redacted, control characters escaped, at most 64 characters.
  static func quoted(_ value: String) -> String {
    let redacted = redactor.redact(value)
    var text = ""
    for scalar in redacted.unicodeScalars.prefix(64) {
      if scalar.properties.generalCategory == .control {
        text += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return redacted.unicodeScalars.count > 64 ? text + "…" : text
  }

  /// Whether `text` can name something (a department, a plan): visible text of at most 256 bytes without control
  /// characters.
  static func isName(_ text: String) -> Bool {
    text.utf8.count <= 256 && text.contains { !$0.isWhitespace }
      && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// A readable, safe id part: secrets redacted, lower-cased, letters and digits kept, every other run written
  /// as one `-`, at most 64 characters; `unnamed` when nothing is left.
  static func slug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for character in redactor.redact(text).lowercased() {
      if character.isLetter || character.isNumber {
        if pendingDash && !result.isEmpty { result.append("-") }
        pendingDash = false
        result.append(character)
        if result.count >= 64 { break }
      } else {
        pendingDash = true
      }
    }
    return result.isEmpty ? "unnamed" : result
  }

  /// A plain-text name (a plan, a domain): secrets redacted, control characters and surrounding white space
  /// removed, at most 256 bytes.
  static func name(_ text: String) -> String {
    let cleaned = String(
      String.UnicodeScalarView(
        redactor.redact(text).unicodeScalars.filter { $0.properties.generalCategory != .control })
    )
    .trimmingCharacters(in: .whitespacesAndNewlines)
    return truncated(cleaned, toBytes: 256, marker: "…")
  }

  /// A message body the ticket rules accept: `placeholder` when it has no visible text, cut with a marker that
  /// says how much was left out when it is longer than the rules allow.
  static func body(_ text: String?, placeholder: String) -> String {
    guard let text, text.contains(where: { !$0.isWhitespace }) else { return placeholder }
    let count = text.utf8.count
    guard count > maximumBodyBytes else { return text }
    return truncated(text, toBytes: maximumBodyBytes, marker: "\n[truncated on import: \(count) bytes in all]")
  }

  /// A subject the ticket rules accept.
  static func subject(_ text: String?) -> String {
    guard let text, text.contains(where: { !$0.isWhitespace }) else { return "(no subject)" }
    let oneLine = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    return truncated(oneLine, toBytes: maximumSubjectBytes, marker: "…")
  }

  /// `text` cut at a character boundary so that it and `marker` fit in `limit` bytes.
  static func truncated(_ text: String, toBytes limit: Int, marker: String) -> String {
    guard text.utf8.count > limit else { return text }
    let budget = max(0, limit - marker.utf8.count)
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let size = text[index].utf8.count
      guard used + size <= budget else { break }
      used += size
      end = text.index(after: index)
    }
    return String(text[..<end]) + marker
  }
}

/// The kit ids of imported records, derived from the vendor's ids so that importing the same export again finds
/// the same tickets and events (see <doc:Importing#Identifiers>).
enum ImportedID {
  static func ticket(_ vendor: String, _ number: String) -> TicketID { TicketID(derived: "\(vendor)-T\(number)") }

  static func event(_ ticket: TicketID, _ suffix: String) -> EventID {
    EventID(derived: ticket.rawValue + "-" + suffix)
  }

  static func customer(_ text: String) -> CustomerID { CustomerID(derived: text) }

  static func agent(_ vendor: String, _ part: String) -> AgentID { AgentID(derived: "\(vendor)-\(part)") }

  /// A short stable hash of a text (FNV-1a, 16 hex digits), for ids built from e-mail addresses.
  static func hash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
