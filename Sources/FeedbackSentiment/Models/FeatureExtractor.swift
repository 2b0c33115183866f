import Foundation

/// Turns a text into hashed feature indices for the trained models.
struct FeatureExtractor: Sendable {
  let options: SentimentFeatureOptions
  let tokenizer: FeedbackTokenizer
  let negators: Set<String>
  /// The first scalars of the negators and of their canonical decompositions.
  private let negatorFirstScalars: Set<UInt32>
  private let mask: UInt64

  init(options: SentimentFeatureOptions) {
    self.options = options
    tokenizer = BundledLexicons.tokenizer
    negators = BundledLexicons.negators
    var firstScalars = Set<UInt32>()
    for negator in BundledLexicons.negators {
      for form in [
        negator, negator.decomposedStringWithCanonicalMapping, negator.precomposedStringWithCanonicalMapping,
      ] {
        if let first = form.unicodeScalars.first { firstScalars.insert(first.value) }
      }
    }
    negatorFirstScalars = firstScalars
    mask = UInt64(max(options.bucketCount, 1) - 1)
  }

  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

  @inline(__always)
  static func hash(_ text: String, seed: UInt64) -> UInt64 {
    var hash = fnvOffset ^ seed
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    return hash
  }

  @inline(__always)
  static func combine(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
    var hash = lhs &* 0x9E37_79B9_7F4A_7C15 ^ rhs
    hash ^= hash >> 29
    return hash &* fnvPrime
  }

  /// The normalised words of a text (elongation cut to two letters, negated words prefixed with `¬`), as the
  /// models see them; punctuation is `nil` (a boundary).
  func units(of text: String) -> (units: [String?], language: TokenizedText) {
    let tokenized = tokenizer.tokenize(text)
    var units: [String?] = []
    units.reserveCapacity(tokenized.tokens.count + 4)
    var negationLeft = 0
    for token in tokenized.tokens {
      switch token.kind {
      case .punctuation:
        if token.text.contains("!") { units.append("!") }
        if token.text.contains("?") { units.append("?") }
        units.append(nil)
        negationLeft = 0
      case .emoji, .emoticon:
        units.append(token.text)
      case .word:
        let word = token.isElongated ? FeedbackToken.collapsingRuns(of: token.text, to: 2) : token.text
        if token.isAllCaps { units.append("<caps>") }
        if token.isElongated { units.append("<elongated>") }
        if isNegator(word, isASCII: token.isASCII) {
          units.append(word)
          negationLeft = options.marksNegation ? 3 : 0
        } else if negationLeft > 0 {
          units.append("¬" + word)
          negationLeft -= 1
        } else {
          units.append(word)
        }
      }
    }
    return (units, tokenized)
  }

  /// Hashed feature indices (with repeats) of a text, and its tokenization.
  /// A negator of the bundled lexicons, or a word ending in "n't".
  @inline(__always)
  private func isNegator(_ word: String, isASCII: Bool) -> Bool {
    let utf8 = word.utf8
    let count = utf8.count
    if count >= 3 {
      var tail = utf8.index(utf8.endIndex, offsetBy: -3)
      if utf8[tail] == 0x6E {
        tail = utf8.index(after: tail)
        if utf8[tail] == 0x27 && utf8[utf8.index(after: tail)] == 0x74 { return true }
      }
    }
    if !isASCII {
      // Canonically equivalent words begin with the same starter, so a first scalar no negator (composed or
      // decomposed) begins with rules the word out without normalising it.
      guard let first = word.unicodeScalars.first, negatorFirstScalars.contains(first.value) else { return false }
    }
    return negators.contains(word)
  }

  func features(of text: String) -> (indices: [Int32], tokenized: TokenizedText) {
    let (units, tokenized) = units(of: text)
    var indices: [Int32] = []
    indices.reserveCapacity(units.count * 4)
    var previous: [UInt64] = []
    for unit in units {
      guard let unit else {
        previous.removeAll(keepingCapacity: true)
        continue
      }
      let unigram = Self.hash(unit, seed: 1)
      indices.append(Int32(truncatingIfNeeded: unigram & mask))
      if options.wordNGrams > 1 {
        var combined = unigram
        for (offset, earlier) in previous.reversed().enumerated() where offset + 2 <= options.wordNGrams {
          combined = Self.combine(earlier, combined) &+ UInt64(offset + 2)
          indices.append(Int32(truncatingIfNeeded: combined & mask))
        }
        previous.append(unigram)
        if previous.count >= options.wordNGrams { previous.removeFirst() }
      }
      if options.minimumCharacterNGram > 0, !unit.hasPrefix("<") {
        appendCharacterNGrams(of: unit, to: &indices)
      }
    }
    return (indices, tokenized)
  }

  private func appendCharacterNGrams(of word: String, to indices: inout [Int32]) {
    var scalars: [UInt32] = [0x02]
    for scalar in word.unicodeScalars.prefix(64) { scalars.append(scalar.value) }
    scalars.append(0x03)
    let low = options.minimumCharacterNGram
    let high = options.maximumCharacterNGram
    for start in scalars.indices {
      var hash = Self.fnvOffset ^ 7
      for length in 1...high {
        let end = start + length
        guard end <= scalars.count else { break }
        hash = (hash ^ UInt64(scalars[end - 1])) &* Self.fnvPrime
        if length >= low { indices.append(Int32(truncatingIfNeeded: (hash &+ UInt64(length)) & mask)) }
      }
    }
  }

  /// Unique indices with their counts scaled to unit length (for the logistic model).
  static func normalizedVector(_ indices: [Int32]) -> [(index: Int32, value: Float)] {
    guard !indices.isEmpty else { return [] }
    let sorted = indices.sorted()
    var vector: [(index: Int32, value: Float)] = []
    vector.reserveCapacity(sorted.count)
    for index in sorted {
      if let last = vector.last, last.index == index {
        vector[vector.count - 1].value += 1
      } else {
        vector.append((index, 1))
      }
    }
    let norm = vector.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
    return vector.map { ($0.index, $0.value / norm) }
  }

  /// Unique indices (for binarised naive Bayes).
  static func uniqueIndices(_ indices: [Int32]) -> [Int32] {
    var sorted = indices.sorted()
    var write = 0
    for read in sorted.indices where read == 0 || sorted[read] != sorted[read - 1] {
      sorted[write] = sorted[read]
      write += 1
    }
    sorted.removeLast(sorted.count - write)
    return sorted
  }
}
