import Foundation

/// A reply cut into words and sentences with their UTF-16 positions, for ``ReplyClarityCheck``.
///
/// Words are runs of letters, digits and marks, with `-`, `_`, `.` and apostrophes kept inside a word
/// (`php-fpm`, `example.com`, `we'll`) and a leading dot kept before a letter (`.htaccess`). Lao runs are cut by
/// a ``LaoSegmenter``.
///
/// A sentence ends at a line break; at `.`, `!`, `?`, `…` or `。` followed by a space or the end (closing quotes
/// and brackets may come between), unless the word before the full stop is a known abbreviation; and at a space
/// between two Lao letters, since Lao writes a space where English ends a clause or a sentence.
struct ClarityText {
  struct Word {
    /// Lowercased, curly apostrophes straightened.
    var folded: String
    /// As written (apostrophes straightened).
    var exact: String
    /// Scalar positions in ``ClarityText/scalars``, end exclusive.
    var scalarStart: Int
    var scalarEnd: Int
  }

  struct Sentence {
    var scalarStart: Int
    var scalarEnd: Int
    var wordCount: Int
  }

  let scalars: [Unicode.Scalar]
  /// The UTF-16 offset of every scalar, plus the total length at the end.
  let utf16Offsets: [Int]
  /// The text's UTF-8 bytes, from which words and excerpts are cut.
  private let utf8: [UInt8]
  /// The UTF-8 offset of every scalar, plus the total length at the end.
  private let utf8Offsets: [Int]
  private(set) var words: [Word] = []
  private(set) var sentences: [Sentence] = []

  /// Cuts a text into words and sentences.
  /// - Complexity: O(*n* × *L*) for *n* scalars and *L* the segmenter's longest word.
  init(_ text: String, segmenter: LaoSegmenter, abbreviations: Set<String> = []) {
    utf8 = Array(text.utf8)
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(utf8.count)
    var utf16Offsets: [Int] = []
    utf16Offsets.reserveCapacity(utf8.count + 1)
    var utf8Offsets: [Int] = []
    utf8Offsets.reserveCapacity(utf8.count + 1)
    var utf16Offset = 0
    var utf8Offset = 0
    for scalar in text.unicodeScalars {
      scalars.append(scalar)
      utf16Offsets.append(utf16Offset)
      utf8Offsets.append(utf8Offset)
      utf16Offset += UTF16.width(scalar)
      utf8Offset += UTF8.width(scalar)
    }
    utf16Offsets.append(utf16Offset)
    utf8Offsets.append(utf8Offset)
    self.scalars = scalars
    self.utf16Offsets = utf16Offsets
    self.utf8Offsets = utf8Offsets
    words = cutWords(segmenter: segmenter)
    sentences = cutSentences(abbreviations: abbreviations)
  }

  /// The UTF-16 location of scalars `start..<end`.
  func location(_ start: Int, _ end: Int) -> ClarityHint.Location {
    ClarityHint.Location(utf16Offset: utf16Offsets[start], utf16Length: utf16Offsets[end] - utf16Offsets[start])
  }

