/// Finds the hosting aspects a text mentions and gives each the polarity of the clause it is mentioned in.
///
/// Clauses end at punctuation and at contrast words, so in "the server is great but support is slow" the
/// server is praised and support speed is criticised, and in "replied quickly but still not fixed" support speed
/// is praised and the resolution criticised. An aspect mentioned in a clause without sentiment takes the polarity
/// of the next clause, or else the previous one, when that has sentiment.
///
/// Two clause roles (``HostingAspect/speedWord`` and ``HostingAspect/supportWord``) are resolved within the
/// clause that holds them (see ``AspectRoles``).
///
/// A ``HostingAspect/resolution`` term that is itself a sentiment word or phrase ("fixed", "not fixed", "still
/// broken", "ແກ້ແລ້ວ") gives the resolution its own verdict, negation included, rather than its clause's: in "mail
/// delays fixed" the problem word makes the clause neutral, but the problem is solved. Such terms weigh as the score
/// weighs them ("fixed, but still broken" is criticised) and, where any is found, decide alone. A term without
/// sentiment ("patched", "root cause"), or one after a word of expectation ("still waiting for it to be fixed"),
/// takes its clause's, as other aspects do.
struct AspectDetector {
  let resources: ScoringResources

  /// One mention of an aspect: where, the clause it stands in, and the clause whose sentiment it takes.
  private struct Occurrence {
    var aspect: Int32
    var ownClause: Int32
    var clause: Int32
    var token: Int32
    var length: Int32
    /// The sentiment of the term's own words (resolution terms only); 0 when it has none.
    var ownValue: Double = 0
  }

  /// Whether any token names an aspect (the cheap test before the clause bookkeeping).
  func mentionsAnyAspect(_ tokens: ByteTokens) -> Bool {
    for index in 0..<tokens.count {
      let id = tokens.tokens[index].id
      if id >= 0 && (resources.entries[Int(id)].aspect >= 0 || resources.entries[Int(id)].startsAspectPhrase) {
        return true
      }
    }
    return false
  }

  /// Appends one slot per aspect mentioned (in order of first mention) to `aspects` and the tokens of its terms
  /// to `terms` (see ``SentimentDetails`` for the slot layout). `aspects` needs room for one slot per distinct
  /// aspect, `terms` for one per token.
  func detect(
    _ tokens: ByteTokens, items: ScratchList<ScoredItem>, aspects: inout ScratchList<StoredContribution>,
    terms: inout ScratchList<StoredContribution>
  ) {
    guard tokens.count > 0, mentionsAnyAspect(tokens) else { return }
    ScratchList<Double>.with(capacity: items.count + 1) { clauseSums in
      ScratchList<Int32>.with(capacity: items.count) { clauseAfterItem in
        // Clause sums, and the clause each item leaves open (a token is in the clause of the last item that
        // starts at or before it).
        clauseSums.append(0)
        var clause: Int32 = 0
        for position in 0..<items.count {
          if items[position].isPunctuation || items[position].entry.isContrast {
            clause += 1
            clauseSums.append(0)
          } else {
            clauseSums[Int(clause)] += items[position].clauseValue
          }
          clauseAfterItem.append(clause)
        }
        ScratchList<Occurrence>.with(capacity: tokens.count) { occurrences in
          collectOccurrences(tokens, items, clauseAfterItem, clauseSums, into: &occurrences, aspects: &aspects)
          writeSlots(tokens, occurrences, clauseSums, aspects: &aspects, terms: &terms)
        }
      }
    }
  }

