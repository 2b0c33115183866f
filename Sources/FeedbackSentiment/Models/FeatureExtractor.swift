import Foundation

/// Turns a text into hashed feature indices for the trained models, straight from the tokens' bytes: each unit
/// (a normalised word, emoji, emoticon, `<caps>`, `<elongated>`, `!`, `?`, a negated word prefixed with `¬`) is
/// hashed with FNV-1a over its UTF-8 bytes, n-grams combine the units' hashes; no `String` per unit.
final class FeatureExtractor: Sendable {
  let options: SentimentFeatureOptions
  let tokenizer: FeedbackTokenizer
  let negators: Set<String>
  /// The negators' bytes (and their normal form C), for byte-wise lookups.
  private let negatorForms: FrozenForms
  /// The first scalars of the negators and of their canonical decompositions, ascending.
  private let negatorFirstScalars: [UInt32]
  private let mask: UInt64
  private let storage = FrozenStorage()

  init(options: SentimentFeatureOptions) {
    self.options = options
    tokenizer = BundledLexicons.tokenizer
    negators = BundledLexicons.negators
    var firstScalars = Set<UInt32>()
    var forms = ByteForms()
    for (index, negator) in BundledLexicons.negators.sorted().enumerated() {
      for form in [
        negator, negator.decomposedStringWithCanonicalMapping, negator.precomposedStringWithCanonicalMapping,
      ] {
        if let first = form.unicodeScalars.first { firstScalars.insert(first.value) }
      }
      forms.insert(Array(negator.utf8), id: Int32(index))
      forms.insert(Array(negator.precomposedStringWithCanonicalMapping.utf8), id: Int32(index))
    }
    negatorFirstScalars = firstScalars.sorted()
    negatorForms = forms.frozen(in: storage)
    mask = UInt64(max(options.bucketCount, 1) - 1)
  }

