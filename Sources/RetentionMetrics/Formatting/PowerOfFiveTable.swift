import Foundation

/// The 128-bit powers of five the shortest-decimal algorithm multiplies by, computed once on first use with exact
/// integer arithmetic (no table is copied into the source).
///
/// - `multiplier(forPowerOfFive: i)` is ⌊5ⁱ / 2^(bits(5ⁱ) − 125)⌋: the top 125 bits of 5ⁱ;
/// - `inverse(forPowerOfFive: q)` is ⌊2^(bits(5^q) − 1 + 125) / 5^q⌋ + 1: 125 significant bits of 5^−q, rounded up.
///
/// `bits(x)` is the bit length of x. These are the tables of Ulf Adams' Ryū (PLDI 2018), derived here from their
/// definitions.
struct PowerOfFiveTable: Sendable {
  static let bitCount = 125
  static let inverseBitCount = 125
  /// Enough for every binary exponent of a `Double`.
  static let powerCount = 326
  static let inverseCount = 342

  /// (low, high) 64-bit halves.
  let powers: [(low: UInt64, high: UInt64)]
  let inverses: [(low: UInt64, high: UInt64)]

  static let shared = PowerOfFiveTable()

  private init() {
    var powers: [(low: UInt64, high: UInt64)] = []
    var inverses: [(low: UInt64, high: UInt64)] = []
    powers.reserveCapacity(Self.powerCount)
    inverses.reserveCapacity(Self.inverseCount)
    var power = BigNatural(1)
    for exponent in 0..<max(Self.powerCount, Self.inverseCount) {
      let bits = power.bitLength
      if exponent < Self.powerCount {
        powers.append(power.shiftedRight(by: bits - Self.bitCount).lowWords)
      }
      if exponent < Self.inverseCount {
        // ⌊2^n / 5^q⌋ by dividing 2^n by 5 q times (⌊⌊a/b⌋/c⌋ = ⌊a/(bc)⌋), in steps of 5¹³.
        var quotient = BigNatural.powerOfTwo(bits - 1 + Self.inverseBitCount)
        var remaining = exponent
        while remaining > 0 {
          let step = min(remaining, 13)
          quotient.divide(by: UInt32(pow(5.0, Double(step))))
          remaining -= step
        }
        quotient.addOne()
        inverses.append(quotient.lowWords)
      }
      power.multiply(by: 5)
    }
    self.powers = powers
    self.inverses = inverses
  }
}

/// A small arbitrary-precision natural number (little-endian 32-bit limbs), enough to build the table above.
private struct BigNatural {
  var limbs: [UInt32]

  init(_ value: UInt32) { limbs = [value] }

  static func powerOfTwo(_ exponent: Int) -> BigNatural {
    var number = BigNatural(0)
    number.limbs = [UInt32](repeating: 0, count: exponent / 32 + 1)
    number.limbs[exponent / 32] = 1 << UInt32(exponent % 32)
    return number
  }

  var bitLength: Int {
    guard let index = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
    return index * 32 + (32 - limbs[index].leadingZeroBitCount)
  }

  mutating func multiply(by factor: UInt32) {
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = UInt64(limbs[index]) * UInt64(factor) + carry
      limbs[index] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry > 0 { limbs.append(UInt32(carry)) }
  }

  mutating func divide(by divisor: UInt32) {
    var remainder: UInt64 = 0
    for index in limbs.indices.reversed() {
      let current = (remainder << 32) | UInt64(limbs[index])
      limbs[index] = UInt32(current / UInt64(divisor))
      remainder = current % UInt64(divisor)
    }
  }

  mutating func addOne() {
    for index in limbs.indices {
      limbs[index] &+= 1
      if limbs[index] != 0 { return }
    }
    limbs.append(1)
  }

  /// Shifts right by `count` bits (left when negative).
  func shiftedRight(by count: Int) -> BigNatural {
    if count < 0 {
      var result = BigNatural(0)
      let words = -count / 32
      let bits = UInt32(-count % 32)
      result.limbs = [UInt32](repeating: 0, count: limbs.count + words + 1)
      for (index, limb) in limbs.enumerated() {
        let wide = UInt64(limb) << UInt64(bits)
        result.limbs[index + words] |= UInt32(truncatingIfNeeded: wide)
        result.limbs[index + words + 1] |= UInt32(truncatingIfNeeded: wide >> 32)
      }
      return result
    }
    var result = BigNatural(0)
    let words = count / 32
    let bits = UInt64(count % 32)
    guard words < limbs.count else { return result }
    result.limbs = [UInt32](repeating: 0, count: limbs.count - words)
    for index in result.limbs.indices {
      let low = UInt64(limbs[index + words])
      let high = index + words + 1 < limbs.count ? UInt64(limbs[index + words + 1]) : 0
      result.limbs[index] = UInt32(truncatingIfNeeded: ((high << 32) | low) >> bits)
    }
    return result
  }

  /// The low 128 bits as two 64-bit words.
  var lowWords: (low: UInt64, high: UInt64) {
    func limb(_ index: Int) -> UInt64 { index < limbs.count ? UInt64(limbs[index]) : 0 }
    return (limb(0) | limb(1) << 32, limb(2) | limb(3) << 32)
  }
}
