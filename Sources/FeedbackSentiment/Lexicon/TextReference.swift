/// Where the text of a scored unit comes from, so that explanations spell it out only when read.
struct TextReference: Sendable, Hashable {
  enum Kind: UInt8, Sendable {
    /// The text's bytes `first..<second` as they are (punctuation kept, emoji, emoticon, Lao piece).
    case source
    /// The word token starting at byte `first`, normalised as the tokenizer does (lowercased).
    case word
    /// Vocabulary word `first`.
    case vocabulary
    /// Multi-word term `first` of the scoring resources (its words joined by spaces).
    case phrase
    /// A fixed token: `first` indexes ``TextReference/literals``.
    case literal
  }

  var kind: Kind
  var first: Int32
  var second: Int32 = 0

  /// The fixed tokens of whole-text rules and ensembles.
  static let literals = ["!", "?", "model"]
  static let exclamation = TextReference(kind: .literal, first: 0)
  static let question = TextReference(kind: .literal, first: 1)
  static let model = TextReference(kind: .literal, first: 2)

  /// The reference of a token's own text.
  @inline(__always)
  static func token(_ token: ByteToken) -> TextReference {
    token.kind == .word && !token.isLao
      ? TextReference(kind: .word, first: token.start, second: token.end)
      : TextReference(kind: .source, first: token.start, second: token.end)
  }

  /// The text, given the bytes it was read from and the resources it was scored with.
  func string(in text: TextBytes, resources: ScoringResources) -> String {
    switch kind {
    case .source: return text.string(Int(first), Int(second))
    case .word: return FeedbackTokenizer.wordText(text, from: Int(first))
    case .vocabulary: return resources.vocabulary.words[Int(first)]
    case .phrase:
      let words = resources.phrases[Int(first)].words
      return (0..<Int(words.count)).map { offset in
        resources.vocabulary.words[Int(resources.phraseWords[Int(words.start) + offset])]
      }.joined(separator: " ")
    case .literal: return Self.literals[Int(first)]
    }
  }
}

/// A rule that moved a score, as stored per text (``SentimentRule`` is built only when an explanation is read).
enum RuleCode: UInt8, Sendable {
  case lexicon, fixedPhrase, emoji, emoticon, negation, intensifier, dampener, capitals, elongation, contrast
  case exclamation, question, sarcasm, model, remedy, expectedEvent, wish, implicit

  var rule: SentimentRule {
    switch self {
    case .lexicon: return .lexicon
    case .fixedPhrase: return .fixedPhrase
    case .emoji: return .emoji
    case .emoticon: return .emoticon
    case .negation: return .negation
    case .intensifier: return .intensifier
    case .dampener: return .dampener
    case .capitals: return .capitals
    case .elongation: return .elongation
    case .contrast: return .contrast
    case .exclamation: return .exclamation
    case .question: return .question
    case .sarcasm: return .sarcasm
    case .model: return .model
    case .remedy: return .remedy
    case .expectedEvent: return .expectedEvent
    case .wish: return .wish
    case .implicit: return .implicit
    }
  }

  init(_ source: ScoringEntry.Source) {
    switch source {
    case .lexicon: self = .lexicon
    case .fixedPhrase: self = .fixedPhrase
    case .emoji: self = .emoji
    case .emoticon: self = .emoticon
    }
  }
}

/// One step of an explanation in stored form.
struct StoredContribution: Sendable {
  var text: TextReference
  var amount: Double
  var rule: RuleCode
}
