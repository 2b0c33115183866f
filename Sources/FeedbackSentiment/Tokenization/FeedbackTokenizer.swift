/// Splits feedback into words, emoji, emoticons and punctuation in one pass over its UTF-8 bytes.
///
/// Lao runs (which have no spaces between words) go through a ``LaoSegmenter``. Control characters and
/// unassigned scalars separate tokens and are otherwise ignored. Tokens are byte ranges (``ByteToken``); only
/// words get a lowercased copy, in one arena per text.
struct FeedbackTokenizer: Sendable {
  let segmenter: LaoSegmenter
  /// The segmenter's search in frozen form (the hot path).
  let cutter: LaoCutter
  /// Punctuation runs longer than this are cut (the counts of `!` and `?` still see every mark).
  static var maximumPunctuationLength: Int { 8 }
  /// Words longer than this many bytes are cut, which bounds lookups on pathological input.
  static var maximumWordBytes: Int { 256 }

  /// A tokenizer whose Lao runs go through `segmenter`.
  init(segmenter: LaoSegmenter) {
    self.segmenter = segmenter
    cutter = LaoCutter(segmenter)
  }

  /// Tokenizes `text` into scratch memory and calls `body` with the tokens.
  ///
  /// - Complexity: O(n) in the length of the text (Lao runs: O(n × L), L the longest dictionary word).
  @inline(__always)
  func withTokens<R>(of text: TextBytes, _ body: (inout ByteTokens) throws -> R) rethrows -> R {
    let count = text.count
    // Every token takes at least one byte; a word's lowercased copy is at most 1.5 times its bytes (only
    // U+0130 grows when lowercased, from two bytes to three).
    return try ScratchList<ByteToken>.with(capacity: count + 1) { tokens in
      try ScratchList<UInt8>.with(capacity: 2 * count + 64) { arena in
        let counts: TokenCounts
        if Self.containsLao(text) {
          // A Lao run holds at most a third of the bytes as scalars.
          counts = LaoCutter.withScratch(capacity: count / 3 + 1) { lao in
            var scratch: LaoCutter.Scratch? = lao
            return scan(text, into: &tokens, arena: &arena, lao: &scratch)
          }
        } else {
          var none: LaoCutter.Scratch? = nil
          counts = scan(text, into: &tokens, arena: &arena, lao: &none)
        }
        var result = ByteTokens(source: text, tokens: tokens, arena: arena, counts: counts)
        return try body(&result)
      }
    }
  }

  /// The tokens as `String`s (language identification from text, the trained models' explanations).
  func tokenize(_ text: String) -> TokenizedText {
    TextBytes.with(text) { bytes in
      withTokens(of: bytes) { tokens in
        var result = TokenizedText()
        result.counts = tokens.counts
        result.tokens.reserveCapacity(tokens.count)
        for index in 0..<tokens.count {
          let token = tokens.tokens[index]
          var converted = FeedbackToken(kind: token.kind, text: tokens.string(of: token))
          converted.isAllCaps = token.flags.contains(.allCaps)
          converted.isElongated = token.flags.contains(.elongated)
          converted.isLao = token.flags.contains(.lao)
          converted.isASCII = token.flags.contains(.ascii)
          result.tokens.append(converted)
        }
        return result
      }
    }
  }

  /// Whether the text holds a scalar of the Lao block (UTF-8 E0 BA xx or E0 BB xx).
  private static func containsLao(_ bytes: TextBytes) -> Bool {
    var index = 0
    let count = bytes.count
    while index + 2 < count, let lead = bytes.firstIndex(of: 0xE0, from: index) {
      guard lead + 2 < count else { return false }
      if bytes[lead + 1] == 0xBA || bytes[lead + 1] == 0xBB { return true }
      index = lead + 1
    }
    return false
  }

