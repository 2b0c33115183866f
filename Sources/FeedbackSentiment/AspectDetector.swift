import Foundation

/// Finds the hosting aspects a text mentions and gives each the polarity of the clause it is mentioned in.
///
/// Clauses end at punctuation and at contrast words, so in "the server is great but support is slow" the
/// server is praised and support speed is criticised. An aspect mentioned in a clause without sentiment
/// takes the polarity of the nearest clause that has some, within one clause either side.
struct AspectDetector {
  let table: ScoringTable
  let threshold: Double

  func aspects(in scorer: LexiconScorer) -> [AspectSentiment] {
    let tokens = scorer.tokenized.tokens
    let items = scorer.items
    guard !tokens.isEmpty, !items.isEmpty else { return [] }
    // Clause number of every item, and the sentiment of every clause.
    var clauseOfItem: [Int] = []
    clauseOfItem.reserveCapacity(items.count)
    var clause = 0
    var clauseSums: [Double] = [0]
    for item in items {
      if item.isPunctuation || item.entry.isContrast {
        clause += 1
        clauseSums.append(0)
        clauseOfItem.append(clause)
        continue
      }
      clauseOfItem.append(clause)
      clauseSums[clause] += item.value
    }
    var itemOfToken = [Int](repeating: 0, count: tokens.count)
    for (itemIndex, item) in items.enumerated() {
      let end = itemIndex + 1 < items.count ? items[itemIndex + 1].firstToken : tokens.count
      for tokenIndex in item.firstToken..<max(end, item.firstToken) where tokenIndex < tokens.count {
        itemOfToken[tokenIndex] = itemIndex
      }
    }
    var order: [HostingAspect] = []
    var found: [HostingAspect: (clauses: Set<Int>, terms: [String])] = [:]
    var index = 0
    while index < tokens.count {
      guard tokens[index].kind == .word, let (aspect, length) = match(tokens, at: index) else {
        index += 1
        continue
      }
      let term = tokens[index..<index + length].map(\.text).joined(separator: " ")
      let clauseIndex = clauseOfItem[itemOfToken[index]]
      if found[aspect] == nil {
        order.append(aspect)
        found[aspect] = ([], [])
      }
      found[aspect]?.clauses.insert(sentimentClause(near: clauseIndex, sums: clauseSums))
      if found[aspect]?.terms.contains(term) == false { found[aspect]?.terms.append(term) }
      index += length
    }
    return order.map { aspect in
      let entry = found[aspect] ?? ([], [])
      let raw = entry.clauses.reduce(0) { $0 + clauseSums[$1] }
      let score = LexiconScorer.normalize(raw)
      let label: SentimentLabel =
        score >= threshold && score > 0 ? .positive : score <= -threshold && score < 0 ? .negative : .neutral
      return AspectSentiment(aspect: aspect, label: label, score: score, terms: entry.terms)
    }
  }

  private func sentimentClause(near clause: Int, sums: [Double]) -> Int {
    if sums[clause] != 0 { return clause }
    if clause + 1 < sums.count, sums[clause + 1] != 0 { return clause + 1 }
    if clause > 0, sums[clause - 1] != 0 { return clause - 1 }
    return clause
  }

  private func match(_ tokens: [FeedbackToken], at index: Int) -> (HostingAspect, Int)? {
    let token = tokens[index]
    if let phrases = table.aspectPhrases[token.text] {
      for phrase in phrases where index + phrase.words.count <= tokens.count {
        let matches = phrase.words.indices.allSatisfy { offset in
          tokens[index + offset].kind == .word && tokens[index + offset].text == phrase.words[offset]
        }
        if matches { return (phrase.aspect, phrase.words.count) }
      }
    }
    if let aspect = table.aspects[token.text] { return (aspect, 1) }
    for variant in token.elongationVariants {
      if let aspect = table.aspects[variant] { return (aspect, 1) }
    }
    return nil
  }
}
