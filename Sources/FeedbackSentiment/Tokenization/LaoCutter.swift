/// ``LaoSegmenter``'s cheapest-cut search in frozen form for the tokenizer: the dictionary as a double-array
/// trie over the 128 scalars of the Lao block (a child is `base[node] + label`, valid when `check` names the
/// node), syllable boundaries from a table, and the search state in scratch memory lent once per text.
///
/// It cuts every run exactly as ``LaoSegmenter/forEachCut(_:_:)`` does (fewest unknown scalars, then fewest
/// pieces, ties to the first candidate found; neighbouring unknown pieces merged); debug builds check that on
/// one run in eight. A run with a letter three or more times in a row goes through ``LaoElongation`` over this
/// trie instead (``stretchedPieces(_:)``), checked against ``LaoSegmenter/pieces(_:)`` on every such run.
final class LaoCutter: Sendable {
  struct Node {
    var base: Int32
    var check: Int32
  }

  /// Per scalar label: bit 0 a dependent vowel or tone mark (cannot begin a word), bit 1 a leading vowel
  /// (cannot end one).
  private let marks: FrozenList<UInt8>
  private let nodes: FrozenList<Node>
  private let wordEnds: FrozenList<Bool>
  private let storage = FrozenStorage()
  /// The segmenter it was built from, for the debug-build cross-check.
  private let reference: LaoSegmenter

  private static let free: Int32 = -2
  /// Every base leaves this many slots after it, so `base + label` never needs a bounds check.
  private static let alphabet = 128

  init(_ segmenter: LaoSegmenter) {
    reference = segmenter
    var flags = [UInt8](repeating: 0, count: Self.alphabet)
    for label in 0..<Self.alphabet {
      let value = UInt32(0x0E80 + label)
      flags[label] = (LaoScript.isDependent(value) ? 1 : 0) | (LaoScript.isLeadingVowel(value) ? 2 : 0)
    }
    marks = storage.freeze(flags)
    let (edges, ends) = segmenter.trie
    var children = [[(label: Int, child: Int32)]](repeating: [], count: ends.count)
    for (key, child) in edges {
      let label = Int(key & 0x1F_FFFF) - 0x0E80
      guard (0..<Self.alphabet).contains(label) else { continue }
      children[Int(key >> 21)].append((label, child))
    }
    var base = [Int32](repeating: 0, count: Self.alphabet + 1)
    var check = [Int32](repeating: Self.free, count: Self.alphabet + 1)
    var slotEnds = [Bool](repeating: false, count: Self.alphabet + 1)
    var freeSlots = FreeSlots(count: Self.alphabet + 1)
    check[0] = -1
    freeSlots.occupy(0)
    var queue: [(node: Int32, slot: Int)] = [(0, 0)]
    var head = 0
    while head < queue.count {
      let (node, slot) = queue[head]
      head += 1
      slotEnds[slot] = ends[Int(node)]
      let labels = children[Int(node)].sorted { $0.label < $1.label }
      guard let lowest = labels.first?.label else { continue }
      // The lowest base from `max(1, firstFree - lowest)` on whose every label's slot is free (the classic
      // first fit), found by jumping from free slot to free slot for the lowest label: the bundled tokenizer is
      // built on first use in every process, debug builds included, and trying each base in turn made that
      // build quadratic in the trie's size.
      let others = labels.dropFirst().map(\.label)
      var lowestSlot = freeSlots.first(atOrAfter: max(1 + lowest, freeSlots.first(atOrAfter: 1)))
      while true {
        let candidate = lowestSlot - lowest
        let needed = candidate + Self.alphabet + 1
        if needed > check.count {
          let extra = needed - check.count
          base += [Int32](repeating: 0, count: extra)
          check += [Int32](repeating: Self.free, count: extra)
          slotEnds += [Bool](repeating: false, count: extra)
          freeSlots.grow(to: check.count)
        }
        if Self.allFree(others, at: candidate, in: check) { break }
        lowestSlot = freeSlots.first(atOrAfter: lowestSlot + 1)
      }
      let candidate = lowestSlot - lowest
      base[slot] = Int32(candidate)
      for (label, child) in labels {
        check[candidate + label] = Int32(slot)
        freeSlots.occupy(candidate + label)
        queue.append((child, candidate + label))
      }
    }
    nodes = storage.freeze(zip(base, check).map { Node(base: $0.0, check: $0.1) })
    wordEnds = storage.freeze(slotEnds)
  }

