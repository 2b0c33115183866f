import Foundation

/// Applies the scoring rules to one tokenized text. See <doc:ScoringRules> for the rules and constants.
struct LexiconScorer {
  /// One scored unit: a word, a matched phrase, an emoji, an emoticon or punctuation.
  struct Item {
    var text: String
    var entry: ScoringEntry
    var isAllCaps = false
    var isElongated = false
    var isPunctuation = false
    /// Whether the text has an ASCII character (for the capitals rule), when known without scanning it.
    var knownHasASCII: Bool?
    /// Index of the item's first token.
    var firstToken = 0
    /// The item's value after every rule so far.
    var value = 0.0
    /// The value without the contrast weighting: the polarity of the item within its own clause, for aspects.
    var clauseValue = 0.0
    var hasValue: Bool { entry.hasValence && entry.valence != 0 && !entry.isNegator && entry.booster == 0 }
  }

  /// VADER's scalar for one intensifier or dampener step.
  static let boosterStep = 0.293
  /// Added to a capitalised sentiment word when the text mixes capitals and lowercase.
  static let capitalsIncrement = 0.733
  /// A negated value is multiplied by this.
  static let negationScalar = -0.74
  /// Weight of the clause before the last contrast word …
  static let beforeContrastWeight = 0.5
  /// … and of the clause after it.
  static let afterContrastWeight = 1.5
  /// How many items before a sentiment word a negator or intensifier reaches.
  static let scopeWidth = 3
  /// Added per exclamation mark, at most four of them.
  static let exclamationIncrement = 0.292
  /// Positive values in a question are multiplied by this.
  static let questionPraiseFactor = 0.4
  /// Normalisation constant: score = s / √(s² + α).
  static let normalizationAlpha = 15.0

  let tokenized: TokenizedText
  /// The vocabulary id of each token (-1 unknown).
  let ids: [Int32]
  let resources: ScoringResources
  private(set) var items: [Item] = []
  private(set) var contributions: [SentimentContribution] = []
  private(set) var rawScore = 0.0

  init(tokenized: TokenizedText, ids: [Int32], resources: ScoringResources) {
    self.tokenized = tokenized
    self.ids = ids
    self.resources = resources
  }

  var normalizedScore: Double { Self.normalize(rawScore) }

  static func normalize(_ value: Double) -> Double {
    guard value.isFinite else { return value > 0 ? 1 : value < 0 ? -1 : 0 }
    return value / (value * value + normalizationAlpha).squareRoot()
  }

  mutating func score() {
    buildItems()
    // Every scored word adds at most a handful of contributions; reserving avoids regrowing the array.
    contributions.reserveCapacity(items.count + 4)
    let capsDifferential = hasCapsDifferential()
    for index in items.indices where items[index].hasValue {
      scoreItem(at: index, capsDifferential: capsDifferential)
    }
    applyQuestionDamping()
    applyContrast()
    applySarcasm()
    applyPunctuation()
  }

  // MARK: Items