  private func collectOccurrences(
    _ tokens: ByteTokens, _ items: ScratchList<ScoredItem>, _ clauseAfterItem: ScratchList<Int32>,
    _ clauseSums: ScratchList<Double>, into occurrences: inout ScratchList<Occurrence>,
    aspects: inout ScratchList<StoredContribution>
  ) {
    var index = 0
    var item = 0
    while index < tokens.count {
      let id = Int(tokens.tokens[index].id)
      guard id >= 0, resources.entries[id].aspect >= 0 || resources.entries[id].startsAspectPhrase,
        let (aspect, length) = match(tokens, at: index)
      else {
        index += 1
        continue
      }
      while item + 1 < items.count && Int(items[item + 1].firstToken) <= index { item += 1 }  // items may be empty
      let tokenClause = item < items.count && Int(items[item].firstToken) <= index ? clauseAfterItem[item] : 0
      var ownValue = 0.0
      if aspect == resources.aspectRoles.resolution && !Self.isExpected(tokens, before: index) {
        var position = item
        while position < items.count && Int(items[position].firstToken) < index + length {
          if Int(items[position].firstToken) >= index { ownValue += items[position].value }
          position += 1
        }
      }
      occurrences.append(
        Occurrence(
          aspect: aspect, ownClause: tokenClause, clause: Self.sentimentClause(near: tokenClause, sums: clauseSums),
          token: Int32(index), length: Int32(length), ownValue: ownValue))
      index += length
    }
    resolveRoles(&occurrences)
    // One slot per aspect, in order of first mention; `aspect` becomes the slot index.
    for position in 0..<occurrences.count where occurrences[position].aspect >= 0 {
      let aspect = occurrences[position].aspect
      var mention = -1
      for slot in 0..<aspects.count where aspects[slot].text.first == aspect {
        mention = slot
        break
      }
      if mention < 0 {
        mention = aspects.count
        aspects.append(
          StoredContribution(text: TextReference(kind: .literal, first: aspect), amount: 0, rule: .lexicon))
      }
      occurrences[position].aspect = Int32(mention)
    }
  }

  /// Resolves the clause roles within each clause (occurrences are in text order, so a clause is one run):
  /// a speed word is support speed beside a support word or a support aspect, nothing beside another aspect,
  /// else performance; a support word is support speed beside a speed word or a reply-time term, else staff
  /// competence. A dropped occurrence gets aspect -1.
  private func resolveRoles(_ occurrences: inout ScratchList<Occurrence>) {
    let roles = resources.aspectRoles
    guard roles.speed >= 0 || roles.support >= 0 else { return }
    var start = 0
    while start < occurrences.count {
      let clause = occurrences[start].ownClause
      var end = start
      var speed = false
      var support = false
      var reply = false
      var staff = false
      var other = false
      while end < occurrences.count && occurrences[end].ownClause == clause {
        switch occurrences[end].aspect {
        case roles.speed: speed = true
        case roles.support: support = true
        case roles.supportSpeed: reply = true
        case roles.staffCompetence: staff = true
        default: other = true
        }
        end += 1
      }
      for position in start..<end {
        switch occurrences[position].aspect {
        case roles.speed:
          occurrences[position].aspect =
            support || reply || staff ? roles.supportSpeed : other ? -1 : roles.performance
        case roles.support:
          occurrences[position].aspect = speed || reply ? roles.supportSpeed : roles.staffCompetence
        default: break
        }
      }
      start = end
    }
  }