  /// The free slots of the double array under construction: each slot points at the first free slot at or after
  /// it (union–find with path halving), so a search skips runs of taken slots in near-constant time. Slots past
  /// the end are free.
  private struct FreeSlots {
    private var next: [Int]

    init(count: Int) { next = Array(0...count) }

    mutating func grow(to count: Int) {
      guard count + 1 > next.count else { return }
      next += Array(next.count...count)
    }

    mutating func occupy(_ slot: Int) {
      if slot + 1 >= next.count { grow(to: slot + 1) }
      next[slot] = slot + 1
    }

    /// The first free slot at or after `slot` (may be the count, i.e. past the end).
    mutating func first(atOrAfter slot: Int) -> Int {
      if slot >= next.count - 1 { return slot }
      var current = slot
      while next[current] != current {
        let parent = next[current]
        next[current] = next[parent]
        current = parent
      }
      return current
    }
  }

  /// Whether `check` has a free slot at `base + label` for every label.
  private static func allFree(_ labels: [Int], at base: Int, in check: [Int32]) -> Bool {
    var index = 0
    while index < labels.count {
      if check[base + labels[index]] != free { return false }
      index += 1
    }
    return true
  }

  /// Scratch for cutting the runs of one text: labels, search state, boundaries and cuts, for runs of up to
  /// `capacity` scalars.
  struct Scratch {
    var labels: ScratchList<UInt8>
    var states: ScratchList<State>
    var cuts: ScratchList<SegmentCut>
  }

  struct State {
    var unknown: Int32
    var pieces: Int32
    var previous: Int32
    var known: Bool
  }

  /// Lends scratch for runs of up to `capacity` scalars.
  static func withScratch<R>(capacity: Int, _ body: (inout Scratch) throws -> R) rethrows -> R {
    try ScratchList<UInt8>.with(capacity: capacity) { labels in
      try ScratchList<State>.with(capacity: capacity + 1) { states in
        try ScratchList<SegmentCut>.with(capacity: capacity) { cuts in
          var scratch = Scratch(labels: labels, states: states, cuts: cuts)
          return try body(&scratch)
        }
      }
    }
  }

  /// Whether a word boundary may fall before label `index` of the run.
  @inline(__always)
  private func canEnd(_ labels: ScratchList<UInt8>, before index: Int) -> Bool {
    if index >= labels.count { return true }
    if marks[Int(labels[index])] & 1 != 0 { return false }
    return index == 0 || marks[Int(labels[index - 1])] & 2 == 0
  }

