/// The reach and the effect of a negator on one sentiment word, by rule rather than by phrase entries:
///
/// - **Scope**: a negator reaches up to three items ahead within its clause, and carries over a coordinated
///   word of the same polarity ("no problems or complaints", "no delays or outages": both are negated).
/// - **Extremes**: negating an extreme (|valence| ≥ 3: "best", "worst", "perfect", "terrible") gives a mild
///   opposite — "not the worst" is faint praise, "not perfect" a mild complaint — rather than the full flip.
/// - **Comparatives after "could/can not be"**: "couldn't be happier", "could not be better", "can't be more
///   helpful" say the most, so the word keeps its polarity and is intensified instead of flipped; so do "never so"
///   and "never this" ("never been so happy", "I've never been this disappointed") and "never" + been, felt,
///   looked, sounded or tasted + a comparative ("never felt better").
/// - **"Not only"**: a negator followed by a word of restriction ("not only", "doesn't just", "bukan sahaja", "tidak
///   hanya") negates nothing: "not only slow but also expensive" criticises both.
/// - **Absence**: "without", "no" and "zero" before a complaint deny the problem itself, as the fixed idioms "no
///   problems" and "without a hitch" do: the complaint is multiplied by −1 ("without a hiccup", "no lag spikes").
/// - **"least"** negates like a negator ("the least helpful agent") except in "at least" and "very least".
/// - **Excess and difficulty** reverse a positive word without a negator: "too quickly", "overly sweet", "hard to
///   clean", "difficult to use".
struct NegationScope {
  /// What a negator does to the word.
  enum Effect {
    /// Multiply by ``LexiconScorer/negationScalar`` (or the extreme scalar).
    case flip
    /// Keep the polarity and intensify ("couldn't be happier").
    case intensify
    /// Multiply by −1: the absence of a problem ("without a hiccup", "no lag") is as good as the problem is bad.
    case absence
  }

  /// Valences at least this strong are extremes …
  static let extremeValence = 3.0
  /// … and a negated extreme is multiplied by this.
  static let extremeNegationScalar = -0.3

  let items: ScratchList<ScoredItem>
  let source: TextBytes
  /// Whether the English-only rules apply (absence).
  var english = false

  /// The index of the negator that reaches the item at `index`, if any.
  func negator(before index: Int) -> Int? {
    var cursor = index - 1
    var distance = 1
    while cursor >= 0, distance <= LexiconScorer.scopeWidth, !items[cursor].isPunctuation,
      !items[cursor].entry.isContrast
    {
      if items[cursor].entry.isNegator { return isNotOnly(cursor) ? nil : cursor }
      if items[cursor].hasValue { return coordinatedNegator(of: cursor, with: index) }
      if isNegatingLeast(cursor) { return cursor }
      distance += 1
      cursor -= 1
    }
    return nil
  }

  /// The negator of an earlier negated word of the same polarity joined to this one by one connecting word
  /// ("or", "and"; a written word, so Lao, written without spaces, is left out); a fixed negated phrase ("no problems") counts as a negated word of the opposite polarity to its own.
  private func coordinatedNegator(of earlier: Int, with index: Int) -> Int? {
    guard index - earlier == 2, items[earlier + 1].entry.isBlank, items[earlier + 1].text.kind == .word else {
      return nil
    }
    let samePolarity = (items[earlier].entry.valence > 0) == (items[index].entry.valence > 0)
    if items[earlier].negator >= 0, samePolarity { return Int(items[earlier].negator) }
    if items[earlier].entry.isFixed, items[earlier].text.kind == .phrase, !samePolarity { return earlier }
    return nil
  }

  /// "least" before a word ("the least helpful") negates it; "at least" and "very least" do not.
  @inline(__always)
  private func isNegatingLeast(_ index: Int) -> Bool {
    guard items[index].entry.ruleWord == .least, items[index].text.kind == .word else { return false }
    return index == 0 || !(isWord(index - 1, "at") || isWord(index - 1, "very"))
  }

  /// The item that turns the positive word at `index` into a fault without a negator, if any: excess ("too
  /// quickly", "overly sweet") or difficulty ("hard to clean", "difficult to use", "impossible to read").
  func reverserOfPraise(at index: Int) -> Int? {
    guard index > 0 else { return nil }
    if items[index - 1].entry.ruleWord == .excess, items[index - 1].text.kind == .word { return index - 1 }
    guard index > 1, items[index - 2].entry.ruleWord == .difficulty, items[index - 2].text.kind == .word,
      isWord(index - 1, "to")
    else { return nil }
    return index - 2
  }