  /// Fills in each aspect's score (the sum of the own values of its resolution terms when any has one, else the sum
  /// of its occurrences' distinct clauses, in clause order) and term slots.
  private func writeSlots(
    _ tokens: ByteTokens, _ occurrences: ScratchList<Occurrence>, _ clauseSums: ScratchList<Double>,
    aspects: inout ScratchList<StoredContribution>, terms: inout ScratchList<StoredContribution>
  ) {
    ScratchList<Int32>.with(capacity: occurrences.count) { clauses in
      for mention in 0..<aspects.count {
        clauses.truncate(to: 0)
        let firstTerm = terms.count
        var raw = 0.0
        var hasOwnVerdict = false
        if aspects[mention].text.first == resources.aspectRoles.resolution {
          for position in 0..<occurrences.count
          where occurrences[position].aspect == Int32(mention) && occurrences[position].ownValue != 0 {
            hasOwnVerdict = true
            raw += occurrences[position].ownValue
          }
        }
        for position in 0..<occurrences.count where occurrences[position].aspect == Int32(mention) {
          let occurrence = occurrences[position]
          for offset in 0..<Int(occurrence.length) {
            let token = tokens.tokens[Int(occurrence.token) + offset]
            terms.append(StoredContribution(text: .token(token), amount: offset == 0 ? 0 : 1, rule: .lexicon))
          }
          // Terms with a verdict of their own decide; the clauses of the others would count them again.
          if hasOwnVerdict { continue }
          var known = false
          for seen in 0..<clauses.count where clauses[seen] == occurrence.clause {
            known = true
            break
          }
          if !known { Self.insertSorted(occurrence.clause, into: &clauses) }
        }
        for position in 0..<clauses.count { raw += clauseSums[Int(clauses[position])] }
        aspects[mention].amount = LexiconScorer.normalize(raw)
        aspects[mention].text.second = Int32(terms.count - firstTerm)
      }
    }
  }

  /// Words that make a fix expected rather than reported ("still waiting for this to be fixed", "should be fixed
  /// by Monday", "semoga cepat dibaiki"): a resolution term after one in its clause takes the clause's verdict.
  private static let expectationWords: [[UInt8]] = [
    "waiting", "wait", "waited", "hope", "hoping", "hopefully", "should", "supposed", "will", "would", "needs",
    "need", "until", "promised", "expect", "expected", "want", "wanted", "tunggu", "menunggu", "harap", "berharap",
    "semoga", "akan", "bakal", "patut", "sepatutnya", "seharusnya", "perlu", "mau", "nak", "ingin",
  ].map { Array($0.utf8) }

  /// Whether an expectation word stands before `index` in its clause (back to punctuation, at most six words).
  private static func isExpected(_ tokens: ByteTokens, before index: Int) -> Bool {
    var position = index - 1
    while position >= 0 && index - position <= 6 {
      let token = tokens.tokens[position]
      if token.kind == .punctuation { return false }
      if token.kind == .word {
        let text = tokens.text(of: token)
        if expectationWords.contains(where: { $0.count == text.count && $0.elementsEqual(text) }) { return true }
      }
      position -= 1
    }
    return false
  }

  private static func insertSorted(_ value: Int32, into list: inout ScratchList<Int32>) {
    list.append(value)
    var position = list.count - 1
    while position > 0 && list[position - 1] > value {
      list[position] = list[position - 1]
      position -= 1
    }
    list[position] = value
  }

  private static func sentimentClause(near clause: Int32, sums: ScratchList<Double>) -> Int32 {
    let index = Int(clause)
    if sums[index] != 0 { return clause }
    if index + 1 < sums.count, sums[index + 1] != 0 { return clause + 1 }
    if index > 0, sums[index - 1] != 0 { return clause - 1 }
    return clause
  }

  /// The aspect named at `index` and how many tokens name it: the longest aspect phrase, else the word's own.
  private func match(_ tokens: ByteTokens, at index: Int) -> (Int32, Int)? {
    let id = Int(tokens.tokens[index].id)
    let entry = resources.entries[id]
    if entry.startsAspectPhrase {
      for candidate in resources.candidates(in: resources.aspectPairs, tokens, at: index) {
        let phrase = resources.aspectPhrases[Int(candidate)]
        let length = Int(phrase.words.count)
        guard index + length <= tokens.count else { continue }
        var matches = true
        for offset in 2..<length
        where tokens.tokens[index + offset].id != resources.phraseWords[Int(phrase.words.start) + offset] {
          matches = false
          break
        }
        if matches { return (phrase.aspect, length) }
      }
    }
    return entry.aspect >= 0 ? (entry.aspect, 1) : nil
  }
}
