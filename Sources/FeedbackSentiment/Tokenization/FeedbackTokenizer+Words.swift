/// What scanning one word found.
struct WordScan {
  /// Where the word ends in the text.
  var end: Int
  /// How many normalised bytes were written.
  var written = 0
  var hasUpper = false
  var hasLower = false
  var letters = 0
  /// No letter outside ASCII.
  var isASCII = true
  /// No byte outside ASCII was written.
  var bytesASCII = true
  /// The longest run of one repeated ASCII letter.
  var longestRun = 0
}

extension FeedbackTokenizer {
  /// Scans the word that starts at `start` (a letter or digit), writing its normalised bytes to `output`: ASCII
  /// letters lowercased, apostrophes (' and ’) and hyphens inside the word kept as ASCII, other letters and
  /// digits as they are, at most ``maximumWordBytes`` of letters and digits. Words with letters outside ASCII
  /// are lowercased afterwards by the caller (``lowercasedWord(_:)``).
  ///
  /// - Parameter output: Room for as many bytes as the text has after `start` (a word never writes more).
  @inline(__always)
  static func scanWord(_ bytes: TextBytes, from start: Int, output: UnsafeMutablePointer<UInt8>) -> WordScan {
    var index = start
    var written = 0
    var letters = 0
    var run = 0
    var longestRun = 0
    var previousLetter: UInt8 = 0
    var traits = WordTraits()
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      // ASCII letters, the common case: A–Z and a–z are exactly the bytes whose `| 0x20` lies in a…z.
      let lowered = lead | 0x20
      guard lowered &- UInt8(ascii: "a") < 26 else {
        if lead < 0x80 {
          // ASCII digits stay in the word; other ASCII ends it, except an apostrophe or hyphen (below).
          if lead &- UInt8(ascii: "0") < 10 {
            run = 0
            previousLetter = 0
            if written < maximumWordBytes {
              output[written] = lead
              written &+= 1
            }
            index &+= 1
            continue
          }
          if lead != UInt8(ascii: "'") && lead != UInt8(ascii: "-") { break }
        }
        // Values in and out (no locals passed by address), so the letter loop keeps its state in registers.
        let step = scanOther(bytes, at: index, output: output, written: written)
        if step.kind == .end { break }
        index = step.next
        written = step.written
        letters &+= step.letters
        traits.formUnion(step.traits)
        if step.kind == .kept {
          run = 0
          previousLetter = 0
        }
        continue
      }
      traits.insert(lead == lowered ? .hasLower : .hasUpper)
      letters &+= 1
      run = lowered == previousLetter ? run &+ 1 : 1
      previousLetter = lowered
      if run > longestRun { longestRun = run }
      if written < maximumWordBytes {
        output[written] = lowered
        written &+= 1
      }
      index &+= 1
    }
    return WordScan(
      end: max(index, start + 1), written: written, hasUpper: traits.contains(.hasUpper),
      hasLower: traits.contains(.hasLower), letters: letters, isASCII: !traits.contains(.nonASCIILetter),
      bytesASCII: !traits.contains(.nonASCIIByte), longestRun: longestRun)
  }

  /// What a word found besides ASCII letters.
  struct WordTraits: OptionSet {
    var rawValue: UInt8
    static let hasUpper = WordTraits(rawValue: 1)
    static let hasLower = WordTraits(rawValue: 2)
    static let nonASCIILetter = WordTraits(rawValue: 4)
    static let nonASCIIByte = WordTraits(rawValue: 8)
  }

  /// What ``scanOther(_:at:output:written:)`` did with a scalar that is not an ASCII letter.
  struct OtherStep {
    enum Kind {
      /// Not part of the word: it ends here.
      case end
      /// An apostrophe or hyphen joining two parts of the word (letter runs carry on across it).
      case joined
      /// A digit or a letter outside ASCII, kept (letter runs start again after it).
      case kept
    }

    var kind: Kind
    /// Where the word goes on, and how many bytes it has written by then.
    var next: Int
    var written: Int
    /// Letters and traits the scalar adds.
    var letters = 0
    var traits = WordTraits()
  }

  /// One step of ``scanWord`` for a scalar that is not an ASCII letter.
  @inline(never)
  static func scanOther(
    _ bytes: TextBytes, at index: Int, output: UnsafeMutablePointer<UInt8>, written: Int
  ) -> OtherStep {
    let lead = bytes[index]
    var value = UInt32(lead)
    var length = 1
    let scalarClass: ScalarClass
    if lead < 0x80 {
      scalarClass = ScalarClass.ofASCII(lead)
    } else {
      (value, length) = bytes.decode(at: index)
      scalarClass = ScalarClass.of(value)
    }
    if scalarClass == .apostrophe || (value == 0x2D && written > 0) {
      // An apostrophe or hyphen inside a word ("hasn't", "baik-baik") belongs to it.
      let nextIndex = index + length
      guard nextIndex < bytes.count else { return OtherStep(kind: .end, next: index, written: written) }
      let next = ScalarClass.of(bytes.decode(at: nextIndex).value)
      guard next == .asciiLetter || next == .otherLetter else {
        return OtherStep(kind: .end, next: index, written: written)
      }
      output[written] = value == 0x2D ? UInt8(ascii: "-") : UInt8(ascii: "'")
      return OtherStep(kind: .joined, next: nextIndex, written: written + 1)
    }
    guard scalarClass == .digit || scalarClass == .otherLetter else {
      return OtherStep(kind: .end, next: index, written: written)
    }
    var step = OtherStep(kind: .kept, next: index + length, written: written)
    if scalarClass == .otherLetter {
      step.traits.insert(.nonASCIILetter)
      step.letters = 1
      if let scalar = Unicode.Scalar(value) {
        if scalar.properties.isUppercase { step.traits.insert(.hasUpper) }
        if scalar.properties.isLowercase { step.traits.insert(.hasLower) }
      }
    }
    if written + length <= maximumWordBytes {
      for offset in 0..<length { output[written + offset] = bytes[index + offset] }
      step.written += length
      if length > 1 { step.traits.insert(.nonASCIIByte) }
    }
    return step
  }

  /// The lowercased form of a word with letters outside ASCII (Unicode case mapping).
  static func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self).lowercased()
  }

  /// Reads one word into the arena and appends its token.
  func readWord(
    _ bytes: TextBytes, from start: Int, into tokens: inout ScratchList<ByteToken>, arena: inout ScratchList<UInt8>,
    counts: inout TokenCounts
  ) -> Int {
    let textStart = arena.count
    var scan = WordScan(end: start)
    arena.appendInPlace { output, room in
      // Room enough: the arena holds at most 1.5 bytes per byte before `start` and has 2n + 64 (see
      // `withTokens(of:_:)`), which leaves at least the n − start bytes a word can write.
      assert(room >= bytes.count - start)
      scan = Self.scanWord(bytes, from: start, output: output)
      return scan.written
    }
    var flags: ByteToken.Flags = [.inArena]
    if scan.isASCII {
      counts.latinLetters += scan.letters
      flags.insert(.ascii)
      if scan.written > 0 { flags.insert(.hasASCII) }
      if scan.bytesASCII { flags.insert(.bytesASCII) }
    } else {
      let lowered = arena.withBuffer { Self.lowercasedWord(UnsafeBufferPointer(rebasing: $0[textStart...])) }
      if lowered.unicodeScalars.contains(where: { $0.value >= 0x41 && $0.value < 0x250 }) {
        counts.latinLetters += scan.letters
      } else {
        counts.otherLetters += scan.letters
      }
      arena.truncate(to: textStart)
      var allASCII = true
      for byte in lowered.utf8 where arena.count < arena.capacity {
        // Never short of room: see the arena's capacity in ``withTokens(of:_:)``.
        arena.append(byte)
        if byte < 0x80 { flags.insert(.hasASCII) } else { allASCII = false }
      }
      if allASCII { flags.insert(.bytesASCII) }
    }
    if scan.hasUpper && !scan.hasLower && scan.letters >= 2 { flags.insert(.allCaps) }
    if scan.longestRun >= 3 { flags.insert(.elongated) }
    tokens.append(
      ByteToken(
        start: Int32(start), end: Int32(scan.end), textStart: Int32(textStart), textEnd: Int32(arena.count),
        kind: .word, flags: flags))
    return scan.end
  }

  /// The text of the word token that starts at `start`, exactly as ``readWord`` normalised it (explanations
  /// spell tokens out only when read).
  static func wordText(_ bytes: TextBytes, from start: Int) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count - start, 1)) { output in
      // A temporary allocation of at least one element always has a base address.
      let scan = scanWord(bytes, from: start, output: output.baseAddress!)
      let normalized = UnsafeBufferPointer(rebasing: output[..<scan.written])
      return scan.isASCII ? String(decoding: normalized, as: UTF8.self) : lowercasedWord(normalized)
    }
  }
}
