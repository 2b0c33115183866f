import Foundation

/// The API token and cloud key rules of ``SensitiveDataRedactor``.
enum TokenPatterns {
  /// Token shapes, each with the trigger its matches must contain (see ``RedactionTriggers``).
  static let shapes: [(trigger: RedactionTriggers, pattern: RedactionPattern)] = [
    (.awsKey, RedactionPattern(#"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#)),  // AWS access key ids
    (.github, RedactionPattern(#"\bgh[pousr]_[A-Za-z0-9]{30,}\b"#)),  // GitHub
    (.github, RedactionPattern(#"\bgithub_pat_[A-Za-z0-9_]{30,}\b"#)),
    (.gitlab, RedactionPattern(#"\bglpat-[A-Za-z0-9_\-]{20,}\b"#)),  // GitLab
    (.slack, RedactionPattern(#"\bxox[abprs]-[A-Za-z0-9\-]{10,}\b"#)),  // Slack
    (.stripe, RedactionPattern(#"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b"#)),  // Stripe
    (.google, RedactionPattern(#"\bAIza[0-9A-Za-z_\-]{35}\b"#)),  // Google API keys
    (.google, RedactionPattern(#"\bGOCSPX-[A-Za-z0-9_\-]{20,}"#)),  // Google OAuth client secrets
    (.jwt, RedactionPattern(#"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#)),  // JWT
    (.bearer, RedactionPattern(#"(?i)(?<=\bbearer )[A-Za-z0-9._~+/=\-]{16,}"#)),  // Authorization: Bearer …
    (.digitalOcean, RedactionPattern(#"\bdo[por]_v1_[a-f0-9]{64}\b"#)),  // DigitalOcean
    (.skDash, RedactionPattern(#"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"#)),  // OpenAI, Anthropic
    // Azure client secrets (`…8Q~…`) and the signature of a shared access signature URL.
    (
      .azure,
      RedactionPattern(#"(?<![A-Za-z0-9_~.\-])[A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}(?![A-Za-z0-9_~.\-])"#)
    ),
    (.azure, RedactionPattern(#"(?<=[?&]sig=)[A-Za-z0-9%+/=]{10,}"#)),
  ]

  /// `api_key = value`, `secret: value`, `token=value`, `client_secret "value"`, `AccountKey=…`,
  /// `aws_secret_access_key = …`.
  static let assignments = RedactionPattern(
    #"(?i)\b((?:api[_\- ]?key|apikey|x-api-key|api[_\- ]?token|access[_\- ]?token|auth[_\- ]?token|"#
      + #"secret[_\- ]?access[_\- ]?key|secret[_\- ]?key|access[_\- ]?key|account[_\- ]?key|"#
      + #"shared[_\- ]?access[_\- ]?key|client[_\- ]?secret|private[_\- ]?token|token|secret)["']?\s*"#
      + #"(?:[:=]|\bis\b)\s*["']?)([^\s"',;]{6,})"#)

  /// An AWS secret access key on its own: 40 characters of base64 with upper- and lower-case letters and
  /// digits, only looked for in a text that mentions AWS or holds an access key id.
  static let awsSecret = RedactionPattern(#"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"#)

  /// Whether a text mentions AWS, a secret, or holds an access key id: the context a bare secret access key
  /// needs (a 40-character random string alone could be anything).
  static func hasAWSContext(_ text: String) -> Bool {
    text.contains("AKIA") || text.contains("ASIA") || text.range(of: "aws", options: .caseInsensitive) != nil
      || text.range(of: "secret", options: .caseInsensitive) != nil
  }

  static func isAWSSecret(_ value: Substring) -> Bool {
    value.contains { $0.isUppercase } && value.contains { $0.isLowercase } && value.contains { $0.isNumber }
  }

  /// Applies every token rule.
  static func redact(_ text: String, triggers: RedactionTriggers) -> String {
    var result = text
    for (trigger, pattern) in shapes where triggers.contains(trigger) {
      result = pattern.replace(in: result) { _ in "[redacted token]" }
    }
    if triggers.contains(.awsSecret), hasAWSContext(text) {
      result = awsSecret.replace(in: result) { isAWSSecret($0[...]) ? "[redacted token]" : nil }
    }
    if triggers.contains(.tokenAssignment) {
      // "the token is expired" is prose, not a secret: a value must have a digit or be long.
      result = assignments.replaceCapture(in: result, group: 2, with: "[redacted token]") { value in
        !RedactionValue.isMarker(value) && (value.utf8.count >= 20 || value.contains { $0.isNumber })
      }
    }
    return result
  }
}
