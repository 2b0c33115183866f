import Foundation

/// What the rule-based classifier knows about one word for one dominant language.
struct ScoringEntry: Sendable {
  enum Source: UInt8, Sendable {
    case lexicon, fixedPhrase, emoji, emoticon
  }

  var valence: Double = 0
  var booster: Double = 0
  /// Index into ``ScoringTable/aspectList``, or -1.
  var aspect: Int32 = -1
  var hasValence = false
  var isFixed = false
  var source: Source = .lexicon
  var isNegator = false
  var isContrast = false
  var startsPhrase = false
  var startsAspectPhrase = false
  /// The Lao repetition mark ໆ: it repeats the word before it (``LexiconScorer``).
  var isRepetitionMark = false
  /// A Lao verdict that a problem is solved (a resolution term with a positive valence: "ແກ້ແລ້ວ", "ຫາຍແລ້ວ"): the
  /// complaint word just before it names the solved problem (``LexiconScorer``).
  var solvesProblem = false
  /// The word's part in the rules that read words rather than lexicon entries.
  var ruleWord: RuleWord = .none
  /// The term's part in the frames that change what the complaints and praise of its sentence mean.
  var frame: Frame = .none

  /// Terms of the rules files' `[remedies]`, `[expectations]`, `[conditions]` and `[hypotheticals]`
  /// (<doc:ScoringRules>).
  enum Frame: UInt8, Sendable {
    case none
    /// Says a problem was solved: the complaints before it in its sentence are cancelled.
    case remedy
    /// Calls an event expected: the complaints of its sentence are cancelled.
    case expectation
    /// Opens a condition: praise right before it, after a ``hypothetical`` word, is a wish and is cancelled.
    case condition
    /// Makes the praise after it hypothetical ("alangkah", "bakal").
    case hypothetical
  }

  /// Words the rules look for by role: the English negation rules (<doc:ScoringRules>, rule 7) and the Lao
  /// solved-problem rule.
  enum RuleWord: UInt8, Sendable {
    case none
    /// "least": negates the word after it unless it follows "at" or "very".
    case least
    /// "too", "overly": reverse the praise right after them.
    case excess
    /// "hard", "difficult", "impossible": with "to", reverse the praise after it.
    case difficulty
    /// Lao "ວ່າ" (that, as in ບອກວ່າ, said that): a verdict after it is someone's claim, not the customer's.
    case reportedSpeech
    /// Lao "ບໍ" (the question particle): "ແກ້ແລ້ວບໍ" asks whether it is fixed.
    case questionParticle
    /// English only, from here on (<doc:ScoringRules>: implicit English hosting feedback).
    /// "fixed", "patched", "traced", "rolled back", "reduced": the problem named after it (or before it, when
    /// passive or followed by "it") is solved.
    case remedy
    /// "fix", "restore", "roll back", "undo": a remedy only after a word of ability ("let me roll back").
    case remedyBase
    /// "let", "lets", "helped", "allowed", "able": makes a base-form remedy after it a reported ability.
    case ability
    /// "dropped", "fell", "decreased", "halved": turns the polarity of what went down before it ("TTFB
    /// dropped", "uptime fell").
    case decrease
    /// "should", "waiting", "supposedly", "told": a remedy after it is expected or hearsay, not done.
    case expectation
    /// "wrong", "incorrect": a remedy applied to the wrong thing is a mistake, not a solution.
    case mistake
    /// "as expected", "as requested", "as planned": the complaints of its sentence are expected events.
    case expectedEvent
    /// "would", "could", "it'd", "we'd": the conditional of a wish ("it would be nice to see …").
    case conditional
    /// "stop", "it's", "it", "that": may open an implicit statement ("Stop charging me", "It's been 72.").
    case opener
    /// "please": politeness before an opener.
    case politeness
  }

  var rule: SentimentRule {
    switch source {
    case .lexicon: return .lexicon
    case .fixedPhrase: return .fixedPhrase
    case .emoji: return .emoji
    case .emoticon: return .emoticon
    }
  }

