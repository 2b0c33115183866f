/// A Lao dictionary trie as the elongation-aware search walks it: ``LaoSegmenter``'s hash trie and
/// ``LaoCutter``'s double array both conform, so that one search serves both and debug builds can compare them.
protocol LaoTrieWalking {
  /// The child of `node` along a Lao scalar value, or `nil`; the root is node 0.
  func child(of node: Int32, along value: UInt32) -> Int32?
  /// Whether a dictionary word ends at `node`.
  func isWordEnd(_ node: Int32) -> Bool
  /// The scalar values on the path from the root to `node`: the dictionary word that ends there.
  func scalars(to node: Int32) -> [UInt32]
}

/// One piece of a Lao run cut with elongation read (``LaoElongation/pieces(of:trie:)``).
struct LaoPiece: Equatable {
  var cut: SegmentCut
  /// For a piece that stretches a letter, the scalars it reads as: the dictionary word read with repeated
  /// copies left out, or for an unknown piece holding a letter three or more times in a row, the piece with
  /// each such run cut to one copy ("ໆໆໆ" → "ໆ"); `nil` for a piece read as it is written.
  var reading: [UInt32]?

  var isElongated: Bool { reading != nil }
}

/// Elongated Lao: customers stretch Lao words for emphasis by repeating a letter ("ຊ້າາາາາ", "ດີີີີ",
/// "ຫຼາຍຍຍຍ", "ແທ້ໆໆໆ"), which breaks the dictionary match and would leave the whole piece unknown.
///
/// A letter repeated three or more times in a row is a stretch candidate. The extra copies are not removed
/// before segmentation, because three identical letters can be correct spelling across a word boundary
/// ("ແບບບໍ່" = "ແບບ" + "ບໍ່", "ໂດດດ່ຽວ"); instead the cheapest-cut search may read a dictionary word with the
/// extra copies of one of its letters left out. Such a reading costs nothing in unknown scalars but counts the
/// copies it leaves out, which rank between the two costs of the plain search: fewest unknown scalars, then
/// fewest left-out copies, then fewest pieces. A stretch is therefore read only where it leaves fewer scalars
/// unknown than the text as written ("ແບບບັດ" stays "ແບບ" + "ບັດ", not the one word "ແບັດ"), and runs without
/// a letter three times in a row never take this path (their cuts are exactly the plain search's).
///
/// Left-out copies are the copies after the first of a run of three or more identical Lao letters (consonants,
/// vowels, vowel signs, tone marks, ໆ; not digits or ຯ). Only the word that took the run's first copy leaves
/// copies out, after taking one or more, and then takes no further copy of that run; it may end after the run or
/// before its last one or two copies, which then begin the next word ("ແບບບບບໍ່" = "ແບບ" stretched + "ບໍ່": people
/// stretch the end of a word). An unknown piece holding such a run reads as the piece with the run cut to one
/// copy ("ໆໆໆ" → "ໆ", so a repeated repetition mark counts once).
enum LaoElongation {
  /// Whether a Lao scalar is a letter whose repetition can stretch a word: consonants, vowels and vowel signs,
  /// tone and other marks, ໆ; not the digits, nor the ellipsis ຯ.
  static func isStretchable(_ value: UInt32) -> Bool {
    switch value {
    case 0x0E81...0x0EAE, 0x0EB0...0x0EBD, 0x0EC0...0x0EC4, 0x0EC6, 0x0EC8...0x0ECE, 0x0EDC...0x0EDF: return true
    default: return false
    }
  }

  /// How many identical scalars in a row make a stretch.
  static let minimumRun = 3

  /// Whether a run of Lao scalars holds a stretchable letter three or more times in a row.
  static func hasStretch(_ run: UnsafeBufferPointer<UInt32>) -> Bool {
    var length = 0
    for index in run.indices {
      length = index > 0 && run[index] == run[index - 1] ? length + 1 : 1
      if length == minimumRun && isStretchable(run[index]) { return true }
    }
    return false
  }

  /// For each position that is an extra copy of a stretch (not its first), the stretch's bounds; `nil` for other
  /// positions.
  private static func stretches(_ run: UnsafeBufferPointer<UInt32>) -> [Range<Int>?] {
    var stretches = [Range<Int>?](repeating: nil, count: run.count)
    var start = 0
    while start < run.count {
      var end = start + 1
      while end < run.count && run[end] == run[start] { end += 1 }
      if end - start >= minimumRun && isStretchable(run[start]) {
        for index in (start + 1)..<end { stretches[index] = start..<end }
      }
      start = end
    }
    return stretches
  }

