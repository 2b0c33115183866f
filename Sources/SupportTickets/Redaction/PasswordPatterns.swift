import Foundation

/// The password rules of ``SensitiveDataRedactor``: labelled values, key–value lines of `.env`, INI, YAML
/// and JSON, credentials in URLs, command-line flags, and sentences in English, Malay, Indonesian and Lao.
enum PasswordPatterns {
  /// Keys that name something about a secret rather than the secret.
  static let harmlessKeyWords = [
    "reset", "hint", "policy", "length", "expir", "strength", "changed", "updated", "required", "rule", "min",
    "max", "enabled", "field", "prompt", "label", "url", "link", "type", "file", "path", "count", "ttl",
  ]

  /// Words that, stated as a password, are prose: "password: reset link sent".
  static let proseValues: Set<String> = [
    "reset", "link", "changed", "expired", "required", "incorrect", "wrong", "updated", "sent", "below", "above",
    "same", "hidden", "none", "null", "nil", "true", "false", "empty", "n/a",
  ]

  /// The words of an identifier, split at `_`, `-`, `.`, blanks and lower-to-upper case changes, lower-cased
  /// (`dbPassword` → `db`, `password`; `MYSQL_ROOT_PASSWORD` → `mysql`, `root`, `password`).
  static func words(of key: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var previousIsLower = false
    for character in key {
      if !(character.isLetter || character.isNumber) {
        if !current.isEmpty { words.append(current.lowercased()) }
        current = ""
      } else if character.isUppercase, previousIsLower {
        words.append(current.lowercased())
        current = String(character)
      } else {
        current.append(character)
      }
      previousIsLower = character.isLowercase || character.isNumber
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }

  /// Words that make a key name a secret, alone or as a pair.
  static let secretWords: Set<String> = [
    "password", "passwords", "passwd", "passphrase", "passcode", "pass", "pwd", "pw", "secret", "token", "apikey",
    "katalaluan", "katasandi", "sandi",
  ]
  static let secretPairs: Set<String> = [
    "api key", "access key", "private key", "account key", "kata laluan", "kata sandi", "kata kunci",
  ]

  /// Whether a key names a secret (`password`, `DB_PASSWORD`, `dbPassword`, `api_key`, `AccountKey`,
  /// `client.secret`) and not something about one (`password_min_length`, `passwordResetUrl`); `passport`
  /// and `bypass` name nothing secret.
  static func isSecretKey(_ key: Substring) -> Bool {
    let words = words(of: key)
    let isHarmless = words.contains { word in
      harmlessKeyWords.contains { word == $0 || ($0.count >= 5 && word.hasPrefix($0)) }
    }
    guard !isHarmless else { return false }
    if words.contains(where: secretWords.contains) { return true }
    return zip(words, words.dropFirst()).contains { secretPairs.contains("\($0) \($1)") }
  }

  /// Whether a value taken from a key–value line or JSON member is a secret to mask.
  static func isMaskableValue(_ value: Substring) -> Bool {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !RedactionValue.isMarker(value[...]) else { return false }
    if trimmed.hasPrefix("${") || trimmed == "|" || trimmed == ">" || trimmed == "~" { return false }
    return !proseValues.contains(trimmed.lowercased())
  }

  /// JSON members: `"password": "…"`, `"db_password": 1234` (the key is judged by ``isSecretKey(_:)``).
  static let jsonMembers = RedactionPattern(
    #""([A-Za-z0-9_.\-]{1,64})"\s*:\s*(?:"((?:[^"\\\n]|\\.)*)"|(-?\d[\d.]*))"#)

  /// `.env`, INI, YAML and properties lines: `DB_PASSWORD=…`, `password = …`, `  secret: "…"`,
  /// `export API_TOKEN=…`; the value is the rest of the line.
  static let keyValueLines = RedactionPattern(
    #"(?m)^[ \t]*(?:export[ \t]+|-[ \t]+)?["']?([A-Za-z0-9_.\-]{1,64})["']?[ \t]*(?::=|[:=])[ \t]*"#
      + #"(?:"([^"\n]*)"|'([^'\n]*)'|([^\n]*?))[ \t]*\r?$"#)

  /// `password: …`, `pass=…`, `db_pass=…`, `kata laluan: …`, `ລະຫັດຜ່ານ: …` inside a sentence.
  static let labelled = RedactionPattern(
    #"(?i)((?<![\w\-])(?:(?:[a-z0-9]+[_.\-])*(?:passwords?|passwd|passphrase|passcode|pass|pwd|pw)(?:[_.\-][a-z0-9]+)*"#
      + #"|kata\s+laluan|katalaluan|kata\s+sandi|katasandi|kata\s+kunci|sandi)\b|ລະຫັດຜ່ານ|ລະຫັດລັບ|ລະຫັດ)"#
      + #"["']?\s*(?::-|:=|[:=])\s*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"',;]{3,}))"#)

  /// "the root password for my VPS is …", "kata laluan cPanel saya ialah …", "kata sandi baru adalah …".
  static let stated = RedactionPattern(
    #"(?i)(?<![\w\-])(?:passwords?|passwd|passphrase|passcode|pass\s?word|pwd|kata\s+laluan|katalaluan|kata\s+sandi|"#
      + #"katasandi|kata\s+kunci|sandi)\b((?:[ \t]+[^\s:=]+){0,6}?)"#
      + #"(?:[ \t]+(?:is\s+now|now\s+is|is|was|will\s+be|ialah|adalah|iaitu|yaitu|sekarang)\b|[ \t]*[:=])"#
      + #"[ \t]*:?[ \t]*["'“‘]?([^\s"'”’]{3,})"#)

  /// "ລະຫັດຜ່ານ root ຂອງ VPS ຂ້ອຍແມ່ນ …": Lao writes no spaces between words; the value ends at Lao text.
  static let statedLao = RedactionPattern(
    #"(?:ລະຫັດຜ່ານ|ລະຫັດລັບ|ລະຫັດ)([^\n]{0,40}?)(?:ແມ່ນ|ຄື)[ \t]*:?[ \t]*["'“]?([^\s"'”\x{0E80}-\x{0EFF}]{3,})"#)

  /// Words between "password" and "is" that make the sentence about something else.
  static let unrelatedWords = [
    "reset", "link", "hint", "policy", "rule", "change", "expir", "requirement", "manager", "field", "length",
    "strength", "recovery", "page", "form", "reminder", "tip", "email",
  ]

  /// `scheme://user:password@host`.
  static let urlCredentials = RedactionPattern(#"(?i)\b[a-z][a-z0-9+.\-]{1,20}://[^\s/:@]+:([^\s/@]+)@"#)

  /// `--password=…`, `--db-password …`, `--dbpass=…`, `-pass pass:…`, `--token=…`.
  static let flags = RedactionPattern(
    #"(?i)(?<![\w\-])--?(?:[a-z0-9]+-)*[a-z0-9]*?(?:password|passwd|pass|pwd|secret|token|api-?key)(=|[ \t]+)(?!-)"#
      + #"(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))"#)

  /// `mysql -u root -pSECRET`, `mysqldump -pSECRET`, `sshpass -p SECRET`: the value glued to `-p`.
  static let shortPasswordFlags = RedactionPattern(
    #"(?i)(?:\b(?:mysql\w*|mariadb\w*|mysqldump|mysqladmin|sshpass)\b[^\n]*?|[ \t]-u[ \t]*\S+)[ \t]-p"#
      + #"(?!ort\b|assword)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\-][^\s"']*))"#)
  static let sshpass = RedactionPattern(#"(?i)\bsshpass[ \t]+-p[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))"#)

  /// Applies every password rule.
  static func redact(_ text: String, triggers: RedactionTriggers) -> String {
    let marker = "[redacted]"
    var result = text
    if triggers.contains(.urlCredentials) {
      result = urlCredentials.replaceCapture(in: result, groups: [1], with: marker) { _, value in
        !RedactionValue.isMarker(value)
      }
    }
    if triggers.contains(.password) || triggers.contains(.tokenAssignment) {
      result = jsonMembers.replaceCapture(in: result, groups: [2, 3], with: marker) { match, value in
        isSecretKey(match[1] ?? "") && isMaskableValue(value)
      }
      // A line in prose ("Password: reset link sent") is not a setting: a value with blanks must look secret.
      result = keyValueLines.replaceCapture(in: result, groups: [2, 3, 4], with: marker) { match, value in
        isSecretKey(match[1] ?? "") && isMaskableValue(value)
          && (!value.contains(" ") || RedactionValue.looksLikeSecret(value))
      }
      result = flags.replaceCapture(in: result, groups: [2, 3, 4], with: marker) { match, value in
        match[1] == "=" ? isMaskableValue(value) : RedactionValue.looksLikeSecret(value)
      }
    }
    if triggers.contains(.shortPasswordFlag) {
      result = shortPasswordFlags.replaceCapture(in: result, groups: [1, 2, 3], with: marker) { _, value in
        !RedactionValue.isMarker(value)
      }
      result = sshpass.replaceCapture(in: result, groups: [1, 2, 3], with: marker) { _, value in
        !RedactionValue.isMarker(value)
      }
    }
    if triggers.contains(.password) {
      result = labelled.replaceCapture(in: result, groups: [2, 3, 4], with: marker) { match, value in
        let label = match[1] ?? ""
        return (label.unicodeScalars.first.map { $0.value >= 0x0E80 } ?? false || isSecretKey(label))
          && isMaskableValue(value)
      }
      result = stated.replaceCapture(in: result, groups: [2], with: marker) { match, value in
        let between = (match[1] ?? "").lowercased()
        return !unrelatedWords.contains { between.contains($0) } && RedactionValue.looksLikeSecret(value)
      }
      result = statedLao.replaceCapture(in: result, groups: [2], with: marker) { _, value in
        RedactionValue.looksLikeSecret(value)
      }
    }
    return result
  }
}
