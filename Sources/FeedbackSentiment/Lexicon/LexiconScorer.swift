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
  /// Whether an English remedy flipped this item (a solved problem, not a negated word).
  var isSolved = false

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
  /// How many items after a remedy the problem it solves may stand ("traced the memory leak": three) …
  static let remedyReach = 4
  /// … and before it, when the remedy is passive ("the memory leak was patched", "found the leak and patched it")
  /// or a decrease ("our TTFB dropped").
  static let remedySubjectReach = 5
  /// The value of an implicit complaint: a demand to stop ("Stop auto-renewing my plan.") or elapsed time after an
  /// earlier sentence ("It's been 72.", "That was Tuesday.") …
  static let implicitComplaint = -1.5
  /// … and of a duration set against another ("took five minutes, not five days"): praise when the first is the
  /// shorter, a complaint when it is the longer.
  static let durationContrast = 2.0
  /// Values in a sentence that wishes ("it would be nice to see …") are multiplied by this: a wish is a
  /// suggestion, not a verdict.
  static let wishFactor = 0.0

  /// The most contributions the rules can add for `valued` items with a value of their own: per item the
  /// value, capitals, elongation, three intensifiers before, one after and negation or excess (8), then
  /// frames (two: a remedy that is a complaint word flipped, then cancelled as a wish), a solved problem, an
  /// English remedy, an expected event, question or wish damping, contrast, and sarcasm or ironic praise (one
  /// each; a Lao verdict cancels at most one item); plus "!" and "?" for the whole text. A negator with a value of
  /// its own counts as an item; count one more valued item per sentence (a punctuation item, and one for the last
  /// sentence) for the values of implicit statements. Only items with a value are ever changed, and a cancelled
  /// item (value 0) is not changed again.
  static func contributionCapacity(valuedItems valued: Int) -> Int { 16 * valued + 2 }

  static func normalize(_ value: Double) -> Double {
    guard value.isFinite else { return value > 0 ? 1 : value < 0 ? -1 : 0 }
    return value / (value * value + normalizationAlpha).squareRoot()
  }

  let items: ScratchList<ScoredItem>
  var contributions: ScratchList<StoredContribution>
  let source: TextBytes
  /// Whether the English rules for implicit feedback apply (the text's table is English's).
  var englishRules = false

  /// Whether rules left no item with a value although some had one: every complaint and praise was an expected
  /// event or a wish (``SentimentRule/expectedEvent``, ``SentimentRule/wish``), so the text states no verdict.
  var isSettled: Bool {
    guard tookBackVerdicts else { return false }
    for index in 0..<items.count where items[index].value != 0 { return false }
    return true
  }
  /// Whether the expected-event or wish rule took back a value.
  var tookBackVerdicts = false

  /// Applies every rule; returns the raw sum s.
  mutating func score(counts: TokenCounts) -> Double {
    let capsDifferential = hasCapsDifferential()
    // The roles of the English rules that occur, one bit per ``ScoringEntry/RuleWord``, so that a rule whose words
    // are absent costs nothing; whether a frame term occurs (only the Malay/Indonesian table has them).
    // Likewise for the passes of negators with a value and of Lao verdicts (only the Lao table has them).
    var roles: UInt32 = 0
    var framed = false
    var negatorValues = false
    var verdicts = false
    for index in 0..<items.count {
      let entry = items[index].entry
      roles |= 1 << entry.ruleWord.rawValue
      if entry.frame != .none { framed = true }
      if entry.hasNegatorValue { negatorValues = true }
      if entry.solvesProblem { verdicts = true }
      if items[index].hasValue { scoreItem(at: index, capsDifferential: capsDifferential) }
    }
    func occurs(_ role: ScoringEntry.RuleWord) -> Bool { roles & (1 << role.rawValue) != 0 }
    if negatorValues { scoreNegatorsWithValue() }
    if framed { applyFrames() }
    if verdicts { applySolvedProblems() }
    if englishRules {
      if occurs(.remedy) || occurs(.remedyBase) || occurs(.decrease) { applyRemedies() }
      if occurs(.expectedEvent) { applyExpectedEvents() }
    }
    applySentenceRules(wishes: englishRules && occurs(.conditional))
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
    let scope = NegationScope(items: items, source: source, english: englishRules)
    if !entry.isFixed, let negator = scope.negator(before: index) {
      switch scope.effect(of: negator, on: index) {
      case .flip:
        let change = value * NegationScope.scalar(valence: valence) - value
        add(change, to: &value, text: items[negator].text, rule: .negation)
        items[index].negator = Int32(negator)
      case .intensify:
        add(sign * 2 * Self.boosterStep, to: &value, text: items[negator].text, rule: .negation)
      case .absence:
        add(-2 * value, to: &value, text: items[negator].text, rule: .negation)
        items[index].negator = Int32(negator)
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
          withdraw(cursor, by: index, rule: .negation)
          break
        }
        if items[cursor].value > 0 { break }
        cursor -= 1
      }
    }
  }

  /// Whether the verdict at `index` is asked: the question particle ບໍ right after it, or its sentence ends with "?"
  /// within ``frameReach`` items.
  private func isAsked(_ index: Int) -> Bool {
    if index + 1 < items.count && items[index + 1].entry.ruleWord == .questionParticle { return true }
    var cursor = index + 1
    while cursor < items.count, cursor - index <= Self.frameReach {
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
      if items[index].isPunctuation || items[index].entry.isContrast {
        // A contrast word opens a new clause of its own verdict: "Sokongan teruk tapi bug dah dibaiki."
        if items[index].entry.isContrast || endsSentence(items[index]) { sentenceStart = index + 1 }
        continue
      }
      let frame = items[index].entry.frame
      guard frame != .none, items[index].negator < 0, index == 0 || !items[index - 1].entry.isNegator else {
        continue
      }
      switch frame {
      case .none, .hypothetical: break
      case .remedy: applyRemedy(at: index, sentenceStart: sentenceStart)
      case .expectation:
        let start = max(sentenceStart, index - Self.frameReach)
        if cancelComplaints(in: start..<sentenceEnd(after: index), by: index) { tookBackVerdicts = true }
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
    let earliest = max(sentenceStart, index - Self.frameReach)
    var start = earliest
    if items[index].value < 0 {
      start = index
      while start > earliest && !items[start - 1].isPunctuation { start -= 1 }
    }
    let cancelled = cancelComplaints(in: start..<index, by: index)
    if items[index].value < 0 && cancelled {
      let value = items[index].value
      change(index, by: value * Self.negationScalar - value, explainedBy: index, rule: .negation)
    }
  }

  /// Cancels the negative values in `range` (not `by` itself); whether there were any.
  @discardableResult
  private mutating func cancelComplaints(in range: Range<Int>, by frame: Int) -> Bool {
    var found = false
    for index in range where index != frame && items[index].value < 0 {
      withdraw(index, by: frame, rule: .negation)
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
            withdraw(cursor, by: condition, rule: .negation)
            tookBackVerdicts = true
            return
          }
          opener -= 1
        }
        return
      }
      cursor -= 1
    }
  }

  /// How many items a frame or a Lao verdict reaches in its sentence, either way: bounds the work per term, so
  /// that a text of many frame terms in one long sentence stays linear.
  static let frameReach = 32

  /// The index after the last item of the clause that holds `index` — its sentence's end or a contrast word —
  /// at most ``frameReach`` items on.
  private func sentenceEnd(after index: Int) -> Int {
    var end = index + 1
    let limit = min(items.count, index + 1 + Self.frameReach)
    while end < limit && !(items[end].isPunctuation && endsSentence(items[end])) && !items[end].entry.isContrast {
      end += 1
    }
    return end
  }

  /// Implicit statements (English, in ``applySentenceRules(wishes:)``), at most one value per sentence, on a word
  /// without a value of its own
  /// (``SentimentRule/implicit``): a sentence that opens with a demand to stop ("Stop auto-renewing my plan.",
  /// "Please stop closing my tickets.") or that states elapsed time after an earlier sentence ("It's been 72.",
  /// "It has been over a week now.", "That was Tuesday.", "That was three days ago.") is a complaint
  /// (``implicitComplaint``); a duration set against another after ", not" is praise when it is the shorter
  /// ("took five minutes, not five days") and a complaint when it is the longer (``durationContrast``).
  /// The item and value of an implicit statement that opens a sentence at `start` (−1 when no sentence opens
  /// before `punctuation`) or follows the punctuation at `punctuation` (", not five days"), if any (see
  /// ``applySentenceRules(wishes:)``).
  private func implicitStatement(
    at start: Int, punctuation: Int, ends: Bool, words: NegationScope, reader: DurationReader
  ) -> (Int, Double)? {
    if start >= 0 && start < punctuation {
      let first = items[start].entry.ruleWord == .politeness ? start + 1 : start
      guard first < punctuation, items[first].entry.ruleWord == .opener else {
        return durationContrast(after: punctuation, words: words, reader: reader)
      }
      // "Stop auto-enrolling people", "Please stop closing my ticket".
      if first + 1 < punctuation, words.isWord(first, "stop"), let next = words.wordBytes(first + 1), next.count > 4,
        next[next.count - 3] | 0x20 == UInt8(ascii: "i"), next[next.count - 2] | 0x20 == UInt8(ascii: "n"),
        next[next.count - 1] | 0x20 == UInt8(ascii: "g")
      {
        return (first, Self.implicitComplaint)
      }
      // "It's been 72.", "It has been three weeks now.", "That was Tuesday.": elapsed time since something said
      // before, the whole sentence.
      if first > 0 && ends && !items[first].hasValue,
        let after = elapsedTimeOpening(at: first, before: punctuation, words: words)
      {
        var end = reader.weekday(at: after) ?? reader.duration(at: after)?.end ?? -1
        if end >= 0 && end < punctuation
          && (words.isWord(end, "now") || words.isWord(end, "ago") || words.isWord(end, "later"))
        {
          end += 1
        }
        if end == punctuation { return (first, Self.implicitComplaint) }
      }
    }
    return durationContrast(after: punctuation, words: words, reader: reader)
  }

  /// "took five minutes, not five days": the item and value of a duration after ", not" set against the one
  /// before the punctuation at `punctuation`.
  private func durationContrast(after punctuation: Int, words: NegationScope, reader: DurationReader) -> (Int, Double)?
  {
    guard punctuation + 2 < items.count, items[punctuation + 1].entry.isNegator, words.isWord(punctuation + 1, "not"),
      let later = reader.duration(at: punctuation + 2), later.seconds > 0,
      let earlier = durationEnding(at: punctuation, reader: reader), earlier != later.seconds
    else { return nil }
    return (punctuation + 1, earlier < later.seconds ? Self.durationContrast : -Self.durationContrast)
  }

  /// The index after "it's been", "it has been" or "that was" at `first`, before `end`.
  private func elapsedTimeOpening(at first: Int, before end: Int, words: NegationScope) -> Int? {
    guard first + 2 < end else { return nil }
    if words.isWord(first, "it's") || words.isWord(first, "its") {
      return words.isWord(first + 1, "been") ? first + 2 : nil
    }
    if words.isWord(first, "it") {
      return first + 3 < end && words.isWord(first + 1, "has") && words.isWord(first + 2, "been") ? first + 3 : nil
    }
    return words.isWord(first, "that") && words.isWord(first + 1, "was") ? first + 2 : nil
  }

  /// The length of the duration that ends right before `end` ("five minutes" before ", not"), if any.
  private func durationEnding(at end: Int, reader: DurationReader) -> Double? {
    for start in max(0, end - 3)..<end {
      if let duration = reader.duration(at: start), duration.end == end, duration.seconds > 0 {
        return duration.seconds
      }
    }
    return nil
  }

  /// Solved problems (English): a remedy ("fixed", "patched", "traced", "rolled back", "reduced"; a base form such
  /// as "roll back" only after a word of ability: "let me roll back") turns the complaints it reaches into mild
  /// praise, ×−0.74 as a negator would: the problem after it ("fixed the slow queries"), and the one before it
  /// when it is passive or followed by "it"/"them" ("the memory leak was patched", "found the leak and patched
  /// it"). A decrease ("dropped", "fell", "halved") turns what went down before it either way ("TTFB dropped",
  /// "uptime fell"). A negated remedy, one after a word of expectation or hearsay ("should be fixed",
  /// "supposedly fixed", "told me it was fixed") and one applied to the wrong thing ("restored the wrong backup")
  /// solve nothing; an expected or hearsay remedy also loses its own praise ("the bug should have been fixed").
  private mutating func applyRemedies() {
    for index in 0..<items.count {
      let role = items[index].entry.ruleWord
      guard role == .remedy || role == .remedyBase || role == .decrease else { continue }
      if role == .remedyBase && !follows(.ability, before: index, within: 3) { continue }
      if follows(.expectation, before: index, within: 6) {
        // "should have been fixed", "supposedly fixed": no fix was made, so the remedy's own praise goes too.
        if items[index].value > 0 && items[index].negator < 0 { withdraw(index, by: index, rule: .remedy) }
        continue
      }
      guard NegationScope(items: items, source: source).negator(before: index) == nil else { continue }
      if role == .decrease {
        solve(by: index, step: -1, reach: Self.remedySubjectReach, bothPolarities: true)
        continue
      }
      solve(by: index, step: 1, reach: Self.remedyReach, bothPolarities: false)
      if isPassive(index) || isFollowedByPronoun(index) {
        solve(by: index, step: -1, reach: Self.remedySubjectReach, bothPolarities: false)
      }
    }
  }

  /// Flips the values within `reach` items of the remedy at `remedy` in direction `step`, within its clause:
  /// complaints only (praise ends the reach), or with `bothPolarities` the nearest value only, whichever its sign
  /// (what went down). A word already flipped, a fixed idiom and a negator are left alone; a negator, a mistake
  /// ("wrong") or a word of expectation ends the reach.
  private mutating func solve(by remedy: Int, step: Int, reach: Int, bothPolarities: Bool) {
    var cursor = remedy + step
    var distance = 1
    while cursor >= 0, cursor < items.count, distance <= reach, !items[cursor].isPunctuation,
      !items[cursor].entry.isContrast, !items[cursor].entry.isNegator
    {
      let role = items[cursor].entry.ruleWord
      if role == .mistake || role == .expectation { return }
      let value = items[cursor].value
      if value != 0 && !items[cursor].entry.isFixed && items[cursor].negator < 0 && !items[cursor].isSolved {
        guard value < 0 || bothPolarities else { return }
        change(cursor, by: value * Self.negationScalar - value, explainedBy: remedy, rule: .remedy)
        items[cursor].isSolved = true
        if bothPolarities { return }
      }
      distance += 1
      cursor += step
    }
  }

  /// Takes the value of the item at `index` out of the score, explained by the item at `cause`.
  private mutating func withdraw(_ index: Int, by cause: Int, rule: RuleCode) {
    change(index, by: -items[index].value, explainedBy: cause, rule: rule)
  }

  /// Adds `amount` to the value of the item at `index` (its clause value follows), explained by the item at `cause`.
  private mutating func change(_ index: Int, by amount: Double, explainedBy cause: Int, rule: RuleCode) {
    contributions.append(StoredContribution(text: items[cause].text, amount: amount, rule: rule))
    items[index].value += amount
    items[index].clauseValue = items[index].value
  }

  /// Whether an item with `role` stands at most `width` items before `index` in its clause.
  private func follows(_ role: ScoringEntry.RuleWord, before index: Int, within width: Int) -> Bool {
    var cursor = index - 1
    while cursor >= 0, index - cursor <= width, !items[cursor].isPunctuation, !items[cursor].entry.isContrast {
      if items[cursor].entry.ruleWord == role { return true }
      cursor -= 1
    }
    return false
  }

  /// "was fixed", "got quickly patched", "has been resolved": an auxiliary of the passive one or two words before.
  private func isPassive(_ index: Int) -> Bool {
    let words = NegationScope(items: items, source: source)
    for cursor in max(0, index - 2)..<index {
      if words.isWord(cursor, "was") || words.isWord(cursor, "were") || words.isWord(cursor, "is")
        || words.isWord(cursor, "are") || words.isWord(cursor, "been") || words.isWord(cursor, "be")
        || words.isWord(cursor, "got") || words.isWord(cursor, "gets") || words.isWord(cursor, "get")
        || words.isWord(cursor, "being")
      {
        return true
      }
    }
    return false
  }

  /// "patched it", "fixed them": the problem was named before the remedy.
  private func isFollowedByPronoun(_ index: Int) -> Bool {
    let words = NegationScope(items: items, source: source)
    return index + 1 < items.count && (words.isWord(index + 1, "it") || words.isWord(index + 1, "them"))
  }

  /// Expected events (English): in a sentence that says something happened as expected, requested, planned or
  /// promised ("Ticket reopened as requested.", "offline for ten minutes after the DNS change, as expected"), the
  /// complaints are the expected event and count nothing, nor does the marker's own praise. A sentence with a
  /// negator, a negated word or a fixed idiom of complaint ("didn't work as expected") is left alone.
  private mutating func applyExpectedEvents() {
    var sentenceStart = 0
    var marker = -1
    var complaint = false
    var blocked = false
    for index in 0...items.count {
      // A contrast word ends the expected event's clause too: "Downtime as expected but support was terrible."
      if index < items.count && !(items[index].isPunctuation && endsSentence(items[index]))
        && !items[index].entry.isContrast
      {
        let item = items[index]
        if item.entry.ruleWord == .expectedEvent { marker = index }
        if item.entry.isNegator || item.negator >= 0 || (item.value < 0 && item.entry.isFixed) { blocked = true }
        if item.value < 0 { complaint = true }
        continue
      }
      if marker >= 0 && complaint && !blocked {
        for earlier in sentenceStart..<index
        where items[earlier].value < 0 || (earlier == marker && items[earlier].value > 0) {
          withdraw(earlier, by: marker, rule: .expectedEvent)
          tookBackVerdicts = true
        }
      }
      sentenceStart = index + 1
      marker = -1
      complaint = false
      blocked = false
    }
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
      guard
        endsSentence && (items[index - 1].isPunctuation || items[index].isAllCaps) || englishRules && isUndercut(index)
      else {
        continue
      }
      reversePraise(in: start..<index)
      start = index + 1
    }
  }

  /// "quick to reply, just never with the right answer": a clause that opens with "just" or "only" and a negator,
  /// and holds no sentiment of its own, takes back the praise before it (English).
  private func isUndercut(_ negator: Int) -> Bool {
    guard negator >= 2, items[negator - 2].isPunctuation else { return false }
    let words = NegationScope(items: items, source: source)
    guard words.isWord(negator - 1, "just") || words.isWord(negator - 1, "only") else { return false }
    var cursor = negator + 1
    while cursor < items.count && !items[cursor].isPunctuation {
      if items[cursor].value != 0 { return false }
      cursor += 1
    }
    return true
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

  /// The rules read sentence by sentence, in one pass: implicit statements (above), then question and wish damping.
  /// Praise inside a question ("is the free migration included?") is mostly not praise: positive values in a
  /// sentence that ends with "?" are scaled by ``questionPraiseFactor``. Complaints in questions ("why is it so
  /// slow?") keep their weight. A wish (English: "it would be nice to see …", "a dark mode would be handy", "I'd
  /// love …") is a suggestion, not a verdict: every value of its sentence is scaled by ``wishFactor``.
  private mutating func applySentenceRules(wishes: Bool) {
    let words = NegationScope(items: items, source: source)
    let reader = DurationReader(words: words)
    var sentenceStart = 0
    // Where a sentence opened before the current punctuation (−1 past a comma), and whether the sentence has an
    // implicit statement already.
    var opening = 0
    var stated = false
    for index in 0...items.count where index == items.count || items[index].isPunctuation {
      let ends = index == items.count || endsSentence(items[index])
      if englishRules && !stated,
        let (item, value) = implicitStatement(at: opening, punctuation: index, ends: ends, words: words, reader: reader)
      {
        // Added, not set: a host's lexicon may give the word a value of its own ("stop"), which then still counts
        // and agrees with its contribution.
        change(item, by: value, explainedBy: item, rule: .implicit)
        stated = true
      }
      guard ends else {
        opening = -1
        continue
      }
      if index < items.count && contains(UInt8(ascii: "?"), items[index]) {
        for earlier in sentenceStart..<index where items[earlier].value > 0 {
          change(
            earlier, by: items[earlier].value * (Self.questionPraiseFactor - 1), explainedBy: earlier, rule: .question)
        }
      } else if wishes {
        dampWish(sentenceStart..<index)
      }
      sentenceStart = index + 1
      opening = index + 1
      stated = false
    }
  }

  /// Scales every value of the sentence by ``wishFactor`` when it is a wish.
  private mutating func dampWish(_ sentence: Range<Int>) {
    guard isWish(sentence) else { return }
    for index in sentence where items[index].value != 0 {
      change(index, by: items[index].value * (Self.wishFactor - 1), explainedBy: index, rule: .wish)
      tookBackVerdicts = true
    }
  }

  /// Whether the sentence holds praise after "would be", "could be" or "'d be" (intensifiers between allowed:
  /// "would be really handy") or "love" after "would" or "'d" ("we'd love a dark mode").
  private func isWish(_ sentence: Range<Int>) -> Bool {
    let words = NegationScope(items: items, source: source)
    for index in sentence where items[index].value > 0 && index > sentence.lowerBound {
      var cursor = index - 1
      while cursor > sentence.lowerBound && items[cursor].entry.booster > 0 { cursor -= 1 }
      if words.isWord(index, "love") && items[cursor].entry.ruleWord == .conditional { return true }
      if cursor > sentence.lowerBound, words.isWord(cursor, "be"), items[cursor - 1].entry.ruleWord == .conditional {
        return true
      }
    }
    return false
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
