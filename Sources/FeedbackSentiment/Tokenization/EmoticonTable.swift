/// Byte-wise matching of the ASCII emoticons of ``EmojiValences/emoticons`` at a position of a text.
enum EmoticonTable {
  /// The emoticons' bytes, by length (index 0 holds the two-byte ones, 1 three, 2 four).
  private static let byLength: [[[UInt8]]] = {
    var lists: [[[UInt8]]] = [[], [], []]
    for emoticon in EmojiValences.emoticons.keys.sorted() {
      let bytes = Array(emoticon.utf8)
      if (2...4).contains(bytes.count) { lists[bytes.count - 2].append(bytes) }
    }
    return lists
  }()

  /// The length of the longest emoticon that starts at `index` and is not followed by a letter or digit, if
  /// any: `:` `;` `=` `<` `>` `^` `-` start one anywhere, `x` `X` `D` `T` only when no lowercase letter follows.
  @inline(__always)
  static func match(_ bytes: TextBytes, at index: Int) -> Int? {
    let first = bytes[index]
    switch first {
    case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "^"), UInt8(ascii: "-"):
      break
    case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "D"), UInt8(ascii: "T"):
      guard index + 1 < bytes.count, !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1]) else {
        return nil
      }
    default: return nil
    }
    return longestMatch(bytes, at: index)
  }

  @inline(never)
  private static func longestMatch(_ bytes: TextBytes, at index: Int) -> Int? {
    for length in stride(from: min(4, bytes.count - index), through: 2, by: -1) {
      var printable = true
      for offset in 0..<length where !(bytes[index + offset] > 0x20 && bytes[index + offset] < 0x7F) {
        printable = false
        break
      }
      guard printable else { continue }
      var known = false
      for candidate in byLength[length - 2] where candidate.count == length {
        var same = true
        for offset in 0..<length where candidate[offset] != bytes[index + offset] {
          same = false
          break
        }
        if same {
          known = true
          break
        }
      }
      guard known else { continue }
      let end = index + length
      if end < bytes.count {
        let next = bytes[end]
        let isAlphanumeric =
          (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9"))
          || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
        if isAlphanumeric { continue }
      }
      return length
    }
    return nil
  }
}
