import Foundation

/// Splits Lao text, which is written without spaces between words, into words.
///
/// Dictionary-based longest matching: among all ways to cut a run of Lao script into dictionary words and
/// unknown syllables, it picks the one with the fewest unknown characters, then the fewest pieces (so longer
/// dictionary words win). Cuts never fall inside a syllable: a word cannot start with a dependent vowel or tone
/// mark, nor end with a leading vowel (ເ ແ ໂ ໃ ໄ). Adjacent unknown syllables are kept together as one piece.
///
/// The bundled word list (`lao-words.txt`) is extended with every Lao term of the bundled lexicons, rules and
/// aspects. Text outside the Lao block is split on whitespace and passed through.
///
/// ``segment(_:)`` cuts text as it is written. The sentiment classifiers' tokenizer also reads stretched words
/// (a letter repeated three or more times for emphasis, "ຊ້າາາາ") as their dictionary words; see
/// <doc:ScoringRules>.
///
/// ```swift
/// let segmenter = LaoSegmenter(words: ["ບໍລິການ", "ດີ", "ຫຼາຍ"])
/// segmenter.segment("ບໍລິການດີຫຼາຍ")  // ["ບໍລິການ", "ດີ", "ຫຼາຍ"]
/// ```
public struct LaoSegmenter: Sendable {
  private var children = TrieTable()
  private var endsWord: [Bool] = [false]
  /// Each node's parent and the scalar that leads to it (the root's are unused), to spell a node's word.
  private var parents: [Int32] = [0]
  private var scalarsIn: [UInt32] = [0]
  /// How many words the dictionary holds.
  public private(set) var wordCount = 0

  /// Creates a segmenter over a word list.
  ///
  /// - Parameter words: Dictionary words; non-Lao characters in them are ignored.
  /// - Complexity: O(total length of the words).
  public init(words: some Sequence<String>) {
    for word in words { insert(word) }
  }

  /// Adds a word to the dictionary.
  ///
  /// - Parameter word: A Lao word; surrounding whitespace is ignored.
  public mutating func insert(_ word: String) {
    let scalars = word.unicodeScalars.filter { LaoScript.isLao($0.value) }
    guard !scalars.isEmpty else { return }
    var node: Int32 = 0
    for scalar in scalars {
      let key = UInt64(node) << 21 | UInt64(scalar.value)
      if let child = children.value(for: key) {
        node = child
      } else {
        let child = Int32(endsWord.count)
        endsWord.append(false)
        parents.append(node)
        scalarsIn.append(scalar.value)
        children.insert(key, child)
        node = child
      }
    }
    if !endsWord[Int(node)] {
      endsWord[Int(node)] = true
      wordCount += 1
    }
  }

  /// The trie's edges (`parent << 21 | scalar` → child) and which nodes end a word, for ``LaoCutter``.
  var trie: (edges: [(key: UInt64, value: Int32)], wordEnds: [Bool]) { (children.entries, endsWord) }

  /// Whether the dictionary holds `word`.
  ///
  /// - Parameter word: A Lao word.
  /// - Returns: `true` when it was inserted.
  public func contains(_ word: String) -> Bool {
    var node: Int32 = 0
    for scalar in word.unicodeScalars {
      guard let child = children.value(for: UInt64(node) << 21 | UInt64(scalar.value)) else { return false }
      node = child
    }
    return node != 0 && endsWord[Int(node)]
  }