  /// Calls `body` with each piece of the cheapest cut of the run whose labels (scalar − U+0E80) are in
  /// `scratch.labels`, in text order.
  func forEachCut(_ scratch: inout Scratch, _ body: (SegmentCut) -> Void) {
    let labels = scratch.labels
    let count = labels.count
    guard count > 0 else { return }
    scratch.states.truncate(to: 0)
    scratch.states.append(State(unknown: 0, pieces: 0, previous: 0, known: false))
    for _ in 0..<count {
      scratch.states.append(State(unknown: Int32.max, pieces: Int32.max, previous: 0, known: false))
    }
    let states = scratch.states
    @inline(__always)
    func relax(from start: Int, to end: Int, unknown: Int, isKnown: Bool) {
      let newUnknown = states[start].unknown + Int32(unknown)
      let newPieces = states[start].pieces + 1
      if newUnknown < states[end].unknown || (newUnknown == states[end].unknown && newPieces < states[end].pieces) {
        states[end] = State(unknown: newUnknown, pieces: newPieces, previous: Int32(start), known: isKnown)
      }
    }
    for start in 0..<count where states[start].unknown != Int32.max && (start == 0 || canEnd(labels, before: start)) {
      var node = 0
      var position = start
      while position < count {
        let next = Int(nodes[node].base) + Int(labels[position])
        guard nodes[next].check == Int32(node) else { break }
        node = next
        position += 1
        if wordEnds[node] && canEnd(labels, before: position) {
          relax(from: start, to: position, unknown: 0, isKnown: true)
        }
      }
      // One unknown syllable-ish step: the scalar plus the marks that belong to it.
      var end = start + 1
      while end < count && !canEnd(labels, before: end) { end += 1 }
      relax(from: start, to: end, unknown: end - start, isKnown: false)
    }
    // Walk back, merging neighbouring unknown pieces.
    scratch.cuts.truncate(to: 0)
    var end = count
    while end > 0 {
      let start = Int(states[end].previous)
      let found = scratch.cuts.count
      if found > 0, !scratch.cuts[found - 1].known, !states[end].known {
        scratch.cuts[found - 1] = SegmentCut(start: start, end: scratch.cuts[found - 1].end, known: false)
      } else {
        scratch.cuts.append(SegmentCut(start: start, end: end, known: states[end].known))
      }
      end = start
    }
    // Debug builds compare with the segmenter's own search on one run in eight (chosen by content, so every
    // test run checks the same runs).
    assert(Self.labelSum(labels) % 8 != 0 || matchesReference(scratch), "LaoCutter and LaoSegmenter disagree")
    for index in stride(from: scratch.cuts.count - 1, through: 0, by: -1) { body(scratch.cuts[index]) }
  }

  private static func labelSum(_ labels: ScratchList<UInt8>) -> Int {
    var sum = 0
    for index in 0..<labels.count { sum &+= Int(labels[index]) }
    return sum
  }

  /// Debug builds: the segmenter's own search gives the same pieces.
  private func matchesReference(_ scratch: Scratch) -> Bool {
    let expected = reference.cuts(Self.scalars(of: scratch))
    let actual = (0..<scratch.cuts.count).reversed().map { scratch.cuts[$0] }
    return expected == actual
  }

  /// The Lao scalars of the run whose labels are in `scratch.labels`.
  private static func scalars(of scratch: Scratch) -> [UInt32] {
    (0..<scratch.labels.count).map { UInt32(0x0E80) + UInt32(scratch.labels[$0]) }
  }
}

extension LaoCutter: LaoTrieWalking {
  func child(of node: Int32, along value: UInt32) -> Int32? {
    let label = Int(value) &- 0x0E80
    guard label >= 0 && label < Self.alphabet else { return nil }
    let next = Int(nodes[Int(node)].base) + label
    return nodes[next].check == node ? Int32(next) : nil
  }

  func isWordEnd(_ node: Int32) -> Bool { wordEnds[Int(node)] }

  func scalars(to node: Int32) -> [UInt32] {
    var scalars: [UInt32] = []
    var current = Int(node)
    while current != 0 {
      let parent = Int(nodes[current].check)
      scalars.append(UInt32(0x0E80 + current - Int(nodes[parent].base)))
      current = parent
    }
    return scalars.reversed()
  }

  /// The pieces of the run whose labels are in `scratch.labels` with stretched letters read as their dictionary
  /// words (``LaoElongation``), for a run that holds a letter three or more times in a row (the rare path: runs
  /// without one go through ``forEachCut(_:_:)``). Debug builds compare every such run with the segmenter's.
  func stretchedPieces(_ scratch: Scratch) -> [LaoPiece] {
    let values = Self.scalars(of: scratch)
    let pieces = values.withUnsafeBufferPointer { LaoElongation.pieces(of: $0, trie: self) }
    assert(matchesReference(pieces, values), "LaoCutter and LaoSegmenter disagree on a stretched run")
    return pieces
  }

  /// Debug builds: the segmenter reads the stretched run into the same pieces and words.
  private func matchesReference(_ pieces: [LaoPiece], _ values: [UInt32]) -> Bool {
    values.withUnsafeBufferPointer { reference.pieces($0) } == pieces
  }
}