  /// The scalars with each stretch cut to one copy.
  static func collapsingStretches(_ run: UnsafeBufferPointer<UInt32>) -> [UInt32] {
    let stretches = stretches(run)
    return run.indices.filter { stretches[$0] == nil }.map { run[$0] }
  }

  private struct State {
    var unknown = Int.max
    var pieces = Int.max
    var skipped = Int.max
    var previous = 0
    var known = false
    /// The trie node of the known piece ending here, when it left copies out; −1 otherwise.
    var word: Int32 = -1

    func isWorse(than other: (unknown: Int, pieces: Int, skipped: Int)) -> Bool {
      (other.unknown, other.skipped, other.pieces) < (unknown, skipped, pieces)
    }
  }

  /// The cheapest cut of a run with stretched letters read (see the type's documentation), in text order;
  /// neighbouring unknown pieces merged, as ``LaoSegmenter/forEachCut(_:_:)`` does.
  ///
  /// - Complexity: O(n × L) for n scalars and L the longest dictionary word (a stretch is crossed in one step).
  static func pieces(of run: UnsafeBufferPointer<UInt32>, trie: some LaoTrieWalking) -> [LaoPiece] {
    let count = run.count
    guard count > 0 else { return [] }
    let stretch = stretches(run)
    var states = [State](repeating: State(), count: count + 1)
    states[0] = State(unknown: 0, pieces: 0, skipped: 0)
    func relax(from start: Int, to end: Int, unknown: Int, skipped: Int, known: Bool, word: Int32) {
      let base = states[start]
      let candidate = (unknown: base.unknown + unknown, pieces: base.pieces + 1, skipped: base.skipped + skipped)
      guard states[end].isWorse(than: candidate) else { return }
      states[end] = State(
        unknown: candidate.unknown, pieces: candidate.pieces, skipped: candidate.skipped, previous: start,
        known: known, word: skipped > 0 ? word : -1)
    }
    // A walk through the trie: the node reached, the next position, the copies left out so far.
    var walks: [(node: Int32, position: Int, skipped: Int)] = []
    for start in 0..<count
    where states[start].unknown != Int.max && (start == 0 || canEnd(run, before: start)) {
      walks.append((0, start, 0))
      while let (node, position, skipped) = walks.popLast() {
        guard position < count else { continue }
        // Only a word that took the stretch's first copy leaves copies out: the extra copies of a letter that
        // ends a word and begins the next go to the first ("ແບບບບບໍ່" = "ແບບ" stretched + "ບໍ່").
        if let bounds = stretch[position], bounds.lowerBound >= start {
          let end = bounds.upperBound
          // Leave out this copy and the rest of the run; the word may also end before the run's last one or
          // two copies, which then begin the next word.
          if trie.isWordEnd(node) {
            for stop in max(position + 1, end - 2)...end where canEnd(run, before: stop) {
              relax(from: start, to: stop, unknown: 0, skipped: skipped + stop - position, known: true, word: node)
            }
          }
          walks.append((node, end, skipped + end - position))
        }
        if let child = trie.child(of: node, along: run[position]) {
          if trie.isWordEnd(child) && canEnd(run, before: position + 1) {
            relax(from: start, to: position + 1, unknown: 0, skipped: skipped, known: true, word: child)
          }
          walks.append((child, position + 1, skipped))
        }
      }
      // One unknown syllable-ish step: the scalar plus the marks that belong to it.
      var end = start + 1
      while end < count && !canEnd(run, before: end) { end += 1 }
      relax(from: start, to: end, unknown: end - start, skipped: 0, known: false, word: -1)
    }
    // Walk back, merging neighbouring unknown pieces.
    var cuts: [(cut: SegmentCut, word: Int32)] = []
    var end = count
    while end > 0 {
      let state = states[end]
      if let last = cuts.last, !last.cut.known, !state.known {
        cuts[cuts.count - 1].cut.start = state.previous
      } else {
        cuts.append((SegmentCut(start: state.previous, end: end, known: state.known), state.word))
      }
      end = state.previous
    }
    return cuts.reversed().map { cut, word in
      if word >= 0 { return LaoPiece(cut: cut, reading: trie.scalars(to: word)) }
      let piece = UnsafeBufferPointer(rebasing: run[cut.start..<cut.end])
      return LaoPiece(cut: cut, reading: !cut.known && hasStretch(piece) ? collapsingStretches(piece) : nil)
    }
  }

  @inline(__always)
  private static func canEnd(_ run: UnsafeBufferPointer<UInt32>, before index: Int) -> Bool {
    LaoScript.allowsBreak(run, before: index)
  }
}
