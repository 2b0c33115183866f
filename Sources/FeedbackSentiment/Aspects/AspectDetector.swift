import Foundation

/// Finds the hosting aspects a text mentions and gives each the polarity of the clause it is mentioned in.
///
/// Clauses end at punctuation and at contrast words, so in "the server is great but support is slow" the
/// server is praised and support speed is criticised. An aspect mentioned in a clause without sentiment
/// takes the polarity of the next clause, or else the previous one, when that has sentiment.
struct AspectDetector {
  let resources: ScoringResources
  let threshold: Double

  private struct Mention {
    var aspect: Int32
    /// The first clause whose sentiment the aspect takes …
    var firstClause: Int
    /// … and the later ones, without repeats (usually none, so no array is allocated).
    var moreClauses: [Int] = []
    var terms: [String]
  }

  func aspects(in scorer: LexiconScorer) -> [AspectSentiment] {
    let tokens = scorer.tokenized.tokens
    let ids = scorer.ids
    let items = scorer.items
    guard !tokens.isEmpty, !items.isEmpty else { return [] }
    let entries = resources.entries
    guard
      ids.contains(where: { id in
        id >= 0 && (entries[Int(id)].aspect >= 0 || entries[Int(id)].startsAspectPhrase)
      })
    else { return [] }
    // Clause sums, and the clause each token starts in.
    var clauseOfToken = [Int](repeating: 0, count: tokens.count)
    var clauseSums: [Double] = []
    clauseSums.reserveCapacity(items.count + 1)
    clauseSums.append(0)
    var clause = 0
    // Indexing (not iterating) reads the items' fields in place, without copying each item and its text.
    for position in items.indices {
      if items[position].isPunctuation || items[position].entry.isContrast {
        clause += 1
        clauseSums.append(0)
      } else {
        clauseSums[clause] += items[position].clauseValue
      }
      let end = position + 1 < items.count ? items[position + 1].firstToken : tokens.count
      var tokenIndex = items[position].firstToken
      while tokenIndex < end && tokenIndex < tokens.count {
        clauseOfToken[tokenIndex] = clause
        tokenIndex += 1
      }
    }
    var mentions: [Mention] = []
    mentions.reserveCapacity(4)
    var index = 0
    while index < tokens.count {
      let id = ids[index]
      guard id >= 0, let (aspect, length) = match(ids, at: index) else {
        index += 1
        continue
      }
      let term = {
        length == 1 ? tokens[index].text : tokens[index..<index + length].map(\.text).joined(separator: " ")
      }
      let sentimentClause = Self.sentimentClause(near: clauseOfToken[index], sums: clauseSums)
      if let position = mentions.firstIndex(where: { $0.aspect == aspect }) {
        if mentions[position].firstClause != sentimentClause
          && !mentions[position].moreClauses.contains(sentimentClause)
        {
          mentions[position].moreClauses.append(sentimentClause)
        }
        if mentions[position].terms.count < 8 {
          let text = term()
          if !mentions[position].terms.contains(text) { mentions[position].terms.append(text) }
        }
      } else {
        mentions.append(Mention(aspect: aspect, firstClause: sentimentClause, terms: [term()]))
      }
      index += length
    }
    return mentions.map { mention in
      // Summed in clause order, as before.
      let raw =
        mention.moreClauses.isEmpty
        ? 0 + clauseSums[mention.firstClause]
        : ([mention.firstClause] + mention.moreClauses).sorted().reduce(0) { $0 + clauseSums[$1] }
      let score = LexiconScorer.normalize(raw)
      let label: SentimentLabel =
        score >= threshold && score > 0 ? .positive : score <= -threshold && score < 0 ? .negative : .neutral
      return AspectSentiment(
        aspect: resources.table.aspectList[Int(mention.aspect)], label: label, score: score, terms: mention.terms)
    }
  }

  private static func sentimentClause(near clause: Int, sums: [Double]) -> Int {
    if sums[clause] != 0 { return clause }
    if clause + 1 < sums.count, sums[clause + 1] != 0 { return clause + 1 }
    if clause > 0, sums[clause - 1] != 0 { return clause - 1 }
    return clause
  }

  private func match(_ ids: [Int32], at index: Int) -> (Int32, Int)? {
    let entry = resources.entries[Int(ids[index])]
    if entry.startsAspectPhrase, let phrases = resources.table.aspectPhrases[ids[index]] {
      for phrase in phrases where index + phrase.words.count <= ids.count {
        var matches = true
        for offset in 1..<phrase.words.count where ids[index + offset] != phrase.words[offset] {
          matches = false
          break
        }
        if matches { return (phrase.aspect, phrase.words.count) }
      }
    }
    return entry.aspect >= 0 ? (entry.aspect, 1) : nil
  }
}
