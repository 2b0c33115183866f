/// One scored unit: a word, a matched phrase, an emoji, an emoticon or punctuation.
struct ScoredItem {
  var entry: ScoringEntry
  var text: TextReference
  /// The item's value after every rule so far.
  var value = 0.0
  /// The value without the contrast weighting: the polarity of the item within its own clause, for aspects.
  var clauseValue = 0.0
  /// Index of the item's first token.
  var firstToken: Int32
  var isAllCaps = false
  var isElongated = false
  var isPunctuation = false
  /// Whether the text holds an ASCII character (the capitals rule counts only such items).
  var hasASCII = false
  /// The index of the item of the negator that flipped this one, or −1.
  var negator: Int32 = -1

  var hasValue: Bool { entry.hasValue }
}

/// Applies the scoring rules to the items of one text. See <doc:ScoringRules> for the rules and constants.
///
/// Items and contributions live in scratch lists owned by the caller (``LexiconSentimentClassifier``); the
/// rules read and write them in place.
struct LexiconScorer {
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

  /// The most contributions the rules can add for `valued` items with a value of their own: per item the
  /// value, capitals, elongation, three intensifiers before, one after and negation or excess (8), then
  /// a frame (remedy, expectation or wish), a solved problem, question damping, contrast, sarcasm and ironic
  /// praise (one each); plus "!" and "?" for the whole text. A negator with a value of its own counts as an item.
  static func contributionCapacity(valuedItems valued: Int) -> Int { 14 * valued + 2 }

  static func normalize(_ value: Double) -> Double {
    guard value.isFinite else { return value > 0 ? 1 : value < 0 ? -1 : 0 }
    return value / (value * value + normalizationAlpha).squareRoot()
  }

  let items: ScratchList<ScoredItem>
  var contributions: ScratchList<StoredContribution>
  let source: TextBytes

  /// Applies every rule; returns the raw sum s.
  mutating func score(counts: TokenCounts) -> Double {
    let capsDifferential = hasCapsDifferential()
    var framed = false
    for index in 0..<items.count {
      if items[index].hasValue { scoreItem(at: index, capsDifferential: capsDifferential) }
      if items[index].entry.frame != .none { framed = true }
    }
    scoreNegatorsWithValue()
    // Only the Malay/Indonesian table has frame terms: other texts skip the pass.
    if framed { applyFrames() }
    applySolvedProblems()
    applyQuestionDamping()
    applyContrast()
    applySarcasm()
    applyIronicPraise()
    return applyPunctuation(counts)
  }

  private func hasCapsDifferential() -> Bool {
    var capitalised = 0
    var words = 0
    for index in 0..<items.count where !items[index].isPunctuation && items[index].hasASCII {
      words += 1
      if items[index].isAllCaps { capitalised += 1 }
    }
    return capitalised > 0 && capitalised < words
  }

  @inline(__always)
  private mutating func add(_ amount: Double, to value: inout Double, text: TextReference, rule: RuleCode) {
    value += amount
    contributions.append(StoredContribution(text: text, amount: amount, rule: rule))
  }

  // MARK: Per-word rules

