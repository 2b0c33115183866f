import Foundation

/// Splits feedback into words, emoji, emoticons and punctuation in one pass over its UTF-8 bytes.
///
/// Lao runs (which have no spaces between words) go through a ``LaoSegmenter``. Control characters and
/// unassigned scalars separate tokens and are otherwise ignored.
struct FeedbackTokenizer: Sendable {
  var segmenter: LaoSegmenter
  /// Punctuation runs longer than this are cut (the counts of `!` and `?` still see every mark).
  static let maximumPunctuationLength = 8
  /// Words longer than this many bytes are cut, which bounds lookups on pathological input.
  static let maximumWordBytes = 256

  func tokenize(_ text: String) -> TokenizedText {
    var text = text
    return text.withUTF8 { tokenize(bytes: $0) }
  }

  private enum ScalarClass {
    case separator, asciiLetter, digit, otherLetter, lao, emoji, ignorable, apostrophe, punctuation
  }

  @inline(__always)
  private static func classify(_ value: UInt32) -> ScalarClass {
    if value < 0x80 {
      switch value {
      case 0x41...0x5A, 0x61...0x7A: return .asciiLetter
      case 0x30...0x39: return .digit
      case 0x27: return .apostrophe
      case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
      default: return .separator
      }
    }
    if value >= 0x0E80 && value <= 0x0EFF { return .lao }
    return classifyNonASCII(value)
  }

  @inline(never)
  private static func classifyNonASCII(_ value: UInt32) -> ScalarClass {
    switch value {
    case 0x2019: return .apostrophe
    case 0x0E80...0x0EFF: return .lao
    case 0xFE00...0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0000...0xE007F: return .ignorable
    case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x2300...0x23FF: return .emoji
    case 0x2000...0x206F, 0x3000...0x303F, 0xA0, 0xA1...0xBF, 0xD7, 0xF7:
      return value == 0xA0 || value <= 0x200B || value == 0x3000 ? .separator : .punctuation
    default:
      guard let scalar = Unicode.Scalar(value) else { return .separator }
      let properties = scalar.properties
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .spacingMark
      {
        return .otherLetter
      }
      if properties.generalCategory == .decimalNumber { return .digit }
      if properties.isEmojiPresentation { return .emoji }
      switch properties.generalCategory {
      case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate,
        .privateUse:
        return .separator
      default: return .punctuation
      }
    }
  }

  @inline(__always)
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    guard index + length <= bytes.count else { return (0xFFFD, bytes.count - index) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
    return (value, length)
  }

  private func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> TokenizedText {
    var result = TokenizedText()
    result.tokens.reserveCapacity(bytes.count / 5 + 1)
    var index = 0
    let count = bytes.count
    var previousWasWordChar = false
    // Scratch for one lowercased word: a word never holds more bytes than the text.
    let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
    defer { scratch.deallocate() }
    while index < count {
      let (value, length) = Self.decode(bytes, at: index)
      let scalarClass = Self.classify(value)
      if !previousWasWordChar, value < 0x80, let (emoticon, emoticonLength) = matchEmoticon(bytes, at: index) {
        result.tokens.append(FeedbackToken(kind: .emoticon, text: emoticon))
        index += emoticonLength
        previousWasWordChar = false
        continue
      }
      switch scalarClass {
      case .separator, .ignorable:
        index += length
        previousWasWordChar = false
      case .asciiLetter, .digit, .otherLetter:
        index = readWord(bytes, from: index, scratch: scratch, into: &result)
        previousWasWordChar = true
      case .apostrophe:
        index += length
        previousWasWordChar = false
      case .lao:
        index = readLao(bytes, from: index, into: &result)
        previousWasWordChar = false
      case .emoji:
        let scalar = Unicode.Scalar(value).map { String($0) } ?? ""
        result.tokens.append(FeedbackToken(kind: .emoji, text: scalar))
        index += length
        previousWasWordChar = false
      case .punctuation:
        index = readPunctuation(bytes, from: index, into: &result)
        previousWasWordChar = false
      }
    }
    return result
  }

