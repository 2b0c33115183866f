import Foundation

/// Text rules the desk applies to what it is given.
enum TextCheck {
  /// Whether the text has a character other than white space.
  static func hasVisibleText(_ text: String) -> Bool {
    !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }
}
