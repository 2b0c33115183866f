import Foundation

/// Valences of common emoji and ASCII emoticons, on the lexicon scale (−4…4).
///
/// Written for this module from the emoji's Unicode names and their usual reading in customer feedback;
/// language-independent, so they live in code rather than in the per-language lexicons. A lexicon may still
/// list an emoji or emoticon, which then wins.
enum EmojiValences {
  static let emoji: [String: Double] = [
    // Happy faces and approval.
    "😀": 2.2, "😃": 2.2, "😄": 2.4, "😁": 2.2, "😆": 2.0, "😊": 2.4, "🙂": 1.4, "😉": 1.4, "😍": 3.0,
    "🥰": 3.0, "😘": 2.2, "😎": 1.8, "🤩": 3.0, "😇": 1.8, "🥳": 2.6, "😂": 1.4, "🤣": 1.4, "😅": 0.4,
    "👍": 2.0, "👌": 1.8, "👏": 2.2, "🙌": 2.2, "💪": 1.6, "🙏": 1.4, "🤝": 1.4, "✅": 1.4, "✔": 1.2,
    "⭐": 1.8, "🌟": 2.0, "✨": 1.4, "🔥": 1.6, "🚀": 2.0, "⚡": 1.2, "🎉": 2.4, "🏆": 2.2, "💯": 2.4,
    "❤": 2.8, "💙": 2.6, "💚": 2.6, "💜": 2.6, "🧡": 2.6, "💛": 2.6, "💖": 2.8, "💕": 2.6, "😌": 1.2,
    "☺": 2.0, "🤗": 2.2, "🥹": 1.6, "🆗": 0.8,
    // Unhappy, angry, disappointed.
    "😞": -2.2, "😔": -1.8, "😟": -1.8, "😕": -1.4, "🙁": -1.6, "☹": -2.0, "😣": -2.0, "😖": -2.2,
    "😫": -2.4, "😩": -2.4, "😢": -2.2, "😭": -2.6, "😤": -2.4, "😠": -2.8, "😡": -3.0, "🤬": -3.4,
    "😒": -1.8, "🙄": -1.8, "😑": -1.0, "😐": -0.6, "😬": -1.2, "😓": -1.4, "😰": -2.0, "😱": -2.2,
    "😴": -1.2, "🥱": -1.2, "🤦": -2.2, "🤮": -3.0, "🤢": -2.6, "💩": -2.8, "👎": -2.2, "💔": -2.6,
    "❌": -1.6, "⛔": -1.6, "🚫": -1.6, "⚠": -1.0, "🐌": -2.0, "🐢": -1.8, "⏳": -0.8, "⌛": -0.8,
    "💸": -1.0, "😶": -0.4, "🫠": -1.0, "🤡": -2.0, "🙃": -0.8,
  ]

  static let emoticons: [String: Double] = [
    ":)": 2.0, ":-)": 2.0, ":))": 2.4, ":]": 1.8, "=)": 2.0, ":D": 2.4, ":-D": 2.4, "xD": 1.8, "XD": 1.8,
    ";)": 1.4, ";-)": 1.4, ":P": 1.0, ":p": 1.0, ":-P": 1.0, "<3": 2.6, "^^": 1.6, "^_^": 2.0, ":3": 1.2,
    ":(": -2.0, ":-(": -2.0, ":((": -2.4, ":'(": -2.4, ":/": -1.2, ":-/": -1.2, ":\\": -1.2, ":|": -0.6,
    ":-|": -0.6, ">:(": -2.8, "D:": -2.0, "T_T": -2.2, "T.T": -2.2, ":@": -2.6, "</3": -2.6, "-_-": -1.4,
    "=(": -2.0, ":S": -1.2, ":-S": -1.2,
  ]

  /// First bytes of the emoticons, to skip the lookup for every other byte.
  static let emoticonStartBytes: Set<UInt8> = Set(emoticons.keys.compactMap { $0.utf8.first })
}