  /// Nothing known: no valence, no rule role, no aspect.
  var isBlank: Bool {
    !hasValence && booster == 0 && !isNegator && !isContrast && aspect < 0 && frame == .none
  }

  /// A sentiment value of its own (not a rule word).
  var hasValue: Bool { hasValence && valence != 0 && !isNegator && booster == 0 }

  /// A negator with a fixed value of its own ("ບໍ່ໄດ້" in `[negation_fixed]`: "cannot" after its verb), which
  /// counts when the negator negates no sentiment word.
  var hasNegatorValue: Bool { isNegator && isFixed && hasValence && valence != 0 }
}

/// A run of elements in one of the flat lists of ``ScoringResources``: `start..<start + count`.
struct FlatSpan: Sendable {
  var start: Int32 = 0
  var count: Int32 = 0
}

/// A multi-word term in flat form: its words are `phraseWords[words]`.
struct FlatPhrase: Sendable {
  var words: FlatSpan
  var entry: ScoringEntry
}

/// A multi-word aspect term in flat form.
struct FlatAspectPhrase: Sendable {
  var words: FlatSpan
  var aspect: Int32
}

/// A multi-word term (sentiment phrase, idiom or multi-word rule word), matched on consecutive word tokens.
struct PhraseEntry: Sendable {
  var words: [Int32]
  var entry: ScoringEntry
}

/// A multi-word aspect term.
struct AspectPhrase: Sendable {
  var words: [Int32]
  var aspect: Int32
}

/// The lookup tables for text whose dominant language is one language: that language's entries win, the other
/// lexicons fill in (code-mixed feedback), rule words of every language apply. Indexed by vocabulary id.
struct ScoringTable: Sendable {
  var entries: [ScoringEntry]
  var phrases: [Int32: [PhraseEntry]] = [:]
  var aspectList: [HostingAspect] = []
  var aspectPhrases: [Int32: [AspectPhrase]] = [:]
  /// Segments a Lao word the table does not know into the Lao terms it does know ("ບໍ່ດີ" → "ບໍ່" "ດີ").
  var termSegmenter = LaoSegmenter(words: [String]())
  /// For each Lao vocabulary word without an entry of its own, the known terms inside it, when it is cut into
  /// vocabulary words only.
  var laoSplits: [Int32: [Int32]] = [:]
  /// Whether the table's language is English, whose rules for implicit feedback (solved problems, absence,
  /// expected events, wishes, implicit statements) then apply (<doc:ScoringRules>).
  var isEnglish = false

  /// The words of the rules that are found by role (interned into every vocabulary).
  static let ruleWords: [(String, ScoringEntry.RuleWord)] = [
    ("least", .least), ("too", .excess), ("overly", .excess), ("hard", .difficulty), ("difficult", .difficulty),
    ("impossible", .difficulty), ("ວ່າ", .reportedSpeech), ("ບໍ", .questionParticle),
  ]
  /// The English words and phrases of the rules for solved problems and expected events, set only in tables whose
  /// language is English (Malay and Lao phrase these otherwise).
  static let englishRuleTerms: [(String, ScoringEntry.RuleWord)] = {
    let groups: [(ScoringEntry.RuleWord, [String])] = [
      (
        .remedy,
        [
          "fixed", "patched", "restored", "recovered", "resolved", "solved", "sorted", "repaired", "reverted",
          "unblocked", "traced", "removed", "cleared", "cleaned", "rebuilt", "undid", "undone", "reversed", "rescued",
          "eliminated", "mitigated", "reduced", "lowered", "slashed", "cut", "rolled back", "sorted out", "cleaned up",
          "tracked down", "cleared up",
        ]
      ),
      (.remedyBase, ["fix", "patch", "restore", "recover", "repair", "revert", "undo", "roll back", "rollback"]),
      (.ability, ["let", "lets", "letting", "helped", "helps", "allowed", "allows", "able", "enabled", "enables"]),
      (.decrease, ["dropped", "fell", "decreased", "halved", "shrank", "plummeted", "plunged"]),
      (
        .expectation,
        [
          "should", "supposed", "supposedly", "apparently", "allegedly", "claimed", "claims", "told", "said", "says",
          "waiting", "wait", "hope", "hoping", "hopefully", "needs", "need", "expect", "want", "wanted", "promised",
          "promise", "will",
        ]
      ),
      (.mistake, ["wrong", "incorrect", "mistaken"]),
      (
        .expectedEvent,
        [
          "as expected", "as requested", "as planned", "as scheduled", "as agreed", "as announced", "as discussed",
          "as instructed", "as asked", "as promised", "as advertised", "as described", "as documented", "as intended",
          "as notified",
        ]
      ),
      (.conditional, ["would", "could", "it'd", "we'd", "i'd", "that'd", "you'd", "they'd", "he'd", "she'd"]),
      (.opener, ["stop", "it's", "its", "it", "that"]),
      (.politeness, ["please"]),
    ]
    return groups.flatMap { role, terms in terms.map { ($0, role) } }
  }()

