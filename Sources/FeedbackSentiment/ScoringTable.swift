import Foundation

/// What the rule-based classifier knows about one lookup key, merged from all lexicons.
struct ScoringEntry: Sendable {
  var valence: Double = 0
  var hasValence = false
  var isFixed = false
  var rule: SentimentRule = .lexicon
  var booster: Double = 0
  var isNegator = false
  var isContrast = false
}

/// A multi-word term (sentiment phrase, idiom or multi-word rule word), matched on consecutive word tokens.
struct PhraseEntry: Sendable {
  var words: [String]
  var entry: ScoringEntry
}

/// A multi-word aspect term.
struct AspectPhrase: Sendable {
  var words: [String]
  var aspect: HostingAspect
}

/// The lookup tables for text whose dominant language is one language: that language's entries win, the other
/// lexicons fill in (code-mixed feedback), rule words of every language apply.
struct ScoringTable: Sendable {
  var entries: [String: ScoringEntry] = [:]
  var phrases: [String: [PhraseEntry]] = [:]
  var aspects: [String: HostingAspect] = [:]
  var aspectPhrases: [String: [AspectPhrase]] = [:]
  /// Segments a Lao word the table does not know into the Lao terms it does know ("ບໍ່ດີ" → "ບໍ່" "ດີ").
  var termSegmenter = LaoSegmenter(words: [String]())

  /// Step of the Lao repetition mark ໆ, which strengthens the word before it.
  static let repetitionMarkStep = 0.293

  init(primary: SentimentLanguage?, lexicons: [SentimentLanguage: SentimentLexicon]) {
    for (emoji, valence) in EmojiValences.emoji {
      entries[emoji] = ScoringEntry(valence: valence, hasValence: true, rule: .emoji)
    }
    for (emoticon, valence) in EmojiValences.emoticons {
      entries[emoticon] = ScoringEntry(valence: valence, hasValence: true, rule: .emoticon)
    }
    entries["\u{0EC6}"] = ScoringEntry(booster: Self.repetitionMarkStep)
    let others = lexicons.keys.filter { $0 != primary }.sorted { $0.rawValue > $1.rawValue }
    let ordered = others.compactMap { lexicons[$0] } + (primary.flatMap { lexicons[$0] }.map { [$0] } ?? [])
    for lexicon in ordered {
      for (term, valence) in lexicon.valences { addValence(term, valence, isFixed: false) }
      for (term, valence) in lexicon.fixedPhrases { addValence(term, valence, isFixed: true) }
      for (term, aspect) in lexicon.aspectTerms { addAspect(term, aspect) }
    }
    for lexicon in ordered {
      for term in lexicon.negators { update(term) { $0.isNegator = true } }
      for term in lexicon.contrastWords { update(term) { $0.isContrast = true } }
      for (term, step) in lexicon.intensifiers { update(term) { $0.booster = step } }
    }
    dropPhrasesComposedByRules()
    termSegmenter = LaoSegmenter(
      words: entries.keys.filter { $0.unicodeScalars.contains { LaoScript.isLao($0.value) } })
    for key in phrases.keys { phrases[key]?.sort { $0.words.count > $1.words.count } }
    for key in aspectPhrases.keys { aspectPhrases[key]?.sort { $0.words.count > $1.words.count } }
  }

  /// A sentiment phrase that starts or ends with an intensifier or dampener ("sangat bagus", "bagus sekali") is
  /// what the intensifier rule computes anyway; dropping it lets the rule apply and show in the explanation.
  private mutating func dropPhrasesComposedByRules() {
    for (first, list) in phrases {
      phrases[first] = list.filter { phrase in
        guard phrase.words.count == 2, phrase.entry.hasValence, !phrase.entry.isFixed, phrase.entry.booster == 0,
          !phrase.entry.isNegator, !phrase.entry.isContrast
        else { return true }
        let head = phrase.words[0]
        let tail = phrase.words[1]
        let headBoosts = (entries[head]?.booster ?? 0) != 0
        let tailBoosts = (entries[tail]?.booster ?? 0) != 0
        guard headBoosts != tailBoosts else { return true }
        let word = headBoosts ? tail : head
        return entries[word]?.hasValence != true
      }
    }
  }

  /// Splits a term into the word tokens the tokenizer would produce for it (Lao terms are one token).
  static func words(of term: String) -> [String] {
    if term.unicodeScalars.contains(where: { LaoScript.isLao($0.value) }) {
      return [term.replacingOccurrences(of: " ", with: "")]
    }
    return term.split(separator: " ").map(String.init)
  }

  private mutating func update(_ term: String, _ change: (inout ScoringEntry) -> Void) {
    let words = Self.words(of: term)
    guard let first = words.first else { return }
    if words.count == 1 {
      change(&entries[first, default: ScoringEntry()])
      return
    }
    var list = phrases[first, default: []]
    if let index = list.firstIndex(where: { $0.words == words }) {
      change(&list[index].entry)
    } else {
      var entry = ScoringEntry()
      change(&entry)
      list.append(PhraseEntry(words: words, entry: entry))
    }
    phrases[first] = list
  }

  private mutating func addValence(_ term: String, _ valence: Double, isFixed: Bool) {
    update(term) { entry in
      entry.valence = valence
      entry.hasValence = true
      entry.isFixed = isFixed
      entry.rule = isFixed ? .fixedPhrase : .lexicon
    }
  }

  private mutating func addAspect(_ term: String, _ aspect: HostingAspect) {
    let words = Self.words(of: term)
    if words.count == 1 {
      aspects[words[0]] = aspect
    } else if let first = words.first {
      aspectPhrases[first, default: []].removeAll { $0.words == words }
      aspectPhrases[first, default: []].append(AspectPhrase(words: words, aspect: aspect))
    }
  }

  /// The known Lao terms inside an unknown Lao word, or `nil` when it holds none.
  func knownParts(ofLao word: String) -> [String]? {
    let parts = termSegmenter.segmentLaoRun(Array(word.unicodeScalars))
    guard parts.count > 1, parts.contains(where: { entries[$0] != nil }) else { return nil }
    return parts
  }

  /// The entry for a word, trying the forms of an elongated word and the parts of a hyphenated one.
  func entry(for token: FeedbackToken) -> ScoringEntry? {
    if let entry = entries[token.text] { return entry }
    for variant in token.elongationVariants {
      if let entry = entries[variant] { return entry }
    }
    if token.text.contains("-") {
      let parts = token.text.split(separator: "-").map(String.init)
      var best: ScoringEntry?
      for part in parts {
        guard let entry = entries[part] ?? entries[FeedbackToken.collapsingRuns(of: part, to: 1)] else { continue }
        if best == nil || abs(entry.valence) > abs(best?.valence ?? 0) { best = entry }
      }
      if let best { return best }
    }
    if token.text.hasSuffix("n't") { return ScoringEntry(isNegator: true) }
    return nil
  }
}
