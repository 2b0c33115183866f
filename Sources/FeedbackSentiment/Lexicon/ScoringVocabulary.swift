import Foundation

/// Every word any lexicon knows, numbered, so that scoring needs one lookup per token; the per-language tables
/// are then arrays indexed by these numbers.
///
/// Tokens are looked up by their bytes (a hash, then a byte comparison). The `String` dictionary is kept
/// for the rare tokens whose bytes might not be in normal form C, where `String` equality (canonical
/// equivalence) decides.
struct ScoringVocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var words: [String] = []
  /// Whether each word holds an ASCII byte (the capitals rule counts only such words).
  private(set) var hasASCII: [Bool] = []
  /// The bytes of every word, and of the normal form C of words not written in it: built by `intern`, then
  /// frozen into `index` for the lookups.
  private var forms = ByteForms()
  private var index = FrozenForms()
  private let storage = FrozenStorage()

  var count: Int { words.count }

  @discardableResult
  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    let id = Int32(words.count)
    ids[word] = id
    words.append(word)
    hasASCII.append(word.utf8.contains { $0 < 0x80 })
    forms.insert(Array(word.utf8), id: id)
    return id
  }

  /// Builds the vocabulary of all terms of the lexicons, plus emoji, emoticons, the Lao repetition mark and the
  /// words of the English rules.
  init(lexicons: [SentimentLanguage: SentimentLexicon]) {
    for key in EmojiValences.emoji.keys.sorted() { intern(key) }
    for key in EmojiValences.emoticons.keys.sorted() { intern(key) }
    intern(ScoringTable.repetitionMark)
    for (word, _) in ScoringTable.ruleWords { intern(word) }
    for (term, _) in ScoringTable.englishRuleTerms {
      for word in ScoringTable.words(of: term) { intern(word) }
    }
    for language in lexicons.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      guard let lexicon = lexicons[language] else { continue }
      let terms =
        Array(lexicon.valences.keys) + Array(lexicon.fixedPhrases.keys) + Array(lexicon.aspectTerms.keys)
        + Array(lexicon.negators) + Array(lexicon.contrastWords) + Array(lexicon.intensifiers.keys)
        + Array(lexicon.stopwords) + Array(lexicon.remedies) + Array(lexicon.expectations)
        + Array(lexicon.conditions) + Array(lexicon.hypotheticals)
      for term in terms.sorted() {
        for word in ScoringTable.words(of: term) { intern(word) }
      }
      for word in lexicon.segmentationWords.sorted() { intern(word) }
    }
    // Text in normal form C finds a word written otherwise through its normal form (ASCII is its own).
    for (id, word) in words.enumerated() where word.utf8.contains(where: { $0 >= 0x80 }) {
      let normalized = Array(word.precomposedStringWithCanonicalMapping.utf8)
      if normalized != Array(word.utf8) { forms.insert(normalized, id: Int32(id)) }
    }
    index = forms.frozen(in: storage)
  }

  /// The id of a token: its text, or for an elongated word its shortened forms; -1 when unknown.
  func resolve(_ token: ByteToken, in tokens: ByteTokens) -> Int32 {
    let text = tokens.text(of: token)
    if let id = index.id(of: text) { return id }
    if !token.flags.contains(.ascii), !CanonicalOrder.isCertainlyNormalized(text),
      let id = ids[String(decoding: text, as: UTF8.self)]
    {
      return id
    }
    // A stretched Lao piece is already its dictionary word (``LaoElongation``); no shorter form is a word.
    guard token.flags.contains(.elongated), !token.isLao else { return encliticStem(of: text, token) }
    // The variants of ``FeedbackToken/elongationVariants``, built only as far as needed.
    guard token.flags.contains(.bytesASCII) else {
      let string = String(decoding: text, as: UTF8.self)
      return ids[FeedbackToken.collapsingRuns(of: string, to: 2)]
        ?? ids[FeedbackToken.collapsingRuns(of: string, to: 1)] ?? -1
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { scratch in
      // A temporary allocation of at least one element always has a base address.
      let output = scratch.baseAddress!
      var written = FeedbackToken.collapsingASCIIRuns(of: text, to: 2, into: output)
      if let id = index.id(of: UnsafeBufferPointer(start: output, count: written)) { return id }
      written = FeedbackToken.collapsingASCIIRuns(of: text, to: 1, into: output)
      return index.id(of: UnsafeBufferPointer(start: output, count: written)) ?? -1
    }
  }

  /// The id of an unknown ASCII word without its Malay/Indonesian enclitic (``encliticStemCount(of:)``) when the
  /// stem is known; -1 otherwise. A form that is a word of the vocabulary itself ("sayangnya", unfortunately) is
  /// found before this is asked.
  @inline(__always)
  private func encliticStem(of text: UnsafeBufferPointer<UInt8>, _ token: ByteToken) -> Int32 {
    guard token.flags.contains(.bytesASCII), let stem = Self.encliticStemCount(of: text) else { return -1 }
    return index.id(of: UnsafeBufferPointer(rebasing: text[..<stem])) ?? -1
  }

  /// The length of a word without a Malay/Indonesian enclitic — "-nya" ("harganya", "lambatnya", "refund-nya"),
  /// "-lah" ("baguslah"), "-kah" ("betulkah") — when at least three bytes remain; `nil` for a word without one.
  @inline(__always)
  static func encliticStemCount(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    guard count >= 6 else { return nil }
    let (first, second, third) = (bytes[count - 3], bytes[count - 2], bytes[count - 1])
    let nya = first == UInt8(ascii: "n") && second == UInt8(ascii: "y") && third == UInt8(ascii: "a")
    let lahOrKah =
      (first == UInt8(ascii: "l") || first == UInt8(ascii: "k")) && second == UInt8(ascii: "a")
      && third == UInt8(ascii: "h")
    guard nya || lahOrKah else { return nil }
    // "refund-nya": the hyphen goes with the enclitic.
    return bytes[count - 4] == UInt8(ascii: "-") ? (count >= 7 ? count - 4 : nil) : count - 3
  }

  func id(of word: String) -> Int32 { ids[word] ?? -1 }

  /// The id of a word given by its bytes, as `String` equality would find it; -1 when unknown.
  func id(ofText text: UnsafeBufferPointer<UInt8>) -> Int32 {
    if let id = index.id(of: text) { return id }
    guard !CanonicalOrder.isCertainlyNormalized(text) else { return -1 }
    return ids[String(decoding: text, as: UTF8.self)] ?? -1
  }

  /// The id of a word given by its bytes, compared byte-wise; -1 when unknown.
  func id(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 { index.id(of: bytes) ?? -1 }

  /// A hash of the bytes, eight at a time (multiply and shift per word; never `UInt64.max`, which marks empty
  /// slots). Internal to the lookups: nothing stored depends on it.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = bytes.count
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
    if let base = bytes.baseAddress {
      hash = mix(base, count, into: hash)
    }
    hash = (hash ^ (hash >> 29)) &* 0x94D0_49BB_1331_11EB
    return hash == UInt64.max ? 0 : hash
  }

  @inline(__always)
  private static func mix(_ base: UnsafePointer<UInt8>, _ count: Int, into seed: UInt64) -> UInt64 {
    var hash = seed
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      offset += 8
    }
    if offset < count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < count {
        tail |= UInt64(base[offset]) << shift
        shift += 8
        offset += 1
      }
      hash = (hash ^ tail) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    return hash
  }

  /// Whether two byte strings of the same length are equal, compared eight bytes at a time.
  @inline(__always)
  static func sameBytes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
    assert(lhs.count == rhs.count)
    let count = lhs.count
    guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
    var offset = 0
    while offset + 8 <= count {
      let a = UnsafeRawPointer(left).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      let b = UnsafeRawPointer(right).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if a != b { return false }
      offset += 8
    }
    while offset < count {
      if left[offset] != right[offset] { return false }
      offset += 1
    }
    return true
  }
}

