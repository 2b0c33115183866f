import Foundation

/// Which redaction patterns could possibly match a text, found in one pass over its UTF-8 bytes.
///
/// Running a dozen regular expressions over every message is what made redaction expensive, and almost
/// every message holds no secret at all. Each pattern of ``RedactionPatterns`` has a *trigger*: bytes
/// that any match must contain (a keyword such as `pass` or `token`, a prefix such as `AKIA`, thirteen
/// ASCII digits for a card). Only patterns whose trigger occurs are run; a text with no trigger is
/// returned unchanged without touching a regular expression.
///
/// Case-insensitive keywords are compared with ASCII case folding. A handful of non-ASCII characters
/// fold to ASCII letters under Unicode rules (`ß`, `ſ`, the Kelvin sign, `İ`, Latin ligatures); a text
/// containing any of them is sent through every pattern, so the pre-scan never hides a match.
struct RedactionTriggers: OptionSet, Hashable, Sendable {
  let rawValue: UInt32

  static let privateKey = RedactionTriggers(rawValue: 1 << 0)
  static let awsKey = RedactionTriggers(rawValue: 1 << 1)
  static let github = RedactionTriggers(rawValue: 1 << 2)
  static let gitlab = RedactionTriggers(rawValue: 1 << 3)
  static let slack = RedactionTriggers(rawValue: 1 << 4)
  static let stripe = RedactionTriggers(rawValue: 1 << 5)
  static let google = RedactionTriggers(rawValue: 1 << 6)
  static let jwt = RedactionTriggers(rawValue: 1 << 7)
  static let bearer = RedactionTriggers(rawValue: 1 << 8)
  static let tokenAssignment = RedactionTriggers(rawValue: 1 << 9)
  static let password = RedactionTriggers(rawValue: 1 << 10)
  static let cardDigits = RedactionTriggers(rawValue: 1 << 11)
  /// `://`: credentials in a URL.
  static let urlCredentials = RedactionTriggers(rawValue: 1 << 12)
  /// `mysql`, `mariadb`, `sshpass` or ` -u`: a password glued to `-p`.
  static let shortPasswordFlag = RedactionTriggers(rawValue: 1 << 13)
  /// `aws` or an access key id: a bare secret access key may follow.
  static let awsSecret = RedactionTriggers(rawValue: 1 << 14)
  static let digitalOcean = RedactionTriggers(rawValue: 1 << 15)
  static let skDash = RedactionTriggers(rawValue: 1 << 16)
  static let azure = RedactionTriggers(rawValue: 1 << 17)
  static let all = RedactionTriggers(rawValue: (1 << 18) - 1)

  /// The triggers present in `text`.
  /// - Complexity: O(n) in the text's UTF-8 length, a few byte comparisons per byte.
  static func scan(_ text: String) -> RedactionTriggers {
    // Native and small strings lend their bytes without a copy; others are made contiguous first.
    if let found = text.utf8.withContiguousStorageIfAvailable({ scan(bytes: $0, pairs: pairStarts) }) { return found }
    var copy = text
    return copy.withUTF8 { scan(bytes: $0, pairs: pairStarts) }
  }

  /// One bit per pair of bytes (`first << 8 | second`): set when a trigger can start with those two bytes.
  /// Looking at two bytes instead of one skips almost every common letter without a branch mispredicted.
  private static let pairStarts = PairTable(bits: pairStartBits)