  /// The Lao repetition mark ໆ, which strengthens the word before it by one intensifier step.
  static let repetitionMark = "\u{0EC6}"
  static let repetitionMarkStep = 0.293

  init(primary: SentimentLanguage?, lexicons: [SentimentLanguage: SentimentLexicon], vocabulary: ScoringVocabulary) {
    entries = Array(repeating: ScoringEntry(), count: vocabulary.count)
    for (emoji, valence) in EmojiValences.emoji {
      entries[Int(vocabulary.id(of: emoji))] = ScoringEntry(valence: valence, hasValence: true, source: .emoji)
    }
    for (emoticon, valence) in EmojiValences.emoticons {
      entries[Int(vocabulary.id(of: emoticon))] = ScoringEntry(
        valence: valence, hasValence: true, source: .emoticon)
    }
    entries[Int(vocabulary.id(of: Self.repetitionMark))].booster = Self.repetitionMarkStep
    entries[Int(vocabulary.id(of: Self.repetitionMark))].isRepetitionMark = true
    let others = lexicons.keys.filter { $0 != primary }.sorted { $0.rawValue > $1.rawValue }
    let ordered = others.compactMap { lexicons[$0] } + (primary.flatMap { lexicons[$0] }.map { [$0] } ?? [])
    for lexicon in ordered {
      for (term, valence) in lexicon.valences.sorted(by: { $0.key < $1.key }) {
        addValence(term, valence, isFixed: false, vocabulary)
      }
      for (term, valence) in lexicon.fixedPhrases.sorted(by: { $0.key < $1.key }) {
        addValence(term, valence, isFixed: true, vocabulary)
      }
      for (term, aspect) in lexicon.aspectTerms.sorted(by: { $0.key < $1.key }) {
        addAspect(term, aspect, vocabulary)
      }
    }
    for lexicon in ordered {
      for term in lexicon.negators { update(term, vocabulary) { $0.isNegator = true } }
      for term in lexicon.contrastWords { update(term, vocabulary) { $0.isContrast = true } }
      for (term, step) in lexicon.intensifiers { update(term, vocabulary) { $0.booster = step } }
    }
    // Frames are read in the dominant language only: "patch" is a Malay remedy, but an English noun.
    if let lexicon = primary.flatMap({ lexicons[$0] }) {
      for term in lexicon.remedies { update(term, vocabulary) { $0.frame = .remedy } }
      for term in lexicon.expectations { update(term, vocabulary) { $0.frame = .expectation } }
      for term in lexicon.conditions { update(term, vocabulary) { $0.frame = .condition } }
      for term in lexicon.hypotheticals { update(term, vocabulary) { $0.frame = .hypothetical } }
    }
    for (word, role) in Self.ruleWords { entries[Int(vocabulary.id(of: word))].ruleWord = role }
    isEnglish = primary == .english
    if isEnglish {
      for (term, role) in Self.englishRuleTerms { update(term, vocabulary) { $0.ruleWord = role } }
      // "fixed quickly", "helped me", "wrong answer": a phrase that opens with a remedy, a word of ability or a
      // mistake keeps its role.
      for (first, list) in phrases where [.remedy, .ability, .mistake].contains(entries[Int(first)].ruleWord) {
        phrases[first] = list.map { phrase in
          var phrase = phrase
          if phrase.entry.ruleWord == .none { phrase.entry.ruleWord = entries[Int(first)].ruleWord }
          return phrase
        }
      }
    }
    dropPhrasesComposedByRules()
    for key in phrases.keys { phrases[key]?.sort { $0.words.count > $1.words.count } }
    for key in aspectPhrases.keys { aspectPhrases[key]?.sort { $0.words.count > $1.words.count } }
    for key in phrases.keys { entries[Int(key)].startsPhrase = true }
    for key in aspectPhrases.keys { entries[Int(key)].startsAspectPhrase = true }
    let laoTerms = vocabulary.words.indices.filter { index in
      !entries[index].isBlank && vocabulary.words[index].unicodeScalars.contains { LaoScript.isLao($0.value) }
    }
    termSegmenter = LaoSegmenter(words: laoTerms.map { vocabulary.words[$0] })
    // A word of the dictionary is cut again only into words: a term found inside it that leaves a piece no word
    // ("ຢ່າງ" = "ຢ່າ" + "ງ", "ວິດີໂອ" = "ວິ" + "ດີ" + "ໂອ") is a chance match of letters, not a word the customer wrote.
    for (index, word) in vocabulary.words.enumerated() where entries[index].isBlank {
      guard word.unicodeScalars.first.map({ LaoScript.isLao($0.value) }) == true,
        let parts = knownParts(ofLao: word, vocabulary: vocabulary), !parts.contains(-1)
      else { continue }
      laoSplits[Int32(index)] = parts
    }
    inheritLaoAspects(vocabulary)
    if let resolution = aspectList.firstIndex(of: .resolution) {
      for (index, word) in vocabulary.words.enumerated()
      where entries[index].aspect == Int32(resolution) && entries[index].hasValue && entries[index].valence > 0
        && word.unicodeScalars.first.map({ LaoScript.isLao($0.value) }) == true
      {
        entries[index].solvesProblem = true
      }
    }
    if primary == .malay { inheritEncliticStems(vocabulary, stopwords: lexicons[.malay]?.stopwords ?? []) }
  }