/// Byte strings with an id each, found by hash and compared byte-wise.
struct ByteForms: Sendable {
  private var bytes: [UInt8] = []
  /// Where each form starts in `bytes`, plus the end of the last.
  private var offsets: [Int32] = [0]
  private var ids: [Int32] = []
  /// Hash of a form's bytes → its index; the first form with a given hash wins.
  private var byHash = TrieTable()

  /// Adds a form unless one with the same hash is already there.
  mutating func insert(_ form: [UInt8], id: Int32) {
    let hash = form.withUnsafeBufferPointer { ScoringVocabulary.hash($0) }
    guard byHash.value(for: hash) == nil else { return }
    byHash.insert(hash, Int32(ids.count))
    bytes += form
    offsets.append(Int32(bytes.count))
    ids.append(id)
  }

  /// The forms in frozen memory owned by `storage`.
  func frozen(in storage: FrozenStorage) -> FrozenForms {
    FrozenForms(
      bytes: storage.freeze(bytes), offsets: storage.freeze(offsets), ids: storage.freeze(ids),
      byHash: byHash.frozen(in: storage))
  }
}

/// ``ByteForms`` in frozen memory: the lookups of the hot path.
struct FrozenForms: Sendable {
  private var bytes = FrozenList<UInt8>()
  private var offsets = FrozenList<Int32>()
  private var ids = FrozenList<Int32>()
  private var byHash: FrozenTrieTable?

  init() {}

  init(bytes: FrozenList<UInt8>, offsets: FrozenList<Int32>, ids: FrozenList<Int32>, byHash: FrozenTrieTable) {
    self.bytes = bytes
    self.offsets = offsets
    self.ids = ids
    self.byHash = byHash
  }

  /// The id of the form equal to `text`, if any.
  @inline(__always)
  func id(of text: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard let form = byHash?.value(for: ScoringVocabulary.hash(text)) else { return nil }
    let index = Int(form)
    let start = Int(offsets[index])
    let count = Int(offsets[index + 1]) - start
    guard count == text.count else { return nil }
    return ScoringVocabulary.sameBytes(bytes.slice(start, count), text) ? ids[index] : nil
  }
}
