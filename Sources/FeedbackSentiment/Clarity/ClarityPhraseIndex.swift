import Foundation

/// Phrases (glossary spellings or next-step phrases) cut into words the way replies are, indexed by their first
/// word so that matching a reply costs one dictionary lookup per word.
struct ClarityPhraseIndex: Sendable {
  struct PhraseWord: Sendable {
    var folded: String
    /// Set when the phrase word has capitals: the reply's word must then match exactly.
    var exact: String?
  }

  struct Phrase: Sendable {
    var words: [PhraseWord]
    /// What the phrase stands for: a term's index in its glossary, or the phrase's index.
    var owner: Int
  }

  /// A phrase found in a reply: its owner and the reply's words it covers (`wordEnd` exclusive).
  struct Match {
    var owner: Int
    var wordStart: Int
    var wordEnd: Int
  }

  private var byFirstWord: [String: [Phrase]] = [:]

  /// Indexes phrases.
  /// - Parameters:
  ///   - phrases: Each phrase with its owner.
  ///   - segmenter: The segmenter replies are cut with, so Lao phrases are cut the same way.
  init(_ phrases: [(text: String, owner: Int)], segmenter: LaoSegmenter) {
    for (text, owner) in phrases {
      let words = ClarityText(text, segmenter: segmenter).words.map { word in
        PhraseWord(folded: word.folded, exact: word.exact == word.folded ? nil : word.exact)
      }
      guard let first = words.first else { continue }
      byFirstWord[first.folded, default: []].append(Phrase(words: words, owner: owner))
    }
    // Longest phrases first, so the longest match at a position wins ("dns propagation" over "dns").
    for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
  }

  /// Every non-overlapping match in a text, left to right, the longest at each position.
  /// - Complexity: O(*w* × *k*) for *w* words and *k* phrases sharing a first word.
  func matches(in text: ClarityText) -> [Match] {
    var matches: [Match] = []
    let words = text.words
    var index = 0
    while index < words.count {
      guard let candidates = byFirstWord[words[index].folded],
        let phrase = candidates.first(where: { phrase($0, matches: words, at: index) })
      else {
        index += 1
        continue
      }
      matches.append(Match(owner: phrase.owner, wordStart: index, wordEnd: index + phrase.words.count))
      index += phrase.words.count
    }
    return matches
  }

  /// Whether any phrase occurs in a text.
  func occurs(in text: ClarityText) -> Bool {
    let words = text.words
    for index in words.indices {
      if let candidates = byFirstWord[words[index].folded],
        candidates.contains(where: { phrase($0, matches: words, at: index) })
      {
        return true
      }
    }
    return false
  }

  private func phrase(_ phrase: Phrase, matches words: [ClarityText.Word], at start: Int) -> Bool {
    guard start + phrase.words.count <= words.count else { return false }
    for (offset, word) in phrase.words.enumerated() {
      let candidate = words[start + offset]
      guard candidate.folded == word.folded else { return false }
      if let exact = word.exact, candidate.exact != exact { return false }
    }
    return true
  }
}
