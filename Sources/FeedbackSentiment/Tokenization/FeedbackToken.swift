import Foundation

/// One unit of tokenized feedback: a word, an emoji, an emoticon or a run of punctuation.
struct FeedbackToken: Sendable, Hashable {
  enum Kind: UInt8, Sendable, Hashable {
    case word
    case emoji
    case emoticon
    case punctuation
  }

  var kind: Kind
  /// Lowercased text (emoticons keep their case, punctuation runs are capped in length).
  var text: String
  /// Written entirely in capitals (at least two letters).
  var isAllCaps: Bool = false
  /// Contains a letter repeated three or more times ("slowwww").
  var isElongated: Bool = false
  /// The word is Lao script.
  var isLao: Bool = false
  /// The text is plain ASCII (no Unicode normalisation question arises when comparing it).
  var isASCII: Bool = true

  /// Punctuation ends a clause for negation scope and aspect polarity.
  var breaksClause: Bool { kind == .punctuation }

  /// The forms of an elongated word to look up, most faithful first: runs of 3+ letters cut to two ("goood" →
  /// "good"), then to one ("slowww" → "slow").
  var elongationVariants: [String] {
    guard isElongated else { return [] }
    return [FeedbackToken.collapsingRuns(of: text, to: 2), FeedbackToken.collapsingRuns(of: text, to: 1)]
  }

  static func collapsingRuns(of text: String, to keep: Int) -> String {
    if let ascii = collapsingASCIIRuns(of: text, to: keep) { return ascii }
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    var run = 0
    for scalar in text.unicodeScalars {
      if scalar == previous {
        run += 1
      } else {
        run = 1
        previous = scalar
      }
      if run <= keep || !scalar.properties.isAlphabetic { result.append(scalar) }
    }
    return String(result)
  }

  /// ``collapsingRuns(of:to:)`` on the bytes of an ASCII text (ASCII letters are the alphabetic ASCII
  /// scalars); `nil` when the text is not ASCII.
  private static func collapsingASCIIRuns(of text: String, to keep: Int) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      guard !bytes.isEmpty else { return "" }
      return String(unsafeUninitializedCapacity: bytes.count) { output in
        // A non-empty capacity always has a base address.
        collapsingASCIIRuns(of: bytes, to: keep, into: output.baseAddress!)
      }
    }
  }
}

/// The result of tokenizing one text as `String` tokens, with the counts the rules and the language identifier
/// need (the slow paths; the classifiers read ``ByteTokens``).
struct TokenizedText: Sendable {
  var tokens: [FeedbackToken] = []
  var counts = TokenCounts()
}

extension FeedbackToken {
  /// ``collapsingRuns(of:to:)`` for ASCII bytes, written to `output` (room for `bytes.count`); returns how many
  /// bytes were written.
  @inline(__always)
  static func collapsingASCIIRuns(
    of bytes: UnsafeBufferPointer<UInt8>, to keep: Int, into output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    var previous: UInt8 = 0
    var run = 0
    for byte in bytes {
      if byte == previous && run > 0 {
        run += 1
      } else {
        run = 1
        previous = byte
      }
      let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      if run <= keep || !isLetter {
        output[written] = byte
        written += 1
      }
    }
    return written
  }
}