  /// Splits text into words: Lao runs by dictionary, everything else on whitespace.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The words in order, without whitespace.
  /// - Complexity: O(n × L) for n characters and L the longest dictionary word.
  public func segment(_ text: String) -> [String] {
    var words: [String] = []
    var lao: [Unicode.Scalar] = []
    var other = String.UnicodeScalarView()
    func flush() {
      if !lao.isEmpty { words += segmentLaoRun(lao) }
      if !other.isEmpty { words.append(String(other)) }
      lao.removeAll(keepingCapacity: true)
      other.removeAll()
    }
    for scalar in text.unicodeScalars {
      if LaoScript.isLao(scalar.value) {
        if !other.isEmpty { flush() }
        lao.append(scalar)
      } else if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
        flush()
      } else {
        if !lao.isEmpty { flush() }
        other.append(scalar)
      }
    }
    flush()
    return words
  }

  /// Segments a run made only of Lao scalars.
  func segmentLaoRun(_ run: [Unicode.Scalar]) -> [String] {
    let values = run.map(\.value)
    return cuts(values).map { String(String.UnicodeScalarView(run[$0.start..<$0.end])) }
  }

  /// Segments a run of Lao scalars given as values, with the run's UTF-8 bytes (three per Lao scalar).
  func segmentLaoRun(values: [UInt32], utf8: UnsafeBufferPointer<UInt8>) -> [String] {
    values.withUnsafeBufferPointer { segmentLaoRun(values: $0, utf8: utf8) }
  }

  /// Segments a run of Lao scalars given as values, with the run's UTF-8 bytes (three per Lao scalar).
  func segmentLaoRun(values: UnsafeBufferPointer<UInt32>, utf8: UnsafeBufferPointer<UInt8>) -> [String] {
    cuts(values).map { cut in
      String(decoding: UnsafeBufferPointer(rebasing: utf8[(cut.start * 3)..<(cut.end * 3)]), as: UTF8.self)
    }
  }

  /// The cheapest cut of a run into dictionary words and unknown pieces (neighbouring unknown pieces merged).
  func cuts(_ run: [UInt32]) -> [SegmentCut] {
    run.withUnsafeBufferPointer { cuts($0) }
  }

  /// The cheapest cut of a run into dictionary words and unknown pieces (neighbouring unknown pieces merged).
  ///
  /// The dynamic-programming state lives in one temporary (stack) allocation per run.
  func cuts(_ run: UnsafeBufferPointer<UInt32>) -> [SegmentCut] {
    var cuts: [SegmentCut] = []
    forEachCut(run) { cuts.append($0) }
    return cuts
  }

  /// Calls `body` with each piece of the cheapest cut of a run, in text order, without building an array
  /// (the tokenizer's path: one call per Lao run).
  func forEachCut(_ run: UnsafeBufferPointer<UInt32>, _ body: (SegmentCut) -> Void) {
    let count = run.count
    guard count > 0 else { return }
    withUnsafeTemporaryAllocation(of: SegmentState.self, capacity: count + 1) { state in
      // state[i]: cheapest way to cut run[0..<i] — (unknown characters, pieces), with the cut that led there.
      state.initialize(repeating: SegmentState(unknown: Int.max, pieces: Int.max, previous: 0, known: false))
      state[0] = SegmentState(unknown: 0, pieces: 0, previous: 0, known: false)
      @inline(__always)
      func relax(from start: Int, to end: Int, unknown: Int, isKnown: Bool) {
        let newUnknown = state[start].unknown + unknown
        let newPieces = state[start].pieces + 1
        if newUnknown < state[end].unknown || (newUnknown == state[end].unknown && newPieces < state[end].pieces) {
          state[end] = SegmentState(unknown: newUnknown, pieces: newPieces, previous: start, known: isKnown)
        }
      }
      for start in 0..<count where state[start].unknown != Int.max && canStartWord(run, at: start) {
        var node: Int32 = 0
        var position = start
        while position < count, let child = children.value(for: UInt64(node) << 21 | UInt64(run[position])) {
          node = child
          position += 1
          if endsWord[Int(node)] && canEndWord(run, before: position) {
            relax(from: start, to: position, unknown: 0, isKnown: true)
          }
        }
        // One unknown syllable-ish step: the scalar plus the marks that belong to it.
        var end = start + 1
        while end < count && !canEndWord(run, before: end) { end += 1 }
        relax(from: start, to: end, unknown: end - start, isKnown: false)
      }
      // Walk back, merging neighbouring unknown pieces; at most one piece per scalar.
      withUnsafeTemporaryAllocation(of: SegmentCut.self, capacity: count) { cuts in
        var found = 0
        var end = count
        while end > 0 {
          let start = state[end].previous
          if found > 0, !cuts[found - 1].known, !state[end].known {
            cuts[found - 1] = SegmentCut(start: start, end: cuts[found - 1].end, known: false)
          } else {
            cuts.initializeElement(at: found, to: SegmentCut(start: start, end: end, known: state[end].known))
            found += 1
          }
          end = start
        }
        for index in stride(from: found - 1, through: 0, by: -1) { body(cuts[index]) }
      }
    }
  }

  private struct SegmentState {
    var unknown: Int
    var pieces: Int
    var previous: Int
    var known: Bool
  }

  @inline(__always)
  private func canStartWord(_ run: UnsafeBufferPointer<UInt32>, at index: Int) -> Bool {
    index == 0 || canEndWord(run, before: index)
  }

  @inline(__always)
  private func canEndWord(_ run: UnsafeBufferPointer<UInt32>, before index: Int) -> Bool {
    LaoScript.allowsBreak(run, before: index)
  }
}

