/// A naive Bayes model's log-likelihoods for the buckets seen in training, laid out for the per-text lookups:
/// a bitmap of the seen buckets (32 KiB for 2¹⁸ buckets), the count of seen buckets before each 64-bucket
/// word, and the three log-likelihoods of each seen bucket side by side.
struct NaiveBayesTable: Sendable {
  private let storage = FrozenStorage()
  private let bits: FrozenList<UInt64>
  private let ranks: FrozenList<Int32>
  /// `3 × rank + label`.
  private let likelihoods: FrozenList<Float>

  /// - Parameters:
  ///   - logLikelihoods: `label × buckets + bucket`, as the model computes them.
  ///   - seen: Which buckets were seen in training.
  init(logLikelihoods: [Float], seen: [Bool]) {
    let buckets = seen.count
    var bits = [UInt64](repeating: 0, count: (buckets + 63) / 64)
    var ranks = [Int32](repeating: 0, count: bits.count)
    var likelihoods: [Float] = []
    for bucket in 0..<buckets where seen[bucket] {
      bits[bucket >> 6] |= 1 << UInt64(bucket & 63)
      for label in 0..<3 { likelihoods.append(logLikelihoods[label * buckets + bucket]) }
    }
    var total: Int32 = 0
    for word in bits.indices {
      ranks[word] = total
      total += Int32(bits[word].nonzeroBitCount)
    }
    self.bits = storage.freeze(bits)
    self.ranks = storage.freeze(ranks)
    self.likelihoods = storage.freeze(likelihoods)
  }

  /// Whether the bucket was seen in training.
  @inline(__always)
  func isSeen(_ bucket: Int) -> Bool {
    bits[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
  }

  /// The log-likelihood of a seen bucket under a label.
  @inline(__always)
  func likelihood(_ bucket: Int, label: Int) -> Float {
    assert(isSeen(bucket))
    let word = bits[bucket >> 6]
    let below = word & ((1 << UInt64(bucket & 63)) &- 1)
    let rank = Int(ranks[bucket >> 6]) + below.nonzeroBitCount
    return likelihoods[3 * rank + label]
  }
}