  private mutating func scoreItem(at index: Int, capsDifferential: Bool) {
    let entry = items[index].entry
    let text = items[index].text
    let valence = entry.valence
    let sign: Double = valence > 0 ? 1 : -1
    var value = valence
    contributions.append(StoredContribution(text: text, amount: valence, rule: RuleCode(entry.source)))
    if items[index].isAllCaps && capsDifferential {
      add(sign * Self.capitalsIncrement, to: &value, text: text, rule: .capitals)
    }
    if items[index].isElongated {
      add(sign * Self.boosterStep, to: &value, text: text, rule: .elongation)
    }
    // Intensifiers and dampeners before the word, fading with distance (VADER: 1, 0.95, 0.9).
    var distance = 1
    var cursor = index - 1
    while cursor >= 0, distance <= Self.scopeWidth, !items[cursor].isPunctuation, !items[cursor].entry.isContrast {
      let booster = items[cursor].entry.booster
      if booster != 0, !repeatsEarlierWord(cursor) {
        var step = booster * (distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9)
        if items[cursor].isAllCaps && capsDifferential { step += booster > 0 ? Self.capitalsIncrement : 0 }
        add(sign * step, to: &value, text: items[cursor].text, rule: booster > 0 ? .intensifier : .dampener)
      }
      if items[cursor].hasValue { break }
      distance += 1
      cursor -= 1
    }
    // A post-positive intensifier ("bagus sekali", "ຊ້າຫຼາຍ") right after the word, when it does not lead into
    // another sentiment word.
    // The repetition mark ໆ always belongs to the word before it.
    let next = index + 1
    if next < items.count, items[next].entry.booster != 0, !items[next].entry.isNegator,
      items[next].entry.isRepetitionMark || next + 1 >= items.count || !items[next + 1].hasValue
    {
      let booster = items[next].entry.booster
      add(sign * booster, to: &value, text: items[next].text, rule: booster > 0 ? .intensifier : .dampener)
    }
    let scope = NegationScope(items: items, source: source)
    if !entry.isFixed, let negator = scope.negator(before: index) {
      switch scope.effect(of: negator, on: index) {
      case .flip:
        let change = value * NegationScope.scalar(valence: valence) - value
        add(change, to: &value, text: items[negator].text, rule: .negation)
        items[index].negator = Int32(negator)
      case .intensify:
        add(sign * 2 * Self.boosterStep, to: &value, text: items[negator].text, rule: .negation)
      }
    } else if valence > 0, let reverser = scope.reverserOfPraise(at: index) {
      // "fills up too quickly", "hard to clean": excess and difficulty turn the good word into a fault.
      add(value * Self.negationScalar - value, to: &value, text: items[reverser].text, rule: .negation)
    }
    items[index].value = value
    items[index].clauseValue = value
  }

  /// Whether the item at `index` is a repetition mark ໆ that follows a word or another ໆ ("ດີໆ", "ຊ້າໆ ໆ"): it
  /// repeats what is before it, so it strengthens that word once (the intensifier after the word) and never the
  /// word after it, and a doubled mark, with or without a space, adds nothing.
  @inline(__always)
  private func repeatsEarlierWord(_ index: Int) -> Bool {
    items[index].entry.isRepetitionMark && index > 0 && !items[index - 1].isPunctuation
  }

  /// A negator with a value of its own (``ScoringEntry/hasNegatorValue``: Lao "ບໍ່ໄດ້" after its verb, "cannot")
  /// counts that value when it negates no sentiment word within its reach ("ເປີດໃນ Safari ບໍ່ໄດ້", cannot open in
  /// Safari); before a sentiment word it only negates it ("ບໍ່ໄດ້ດີ").
  private mutating func scoreNegatorsWithValue() {
    for index in 0..<items.count where items[index].entry.hasNegatorValue {
      var negatesWord = false
      var cursor = index + 1
      while cursor < items.count, cursor - index <= Self.scopeWidth, !items[cursor].isPunctuation,
        !items[cursor].entry.isContrast
      {
        if items[cursor].hasValue {
          negatesWord = true
          break
        }
        cursor += 1
      }
      guard !negatesWord else { continue }
      let valence = items[index].entry.valence
      contributions.append(StoredContribution(text: items[index].text, amount: valence, rule: .fixedPhrase))
      items[index].value = valence
      items[index].clauseValue = valence
    }
  }

  /// How many items before a Lao "solved" verdict its problem word may stand ("ບັນຫາໜ້າຈ່າຍເງິນຂອງ WooCommerce
  /// ຫາຍແລ້ວ").
  static let solvedProblemReach = 5

  /// "ອີເມວທີ່ມາຊ້າແກ້ແລ້ວ" (the slow mail is fixed): the nearest complaint word before a Lao verdict that a problem
  /// is solved (``ScoringEntry/solvesProblem``), within its clause and ``solvedProblemReach`` items, names the
  /// solved problem, and its value no longer counts; the verdict's praise stays. A negated verdict solves nothing,
  /// nor does a reported one ("ບັນຫາທີ່ບອກວ່າແກ້ແລ້ວ ມື້ນີ້ເກີດຂຶ້ນອີກ": the problem they said was fixed is back) or an
  /// asked one ("ເວັບລົ່ມ ແກ້ແລ້ວບໍ?").
  private mutating func applySolvedProblems() {
    for index in 0..<items.count where items[index].entry.solvesProblem && items[index].value > 0 {
      if index > 0 && items[index - 1].entry.ruleWord == .reportedSpeech { continue }
      if isAsked(index) { continue }
      var cursor = index - 1
      while cursor >= 0, index - cursor <= Self.solvedProblemReach, !items[cursor].isPunctuation,
        !items[cursor].entry.isContrast
      {
        if items[cursor].value < 0 {
          let change = -items[cursor].value
          contributions.append(StoredContribution(text: items[index].text, amount: change, rule: .negation))
          items[cursor].value = 0
          items[cursor].clauseValue = 0
          break
        }
        if items[cursor].value > 0 { break }
        cursor -= 1
      }
    }
  }