  private func readWord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, scratch: UnsafeMutableBufferPointer<UInt8>,
    into result: inout TokenizedText
  ) -> Int {
    var index = start
    var hasUpper = false
    var hasLower = false
    var letters = 0
    var isASCII = true
    var longestRun = 0
    var run = 0
    var previousLetter: UInt32 = 0
    var written = 0
    while index < bytes.count {
      let (value, length) = Self.decode(bytes, at: index)
      var scalarClass = Self.classify(value)
      if scalarClass == .apostrophe || (value == 0x2D && written > 0) {
        // An apostrophe or hyphen inside a word ("hasn't", "baik-baik") belongs to it.
        let nextIndex = index + length
        guard nextIndex < bytes.count else { break }
        let next = Self.classify(Self.decode(bytes, at: nextIndex).value)
        guard next == .asciiLetter || next == .otherLetter else { break }
        scratch[written] = value == 0x2D ? 0x2D : 0x27
        written += 1
        index = nextIndex
        continue
      }
      if scalarClass == .lao { scalarClass = .punctuation }
      guard scalarClass == .asciiLetter || scalarClass == .digit || scalarClass == .otherLetter else { break }
      if scalarClass == .asciiLetter {
        var byte = UInt8(value)
        if byte < 0x61 {
          hasUpper = true
          byte += 0x20
        } else {
          hasLower = true
        }
        letters += 1
        let lowered = UInt32(byte)
        run = lowered == previousLetter ? run + 1 : 1
        previousLetter = lowered
        longestRun = max(longestRun, run)
        if written < Self.maximumWordBytes {
          scratch[written] = byte
          written += 1
        }
      } else {
        if scalarClass == .otherLetter {
          isASCII = false
          letters += 1
          if let scalar = Unicode.Scalar(value) {
            if scalar.properties.isUppercase { hasUpper = true }
            if scalar.properties.isLowercase { hasLower = true }
          }
        }
        run = 0
        previousLetter = 0
        if written + length <= Self.maximumWordBytes {
          for offset in 0..<length { scratch[written + offset] = bytes[index + offset] }
          written += length
        }
      }
      index += length
    }
    var text = String(decoding: UnsafeBufferPointer(rebasing: scratch[..<written]), as: UTF8.self)
    if isASCII {
      result.latinLetters += letters
    } else {
      text = text.lowercased()
      if text.unicodeScalars.contains(where: { $0.value >= 0x41 && $0.value < 0x250 }) {
        result.latinLetters += letters
      } else {
        result.otherLetters += letters
      }
    }
    var token = FeedbackToken(kind: .word, text: text)
    token.isASCII = isASCII
    token.isAllCaps = hasUpper && !hasLower && letters >= 2
    token.isElongated = longestRun >= 3
    result.tokens.append(token)
    return max(index, start + 1)
  }

  private func readLao(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into result: inout TokenizedText) -> Int {
    // Lao scalars are three UTF-8 bytes each (E0 BA xx / E0 BB xx).
    var end = start
    while end + 2 < bytes.count, bytes[end] == 0xE0, bytes[end + 1] == 0xBA || bytes[end + 1] == 0xBB {
      end += 3
    }
    let scalarCount = (end - start) / 3
    guard scalarCount > 0 else { return start + 1 }
    result.laoLetters += scalarCount
    let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<end])
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scalarCount) { values in
      for offset in 0..<scalarCount {
        let index = start + offset * 3
        values[offset] = (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
      }
      // Each piece becomes a token straight from the run's bytes (no intermediate array of words).
      segmenter.forEachCut(UnsafeBufferPointer(values)) { cut in
        let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[(cut.start * 3)..<(cut.end * 3)]), as: UTF8.self)
        var token = FeedbackToken(kind: .word, text: word)
        token.isLao = true
        token.isASCII = false
        result.tokens.append(token)
      }
    }
    return end
  }

  private func readPunctuation(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into result: inout TokenizedText
  ) -> Int {
    var index = start
    var keptEnd = start
    var kept = 0
    while index < bytes.count {
      let (value, length) = Self.decode(bytes, at: index)
      guard Self.classify(value) == .punctuation, Unicode.Scalar(value) != nil else { break }
      if value == 0x21 { result.exclamationMarks += 1 }
      if value == 0x3F { result.questionMarks += 1 }
      index += length
      if kept < Self.maximumPunctuationLength {
        keptEnd = index
        kept += 1
      }
      // An emoticon may start right after punctuation ("great!:)").
      if index < bytes.count, bytes[index] < 0x80, matchEmoticon(bytes, at: index) != nil { break }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<keptEnd]), as: UTF8.self)
    result.tokens.append(FeedbackToken(kind: .punctuation, text: text))
    return max(index, start + 1)
  }

  private func matchEmoticon(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
    let first = bytes[index]
    switch first {
    case 0x3A, 0x3B, 0x3D, 0x3C, 0x3E, 0x5E, 0x2D: break  // : ; = < > ^ -
    case 0x78, 0x58, 0x44, 0x54:  // x X D T: only when not followed by a lowercase letter
      guard index + 1 < bytes.count, !(0x61...0x7A).contains(bytes[index + 1]) else { return nil }
    default: return nil
    }
    for length in stride(from: min(4, bytes.count - index), through: 2, by: -1) {
      let span = UnsafeBufferPointer(rebasing: bytes[index..<index + length])
      guard span.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { continue }
      let text = String(decoding: span, as: UTF8.self)
      guard EmojiValences.emoticons[text] != nil else { continue }
      let end = index + length
      if end < bytes.count {
        let next = bytes[end]
        let isAlphanumeric = (next >= 0x30 && next <= 0x39) || (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A)
        if isAlphanumeric { continue }
      }
      return (text, length)
    }
    return nil
  }
}