  private mutating func buildItems() {
    let tokens = tokenized.tokens
    items.reserveCapacity(tokens.count)
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      if token.kind == .punctuation {
        items.append(Item(text: token.text, entry: ScoringEntry(), isPunctuation: true, firstToken: index))
        index += 1
        continue
      }
      let id = ids[index]
      if id >= 0, resources.entries[Int(id)].startsPhrase, let phrase = matchPhrase(at: index),
        !yieldsToNegation(phrase, at: index)
      {
        let span = tokens[index..<index + phrase.words.count]
        items.append(
          Item(
            text: phrase.words.map { resources.vocabulary.words[Int($0)] }.joined(separator: " "),
            entry: phrase.entry,
            isAllCaps: span.allSatisfy(\.isAllCaps),
            isElongated: span.contains(where: \.isElongated),
            firstToken: index
          )
        )
        index += phrase.words.count
        continue
      }
      let entry =
        id >= 0
        ? resources.entries[Int(id)] : resources.table.entry(for: token, id: id, vocabulary: resources.vocabulary)
      if entry.isBlank, token.isLao, let parts = laoParts(of: token, id: id) {
        for part in parts where part >= 0 {
          items.append(
            Item(
              text: resources.vocabulary.words[Int(part)], entry: resources.entries[Int(part)],
              firstToken: index))
        }
        index += 1
        continue
      }
      // Lao words and emoji hold no ASCII; ASCII words and emoticons do.
      let knownHasASCII: Bool? =
        token.isLao || token.kind == .emoji ? false : token.isASCII && !token.text.isEmpty ? true : nil
      items.append(
        Item(
          text: token.text,
          entry: entry,
          isAllCaps: token.isAllCaps,
          isElongated: token.isElongated,
          knownHasASCII: knownHasASCII,
          firstToken: index
        )
      )
      index += 1
    }
  }

  /// The known terms inside a Lao word the table has no entry for (precomputed for vocabulary words).
  private func laoParts(of token: FeedbackToken, id: Int32) -> [Int32]? {
    if id >= 0 { return resources.table.laoSplits[id] }
    return resources.table.knownParts(ofLao: token.text, vocabulary: resources.vocabulary)
  }

  /// A two-word idiom of a negator and a neutral word ("tak boleh", "tidak dapat") yields to the negation rule
  /// when a word or phrase of the opposite polarity comes right after it: "tak dapat membantu" is the negated
  /// "membantu", and "tak boleh diharap" the negated "boleh diharap". Before a word of the same polarity ("tidak
  /// faham isu") the idiom stays, and the word keeps its own value.
  private func yieldsToNegation(_ phrase: PhraseEntry, at index: Int) -> Bool {
    guard phrase.words.count == 2, phrase.entry.isFixed else { return false }
    let entries = resources.entries
    let head = entries[Int(phrase.words[0])]
    let tail = entries[Int(phrase.words[1])]
    guard head.isNegator, !tail.hasValence, tail.booster == 0, !tail.isNegator else { return false }
    let sign = phrase.entry.valence
    if tail.startsPhrase, let inner = matchPhrase(at: index + 1), inner.entry.hasValence,
      inner.entry.valence * sign < 0
    {
      return true
    }
    let next = index + 2
    guard next < ids.count, ids[next] >= 0, tokenized.tokens[next].kind != .punctuation else { return false }
    let following = entries[Int(ids[next])]
    return following.hasValence && following.valence * sign < 0 && !following.isNegator && following.booster == 0
  }

  private func matchPhrase(at index: Int) -> PhraseEntry? {
    guard let candidates = resources.table.phrases[ids[index]] else { return nil }
    for phrase in candidates where index + phrase.words.count <= ids.count {
      var matches = true
      for offset in 1..<phrase.words.count where ids[index + offset] != phrase.words[offset] {
        matches = false
        break
      }
      if matches { return phrase }
    }
    return nil
  }

  private func hasCapsDifferential() -> Bool {
    var capitalised = 0
    var words = 0
    for index in items.indices where !items[index].isPunctuation {
      guard items[index].knownHasASCII ?? items[index].text.utf8.contains(where: { $0 < 0x80 }) else { continue }
      words += 1
      if items[index].isAllCaps { capitalised += 1 }
    }
    return capitalised > 0 && capitalised < words
  }

  // MARK: Per-word rules

  private mutating func scoreItem(at index: Int, capsDifferential: Bool) {
    let item = items[index]
    let valence = item.entry.valence
    let sign: Double = valence > 0 ? 1 : -1
    var value = valence
    contributions.append(SentimentContribution(token: item.text, rule: item.entry.rule, amount: valence))
    if item.isAllCaps && capsDifferential {
      add(sign * Self.capitalsIncrement, to: &value, token: item.text, rule: .capitals)
    }
    if item.isElongated {
      add(sign * Self.boosterStep, to: &value, token: item.text, rule: .elongation)
    }
    // Intensifiers and dampeners before the word, fading with distance (VADER: 1, 0.95, 0.9).
    var distance = 1
    var cursor = index - 1
    while cursor >= 0, distance <= Self.scopeWidth, !items[cursor].isPunctuation, !items[cursor].entry.isContrast {
      let booster = items[cursor].entry.booster
      if booster != 0 {
        var step = booster * (distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9)
        if items[cursor].isAllCaps && capsDifferential { step += booster > 0 ? Self.capitalsIncrement : 0 }
        add(sign * step, to: &value, token: items[cursor].text, rule: booster > 0 ? .intensifier : .dampener)
      }
      if items[cursor].hasValue { break }
      distance += 1
      cursor -= 1
    }
    // A post-positive intensifier ("bagus sekali", "ຊ້າຫຼາຍ") right after the word, when it does not lead into
    // another sentiment word.
    let next = index + 1
    if next < items.count, items[next].entry.booster != 0, !items[next].entry.isNegator,
      next + 1 >= items.count || !items[next + 1].hasValue
    {
      let booster = items[next].entry.booster
      add(sign * booster, to: &value, token: items[next].text, rule: booster > 0 ? .intensifier : .dampener)
    }
    if !item.entry.isFixed, let negator = negator(before: index) {
      let change = value * Self.negationScalar - value
      add(change, to: &value, token: negator, rule: .negation)
    }
    items[index].value = value
    items[index].clauseValue = value
  }

  private func negator(before index: Int) -> String? {
    var cursor = index - 1
    var distance = 1
    while cursor >= 0, distance <= Self.scopeWidth, !items[cursor].isPunctuation, !items[cursor].entry.isContrast {
      if items[cursor].entry.isNegator { return items[cursor].text }
      if items[cursor].hasValue { return nil }
      distance += 1
      cursor -= 1
    }
    return nil
  }

  private mutating func add(_ amount: Double, to value: inout Double, token: String, rule: SentimentRule) {
    value += amount
    contributions.append(SentimentContribution(token: token, rule: rule, amount: amount))
  }

  // MARK: Whole-text rules

  /// The last contrast word with sentiment after it splits the text: the part before it counts half, the part
  /// after it one and a half times.
  private mutating func applyContrast() {
    guard
      let pivot = items.indices.last(where: { index in
        items[index].entry.isContrast && items[(index + 1)...].contains { $0.value != 0 }
      })
    else { return }
    guard items[..<pivot].contains(where: { $0.value != 0 }) else { return }
    for index in items.indices where items[index].value != 0 && index != pivot {
      let factor = index < pivot ? Self.beforeContrastWeight : Self.afterContrastWeight
      let change = items[index].value * (factor - 1)
      contributions.append(SentimentContribution(token: items[index].text, rule: .contrast, amount: change))
      items[index].value += change
    }
  }

  /// "Great support... NOT": a negator standing alone at the end of a sentence — after punctuation, or in
  /// capitals — reverses the praise before it (back to the previous such negator).
  private mutating func applySarcasm() {
    var start = 0
    for index in items.indices where index > 0 && items[index].entry.isNegator && !items[index].entry.hasValence {
      let endsSentence = index + 1 == items.count || items[index + 1].isPunctuation
      guard endsSentence, items[index - 1].isPunctuation || items[index].isAllCaps else { continue }
      for earlier in start..<index where items[earlier].value > 0 {
        let change = items[earlier].value * Self.negationScalar - items[earlier].value
        contributions.append(SentimentContribution(token: items[earlier].text, rule: .sarcasm, amount: change))
        items[earlier].value += change
        items[earlier].clauseValue *= Self.negationScalar
      }
      start = index + 1
    }
  }

  /// Praise inside a question ("is the free migration included?") is mostly not praise: positive values in a
  /// sentence that ends with "?" are scaled by ``questionPraiseFactor``. Complaints in questions ("why is it so
  /// slow?") keep their weight.
  private mutating func applyQuestionDamping() {
    var sentenceStart = 0
    for index in items.indices where items[index].isPunctuation {
      let utf8 = items[index].text.utf8
      let isQuestion = utf8.contains(0x3F)
      let endsSentence =
        isQuestion || utf8.contains(0x2E) || utf8.contains(0x21) || Self.containsEllipsis(utf8)
      guard endsSentence else { continue }
      if isQuestion {
        for earlier in sentenceStart..<index where items[earlier].value > 0 {
          let change = items[earlier].value * (Self.questionPraiseFactor - 1)
          contributions.append(SentimentContribution(token: items[earlier].text, rule: .question, amount: change))
          items[earlier].value += change
          items[earlier].clauseValue = items[earlier].value
        }
      }
      sentenceStart = index + 1
    }
  }

  /// Whether the text holds "…" (U+2026, UTF-8 E2 80 A6), compared byte-wise.
  private static func containsEllipsis(_ utf8: String.UTF8View) -> Bool {
    var matched = 0
    for byte in utf8 {
      switch (matched, byte) {
      case (_, 0xE2): matched = 1
      case (1, 0x80): matched = 2
      case (2, 0xA6): return true
      default: matched = 0
      }
    }
    return false
  }

  /// Repeated "!" strengthen the overall polarity; two or more "?" add a little emphasis.
  private mutating func applyPunctuation() {
    var sum = contributions.reduce(0) { $0 + $1.amount }
    if sum != 0 {
      let sign: Double = sum > 0 ? 1 : -1
      let exclamations = min(tokenized.exclamationMarks, 4)
      if exclamations > 0 {
        let amount = sign * Double(exclamations) * Self.exclamationIncrement
        contributions.append(SentimentContribution(token: "!", rule: .exclamation, amount: amount))
        sum += amount
      }
      let questions = tokenized.questionMarks
      if questions > 1 {
        let amount = sign * (questions <= 3 ? Double(questions) * 0.18 : 0.96)
        contributions.append(SentimentContribution(token: "?", rule: .question, amount: amount))
        sum += amount
      }
    }
    rawScore = sum
  }
}
