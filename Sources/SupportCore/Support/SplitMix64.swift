/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded random number generator that draws the same
/// numbers on every platform, for sample data, benchmarks, shuffles and property tests.
///
/// Not for secrets: use the system generator for tokens and keys.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator.
  /// - Parameter seed: The seed; the same seed gives the same sequence.
  package init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

extension SplitMix64 {
  /// A uniformly distributed number in `0..<1` with 53 random bits.
  package mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
  /// `true` with the given probability.
  /// - Parameter probability: A probability in `0...1`.
  package mutating func chance(_ probability: Double) -> Bool { unit() < probability }
  /// A number in `0..<bound`.
  /// - Parameter bound: A positive bound.
  package mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