  /// In the Malay/Indonesian table, a word with an enclitic ("-nya", "-lah", "-kah") that is in the vocabulary for
  /// another reason reads like its stem, as an unknown word with one does
  /// (``ScoringVocabulary/encliticStemCount(of:)``): a blank entry (a word of another language's lists, or of a
  /// phrase) takes the stem's whole entry, an entry without an aspect ("lambatnya", listed with a valence) the stem's
  /// aspect. A Malay stop word keeps its blank entry: "bukankah" asks a question, it does not negate.
  private mutating func inheritEncliticStems(_ vocabulary: ScoringVocabulary, stopwords: Set<String>) {
    for (index, word) in vocabulary.words.enumerated() where entries[index].aspect < 0 && !stopwords.contains(word) {
      var bytes = Array(word.utf8)
      guard bytes.allSatisfy({ $0 < 0x80 }),
        let stem = bytes.withUnsafeBufferPointer({ ScoringVocabulary.encliticStemCount(of: $0) })
      else { continue }
      bytes.removeLast(bytes.count - stem)
      let id = Int(vocabulary.id(of: String(decoding: bytes, as: UTF8.self)))
      guard id >= 0, !entries[id].isBlank else { continue }
      if entries[index].isBlank {
        let startsPhrase = entries[index].startsPhrase
        let startsAspectPhrase = entries[index].startsAspectPhrase
        entries[index] = entries[id]
        entries[index].startsPhrase = startsPhrase
        entries[index].startsAspectPhrase = startsAspectPhrase
      } else {
        entries[index].aspect = entries[id].aspect
      }
    }
  }