  private static let pairStartBits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1024)
    func add(_ first: UInt8, _ second: UInt8) {
      let pair = Int(first) << 8 | Int(second)
      bits[pair >> 6] |= 1 << UInt64(pair & 63)
    }
    func cases(_ byte: UInt8) -> [UInt8] { (0x61...0x7A).contains(byte | 0x20) ? [byte & ~0x20, byte | 0x20] : [byte] }
    // Case-sensitive prefixes: `-----BEGIN`, `://`, `AKIA`, `ASIA`, `AIza`, `GOCSPX-`, `…Q~…`, `_live_`,
    // `_test_`, `dop_v1_`, `eyJ`, `gh…_`, `github_pat_`, `glpat-`, `sk-`, `sig=`, `xox`.
    for pair in ["--", ":/", "AK", "AS", "AI", "GO", "Q~", "_l", "_t", "_v", "ey", "gh", "gi", "gl", "sk", "si", "xo"] {
      let bytes = Array(pair.utf8)
      add(bytes[0], bytes[1])
    }
    // Case-insensitive keywords: ` -u`, `aws`, `bearer`, `mariadb`, `mysql`, `key`, `kunci`, `token`,
    // `secret`, `sandi`, `sshpass`, `pass`, `pw`, `laluan`.
    for pair in ["-u", "ws", "be", "db", "ql", "ke", "ku", "to", "se", "sa", "ss", "pa", "pw", "la"] {
      let bytes = Array(pair.utf8)
      for first in cases(bytes[0]) { for second in cases(bytes[1]) { add(first, second) } }
    }
    // `ລະຫັດ` and the characters that fold to ASCII letters (see ``unicodeFoldsToASCII(_:at:)``).
    for (first, second): (UInt8, UInt8) in [
      (0xE0, 0xBA), (0xC3, 0x9F), (0xC4, 0xB0), (0xC4, 0xB1), (0xC5, 0xBF), (0xE1, 0xBA), (0xE2, 0x84), (0xEF, 0xAC),
    ] {
      add(first, second)
    }
    return bits
  }()

  private static func scan(bytes: UnsafeBufferPointer<UInt8>, pairs: PairTable) -> RedactionTriggers {
    var found: RedactionTriggers = []
    var digits = 0
    let count = bytes.count
    var index = 0

    /// Whether `word` (ASCII, lower case unless `exactCase`) starts at `index`.
    @inline(__always) func has(_ word: StaticString, exactCase: Bool = false) -> Bool {
      let length = word.utf8CodeUnitCount
      guard index + length <= count else { return false }
      let pointer = word.utf8Start
      for offset in 0..<length {
        var byte = bytes[index + offset]
        if !exactCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
        if byte != pointer[offset] { return false }
      }
      return true
    }

    /// Whether `word` (ASCII, lower case when `ignoringCase`) ends just before `end`.
    @inline(__always) func follows(_ word: StaticString, at end: Int, ignoringCase: Bool = false) -> Bool {
      let length = word.utf8CodeUnitCount
      guard end >= length else { return false }
      let pointer = word.utf8Start
      for offset in 0..<length {
        var byte = bytes[end - length + offset]
        if ignoringCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
        if byte != pointer[offset] { return false }
      }
      return true
    }

    while index < count {
      let byte = bytes[index]
      if byte &- 0x30 < 10 {
        digits += 1
        index += 1
        continue
      }
      // Most bytes start no trigger: one bit for the pair they begin decides.
      let pair = Int(byte) &<< 8 | Int(index + 1 < count ? bytes[index + 1] : 0)
      guard pairs.contains(pair) else {
        index += 1
        continue
      }
      switch byte {
      case 0x2D:  // -
        if has("-----BEGIN", exactCase: true) { found.insert(.privateKey) }
        if has("-u"), index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 {
          found.insert(.shortPasswordFlag)
        }
      case 0x3A:  // :
        if has("://") { found.insert(.urlCredentials) }
      case 0x41:  // A
        if has("AKIA", exactCase: true) || has("ASIA", exactCase: true) { found.formUnion([.awsKey, .awsSecret]) }
        if has("AIza", exactCase: true) { found.insert(.google) }
      case 0x47:  // G
        if has("GOCSPX-", exactCase: true) { found.insert(.google) }
      case 0x51:  // Q
        if has("Q~", exactCase: true) { found.insert(.azure) }
      case 0x5F:  // _
        if has("_live_", exactCase: true) || has("_test_", exactCase: true) { found.insert(.stripe) }
        if has("_v1_", exactCase: true), follows("do", at: index - 1) { found.insert(.digitalOcean) }
      case 0x65:  // e
        if has("eyJ", exactCase: true) { found.insert(.jwt) }
      case 0x67:  // g
        if has("github_pat_", exactCase: true) || (has("gh", exactCase: true) && isGitHubPrefix(bytes, at: index)) {
          found.insert(.github)
        }
        if has("glpat-", exactCase: true) { found.insert(.gitlab) }
      case 0x73:  // s
        if has("sk-", exactCase: true) { found.insert(.skDash) }
        if has("sig=", exactCase: true) { found.insert(.azure) }
      case 0x78:  // x
        if has("xox", exactCase: true) { found.insert(.slack) }
      case 0xC3, 0xC4, 0xC5, 0xE1, 0xE2, 0xEF:
        if unicodeFoldsToASCII(bytes, at: index) { return .all }
      case 0xE0:
        if has("ລະຫັດ", exactCase: true) { found.insert(.password) }
      default:
        break
      }
      switch byte | 0x20 {
      case 0x77:  // w
        if has("ws"), follows("a", at: index, ignoringCase: true) { found.insert(.awsSecret) }
      case 0x62:  // b
        if has("bearer") { found.insert(.bearer) }
      case 0x64:  // d
        if has("db"), follows("maria", at: index, ignoringCase: true) { found.insert(.shortPasswordFlag) }
      case 0x71:  // q
        if has("ql"), follows("mys", at: index, ignoringCase: true) { found.insert(.shortPasswordFlag) }
      case 0x6B:  // k
        if has("key") { found.insert(.tokenAssignment) }
        if has("kunci") { found.insert(.password) }
      case 0x74:  // t
        if has("token") { found.insert(.tokenAssignment) }
      case 0x73:  // s
        if has("secret") { found.formUnion([.tokenAssignment, .awsSecret]) }
        if has("sandi") { found.insert(.password) }
        if has("sshpass") { found.insert(.shortPasswordFlag) }
      case 0x70:  // p
        if has("pass") || has("pw") { found.insert(.password) }
      case 0x6C:  // l
        if has("laluan") { found.insert(.password) }
      default:
        break
      }
      index += 1
    }
    if digits >= 13 { found.insert(.cardDigits) }
    return found
  }

  /// `gh` followed by one of `pousr` and `_`, as in `ghp_…`.
  private static func isGitHubPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 3 < bytes.count, bytes[index + 3] == 0x5F else { return false }
    switch bytes[index + 2] {
    case 0x70, 0x6F, 0x75, 0x73, 0x72: return true
    default: return false
    }
  }

  /// `ß`, `ẞ`, `ſ`, `İ`, the Kelvin sign and the Latin ligatures `ﬀ`…`ﬆ`: characters that a
  /// case-insensitive regular expression may match against ASCII letters.
  private static func unicodeFoldsToASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
    switch bytes[index] {
    case 0xC3: return byte(1) == 0x9F  // ß U+00DF
    case 0xC4: return byte(1) == 0xB0 || byte(1) == 0xB1  // İ U+0130, ı U+0131
    case 0xC5: return byte(1) == 0xBF  // ſ U+017F
    case 0xE1: return byte(1) == 0xBA && byte(2) == 0x9E  // ẞ U+1E9E
    case 0xE2: return byte(1) == 0x84 && (byte(2) == 0xAA || byte(2) == 0xAB)  // K U+212A, Å U+212B
    case 0xEF: return byte(1) == 0xAC && byte(2) <= 0x86  // ﬀ…ﬆ U+FB00–FB06
    default: return false
    }
  }
}

/// The bits of ``RedactionTriggers``' pair table, read without a bounds check or a reference count: the
/// table is built once and lives as long as the process (the pre-scan runs on every identifier and text).
struct PairTable: @unchecked Sendable {
  // Immutable after initialisation; never freed.
  private let words: UnsafePointer<UInt64>

  /// - Parameter bits: 1024 words, one bit per pair of bytes.
  init(bits: [UInt64]) {
    precondition(bits.count == 1024)
    let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: bits.count)
    storage.initialize(from: bits, count: bits.count)
    words = UnsafePointer(storage)
  }

  /// Whether the bit of `pair` (`first << 8 | second`) is set.
  @inline(__always) func contains(_ pair: Int) -> Bool {
    assert(pair >= 0 && pair < 65_536)
    return words[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0
  }
}
