/// The explanation and aspects of one lexicon result in stored form — byte ranges, rule codes and amounts in a
/// single allocation — spelled out as `String`s only when ``SentimentResult/explanation`` or
/// ``SentimentResult/aspects`` is read.
///
/// Layout of the elements after the header: `contributionCount` contributions, then `aspectCount` aspect slots
/// (`text.first` the aspect's index in the table, `text.second` how many term slots it owns, `amount` its
/// score, `rule` unused), then the term slots of every aspect in order (`text` a token, `amount` 1 when the
/// token continues the previous one's term — multi-word terms — and 0 when it starts a term).
final class SentimentDetailsStorage: ManagedBuffer<SentimentDetails.Header, StoredContribution> {}

/// A shared, immutable ``SentimentDetailsStorage``: header and elements are written only in ``make``, so
/// sharing it between threads is safe.
struct SentimentDetails: @unchecked Sendable {
  private let storage: SentimentDetailsStorage

  struct Header {
    /// The classified text, whose bytes the references point into.
    var text: String
    /// The tables the references index.
    var resources: ScoringResources
    /// The neutral band, for the aspects' labels.
    var threshold: Double
    var contributionCount: Int
    var aspectCount: Int
    var termCount: Int
  }

  /// Copies the contributions and aspects of one analysis into a new record.
  static func make(
    text: String, resources: ScoringResources, threshold: Double, contributions: ScratchList<StoredContribution>,
    aspects: ScratchList<StoredContribution>, terms: ScratchList<StoredContribution>
  ) -> SentimentDetails {
    let total = contributions.count + aspects.count + terms.count
    let buffer = SentimentDetailsStorage.create(minimumCapacity: total) { _ in
      Header(
        text: text, resources: resources, threshold: threshold, contributionCount: contributions.count,
        aspectCount: aspects.count, termCount: terms.count)
    }
    buffer.withUnsafeMutablePointerToElements { elements in
      var position = 0
      func copy(_ list: ScratchList<StoredContribution>) {
        list.withBuffer { source in
          if let base = source.baseAddress { (elements + position).initialize(from: base, count: source.count) }
          position += source.count
        }
      }
      copy(contributions)
      copy(aspects)
      copy(terms)
    }
    return SentimentDetails(storage: unsafeDowncast(buffer, to: SentimentDetailsStorage.self))
  }

  /// The explanation, spelled out.
  func explanation() -> [SentimentContribution] {
    storage.withUnsafeMutablePointers { header, elements in
      TextBytes.with(header.pointee.text) { bytes in
        (0..<header.pointee.contributionCount).map { index in
          let stored = elements[index]
          return SentimentContribution(
            token: stored.text.string(in: bytes, resources: header.pointee.resources), rule: stored.rule.rule,
            amount: stored.amount)
        }
      }
    }
  }

  /// The aspects, spelled out: each with its distinct terms in order of first mention (at most eight).
  func aspects() -> [AspectSentiment] {
    storage.withUnsafeMutablePointers { header, elements in
      TextBytes.with(header.pointee.text) { bytes in
        let resources = header.pointee.resources
        let threshold = header.pointee.threshold
        var term = header.pointee.contributionCount + header.pointee.aspectCount
        var result: [AspectSentiment] = []
        result.reserveCapacity(header.pointee.aspectCount)
        for index in 0..<header.pointee.aspectCount {
          let slot = elements[header.pointee.contributionCount + index]
          let end = term + Int(slot.text.second)
          var terms: [String] = []
          while term < end {
            var text = elements[term].text.string(in: bytes, resources: resources)
            term += 1
            while term < end && elements[term].amount == 1 {
              text += " " + elements[term].text.string(in: bytes, resources: resources)
              term += 1
            }
            if terms.count < 8 && !terms.contains(text) { terms.append(text) }
          }
          let score = slot.amount
          let label: SentimentLabel =
            score >= threshold && score > 0 ? .positive : score <= -threshold && score < 0 ? .negative : .neutral
          result.append(
            AspectSentiment(
              aspect: resources.table.aspectList[Int(slot.text.first)], label: label, score: score, terms: terms))
        }
        return result
      }
    }
  }
}