  /// The text of scalars `start..<end`, decoded from the text's UTF-8 bytes (the same scalars, without appending
  /// them one by one).
  func text(_ start: Int, _ end: Int) -> String {
    utf8.withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8Offsets[start]..<utf8Offsets[end]]), as: UTF8.self)
    }
  }

  /// A word as written, curly apostrophes straightened (Foundation's replacement runs only when there is one).
  static func straightened(_ word: String) -> String {
    guard word.unicodeScalars.contains("\u{2019}") else { return word }
    return word.replacingOccurrences(of: "\u{2019}", with: "'")
  }

  static func isLao(_ scalar: Unicode.Scalar) -> Bool { (0x0E80...0x0EFF).contains(scalar.value) }

  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
        || (0x61...0x7A).contains(scalar.value)
    }
    if isLao(scalar) { return false }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .decimalNumber, .nonspacingMark, .spacingMark: return true
    default: return properties.isAlphabetic
    }
  }

  private static func isConnector(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "_" || scalar == "." || scalar == "'" || scalar == "\u{2019}"
  }

  private func cutWords(segmenter: LaoSegmenter) -> [Word] {
    var words: [Word] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if Self.isLao(scalar) {
        var end = index
        while end < scalars.count, Self.isLao(scalars[end]) { end += 1 }
        appendLaoWords(from: index, to: end, segmenter: segmenter, into: &words)
        index = end
        continue
      }
      let startsWithDot =
        scalar == "." && index + 1 < scalars.count && scalars[index + 1].properties.isAlphabetic
        && (index == 0 || !Self.isWordCharacter(scalars[index - 1]))
      guard Self.isWordCharacter(scalar) || startsWithDot else {
        index += 1
        continue
      }
      var end = index + 1
      while end < scalars.count {
        if Self.isWordCharacter(scalars[end]) {
          end += 1
        } else if Self.isConnector(scalars[end]), end + 1 < scalars.count, Self.isWordCharacter(scalars[end + 1]) {
          end += 2
        } else {
          break
        }
      }
      let exact = Self.straightened(text(index, end))
      words.append(Word(folded: exact.lowercased(), exact: exact, scalarStart: index, scalarEnd: end))
      index = end
    }
    return words
  }

  /// Appends the words of the Lao run `start..<end`, as the segmenter cuts it (its pieces partition the run).
  private func appendLaoWords(from start: Int, to end: Int, segmenter: LaoSegmenter, into words: inout [Word]) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: end - start) { values in
      for index in start..<end { values.initializeElement(at: index - start, to: scalars[index].value) }
      segmenter.forEachCut(UnsafeBufferPointer(values)) { cut in
        let piece = text(start + cut.start, start + cut.end)
        words.append(Word(folded: piece, exact: piece, scalarStart: start + cut.start, scalarEnd: start + cut.end))
      }
    }
  }

  /// Whether a scalar ends a sentence when a space follows: `.`, `!`, `?`, `…` or `。`.
  static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E, 0x21, 0x3F, 0x2026, 0x3002: return true
    default: return false
    }
  }

  /// Whether a scalar may close a sentence after its terminator: quotes and brackets.
  static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB: return true
    default: return false
    }
  }

  /// `scalar.properties.isWhitespace`, answered without the property tables for ASCII and Lao scalars.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
    if isLao(scalar) { return false }
    return scalar.properties.isWhitespace
  }

  /// Whether a scalar breaks a line: a line separator (general category Zl), `\n`, `\r` or the paragraph
  /// separator; answered without the property tables for ASCII and Lao scalars.
  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar == "\n" || scalar == "\r" }
    if isLao(scalar) { return false }
    return scalar.properties.generalCategory == .lineSeparator || scalar == "\u{2029}"
  }

  private func cutSentences(abbreviations: Set<String>) -> [Sentence] {
    var ends: [Int] = []  // scalar index just past each sentence's last scalar
    var wordIndex = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      while wordIndex < words.count, words[wordIndex].scalarEnd <= index { wordIndex += 1 }
      if Self.isLineBreak(scalar) {
        ends.append(index)
      } else if Self.isTerminator(scalar), !isInsideWord(index, wordIndex) {
        var after = index + 1
        while after < scalars.count, Self.isTerminator(scalars[after]) || Self.isCloser(scalars[after]) {
          after += 1
        }
        let atBreak = after == scalars.count || Self.isWhitespace(scalars[after])
        if atBreak, !(scalar == "." && endsAbbreviation(before: index, wordIndex, abbreviations)) {
          ends.append(after)
          index = after
          continue
        }
      } else if Self.isWhitespace(scalar), laoOnBothSides(of: index) {
        ends.append(index)
      }
      index += 1
    }
    ends.append(scalars.count)
    return sentences(endingAt: ends)
  }

  /// Whether scalar `index` lies inside the word at `wordIndex` (a dot in `example.com`).
  private func isInsideWord(_ index: Int, _ wordIndex: Int) -> Bool {
    wordIndex < words.count && words[wordIndex].scalarStart <= index && index < words[wordIndex].scalarEnd
  }

  /// Whether the word just before the full stop at `index`, with the stop, is a known abbreviation.
  private func endsAbbreviation(before index: Int, _ wordIndex: Int, _ abbreviations: Set<String>) -> Bool {
    guard wordIndex > 0, words[wordIndex - 1].scalarEnd == index else { return false }
    return abbreviations.contains(words[wordIndex - 1].folded + ".")
  }

  /// Whether the whitespace run starting at `index` lies between two Lao letters.
  private func laoOnBothSides(of index: Int) -> Bool {
    guard index > 0, Self.isLao(scalars[index - 1]) else { return false }
    var after = index + 1
    while after < scalars.count, Self.isWhitespace(scalars[after]) { after += 1 }
    return after < scalars.count && Self.isLao(scalars[after])
  }

  /// Sentences between consecutive ends, trimmed of whitespace; empty ones are dropped.
  private func sentences(endingAt ends: [Int]) -> [Sentence] {
    var result: [Sentence] = []
    var start = 0
    var wordIndex = 0
    for end in ends where end >= start {
      var first = start
      var last = end
      while first < last, Self.isWhitespace(scalars[first]) { first += 1 }
      while last > first, Self.isWhitespace(scalars[last - 1]) { last -= 1 }
      start = end
      guard first < last else { continue }
      while wordIndex < words.count, words[wordIndex].scalarStart < first { wordIndex += 1 }
      var count = 0
      while wordIndex + count < words.count, words[wordIndex + count].scalarStart < last { count += 1 }
      if count > 0 { result.append(Sentence(scalarStart: first, scalarEnd: last, wordCount: count)) }
    }
    return result
  }
}
