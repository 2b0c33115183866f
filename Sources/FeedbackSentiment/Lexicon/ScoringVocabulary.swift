import Foundation

/// Every word any lexicon knows, numbered, so that scoring needs one dictionary lookup per token; the
/// per-language tables are then arrays indexed by these numbers.
struct ScoringVocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var words: [String] = []
  /// FNV-1a of a word's UTF-8 bytes → id: a lookup without Unicode normalisation (Lao words are long).
  private var byHash = TrieTable()

  var count: Int { words.count }

  @discardableResult
  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    let id = Int32(words.count)
    ids[word] = id
    words.append(word)
    let hash = Self.hash(word.utf8)
    if byHash.value(for: hash) == nil { byHash.insert(hash, id) }
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
      for word in lexicon.segmentationWords.sorted() { intern(word) }
    }
  }

  /// The id of a token: its text, or for an elongated word its shortened forms; -1 when unknown.
  func resolve(_ token: FeedbackToken) -> Int32 {
    if let id = byHash.value(for: Self.hash(token.text.utf8)), Self.sameBytes(words[Int(id)], token.text) {
      return id
    }
    if !token.isASCII, let id = ids[token.text] { return id }
    if token.isElongated {
      // The variants of ``FeedbackToken/elongationVariants``, built only as far as needed.
      if let id = ids[FeedbackToken.collapsingRuns(of: token.text, to: 2)] { return id }
      if let id = ids[FeedbackToken.collapsingRuns(of: token.text, to: 1)] { return id }
    }
    return -1
  }

  func id(of word: String) -> Int32 { ids[word] ?? -1 }

  /// Byte-wise equality of two strings' UTF-8 (no Unicode normalisation).
  @inline(__always)
  static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.utf8
    let right = rhs.utf8
    guard left.count == right.count else { return false }
    let result = left.withContiguousStorageIfAvailable { leftBytes in
      right.withContiguousStorageIfAvailable { rightBytes -> Bool in
        for index in 0..<leftBytes.count where leftBytes[index] != rightBytes[index] { return false }
        return true
      }
    }
    return (result ?? nil) ?? left.elementsEqual(right)
  }

  @inline(__always)
  static func hash(_ bytes: String.UTF8View) -> UInt64 {
    let fast = bytes.withContiguousStorageIfAvailable { buffer -> UInt64 in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
      return hash
    }
    var hash: UInt64
    if let fast {
      hash = fast
    } else {
      hash = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }
    return hash == UInt64.max ? 0 : hash
  }
}
