/// The tables for one dominant language and the shared vocabulary, held by reference so that scoring a text
/// does not copy them; what the hot path reads is frozen (``FrozenList``), indexed by vocabulary id.
final class ScoringResources: Sendable {
  let table: ScoringTable
  let vocabulary: ScoringVocabulary
  private let storage = FrozenStorage()
  /// ``ScoringTable/entries``.
  let entries: FrozenList<ScoringEntry>
  /// Every multi-word term and aspect term, their words in `phraseWords`.
  let phrases: FrozenList<FlatPhrase>
  let aspectPhrases: FrozenList<FlatAspectPhrase>
  let phraseWords: FrozenList<Int32>
  /// The terms starting with a pair of words: `first << 32 | second` → a span of `pairMembers`, which lists
  /// indices into `phrases` (or `aspectPhrases`) longest first, in ``ScoringTable``'s order.
  let phrasePairs: FrozenTrieTable
  let aspectPairs: FrozenTrieTable
  let pairSpans: FrozenList<FlatSpan>
  let pairMembers: FrozenList<Int32>
  /// For each Lao vocabulary word without an entry, the known terms inside it (``ScoringTable/laoSplits``).
  let laoSplitSpans: FrozenList<FlatSpan>
  let laoSplitParts: FrozenList<Int32>
  /// Whether each vocabulary word holds an ASCII byte.
  let wordHasASCII: FrozenList<Bool>
  /// Where the clause roles and the aspects they resolve to sit in ``ScoringTable/aspectList``.
  let aspectRoles: AspectRoles

  init(table: ScoringTable, vocabulary: ScoringVocabulary) {
    self.table = table
    self.vocabulary = vocabulary
    entries = storage.freeze(table.entries)
    var words: [Int32] = []
    var spans: [FlatSpan] = []
    var members: [Int32] = []
    func flatWords(_ list: [Int32]) -> FlatSpan {
      defer { words += list }
      return FlatSpan(start: Int32(words.count), count: Int32(list.count))
    }
    /// Groups the terms of each first word by their second word, keeping their order.
    func pairs(_ groups: [(first: Int32, terms: [(index: Int32, words: [Int32])])]) -> TrieTable {
      var table = TrieTable()
      for (first, terms) in groups {
        var seconds: [Int32] = []
        for term in terms where !seconds.contains(term.words[1]) { seconds.append(term.words[1]) }
        for second in seconds {
          let chosen = terms.filter { $0.words[1] == second }.map(\.index)
          table.insert(UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second)), Int32(spans.count))
          spans.append(FlatSpan(start: Int32(members.count), count: Int32(chosen.count)))
          members += chosen
        }
      }
      return table
    }
    var phrases: [FlatPhrase] = []
    var phraseGroups: [(first: Int32, terms: [(index: Int32, words: [Int32])])] = []
    for (first, list) in table.phrases.sorted(by: { $0.key < $1.key }) {
      var terms: [(index: Int32, words: [Int32])] = []
      for phrase in list where phrase.words.count >= 2 {
        terms.append((Int32(phrases.count), phrase.words))
        phrases.append(FlatPhrase(words: flatWords(phrase.words), entry: phrase.entry))
      }
      phraseGroups.append((first, terms))
    }
    var aspectPhrases: [FlatAspectPhrase] = []
    var aspectGroups: [(first: Int32, terms: [(index: Int32, words: [Int32])])] = []
    for (first, list) in table.aspectPhrases.sorted(by: { $0.key < $1.key }) {
      var terms: [(index: Int32, words: [Int32])] = []
      for phrase in list where phrase.words.count >= 2 {
        terms.append((Int32(aspectPhrases.count), phrase.words))
        aspectPhrases.append(FlatAspectPhrase(words: flatWords(phrase.words), aspect: phrase.aspect))
      }
      aspectGroups.append((first, terms))
    }
    phrasePairs = pairs(phraseGroups).frozen(in: storage)
    aspectPairs = pairs(aspectGroups).frozen(in: storage)
    var splitSpans = [FlatSpan](repeating: FlatSpan(), count: vocabulary.count)
    var splitParts: [Int32] = []
    for (word, parts) in table.laoSplits.sorted(by: { $0.key < $1.key }) {
      splitSpans[Int(word)] = FlatSpan(start: Int32(splitParts.count), count: Int32(parts.count))
      splitParts += parts
    }
    self.phrases = storage.freeze(phrases)
    self.aspectPhrases = storage.freeze(aspectPhrases)
    phraseWords = storage.freeze(words)
    pairSpans = storage.freeze(spans)
    pairMembers = storage.freeze(members)
    laoSplitSpans = storage.freeze(splitSpans)
    laoSplitParts = storage.freeze(splitParts)
    wordHasASCII = storage.freeze(vocabulary.hasASCII)
    aspectRoles = AspectRoles(table.aspectList)
  }

  /// The candidates (indices into `phrases` or `aspectPhrases`) for terms starting with the tokens at `index`
  /// and `index + 1`; empty when there is no next word.
  @inline(__always)
  func candidates(in pairs: FrozenTrieTable, _ tokens: ByteTokens, at index: Int) -> UnsafeBufferPointer<Int32> {
    guard index + 1 < tokens.count else { return UnsafeBufferPointer(start: nil, count: 0) }
    let first = tokens.tokens[index].id
    let second = tokens.tokens[index + 1].id
    guard second >= 0,
      let span = pairs.value(for: UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second)))
    else { return UnsafeBufferPointer(start: nil, count: 0) }
    let members = pairSpans[Int(span)]
    return pairMembers.slice(Int(members.start), Int(members.count))
  }
}