  /// A Lao compound with an entry of its own but no aspect ("ລົ່ມເລື້ອຍໆ", keeps going down) names the aspect of
  /// the first Lao aspect term inside it ("ລົ່ມ"): Lao runs its words together, so the lexicon's compounds would
  /// otherwise hide the aspect terms they contain.
  private mutating func inheritLaoAspects(_ vocabulary: ScoringVocabulary) {
    func isLao(_ word: String) -> Bool { word.unicodeScalars.first.map { LaoScript.isLao($0.value) } == true }
    let aspectWords = vocabulary.words.indices.filter { entries[$0].aspect >= 0 && isLao(vocabulary.words[$0]) }
    guard !aspectWords.isEmpty else { return }
    let segmenter = LaoSegmenter(words: aspectWords.map { vocabulary.words[$0] })
    for (index, word) in vocabulary.words.enumerated()
    where entries[index].aspect < 0 && !entries[index].isBlank && isLao(word) {
      for piece in segmenter.segment(word) where piece != word {
        let id = vocabulary.id(of: piece)
        if id >= 0 && entries[Int(id)].aspect >= 0 {
          entries[index].aspect = entries[Int(id)].aspect
          break
        }
      }
    }
  }

  /// Splits a term into the word tokens the tokenizer would produce for it (Lao terms are one token).
  static func words(of term: String) -> [String] {
    if term.unicodeScalars.contains(where: { LaoScript.isLao($0.value) }) {
      return [term.utf8.contains(0x20) ? term.replacingOccurrences(of: " ", with: "") : term]
    }
    return term.split(separator: " ").map(String.init)
  }

  private mutating func update(
    _ term: String, _ vocabulary: ScoringVocabulary, _ change: (inout ScoringEntry) -> Void
  ) {
    let ids = Self.words(of: term).map { vocabulary.id(of: $0) }
    guard let first = ids.first, !ids.contains(-1) else { return }
    if ids.count == 1 {
      change(&entries[Int(first)])
      return
    }
    var list = phrases[first, default: []]
    if let index = list.firstIndex(where: { $0.words == ids }) {
      change(&list[index].entry)
    } else {
      var entry = ScoringEntry()
      change(&entry)
      list.append(PhraseEntry(words: ids, entry: entry))
    }
    phrases[first] = list
  }

  private mutating func addValence(_ term: String, _ valence: Double, isFixed: Bool, _ vocabulary: ScoringVocabulary) {
    update(term, vocabulary) { entry in
      entry.valence = valence
      entry.hasValence = true
      entry.isFixed = isFixed
      entry.source = isFixed ? .fixedPhrase : .lexicon
    }
  }

  private mutating func addAspect(_ term: String, _ aspect: HostingAspect, _ vocabulary: ScoringVocabulary) {
    let ids = Self.words(of: term).map { vocabulary.id(of: $0) }
    guard let first = ids.first, !ids.contains(-1) else { return }
    let index: Int32
    if let existing = aspectList.firstIndex(of: aspect) {
      index = Int32(existing)
    } else {
      index = Int32(aspectList.count)
      aspectList.append(aspect)
    }
    if ids.count == 1 {
      entries[Int(first)].aspect = index
    } else {
      aspectPhrases[first, default: []].removeAll { $0.words == ids }
      aspectPhrases[first, default: []].append(AspectPhrase(words: ids, aspect: index))
    }
  }

  /// A sentiment phrase of an intensifier or dampener and a sentiment word ("sangat bagus", "bagus sekali") is
  /// what the intensifier rule computes anyway; dropping it lets the rule apply and show in the explanation.
  private mutating func dropPhrasesComposedByRules() {
    for (first, list) in phrases {
      phrases[first] = list.filter { phrase in
        guard phrase.words.count == 2, phrase.entry.hasValence, !phrase.entry.isFixed, phrase.entry.booster == 0,
          !phrase.entry.isNegator, !phrase.entry.isContrast
        else { return true }
        let head = entries[Int(phrase.words[0])]
        let tail = entries[Int(phrase.words[1])]
        let headBoosts = head.booster != 0
        guard headBoosts != (tail.booster != 0) else { return true }
        return !(headBoosts ? tail : head).hasValence
      }
      if phrases[first]?.isEmpty == true { phrases[first] = nil }
    }
  }