extension LaoSegmenter: LaoTrieWalking {
  func child(of node: Int32, along value: UInt32) -> Int32? { children.value(for: UInt64(node) << 21 | UInt64(value)) }

  func isWordEnd(_ node: Int32) -> Bool { endsWord[Int(node)] }

  func scalars(to node: Int32) -> [UInt32] {
    var scalars: [UInt32] = []
    var current = node
    while current != 0 {
      scalars.append(scalarsIn[Int(current)])
      current = parents[Int(current)]
    }
    return scalars.reversed()
  }

  /// The cheapest cut of a run with stretched letters read as their dictionary words (``LaoElongation``): the
  /// tokenizer's search, and the reference ``LaoCutter`` is checked against in debug builds. A run without a
  /// letter three times in a row is cut exactly as ``forEachCut(_:_:)`` cuts it.
  func pieces(_ run: UnsafeBufferPointer<UInt32>) -> [LaoPiece] {
    guard LaoElongation.hasStretch(run) else {
      var pieces: [LaoPiece] = []
      forEachCut(run) { pieces.append(LaoPiece(cut: $0, reading: nil)) }
      return pieces
    }
    return LaoElongation.pieces(of: run, trie: self)
  }
}

/// One piece of a segmented run: scalar offsets and whether it is a dictionary word.
struct SegmentCut: Equatable {
  var start: Int
  var end: Int
  var known: Bool
}

/// Character classes of the Lao block (U+0E80–U+0EFF).
enum LaoScript {
  static func isLao(_ value: UInt32) -> Bool { value >= 0x0E80 && value <= 0x0EFF }

  /// Vowel signs and tone marks written above, below or after a consonant, which cannot begin a word.
  static func isDependent(_ value: UInt32) -> Bool {
    value == 0x0EB0 || value == 0x0EB1 || value == 0x0EB2 || value == 0x0EB3 || (0x0EB4...0x0EBC).contains(value)
      || (0x0EC8...0x0ECE).contains(value)
  }

  /// Vowels written before the consonant they follow in speech, which cannot end a word.
  static func isLeadingVowel(_ value: UInt32) -> Bool { (0x0EC0...0x0EC4).contains(value) }

  /// The scalar values of UTF-8 Lao text (three bytes per scalar; a trailing partial scalar is dropped).
  static func values(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    stride(from: 0, to: bytes.count - 2, by: 3).map { index in
      (UInt32(bytes[index]) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
    }
  }

  /// Whether a word boundary may fall between `run[index - 1]` and `run[index]`: not before a dependent vowel
  /// or tone mark, not after a leading vowel.
  @inline(__always)
  static func allowsBreak(_ run: UnsafeBufferPointer<UInt32>, before index: Int) -> Bool {
    if index >= run.count { return true }
    if isDependent(run[index]) { return false }
    if index > 0 && isLeadingVowel(run[index - 1]) { return false }
    return true
  }
}