  /// How the negator at `negator` acts on the word at `index`.
  func effect(of negator: Int, on index: Int) -> Effect {
    if isComparativeAfterCannotBe(negator: negator, word: index) || isEmphaticNever(negator: negator, word: index) {
      return .intensify
    }
    return english && items[index].entry.valence < 0 && isAbsence(negator) ? .absence : .flip
  }

  /// "without", "no", "zero": words of absence (English), which deny a thing rather than a quality.
  private func isAbsence(_ negator: Int) -> Bool {
    isWord(negator, "without") || isWord(negator, "no") || isWord(negator, "zero")
  }

  /// "never so happy", "never been this disappointed", "never felt better": "never" that says the most rather
  /// than denying.
  private func isEmphaticNever(negator: Int, word: Int) -> Bool {
    guard isWord(negator, "never"), word > negator + 1 else { return false }
    for between in (negator + 1)..<word where isWord(between, "so") || isWord(between, "this") { return true }
    guard word - negator == 2, isComparative(word) else { return false }
    let verb = negator + 1
    return isWord(verb, "been") || isWord(verb, "felt") || isWord(verb, "looked") || isWord(verb, "sounded")
      || isWord(verb, "tasted")
  }

  /// The multiplier of a flipped word with this valence.
  static func scalar(valence: Double) -> Double {
    abs(valence) >= extremeValence ? extremeNegationScalar : LexiconScorer.negationScalar
  }

  /// "couldn't be happier", "could not be better", "can't be more helpful".
  private func isComparativeAfterCannotBe(negator: Int, word: Int) -> Bool {
    let modal =
      startsWith(negator, "could") || startsWith(negator, "can")
      || (negator > 0 && (isWord(negator - 1, "could") || isWord(negator - 1, "can")))
    guard modal, negator + 1 < word, isWord(negator + 1, "be") || isWord(negator + 1, "been") else { return false }
    switch word - negator {
    case 2: return isComparative(word)
    case 3: return isWord(negator + 2, "more") || isWord(negator + 2, "any") && isComparative(word)
    default: return false
    }
  }

  private func isComparative(_ index: Int) -> Bool {
    guard let bytes = wordBytes(index), bytes.count > 3 else { return false }
    let last = bytes[bytes.count - 1] | 0x20
    let previous = bytes[bytes.count - 2] | 0x20
    return (previous == UInt8(ascii: "e") && last == UInt8(ascii: "r")) || isWord(index, "worse")
  }

  /// The source bytes of a plain word item (not a phrase or a Lao part).
  func wordBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    let text = items[index].text
    guard text.kind == .word else { return nil }
    return source.slice(Int(text.first), Int(text.second))
  }

  /// "not only", "doesn't just", "bukan sahaja", "tidak hanya": a negator followed by a word of restriction adds
  /// to what follows instead of denying it ("not only slow but also expensive").
  private func isNotOnly(_ negator: Int) -> Bool {
    let next = negator + 1
    guard next < items.count else { return false }
    return isWord(next, "only") || isWord(next, "just") || isWord(next, "merely") || isWord(next, "sahaja")
      || isWord(next, "saja") || isWord(next, "hanya") || isWord(next, "cuma") || isWord(next, "cuman")
  }

  /// Whether the item at `index` is the plain word `word` (ASCII, any case). The length is compared before any
  /// byte is read: the rules ask this of most items near a sentiment word.
  @inline(__always)
  func isWord(_ index: Int, _ word: StaticString) -> Bool {
    let text = items[index].text
    guard text.kind == .word, Int(text.second - text.first) == word.utf8CodeUnitCount else { return false }
    return matches(source.slice(Int(text.first), Int(text.second)), word)
  }

  private func startsWith(_ index: Int, _ prefix: StaticString) -> Bool {
    guard let bytes = wordBytes(index), bytes.count >= prefix.utf8CodeUnitCount else { return false }
    return matches(UnsafeBufferPointer(rebasing: bytes[0..<prefix.utf8CodeUnitCount]), prefix)
  }

  /// ASCII case-insensitive comparison with a lowercase literal.
  private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    word.withUTF8Buffer { literal in
      for offset in 0..<literal.count where bytes[offset] | 0x20 != literal[offset] { return false }
      return true
    }
  }
}