  /// Whether `other` extracts the same features but for the bucket count: then a feature of the extractor with
  /// fewer buckets is that of the one with more masked to its buckets (both counts are powers of two and every
  /// feature is a 64-bit hash masked to the count), so one extraction serves both.
  func sharesFeatures(with other: FeatureExtractor) -> Bool {
    var otherOptions = other.options
    otherOptions.bucketCount = options.bucketCount
    return otherOptions == options && tokenizer.cutter === other.tokenizer.cutter && negators == other.negators
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

  /// The fixed units.
  private static let capsUnit = Array("<caps>".utf8)
  private static let elongatedUnit = Array("<elongated>".utf8)
  private static let exclamationUnit = Array("!".utf8)
  private static let questionUnit = Array("?".utf8)
  /// "¬", the prefix of a word in a negator's scope.
  private static let negatedPrefix = Array("¬".utf8)

  /// Calls `unit` with each unit of a text in order — its prefix (empty or "¬") and bytes — and `boundary`
  /// at punctuation. The normalised words: elongation cut to two letters, words within three words after a
  /// negator prefixed with `¬` (when ``SentimentFeatureOptions/marksNegation``).
  @inline(__always)
  func forEachUnit(
    of text: String, unit: (_ prefix: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void,
    boundary: () -> Void
  ) {
    TextBytes.with(text) { bytes in
      tokenizer.withTokens(of: bytes) { tokens in forEachUnit(in: tokens, unit: unit, boundary: boundary) }
    }
  }

  /// ``forEachUnit(of:unit:boundary:)`` over tokens already made by a tokenizer with the same dictionary.
  @inline(__always)
  func forEachUnit(
    in tokens: ByteTokens, unit: (_ prefix: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void,
    boundary: () -> Void
  ) {
    Self.negatedPrefix.withUnsafeBufferPointer { negated in
      let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      var negationLeft = 0
      for index in 0..<tokens.count {
        let token = tokens.tokens[index]
        let text = tokens.text(of: token)
        switch token.kind {
        case .punctuation:
          let (exclamation, question) = Self.marks(in: text, isASCII: token.flags.contains(.bytesASCII))
          if exclamation { Self.exclamationUnit.withUnsafeBufferPointer { unit(none, $0) } }
          if question { Self.questionUnit.withUnsafeBufferPointer { unit(none, $0) } }
          boundary()
          negationLeft = 0
        case .emoji, .emoticon:
          unit(none, text)
        case .word:
          if token.flags.contains(.allCaps) { Self.capsUnit.withUnsafeBufferPointer { unit(none, $0) } }
          let elongated = token.flags.contains(.elongated)
          if elongated { Self.elongatedUnit.withUnsafeBufferPointer { unit(none, $0) } }
          Self.withWord(text, elongated: elongated, bytesASCII: token.flags.contains(.bytesASCII)) { word in
            if isNegator(word, isASCII: token.flags.contains(.ascii)) {
              unit(none, word)
              negationLeft = options.marksNegation ? 3 : 0
            } else if negationLeft > 0 {
              unit(negated, word)
              negationLeft -= 1
            } else {
              unit(none, word)
            }
          }
        }
      }
    }
  }

  /// Whether kept punctuation holds "!" and "?" (compared as `String`s when it is not ASCII).
  private static func marks(in text: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> (Bool, Bool) {
    guard isASCII else {
      let string = String(decoding: text, as: UTF8.self)
      return (string.contains("!"), string.contains("?"))
    }
    return (text.contains(UInt8(ascii: "!")), text.contains(UInt8(ascii: "?")))
  }

  /// The word as the models see it: elongation cut to two letters.
  @inline(__always)
  private static func withWord(
    _ text: UnsafeBufferPointer<UInt8>, elongated: Bool, bytesASCII: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard elongated else { return body(text) }
    guard bytesASCII else {
      var word = FeedbackToken.collapsingRuns(of: String(decoding: text, as: UTF8.self), to: 2)
      return word.withUTF8 { body($0) }
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { output in
      // A temporary allocation of at least one element always has a base address.
      let written = FeedbackToken.collapsingASCIIRuns(of: text, to: 2, into: output.baseAddress!)
      body(UnsafeBufferPointer(rebasing: output[..<written]))
    }
  }

  /// A negator of the bundled lexicons, or a word ending in "n't".
  @inline(__always)
  private func isNegator(_ word: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
    let count = word.count
    if count >= 3 && word[count - 3] == UInt8(ascii: "n") && word[count - 2] == UInt8(ascii: "'")
      && word[count - 1] == UInt8(ascii: "t")
    {
      return true
    }
    if !isASCII {
      // Canonically equivalent words begin with the same starter, so a first scalar no negator (composed or
      // decomposed) begins with rules the word out without normalising it.
      guard !word.isEmpty, Self.contains(negatorFirstScalars, TextBytes(buffer: word).decode(at: 0).value) else {
        return false
      }
    }
    if negatorForms.id(of: word) != nil { return true }
    guard !isASCII, !CanonicalOrder.isCertainlyNormalized(word) else { return false }
    return negators.contains(String(decoding: word, as: UTF8.self))
  }

  private static func contains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == value
  }

  /// Calls `body` with each hashed feature index of a text, with repeats: per unit its hash, the word n-grams
  /// ending with it, and (when enabled) its character n-grams.
  @inline(__always)
  func forEachFeature(of text: String, _ body: (Int32) -> Void) {
    TextBytes.with(text) { bytes in
      tokenizer.withTokens(of: bytes) { tokens in forEachFeature(in: tokens, body) }
    }
  }

  /// ``forEachFeature(of:_:)`` over tokens already made by a tokenizer with the same dictionary.
  @inline(__always)
  func forEachFeature(in tokens: ByteTokens, _ body: (Int32) -> Void) {
    let ngrams = options.wordNGrams
    // The last ngrams − 1 unigram hashes, most recent last.
    var previous: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var previousCount = 0
    forEachUnit(
      in: tokens,
      unit: { prefix, bytes in
        var unigram = Self.fnvOffset ^ 1
        for byte in prefix { unigram = (unigram ^ UInt64(byte)) &* Self.fnvPrime }
        for byte in bytes { unigram = (unigram ^ UInt64(byte)) &* Self.fnvPrime }
        body(Int32(truncatingIfNeeded: unigram & mask))
        if ngrams > 1 {
          var combined = unigram
          for offset in 0..<previousCount {
            let earlier = offset == 0 ? previous.2 : offset == 1 ? previous.1 : previous.0
            combined = Self.combine(earlier, combined) &+ UInt64(offset + 2)
            body(Int32(truncatingIfNeeded: combined & mask))
          }
          previous = (previous.1, previous.2, unigram)
          previousCount = min(previousCount + 1, ngrams - 1)
        }
        if options.minimumCharacterNGram > 0, (prefix.first ?? bytes.first) != UInt8(ascii: "<") {
          characterNGrams(prefix, bytes, body)
        }
      },
      boundary: { previousCount = 0 })
  }

  /// The most feature indices a text of `byteCount` bytes can give (one unit per byte at most three times
  /// over, each with its word n-grams and character n-grams).
  func featureCapacity(byteCount: Int) -> Int {
    let units = 3 * (byteCount + 1)
    guard options.minimumCharacterNGram > 0 else { return units * options.wordNGrams }
    let lengths = options.maximumCharacterNGram - options.minimumCharacterNGram + 1
    return units * options.wordNGrams + (2 * byteCount + 5 * units) * lengths
  }

  /// Lends the feature indices of a text, with repeats, in scratch memory.
  func withFeatures<R>(of text: String, _ body: (inout ScratchList<Int32>) -> R) -> R {
    TextBytes.with(text) { bytes in
      tokenizer.withTokens(of: bytes) { tokens in withFeatures(in: tokens, body) }
    }
  }

  /// ``withFeatures(of:_:)`` over tokens already made by a tokenizer with the same dictionary.
  func withFeatures<R>(in tokens: ByteTokens, _ body: (inout ScratchList<Int32>) -> R) -> R {
    ScratchList<Int32>.with(capacity: featureCapacity(byteCount: tokens.source.count)) { features in
      forEachFeature(in: tokens) { features.append($0) }
      return body(&features)
    }
  }

  /// The feature indices of a text, with repeats (training, the logistic model).
  func features(of text: String) -> [Int32] {
    var indices: [Int32] = []
    forEachFeature(of: text) { indices.append($0) }
    return indices
  }

  /// The units of a text as strings, `nil` at punctuation (the models' explanations).
  func units(of text: String) -> [String?] {
    var units: [String?] = []
    forEachUnit(
      of: text,
      unit: { prefix, bytes in
        units.append(String(decoding: Array(prefix) + Array(bytes), as: UTF8.self))
      },
      boundary: { units.append(nil) })
    return units
  }

  private func characterNGrams(
    _ prefix: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void
  ) {
    let word = String(decoding: Array(prefix) + Array(bytes), as: UTF8.self)
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
        if length >= low { body(Int32(truncatingIfNeeded: (hash &+ UInt64(length)) & mask)) }
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
