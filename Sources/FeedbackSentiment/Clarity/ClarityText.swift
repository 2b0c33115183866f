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
  private(set) var words: [Word] = []
  private(set) var sentences: [Sentence] = []

  /// Cuts a text into words and sentences.
  /// - Complexity: O(*n* × *L*) for *n* scalars and *L* the segmenter's longest word.
  init(_ text: String, segmenter: LaoSegmenter, abbreviations: Set<String> = []) {
    scalars = Array(text.unicodeScalars)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF16.width(scalar)
    }
    offsets.append(offset)
    utf16Offsets = offsets
    words = cutWords(segmenter: segmenter)
    sentences = cutSentences(abbreviations: abbreviations)
  }

  /// The UTF-16 location of scalars `start..<end`.
  func location(_ start: Int, _ end: Int) -> ClarityHint.Location {
    ClarityHint.Location(utf16Offset: utf16Offsets[start], utf16Length: utf16Offsets[end] - utf16Offsets[start])
  }

  /// The text of scalars `start..<end`.
  func text(_ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
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
      let exact = text(index, end).replacingOccurrences(of: "\u{2019}", with: "'")
      words.append(Word(folded: exact.lowercased(), exact: exact, scalarStart: index, scalarEnd: end))
      index = end
    }
    return words
  }

  private func appendLaoWords(from start: Int, to end: Int, segmenter: LaoSegmenter, into words: inout [Word]) {
    let run = text(start, end)
    let pieces = segmenter.segment(run)
    // Lao pieces partition the run; if they ever did not, keep the run as one word rather than misplace hints.
    guard pieces.reduce(0, { $0 + $1.unicodeScalars.count }) == end - start else {
      words.append(Word(folded: run, exact: run, scalarStart: start, scalarEnd: end))
      return
    }
    var position = start
    for piece in pieces {
      let length = piece.unicodeScalars.count
      words.append(Word(folded: piece, exact: piece, scalarStart: position, scalarEnd: position + length))
      position += length
    }
  }

  private static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{3002}"]
  private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{BB}"]

  private func cutSentences(abbreviations: Set<String>) -> [Sentence] {
    var ends: [Int] = []  // scalar index just past each sentence's last scalar
    var wordIndex = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      while wordIndex < words.count, words[wordIndex].scalarEnd <= index { wordIndex += 1 }
      if scalar.properties.generalCategory == .lineSeparator || scalar == "\n" || scalar == "\r"
        || scalar == "\u{2029}"
      {
        ends.append(index)
      } else if Self.terminators.contains(scalar), !isInsideWord(index, wordIndex) {
        var after = index + 1
        while after < scalars.count, Self.terminators.contains(scalars[after]) || Self.closers.contains(scalars[after])
        {
          after += 1
        }
        let atBreak = after == scalars.count || scalars[after].properties.isWhitespace
        if atBreak, !(scalar == "." && endsAbbreviation(before: index, wordIndex, abbreviations)) {
          ends.append(after)
          index = after
          continue
        }
      } else if scalar.properties.isWhitespace, laoOnBothSides(of: index) {
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
    while after < scalars.count, scalars[after].properties.isWhitespace { after += 1 }
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
      while first < last, scalars[first].properties.isWhitespace { first += 1 }
      while last > first, scalars[last - 1].properties.isWhitespace { last -= 1 }
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
