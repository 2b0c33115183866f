import Foundation

/// A compiled regular expression with replacement helpers.
struct RedactionPattern: @unchecked Sendable {
  // NSRegularExpression is immutable after creation and documented as thread-safe.
  let expression: NSRegularExpression

  init(_ pattern: String, options: NSRegularExpression.Options = []) {
    // The patterns are constants of this file; a failure here is a programming error caught by the tests.
    expression = try! NSRegularExpression(pattern: pattern, options: options)
  }

  /// Replaces each whole match with `replacement(match)`; a `nil` replacement keeps the match.
  func replace(in text: String, _ replacement: (String) -> String?) -> String {
    let whole = NSRange(text.startIndex..., in: text)
    let matches = expression.matches(in: text, range: whole)
    guard !matches.isEmpty else { return text }
    var result = ""
    var cursor = text.startIndex
    for match in matches {
      guard let range = Range(match.range, in: text) else { continue }
      let matched = String(text[range])
      guard let substitute = replacement(matched) else { continue }
      result += text[cursor..<range.lowerBound]
      result += substitute
      cursor = range.upperBound
    }
    result += text[cursor...]
    return result
  }

  /// Replaces one capture group of each match, keeping the rest of the match; `accept` may veto a value.
  func replaceCapture(
    in text: String, group: Int, with substitute: String, accept: (Substring) -> Bool = { _ in true }
  ) -> String {
    let whole = NSRange(text.startIndex..., in: text)
    let matches = expression.matches(in: text, range: whole)
    guard !matches.isEmpty else { return text }
    var result = ""
    var cursor = text.startIndex
    for match in matches {
      guard match.range(at: group).location != NSNotFound, let range = Range(match.range(at: group), in: text),
        range.lowerBound >= cursor, accept(text[range])
      else { continue }
      result += text[cursor..<range.lowerBound]
      result += substitute
      cursor = range.upperBound
    }
    result += text[cursor...]
    return result
  }
}

/// The patterns ``SensitiveDataRedactor`` uses.
enum RedactionPatterns {
  static let privateKeys = RedactionPattern(
    #"-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY( BLOCK)?-----(?:.*?-----END ([A-Z0-9 ]+ )?PRIVATE KEY( BLOCK)?-----|.*\z)"#,
    options: [.dotMatchesLineSeparators]
  )

  /// Token shapes, each with the trigger its matches must contain (see ``RedactionTriggers``).
  static let tokens: [(trigger: RedactionTriggers, pattern: RedactionPattern)] = [
    (.awsKey, RedactionPattern(#"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#)),  // AWS access key ids
    (.github, RedactionPattern(#"\bgh[pousr]_[A-Za-z0-9]{30,}\b"#)),  // GitHub
    (.github, RedactionPattern(#"\bgithub_pat_[A-Za-z0-9_]{30,}\b"#)),
    (.gitlab, RedactionPattern(#"\bglpat-[A-Za-z0-9_\-]{20,}\b"#)),  // GitLab
    (.slack, RedactionPattern(#"\bxox[abprs]-[A-Za-z0-9\-]{10,}\b"#)),  // Slack
    (.stripe, RedactionPattern(#"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b"#)),  // Stripe
    (.google, RedactionPattern(#"\bAIza[0-9A-Za-z_\-]{35}\b"#)),  // Google API keys
    (.jwt, RedactionPattern(#"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#)),  // JWT
    (.bearer, RedactionPattern(#"(?i)(?<=\bbearer )[A-Za-z0-9._~+/=\-]{16,}"#)),  // Authorization: Bearer …
  ]

  /// `api_key = value`, `secret: value`, `token=value`, `client_secret "value"`…
  static let tokenAssignments = RedactionPattern(
    #"(?i)\b((?:api[_\- ]?key|api[_\- ]?token|access[_\- ]?token|auth[_\- ]?token|secret[_\- ]?key|client[_\- ]?secret|private[_\- ]?token|token|secret)["']?\s*(?:[:=]|\bis\b)\s*["']?)([^\s"',;]{6,})"#
  )

  /// `password: value`, `pass=value`, `pwd: value`, `kata laluan: value`, `ລະຫັດຜ່ານ: value`…
  static let labelledPasswords = RedactionPattern(
    #"(?i)((?:\b(?:passwords?|passwd|pwd|pass|passphrase|passcode|pw|kata\s+laluan|kata\s+sandi|katasandi|sandi)\b|ລະຫັດຜ່ານ|ລະຫັດ)\s*(?:[:=]|:-)\s*["']?)([^\s"']{3,})"#
  )

  /// `password is value`, `kata laluan saya ialah value`, `ລະຫັດຜ່ານແມ່ນ value`: only redacted when the value
  /// looks like a password (it has a digit or a symbol), so "the password is wrong" stays.
  static let statedPasswords = RedactionPattern(
    #"(?i)((?:\b(?:passwords?|passwd|passphrase|passcode|kata\s+laluan|kata\s+sandi|katasandi)\b|ລະຫັດຜ່ານ)(?:\s+(?:saya|baru|kami|nya|new|now))?\s*(?:\bis\b|\bialah\b|\badalah\b|ແມ່ນ)\s*:?\s*["']?)([^\s"']{3,})"#
  )

  /// Runs of 13–19 digits with optional single space or dash separators, not inside a longer number.
  ///
  /// A run that follows `+` and a country code (`+62 812…`, `+856 20…`) is a phone number, never a card.
  static let cardCandidates = RedactionPattern(
    #"(?<![\d.\-/+])(?<!\+\d[ \-])(?<!\+\d\d[ \-])(?<!\+\d\d\d[ \-])\d(?:[ \-]?\d){12,18}(?![\d\-/]|\.\d)"#)
}
