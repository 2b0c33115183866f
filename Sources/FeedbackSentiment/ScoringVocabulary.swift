import Foundation

/// Every word any lexicon knows, numbered, so that scoring needs one dictionary lookup per token; the
/// per-language tables are then arrays indexed by these numbers.
struct ScoringVocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var words: [String] = []

  var count: Int { words.count }

  @discardableResult
  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    let id = Int32(words.count)
    ids[word] = id
    words.append(word)
    return id
  }

  /// Builds the vocabulary of all terms of the lexicons, plus emoji, emoticons and the Lao repetition mark.
  init(lexicons: [SentimentLanguage: SentimentLexicon]) {
    for key in EmojiValences.emoji.keys.sorted() { intern(key) }
    for key in EmojiValences.emoticons.keys.sorted() { intern(key) }
    intern(ScoringTable.repetitionMark)
    for language in lexicons.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      guard let lexicon = lexicons[language] else { continue }
      let terms =
        Array(lexicon.valences.keys) + Array(lexicon.fixedPhrases.keys) + Array(lexicon.aspectTerms.keys)
        + Array(lexicon.negators) + Array(lexicon.contrastWords) + Array(lexicon.intensifiers.keys)
        + Array(lexicon.stopwords)
      for term in terms.sorted() {
        for word in ScoringTable.words(of: term) { intern(word) }
      }
    }
  }

  /// The id of a token: its text, or for an elongated word its shortened forms; -1 when unknown.
  func resolve(_ token: FeedbackToken) -> Int32 {
    if let id = ids[token.text] { return id }
    if token.isElongated {
      for variant in token.elongationVariants {
        if let id = ids[variant] { return id }
      }
    }
    return -1
  }

  func id(of word: String) -> Int32 { ids[word] ?? -1 }
}
