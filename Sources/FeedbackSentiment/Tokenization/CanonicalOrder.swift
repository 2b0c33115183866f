import Foundation

/// Tells when a token's bytes are certainly in Unicode normal form C, so that a byte-wise lookup finds exactly
/// what a `String` lookup (which compares canonically equivalent text as equal) would find.
///
/// Certain means: only ASCII and Lao scalars, no Lao scalar with a canonical decomposition, and combining marks
/// in canonical order. Anything else takes the `String` path.
enum CanonicalOrder {
  /// For each scalar of the Lao block: its canonical combining class, or `undecided` when it has a canonical
  /// decomposition (so the byte form may not be the normal form).
  private static let laoClasses: [UInt8] = (0x0E80...0x0EFF).map { value -> UInt8 in
    guard let scalar = Unicode.Scalar(UInt32(value)) else { return undecided }
    let text = String(scalar)
    guard text.unicodeScalars.count == 1,
      text.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
    else {
      return undecided
    }
    return UInt8(truncatingIfNeeded: scalar.properties.canonicalCombiningClass.rawValue)
  }
  private static let undecided: UInt8 = 0xFF

  /// Whether the bytes are ASCII and Lao in normal form C (see the type's description).
  static func isCertainlyNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var previousClass: UInt8 = 0
    let classes = laoClasses
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        previousClass = 0
        index += 1
        continue
      }
      guard lead == 0xE0, index + 2 < bytes.count, bytes[index + 1] == 0xBA || bytes[index + 1] == 0xBB else {
        return false
      }
      let offset = Int(bytes[index + 1] == 0xBA ? 0 : 64) + Int(bytes[index + 2] & 0x3F)
      let combiningClass = classes[offset]
      if combiningClass == undecided { return false }
      if combiningClass != 0 && previousClass > combiningClass { return false }
      previousClass = combiningClass
      index += 3
    }
    return true
  }
}