  /// Whether the verdict at `index` is asked: the question particle ບໍ right after it, or its sentence ends with "?".
  private func isAsked(_ index: Int) -> Bool {
    if index + 1 < items.count && items[index + 1].entry.ruleWord == .questionParticle { return true }
    var cursor = index + 1
    while cursor < items.count {
      if items[cursor].isPunctuation && endsSentence(items[cursor]) {
        return contains(UInt8(ascii: "?"), items[cursor])
      }
      cursor += 1
    }
    return false
  }

  // MARK: Whole-text rules

  /// Solved problems, expected events and wishes (``ScoringEntry/Frame``), sentence by sentence: a remedy
  /// ("dah dibaiki", "berjaya dipulihkan") cancels the complaints before it in its sentence — and a remedy that is a
  /// complaint word of its own ("hilang", gone) reads as praise once it follows one; an expectation ("memang
  /// dijangka") cancels its sentence's complaints; hypothetical praise right before a condition ("alangkah baiknya
  /// kalau") is a wish and is cancelled. A negated frame term ("belum dibaiki", "tak dijangka") does none of this.
  private mutating func applyFrames() {
    var sentenceStart = 0
    for index in 0..<items.count {
      if items[index].isPunctuation {
        if endsSentence(items[index]) { sentenceStart = index + 1 }
        continue
      }
      let frame = items[index].entry.frame
      guard frame != .none, items[index].negator < 0, index == 0 || !items[index - 1].entry.isNegator else {
        continue
      }
      switch frame {
      case .none, .hypothetical: break
      case .remedy: applyRemedy(at: index, sentenceStart: sentenceStart)
      case .expectation: cancelComplaints(in: sentenceStart..<sentenceEnd(after: index), by: index)
      case .condition: cancelWish(before: index)
      }
    }
  }

  /// A remedy in a question ("selesai jam berapa?") or followed by a complaint in its sentence ("sudah diperbaiki
  /// … masih muncul") solves nothing; a remedy that is a complaint word of its own reaches back only within its
  /// clause ("kecewa, semua gambar hilang" stays a complaint).
  private mutating func applyRemedy(at index: Int, sentenceStart: Int) {
    let end = sentenceEnd(after: index)
    if end < items.count && contains(UInt8(ascii: "?"), items[end]) { return }
    for later in (index + 1)..<end where items[later].value < 0 { return }
    var start = sentenceStart
    if items[index].value < 0 {
      start = index
      while start > sentenceStart && !items[start - 1].isPunctuation { start -= 1 }
    }
    let cancelled = cancelComplaints(in: start..<index, by: index)
    if items[index].value < 0 && cancelled {
      let change = items[index].value * Self.negationScalar - items[index].value
      cancel(index, by: index, change: change)
    }
  }

  /// Cancels the negative values in `range` (not `by` itself); whether there were any.
  @discardableResult
  private mutating func cancelComplaints(in range: Range<Int>, by frame: Int) -> Bool {
    var found = false
    for index in range where index != frame && items[index].value < 0 {
      cancel(index, by: frame, change: -items[index].value)
      found = true
    }
    return found
  }

  /// Praise at most two words before a condition word, with a hypothetical word at most two words before it, all
  /// in one clause, is a wish: "alangkah baiknya kalau", "bakal membantu kalau" (but "gampang kalau mau ke sini"
  /// stays praise).
  private mutating func cancelWish(before condition: Int) {
    var cursor = condition - 1
    while cursor >= 0, condition - cursor <= 2, !items[cursor].isPunctuation {
      if items[cursor].value > 0 {
        var opener = cursor - 1
        while opener >= 0, cursor - opener <= 2, !items[opener].isPunctuation {
          if items[opener].entry.frame == .hypothetical {
            cancel(cursor, by: condition, change: -items[cursor].value)
            return
          }
          opener -= 1
        }
        return
      }
      cursor -= 1
    }
  }

