/// Turns the tokens of one text into scored items: phrases matched, Lao words split into known terms, each item
/// with its table entry and a reference to its text.
struct LexiconItemBuilder {
  let resources: ScoringResources

  /// The most items a text can give: one per token, plus one per extra Lao term a Lao word splits into.
  static func capacity(for tokens: ByteTokens) -> Int { tokens.count + tokens.counts.laoLetters + 1 }

  func build(_ tokens: ByteTokens, into items: inout ScratchList<ScoredItem>) {
    let entries = resources.entries
    var index = 0
    while index < tokens.count {
      let token = tokens.tokens[index]
      if token.kind == .punctuation {
        items.append(
          ScoredItem(entry: ScoringEntry(), text: .token(token), firstToken: Int32(index), isPunctuation: true))
        index += 1
        continue
      }
      let id = Int(token.id)
      if id >= 0, entries[id].startsPhrase, let phrase = matchPhrase(tokens, at: index),
        !yieldsToNegation(resources.phrases[phrase], tokens, at: index)
      {
        let length = Int(resources.phrases[phrase].words.count)
        var allCaps = true
        var elongated = false
        for offset in 0..<length {
          let flags = tokens.tokens[index + offset].flags
          if !flags.contains(.allCaps) { allCaps = false }
          if flags.contains(.elongated) { elongated = true }
        }
        // A phrase's text joins its words with spaces, so it always holds ASCII.
        items.append(
          ScoredItem(
            entry: resources.phrases[phrase].entry, text: TextReference(kind: .phrase, first: Int32(phrase)),
            firstToken: Int32(index), isAllCaps: allCaps, isElongated: elongated, hasASCII: true))
        index += length
        continue
      }
      let entry =
        id >= 0
        ? entries[id]
        : token.kind == .word
          ? resources.table.entry(ofUnknownWord: tokens.text(of: token), vocabulary: resources.vocabulary)
          : ScoringEntry()
      if entry.isBlank, token.isLao, appendLaoParts(of: token, at: index, tokens, into: &items) {
        index += 1
        continue
      }
      items.append(
        ScoredItem(
          entry: entry, text: .token(token), firstToken: Int32(index), isAllCaps: token.flags.contains(.allCaps),
          isElongated: token.flags.contains(.elongated), hasASCII: token.flags.contains(.hasASCII)))
      index += 1
    }
  }

  /// The known terms inside a Lao word the table has no entry for (precomputed for vocabulary words), one item
  /// each; `false` when it holds none. The parts of a stretched word (``LaoElongation``) that hold the repeated
  /// letter are elongated ("ຊ້າາາາຫຼາຍ" → "ຊ້າ" elongated, "ຫຼາຍ").
  private func appendLaoParts(
    of token: ByteToken, at index: Int, _ tokens: ByteTokens, into items: inout ScratchList<ScoredItem>
  ) -> Bool {
    let stretched = token.flags.contains(.elongated) ? stretchedParts(of: token, tokens) : []
    func isStretched(_ part: Int) -> Bool { part < stretched.count && stretched[part] }
    if token.id >= 0 {
      let span = resources.laoSplitSpans[Int(token.id)]
      guard span.count > 0 else { return false }
      for position in Int(span.start)..<Int(span.start + span.count) {
        let part = position - Int(span.start)
        appendPart(resources.laoSplitParts[position], at: index, elongated: isStretched(part), into: &items)
      }
      return true
    }
    let text = tokens.text(of: token)
    return ScratchList<Int32>.with(capacity: text.count / 3) { parts in
      guard resources.table.knownParts(ofLao: text, vocabulary: resources.vocabulary, into: &parts) else {
        return false
      }
      for part in 0..<parts.count {
        appendPart(parts[part], at: index, elongated: isStretched(part), into: &items)
      }
      return true
    }
  }

  /// For a stretched Lao word, which of the table's parts of what it reads as hold a letter the customer repeated:
  /// the written piece is aligned with the reading, every written scalar that is not the reading's next being an
  /// extra copy of the last one taken. The rare path (stretched words the table splits).
  private func stretchedParts(of token: ByteToken, _ tokens: ByteTokens) -> [Bool] {
    let written = LaoScript.values(ofUTF8: tokens.source.slice(Int(token.start), Int(token.end)))
    let reading = LaoScript.values(ofUTF8: tokens.text(of: token))
    var repeated = [Bool](repeating: false, count: reading.count)
    var next = 0
    for value in written {
      if next < reading.count && value == reading[next] {
        next += 1
      } else if next > 0 {
        repeated[next - 1] = true
      }
    }
    return resources.table.termSegmenter.cuts(reading).map { repeated[$0.start..<$0.end].contains(true) }
  }

  private func appendPart(_ part: Int32, at index: Int, elongated: Bool, into items: inout ScratchList<ScoredItem>) {
    guard part >= 0 else { return }
    items.append(
      ScoredItem(
        entry: resources.entries[Int(part)], text: TextReference(kind: .vocabulary, first: part),
        firstToken: Int32(index), isElongated: elongated, hasASCII: resources.wordHasASCII[Int(part)]))
  }

  /// The longest multi-word term starting at `index`, as an index into ``ScoringResources/phrases``.
  private func matchPhrase(_ tokens: ByteTokens, at index: Int) -> Int? {
    for candidate in resources.candidates(in: resources.phrasePairs, tokens, at: index) {
      let words = resources.phrases[Int(candidate)].words
      guard index + Int(words.count) <= tokens.count else { continue }
      var matches = true
      for offset in 2..<Int(words.count)
      where tokens.tokens[index + offset].id != resources.phraseWords[Int(words.start) + offset] {
        matches = false
        break
      }
      if matches { return Int(candidate) }
    }
    return nil
  }

  /// A two-word idiom of a negator and a neutral word ("tak boleh", "tidak dapat") yields to the negation rule
  /// when a word or phrase of the opposite polarity comes right after it: "tak dapat membantu" is the negated
  /// "membantu", and "tak boleh diharap" the negated "boleh diharap". Before a word of the same polarity ("tidak
  /// faham isu") the idiom stays, and the word keeps its own value.
  private func yieldsToNegation(_ phrase: FlatPhrase, _ tokens: ByteTokens, at index: Int) -> Bool {
    guard phrase.words.count == 2, phrase.entry.isFixed else { return false }
    let entries = resources.entries
    let head = entries[Int(resources.phraseWords[Int(phrase.words.start)])]
    let tail = entries[Int(resources.phraseWords[Int(phrase.words.start) + 1])]
    guard head.isNegator, !tail.hasValence, tail.booster == 0, !tail.isNegator else { return false }
    let sign = phrase.entry.valence
    if tail.startsPhrase, let inner = matchPhrase(tokens, at: index + 1), resources.phrases[inner].entry.hasValence,
      resources.phrases[inner].entry.valence * sign < 0
    {
      return true
    }
    let next = index + 2
    guard next < tokens.count, tokens.tokens[next].id >= 0, tokens.tokens[next].kind != .punctuation else {
      return false
    }
    let following = entries[Int(tokens.tokens[next].id)]
    return following.hasValence && following.valence * sign < 0 && !following.isNegator && following.booster == 0
  }
}