  private func scan(
    _ bytes: TextBytes, into tokens: inout ScratchList<ByteToken>, arena: inout ScratchList<UInt8>,
    lao: inout LaoCutter.Scratch?
  ) -> TokenCounts {
    var counts = TokenCounts()
    var index = 0
    let count = bytes.count
    var previousWasWordChar = false
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        if !previousWasWordChar, let length = EmoticonTable.match(bytes, at: index) {
          tokens.append(Self.sourceToken(.emoticon, index, index + length, flags: [.ascii, .hasASCII, .bytesASCII]))
          index += length
          continue
        }
        switch ScalarClass.ofASCII(lead) {
        case .asciiLetter, .digit:
          index = readWord(bytes, from: index, into: &tokens, arena: &arena, counts: &counts)
          previousWasWordChar = true
        case .punctuation:
          index = readPunctuation(bytes, from: index, into: &tokens, counts: &counts)
          previousWasWordChar = false
        default:
          index += 1
          previousWasWordChar = false
        }
        continue
      }
      let (value, length) = bytes.decode(at: index)
      switch ScalarClass.of(value) {
      case .separator, .ignorable, .apostrophe:
        index += length
        previousWasWordChar = false
      case .asciiLetter, .digit, .otherLetter:
        index = readWord(bytes, from: index, into: &tokens, arena: &arena, counts: &counts)
        previousWasWordChar = true
      case .lao:
        // `containsLao` found this run, so the scratch exists.
        index = readLao(bytes, from: index, into: &tokens, arena: &arena, counts: &counts, scratch: &lao!)
        previousWasWordChar = false
      case .emoji:
        // Emoji count as ASCII words for the lookups (no canonical-equivalence fallback) and hold no ASCII.
        tokens.append(Self.sourceToken(.emoji, index, index + length, flags: .ascii))
        index += length
        previousWasWordChar = false
      case .punctuation:
        index = readPunctuation(bytes, from: index, into: &tokens, counts: &counts)
        previousWasWordChar = false
      }
    }
    return counts
  }

  @inline(__always)
  static func sourceToken(_ kind: FeedbackToken.Kind, _ start: Int, _ end: Int, flags: ByteToken.Flags) -> ByteToken {
    ByteToken(
      start: Int32(start), end: Int32(end), textStart: Int32(start), textEnd: Int32(end), kind: kind, flags: flags)
  }

  private func readLao(
    _ bytes: TextBytes, from start: Int, into tokens: inout ScratchList<ByteToken>, arena: inout ScratchList<UInt8>,
    counts: inout TokenCounts, scratch: inout LaoCutter.Scratch
  ) -> Int {
    // Lao scalars are three UTF-8 bytes each (E0 BA xx / E0 BB xx); a label is the scalar minus U+0E80.
    var end = start
    scratch.labels.truncate(to: 0)
    // The length of the current run of one label, and whether a letter came three times in a row.
    var previous: UInt8 = 0xFF
    var repeats = 0
    var stretched = false
    while end + 2 < bytes.count, bytes[end] == 0xE0, bytes[end + 1] == 0xBA || bytes[end + 1] == 0xBB {
      let label = (bytes[end + 1] == 0xBA ? 0 : 64) + (bytes[end + 2] & 0x3F)
      scratch.labels.append(label)
      repeats = label == previous ? repeats &+ 1 : 1
      previous = label
      if repeats == LaoElongation.minimumRun && LaoElongation.isStretchable(0x0E80 + UInt32(label)) {
        stretched = true
      }
      end += 3
    }
    let scalarCount = (end - start) / 3
    guard scalarCount > 0 else { return start + 1 }
    counts.laoLetters += scalarCount
    guard !stretched else {
      appendStretchedPieces(from: start, scratch, into: &tokens, arena: &arena)
      return end
    }
    // Each piece becomes a token straight from the run's bytes.
    cutter.forEachCut(&scratch) { cut in
      tokens.append(Self.sourceToken(.word, start + cut.start * 3, start + cut.end * 3, flags: .lao))
    }
    return end
  }

  /// The tokens of a Lao run that holds a letter three or more times in a row (``LaoElongation``): a stretched
  /// piece is flagged elongated and gets what it reads as for its text (in the arena; its source range still
  /// covers every copy, for explanations).
  private func appendStretchedPieces(
    from start: Int, _ scratch: LaoCutter.Scratch, into tokens: inout ScratchList<ByteToken>,
    arena: inout ScratchList<UInt8>
  ) {
    for piece in cutter.stretchedPieces(scratch) {
      let pieceStart = start + piece.cut.start * 3
      let pieceEnd = start + piece.cut.end * 3
      guard let reading = piece.reading else {
        tokens.append(Self.sourceToken(.word, pieceStart, pieceEnd, flags: .lao))
        continue
      }
      // The reading is shorter than the piece, so it fits: see the arena's capacity in `withTokens(of:_:)`.
      let textStart = arena.count
      for value in reading where arena.count + 3 <= arena.capacity {
        arena.append(0xE0)
        arena.append(0x80 | (UInt8(truncatingIfNeeded: value >> 6) & 0x3F))
        arena.append(0x80 | (UInt8(truncatingIfNeeded: value) & 0x3F))
      }
      tokens.append(
        ByteToken(
          start: Int32(pieceStart), end: Int32(pieceEnd), textStart: Int32(textStart), textEnd: Int32(arena.count),
          kind: .word, flags: [.lao, .elongated, .inArena]))
    }
  }

  private func readPunctuation(
    _ bytes: TextBytes, from start: Int, into tokens: inout ScratchList<ByteToken>, counts: inout TokenCounts
  ) -> Int {
    var index = start
    var keptEnd = start
    var kept = 0
    var isASCII = true
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      if lead < 0x80 {
        guard ScalarClass.ofASCII(lead) == .punctuation else { break }
        if lead == UInt8(ascii: "!") { counts.exclamationMarks += 1 }
        if lead == UInt8(ascii: "?") { counts.questionMarks += 1 }
        length = 1
      } else {
        let decoded = bytes.decode(at: index)
        guard ScalarClass.of(decoded.value) == .punctuation, Unicode.Scalar(decoded.value) != nil else { break }
        length = decoded.length
        if kept < Self.maximumPunctuationLength { isASCII = false }
      }
      index += length
      if kept < Self.maximumPunctuationLength {
        keptEnd = index
        kept += 1
      }
      // An emoticon may start right after punctuation ("great!:)").
      if index < bytes.count, bytes[index] < 0x80, EmoticonTable.match(bytes, at: index) != nil { break }
    }
    let flags: ByteToken.Flags = isASCII ? [.ascii, .bytesASCII] : [.ascii]
    tokens.append(Self.sourceToken(.punctuation, start, keptEnd, flags: flags))
    return max(index, start + 1)
  }
}

/// What a scalar is to the tokenizer.
enum ScalarClass {
  case separator, asciiLetter, digit, otherLetter, lao, emoji, ignorable, apostrophe, punctuation

  @inline(__always)
  static func ofASCII(_ byte: UInt8) -> ScalarClass {
    switch byte {
    case 0x41...0x5A, 0x61...0x7A: return .asciiLetter
    case 0x30...0x39: return .digit
    case 0x27: return .apostrophe
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
    default: return .separator
    }
  }

  @inline(__always)
  static func of(_ value: UInt32) -> ScalarClass {
    if value < 0x80 { return ofASCII(UInt8(truncatingIfNeeded: value)) }
    if value >= 0x0E80 && value <= 0x0EFF { return .lao }
    return ofNonASCII(value)
  }

  @inline(never)
  private static func ofNonASCII(_ value: UInt32) -> ScalarClass {
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
}
