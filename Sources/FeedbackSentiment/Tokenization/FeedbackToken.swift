import Foundation

/// One unit of tokenized feedback: a word, an emoji, an emoticon or a run of punctuation.
struct FeedbackToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
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
    let utf8 = text.utf8
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count)
    var previous: UInt8 = 0
    var run = 0
    for byte in utf8 {
      guard byte < 0x80 else { return nil }
      if byte == previous && run > 0 {
        run += 1
      } else {
        run = 1
        previous = byte
      }
      let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
      if run <= keep || !isLetter { result.append(byte) }
    }
    return String(decoding: result, as: UTF8.self)
  }
}

/// The result of tokenizing one text, with the counts the rules and the language identifier need.
struct TokenizedText: Sendable {
  var tokens: [FeedbackToken] = []
  var exclamationMarks = 0
  var questionMarks = 0
  var latinLetters = 0
  var laoLetters = 0
  var otherLetters = 0
}
