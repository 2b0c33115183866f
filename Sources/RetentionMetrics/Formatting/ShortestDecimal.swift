import Foundation

/// The shortest decimal that reads back as the same `Double`: digits and a power of ten, found with the Ryū
/// algorithm (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI 2018) in 64×128-bit integer arithmetic.
///
/// Among the shortest candidates it picks the one closest to the exact binary value (ties to an even last
/// digit), as Swift's own `description` does, so the text written by ``write(_:into:)`` is byte for byte
/// `value.description` — without going through `String`.
struct ShortestDecimal: Equatable {
  /// The significant digits, without trailing zeros beyond what the value needs.
  var digits: UInt64
  /// The value is `digits × 10^exponent`.
  var exponent: Int

  /// The shortest decimal of a finite, positive value.
  /// - Precondition: `value` is finite and > 0.
  init(_ value: Double) {
    assert(value.isFinite && value > 0, "ShortestDecimal needs a finite positive value")
    let mantissaBits = 52
    let bits = value.bitPattern
    let ieeeMantissa = bits & ((1 << 52) - 1)
    let ieeeExponent = Int((bits >> 52) & 0x7FF)
    let e2: Int
    let m2: UInt64
    if ieeeExponent == 0 {
      e2 = 1 - 1023 - mantissaBits - 2
      m2 = ieeeMantissa
    } else {
      e2 = ieeeExponent - 1023 - mantissaBits - 2
      m2 = (1 << 52) | ieeeMantissa
    }
    let acceptBounds = m2 & 1 == 0
    let mv = 4 &* m2
    let mmShift: UInt64 = (m2 != 1 << 52 || ieeeExponent <= 1) ? 1 : 0
    var vr: UInt64
    var vp: UInt64
    var vm: UInt64
    let e10: Int
    var vmIsTrailingZeros = false
    var vrIsTrailingZeros = false
    let table = PowerOfFiveTable.shared
    if e2 >= 0 {
      let q = max(0, ((e2 &* 78_913) >> 18) - 1)
      e10 = q
      let k = PowerOfFiveTable.inverseBitCount + Self.powerOfFiveBits(q) - 1
      let shift = -e2 + q + k
      let multiplier = table.inverses[q]
      vr = Self.multiplyShift(mv, multiplier, shift)
      vp = Self.multiplyShift(mv &+ 2, multiplier, shift)
      vm = Self.multiplyShift(mv &- 1 &- mmShift, multiplier, shift)
      if q <= 21 {
        // Only one of mp, mv and mm can be a multiple of 5, if any.
        if mv % 5 == 0 {
          vrIsTrailingZeros = Self.isMultiple(mv, ofPowerOfFive: q)
        } else if acceptBounds {
          vmIsTrailingZeros = Self.isMultiple(mv &- 1 &- mmShift, ofPowerOfFive: q)
        } else if Self.isMultiple(mv &+ 2, ofPowerOfFive: q) {
          vp -= 1
        }
      }
    } else {
      let q = max(0, ((-e2 &* 732_923) >> 20) - 1)
      e10 = q + e2
      let i = -e2 - q
      let k = Self.powerOfFiveBits(i) - PowerOfFiveTable.bitCount
      let shift = q - k
      let multiplier = table.powers[i]
      vr = Self.multiplyShift(mv, multiplier, shift)
      vp = Self.multiplyShift(mv &+ 2, multiplier, shift)
      vm = Self.multiplyShift(mv &- 1 &- mmShift, multiplier, shift)
      if q <= 1 {
        // mv has at least q trailing zero bits: 4·m2 always has two.
        vrIsTrailingZeros = true
        if acceptBounds {
          vmIsTrailingZeros = mmShift == 1
        } else {
          vp -= 1
        }
      } else if q < 63 {
        vrIsTrailingZeros = mv & ((1 << UInt64(q)) - 1) == 0
      }
    }

    var removed = 0
    var lastRemovedDigit: UInt64 = 0
    /// Drops the last digit of the three bounds, remembering the one dropped from vr.
    func removeDigit() {
      lastRemovedDigit = vr % 10
      vr /= 10
      vp /= 10
      vm /= 10
      removed += 1
    }
    let output: UInt64
    if vmIsTrailingZeros || vrIsTrailingZeros {
      // The rare general case (< 1%).
      while vp / 10 > vm / 10 {
        vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
        vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
        removeDigit()
      }
      if vmIsTrailingZeros {
        while vm % 10 == 0 {
          vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
          removeDigit()
        }
      }
      if vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0 {
        // Exactly halfway: round to even.
        lastRemovedDigit = 4
      }
      let outside = vr == vm && (!acceptBounds || !vmIsTrailingZeros)
      output = vr + (outside || lastRemovedDigit >= 5 ? 1 : 0)
    } else {
      while vp / 10 > vm / 10 { removeDigit() }
      output = vr + (vr == vm || lastRemovedDigit >= 5 ? 1 : 0)
    }
    digits = output
    exponent = e10 + removed
  }

  /// ⌈log₂ 5^e⌉ (1 for e = 0): the bit length of 5^e, for 0 ≤ e ≤ 3528.
  static func powerOfFiveBits(_ e: Int) -> Int { ((e &* 1_217_359) >> 19) + 1 }

  static func isMultiple(_ value: UInt64, ofPowerOfFive power: Int) -> Bool {
    var value = value
    var count = 0
    while value > 0 && value % 5 == 0 {
      value /= 5
      count += 1
    }
    return count >= power
  }

  /// ⌊(m × multiplier) / 2^shift⌋ for m < 2⁵⁵, a multiplier < 2¹²⁵ and 64 < shift < 128.
  @inline(__always)
  static func multiplyShift(_ m: UInt64, _ multiplier: (low: UInt64, high: UInt64), _ shift: Int) -> UInt64 {
    assert(shift > 64 && shift < 128, "shift out of range")
    let low = m.multipliedFullWidth(by: multiplier.low)
    let high = m.multipliedFullWidth(by: multiplier.high)
    let (middle, carry) = low.high.addingReportingOverflow(high.low)
    let top = high.high &+ (carry ? 1 : 0)
    let distance = UInt64(shift - 64)
    return (top &<< (64 &- distance)) | (middle &>> distance)
  }

  /// The number of decimal digits of `value` (1 for 0).
  static func digitCount(_ value: UInt64) -> Int {
    var count = 1
    var threshold: UInt64 = 10
    while count < 20 && value >= threshold {
      count += 1
      if threshold > UInt64.max / 10 { break }
      threshold *= 10
    }
    return count
  }
}