  private mutating func cancel(_ index: Int, by frame: Int, change: Double) {
    contributions.append(StoredContribution(text: items[frame].text, amount: change, rule: .negation))
    items[index].value += change
    items[index].clauseValue = items[index].value
  }

  /// The index after the last item of the sentence that holds `index`.
  private func sentenceEnd(after index: Int) -> Int {
    var end = index + 1
    while end < items.count && !(items[end].isPunctuation && endsSentence(items[end])) { end += 1 }
    return end
  }

  /// The last contrast word with sentiment after it splits the text: the part before it counts half, the part
  /// after it one and a half times.
  private mutating func applyContrast() {
    var pivot = -1
    var valueAfter = false
    var index = items.count - 1
    while index >= 0 {
      if items[index].entry.isContrast && valueAfter {
        pivot = index
        break
      }
      if items[index].value != 0 { valueAfter = true }
      index -= 1
    }
    guard pivot >= 0 else { return }
    var valueBefore = false
    for earlier in 0..<pivot where items[earlier].value != 0 {
      valueBefore = true
      break
    }
    if !valueBefore {
      // "Although the middle drags, the ending is magnificent": a concession that opens the text ends at its
      // first punctuation, and the clause after it is the verdict.
      guard let end = concessionEnd(openedAt: pivot) else { return }
      pivot = end
    }
    for index in 0..<items.count where items[index].value != 0 && index != pivot {
      let factor = index < pivot ? Self.beforeContrastWeight : Self.afterContrastWeight
      let change = items[index].value * (factor - 1)
      contributions.append(StoredContribution(text: items[index].text, amount: change, rule: .contrast))
      items[index].value += change
    }
  }

  /// The punctuation that ends a concession opened by "although" or "though" at `start`, when the concession
  /// and the rest of the text both carry sentiment.
  private func concessionEnd(openedAt start: Int) -> Int? {
    let words = NegationScope(items: items, source: source)
    guard words.isWord(start, "although") || words.isWord(start, "though") else { return nil }
    var valueInside = false
    var index = start + 1
    while index < items.count && !items[index].isPunctuation {
      if items[index].value != 0 { valueInside = true }
      index += 1
    }
    guard valueInside, index < items.count else { return nil }
    for later in (index + 1)..<items.count where items[later].value != 0 { return index }
    return nil
  }

  /// "Great support... NOT": a negator standing alone at the end of a sentence — after punctuation, or in
  /// capitals — reverses the praise before it (back to the previous such negator).
  private mutating func applySarcasm() {
    var start = 0
    for index in 0..<items.count where index > 0 && items[index].entry.isNegator && !items[index].entry.hasValence {
      let endsSentence = index + 1 == items.count || items[index + 1].isPunctuation
      guard endsSentence, items[index - 1].isPunctuation || items[index].isAllCaps else { continue }
      reversePraise(in: start..<index)
      start = index + 1
    }
  }

  /// "Missing my flight because of a security line. Fantastic.": short sentences of bare praise, said flatly (no
  /// "!"), that end a text whose sentiment before them is all negative are irony, and their praise is reversed
  /// like a sentence-final negator's (``SentimentRule/sarcasm``).
  private mutating func applyIronicPraise() {
    // Only a text whose last sentiment is praise can end in irony.
    var last = items.count - 1
    while last >= 0 && items[last].value == 0 { last -= 1 }
    guard last >= 0, items[last].value > 0 else { return }
    // Walk back over the trailing sentences of at most three words with praise and no complaint.
    var start = items.count
    var end = items.count
    while end > 0 {
      var cursor = end - 1
      while cursor >= 0 && items[cursor].isPunctuation {
        // "Much appreciated!" is sincere: irony is said flatly.
        if contains(UInt8(ascii: "!"), items[cursor]) { return finishIronicPraise(start) }
        cursor -= 1
      }
      var words = 0
      var praise = false
      while cursor >= 0 && !(items[cursor].isPunctuation && endsSentence(items[cursor])) {
        if !items[cursor].isPunctuation {
          words += 1
          if words > 3 { return finishIronicPraise(start) }
          if items[cursor].value < 0 || items[cursor].entry.isNegator { return finishIronicPraise(start) }
          if items[cursor].value > 0 { praise = true }
        }
        cursor -= 1
      }
      guard praise, cursor >= 0 else { break }
      start = cursor + 1
      end = cursor
    }
    finishIronicPraise(start)
  }

