/// One token as the hot paths see it: byte offsets into the text and into the tokenizer's arena, no `String`.
///
/// Words are stored lowercased (and with typographic apostrophes made plain) in the arena; punctuation runs,
/// emoji, emoticons and Lao pieces are read straight from the text.
struct ByteToken {
  /// What the token is made of.
  struct Flags: OptionSet {
    var rawValue: UInt8
    /// Written entirely in capitals (at least two letters).
    static let allCaps = Flags(rawValue: 1 << 0)
    /// A letter repeated three or more times ("slowwww").
    static let elongated = Flags(rawValue: 1 << 1)
    /// A piece of a Lao run.
    static let lao = Flags(rawValue: 1 << 2)
    /// The tokenizer's notion of an ASCII word: no letter outside ASCII (digits of other scripts may occur).
    static let ascii = Flags(rawValue: 1 << 3)
    /// The text holds an ASCII character (the capitals rule counts only such words).
    static let hasASCII = Flags(rawValue: 1 << 4)
    /// Every byte of the text is ASCII.
    static let bytesASCII = Flags(rawValue: 1 << 5)
    /// The text is in the arena (words); otherwise it is the source range itself.
    static let inArena = Flags(rawValue: 1 << 6)
  }

  /// The token's bytes in the text (for punctuation, the marks kept, at most eight).
  var start: Int32
  var end: Int32
  /// The token's text: in the arena when ``Flags/inArena``, else equal to `start..<end`.
  var textStart: Int32
  var textEnd: Int32
  /// The vocabulary id, -1 when unknown or not looked up.
  var id: Int32 = -1
  var kind: FeedbackToken.Kind
  var flags: Flags

  var isLao: Bool { flags.contains(.lao) }
  var isPunctuation: Bool { kind == .punctuation }
}

/// The counts the rules and the language identifier need, gathered while tokenizing.
struct TokenCounts: Sendable, Hashable {
  var exclamationMarks = 0
  var questionMarks = 0
  var latinLetters = 0
  var laoLetters = 0
  var otherLetters = 0
}

/// The tokens of one text with the bytes they point into. Lives only inside
/// ``FeedbackTokenizer/withTokens(of:_:)``.
struct ByteTokens {
  let source: TextBytes
  var tokens: ScratchList<ByteToken>
  let arena: ScratchList<UInt8>
  var counts: TokenCounts

  var count: Int { tokens.count }

  /// The token's text bytes (lowercased word, punctuation marks kept, emoji, emoticon, Lao piece).
  @inline(__always)
  func text(of token: ByteToken) -> UnsafeBufferPointer<UInt8> {
    if token.flags.contains(.inArena) {
      return arena.withBuffer { buffer in
        UnsafeBufferPointer(rebasing: buffer[Int(token.textStart)..<Int(token.textEnd)])
      }
    }
    return source.slice(Int(token.textStart), Int(token.textEnd))
  }

  /// The token's text as a `String` (the slow paths and the compatibility tokenization).
  func string(of token: ByteToken) -> String {
    String(decoding: text(of: token), as: UTF8.self)
  }
}
