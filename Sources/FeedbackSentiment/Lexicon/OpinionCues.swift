import Foundation

/// Whether a text without a sentiment word still shows signs of an opinion: the marks VADER reads as emphasis or
/// turn (an exclamation mark, an elongated word, an emoji or emoticon), a rule word (a negator, an intensifier or
/// dampener, a contrast word), a word repeated in capitals ("three days. THREE. DAYS."), or a cue word of
/// `opinion-cues.txt` ("still", "promised", "masih", "ເລື້ອຍໆ"). A text with none of them and no sentiment word
/// is a statement of fact or a plain question, and an ensemble gives its model less say there
/// (``EnsembleSentimentClassifier/factFactor``).
///
/// Capitals alone are not a cue: hosting feedback is full of acronyms (DNS, SSL, PHP).
enum OpinionCues {
  /// The bundled cue words of every language (code-mixed feedback uses them across languages).
  static let bundled: [String] = {
    guard let text = try? BundledLexicons.optionalResourceText("opinion-cues") else { return [] }
    return parse(text)
  }()

  /// The bundled cue words and those of the lexicons, as lowercase UTF-8 bytes grouped by length. Cue words set in
  /// code are lowercased here, as the words of a rules file are when parsed (tokens are matched lowercased).
  static func words(of lexicons: [SentimentLanguage: SentimentLexicon]) -> [Int: [[UInt8]]] {
    let words = Set(bundled).union(lexicons.values.flatMap(\.opinionCues).map { $0.lowercased() })
    return Dictionary(grouping: words.sorted().map { Array($0.utf8) }, by: \.count)
  }

  /// The words of an `opinion-cues.txt` text: one per line under `[language]` headers, `#` comments.
  static func parse(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let word = line.trimmingCharacters(in: .whitespaces).lowercased()
      return word.isEmpty || word.hasPrefix("#") || word.hasPrefix("[") ? nil : word
    }
  }

  /// Whether the items of a text (built by ``LexiconItemBuilder``) and its tokens hold an opinion cue.
  ///
  /// - Complexity: O(number of items + tokens), plus O(capitalised tokens × tokens) for the repetition check.
  static func present(in items: ScratchList<ScoredItem>, tokens: ByteTokens, words: [Int: [[UInt8]]]) -> Bool {
    if tokens.counts.exclamationMarks > 0 { return true }
    for index in 0..<items.count {
      let item = items[index]
      if item.isElongated { return true }
      let entry = item.entry
      if entry.isNegator || entry.isContrast || entry.booster != 0 { return true }
      if entry.source == .emoji || entry.source == .emoticon { return true }
    }
    for index in 0..<tokens.count {
      let token = tokens.tokens[index]
      switch token.kind {
      case .emoji, .emoticon: return true
      case .punctuation: continue
      case .word:
        let text = tokens.text(of: token)
        if let candidates = words[text.count], candidates.contains(where: { $0.elementsEqual(text) }) { return true }
        if token.flags.contains(.allCaps), isRepeated(token, at: index, in: tokens) { return true }
      }
    }
    return false
  }

  /// Whether the word of a capitalised token also occurs in lowercase elsewhere in the text.
  private static func isRepeated(_ token: ByteToken, at position: Int, in tokens: ByteTokens) -> Bool {
    let text = tokens.text(of: token)
    for index in 0..<tokens.count where index != position {
      let other = tokens.tokens[index]
      if other.kind == .word, !other.flags.contains(.allCaps), tokens.text(of: other).elementsEqual(text) {
        return true
      }
    }
    return false
  }
}