  /// Reverses the praise from `start` on when the text before it holds complaints and no praise.
  private mutating func finishIronicPraise(_ start: Int) {
    guard start < items.count else { return }
    var complaint = false
    for earlier in 0..<start where items[earlier].value != 0 {
      guard items[earlier].value < 0 else { return }
      complaint = true
    }
    guard complaint else { return }
    reversePraise(in: start..<items.count)
  }

  /// Reverses the praise of the items in `range` as sarcasm (``SentimentRule/sarcasm``).
  private mutating func reversePraise(in range: Range<Int>) {
    for index in range where items[index].value > 0 {
      let change = items[index].value * Self.negationScalar - items[index].value
      contributions.append(StoredContribution(text: items[index].text, amount: change, rule: .sarcasm))
      items[index].value += change
      items[index].clauseValue *= Self.negationScalar
    }
  }

  /// Whether a punctuation item holds `mark`.
  private func contains(_ mark: UInt8, _ item: ScoredItem) -> Bool {
    source.slice(Int(item.text.first), Int(item.text.second)).contains(mark)
  }

  /// Whether a punctuation item ends a sentence (".", "!", "?" or "…").
  private func endsSentence(_ item: ScoredItem) -> Bool {
    let marks = source.slice(Int(item.text.first), Int(item.text.second))
    return marks.contains(UInt8(ascii: ".")) || marks.contains(UInt8(ascii: "!"))
      || marks.contains(UInt8(ascii: "?")) || Self.containsEllipsis(marks)
  }

  /// Praise inside a question ("is the free migration included?") is mostly not praise: positive values in a
  /// sentence that ends with "?" are scaled by ``questionPraiseFactor``. Complaints in questions ("why is it so
  /// slow?") keep their weight.
  private mutating func applyQuestionDamping() {
    var sentenceStart = 0
    for index in 0..<items.count where items[index].isPunctuation {
      guard endsSentence(items[index]) else { continue }
      if contains(UInt8(ascii: "?"), items[index]) {
        for earlier in sentenceStart..<index where items[earlier].value > 0 {
          let change = items[earlier].value * (Self.questionPraiseFactor - 1)
          contributions.append(StoredContribution(text: items[earlier].text, amount: change, rule: .question))
          items[earlier].value += change
          items[earlier].clauseValue = items[earlier].value
        }
      }
      sentenceStart = index + 1
    }
  }

  /// Whether the marks hold "…" (U+2026, UTF-8 E2 80 A6).
  private static func containsEllipsis(_ marks: UnsafeBufferPointer<UInt8>) -> Bool {
    var matched = 0
    for byte in marks {
      switch (matched, byte) {
      case (_, 0xE2): matched = 1
      case (1, 0x80): matched = 2
      case (2, 0xA6): return true
      default: matched = 0
      }
    }
    return false
  }

  /// Repeated "!" strengthen the overall polarity; two or more "?" add a little emphasis. Returns the raw sum.
  private mutating func applyPunctuation(_ counts: TokenCounts) -> Double {
    var sum = 0.0
    for index in 0..<contributions.count { sum += contributions[index].amount }
    if sum != 0 {
      let sign: Double = sum > 0 ? 1 : -1
      let exclamations = min(counts.exclamationMarks, 4)
      if exclamations > 0 {
        let amount = sign * Double(exclamations) * Self.exclamationIncrement
        contributions.append(StoredContribution(text: .exclamation, amount: amount, rule: .exclamation))
        sum += amount
      }
      let questions = counts.questionMarks
      if questions > 1 {
        let amount = sign * (questions <= 3 ? Double(questions) * 0.18 : 0.96)
        contributions.append(StoredContribution(text: .question, amount: amount, rule: .question))
        sum += amount
      }
    }
    return sum
  }
}