  /// The known Lao terms inside an unknown Lao word, or `nil` when it holds none.
  func knownParts(ofLao word: String, vocabulary: ScoringVocabulary) -> [Int32]? {
    var word = word
    let parts = word.withUTF8 { bytes -> [String] in
      var values: [UInt32] = []
      values.reserveCapacity(bytes.count / 3)
      var index = 0
      while index + 2 < bytes.count {
        values.append(
          (UInt32(bytes[index]) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6
            | (UInt32(bytes[index + 2]) & 0x3F))
        index += 3
      }
      guard index == bytes.count, values.allSatisfy({ LaoScript.isLao($0) }) else { return [] }
      return termSegmenter.segmentLaoRun(values: values, utf8: bytes)
    }
    guard parts.count > 1 else { return nil }
    let ids = parts.map { vocabulary.id(of: $0) }
    guard ids.contains(where: { $0 >= 0 && !entries[Int($0)].isBlank }) else { return nil }
    return ids
  }

  /// ``knownParts(ofLao:vocabulary:)`` for a Lao token's bytes: the parts' ids go to `parts` (room for one per
  /// scalar of the word); `false`, with nothing added, when the word holds no known term.
  func knownParts(
    ofLao bytes: UnsafeBufferPointer<UInt8>, vocabulary: ScoringVocabulary, into parts: inout ScratchList<Int32>
  ) -> Bool {
    guard bytes.count % 3 == 0, bytes.count >= 6 else { return false }
    let first = parts.count
    let found = ScratchList<UInt32>.with(capacity: bytes.count / 3) { values -> Bool in
      var index = 0
      while index + 2 < bytes.count {
        let value =
          (UInt32(bytes[index]) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6
          | (UInt32(bytes[index + 2]) & 0x3F)
        guard LaoScript.isLao(value) else { return false }
        values.append(value)
        index += 3
      }
      var known = false
      values.withBuffer { run in
        termSegmenter.forEachCut(UnsafeBufferPointer(run)) { cut in
          let piece = UnsafeBufferPointer(rebasing: bytes[(cut.start * 3)..<(cut.end * 3)])
          let id = vocabulary.id(ofText: piece)
          if id >= 0 && !entries[Int(id)].isBlank { known = true }
          parts.append(id)
        }
      }
      return known && parts.count - first > 1
    }
    if !found { parts.truncate(to: first) }
    return found
  }

  /// The entry of a word the vocabulary does not know: for hyphenated words the strongest part, for words
  /// ending in "n't" a negator, else nothing.
  func entry(ofUnknownWord text: UnsafeBufferPointer<UInt8>, vocabulary: ScoringVocabulary) -> ScoringEntry {
    let count = text.count
    let endsWithNot =
      count >= 3 && text[count - 1] == UInt8(ascii: "t") && text[count - 2] == UInt8(ascii: "'")
      && text[count - 3] == UInt8(ascii: "n")
    if text.contains(UInt8(ascii: "-")) {
      var best: ScoringEntry?
      for part in String(decoding: text, as: UTF8.self).split(separator: "-") {
        var partID = vocabulary.id(of: String(part))
        if partID < 0 { partID = vocabulary.id(of: FeedbackToken.collapsingRuns(of: String(part), to: 1)) }
        guard partID >= 0 else { continue }
        let entry = entries[Int(partID)]
        if best == nil || abs(entry.valence) > abs(best?.valence ?? 0) { best = entry }
      }
      if let best { return best }
    }
    if endsWithNot { return ScoringEntry(isNegator: true) }
    return ScoringEntry()
  }
}
