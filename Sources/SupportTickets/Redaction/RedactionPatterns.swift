import Foundation

/// One match of a ``RedactionPattern``: its capture groups as text.
struct RedactionMatch {
  let text: String
  let result: NSTextCheckingResult

  /// The text of capture group `group`, or `nil` when it did not take part in the match.
  subscript(group: Int) -> Substring? {
    guard group < result.numberOfRanges, result.range(at: group).location != NSNotFound,
      let range = Range(result.range(at: group), in: text)
    else { return nil }
    return text[range]
  }
}

/// A compiled regular expression with replacement helpers.
struct RedactionPattern: @unchecked Sendable {
  // NSRegularExpression is immutable after creation and documented as thread-safe.
  let expression: NSRegularExpression

  init(_ pattern: String, options: NSRegularExpression.Options = []) {
    // The patterns are constants of this module; a failure here is a programming error caught by the tests.
    expression = try! NSRegularExpression(pattern: pattern, options: options)
  }

  /// Replaces each whole match with `replacement(match)`; a `nil` replacement keeps the match.
  func replace(in text: String, _ replacement: (String) -> String?) -> String {
    substitute(in: text) { match in
      guard let whole = Range(match.result.range, in: text) else { return [] }
      return replacement(String(text[whole])).map { [(whole, $0)] } ?? []
    }
  }

  /// Replaces the first of `groups` that took part in each match with `substitute`, keeping the rest of
  /// the match; `accept` sees the match and the group's text and may veto it.
  func replaceCapture(
    in text: String, groups: [Int], with substitute: String,
    accept: (RedactionMatch, Substring) -> Bool = { _, _ in true }
  ) -> String {
    self.substitute(in: text) { match in
      for group in groups {
        guard let value = match[group] else { continue }
        return accept(match, value) ? [(value.startIndex..<value.endIndex, substitute)] : []
      }
      return []
    }
  }

  /// Replaces one capture group of each match (see ``replaceCapture(in:groups:with:accept:)``).
  func replaceCapture(
    in text: String, group: Int, with substitute: String, accept: (Substring) -> Bool = { _ in true }
  ) -> String {
    replaceCapture(in: text, groups: [group], with: substitute) { _, value in accept(value) }
  }

  /// Applies the replacements `decide` returns for each match, left to right, never overlapping.
  private func substitute(
    in text: String, _ decide: (RedactionMatch) -> [(Range<String.Index>, String)]
  ) -> String {
    let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
    guard !matches.isEmpty else { return text }
    var result = ""
    var cursor = text.startIndex
    var changed = false
    for match in matches {
      for (range, replacement) in decide(RedactionMatch(text: text, result: match)) where range.lowerBound >= cursor {
        result += text[cursor..<range.lowerBound]
        result += replacement
        cursor = range.upperBound
        changed = true
      }
    }
    guard changed else { return text }
    result += text[cursor...]
    return result
  }
}

/// Tests on a captured value shared by the rules.
enum RedactionValue {
  /// Whether a value was already replaced by a marker (so redacting twice changes nothing).
  static func isMarker(_ value: Substring) -> Bool { value.hasPrefix("[redacted") }

  /// Whether a value stated in prose looks like a password rather than a word: it has a digit, a symbol or
  /// punctuation, or an upper-case letter after its first character ("the password is wrong" stays).
  static func looksLikeSecret(_ value: Substring) -> Bool {
    guard !isMarker(value), !value.contains("://") else { return false }
    return value.contains { $0.isNumber || $0.isPunctuation || $0.isSymbol }
      || value.dropFirst().contains { $0.isUppercase }
  }
}
