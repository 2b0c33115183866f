import Foundation

/// One suggestion ``ReplyClarityCheck`` makes about an agent's reply: a jargon term to explain, a sentence to
/// split, or a missing next step. Hints are advice for the agent; they never block sending.
///
/// JSON: `{"kind":"jargon","language":"en","location":{"utf16Offset":24,"utf16Length":15},
/// "excerpt":"DNS propagation","term":"dns propagation","explanation":"the delay before…"}` — `location`,
/// `excerpt` and `term` are absent when they do not apply.
public struct ClarityHint: Hashable, Sendable, Codable {
  /// What the hint is about. An open set of well-known values, so new kinds do not break exhaustive switches.
  public struct Kind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind's name.
    public var rawValue: String
    /// Creates a kind.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The name.
    public var description: String { rawValue }

    /// A hosting term customers may not know; ``ClarityHint/explanation`` says it in plain words, in the reply's
    /// language, ready to paste.
    public static let jargon = Kind(rawValue: "jargon")
    /// A sentence longer than the language's limit (``ClarityGlossary/longSentenceWords``).
    public static let longSentence = Kind(rawValue: "longSentence")
    /// The reply never says what happens next: no commitment ("I will…", "kami akan…", "ຈະ…") and no request
    /// ("please try… and let us know", "sila cuba…").
    public static let noNextStep = Kind(rawValue: "noNextStep")
  }

  /// Where a hint points in the reply, in UTF-16 code units — the unit of JavaScript strings and `NSString`, so a
  /// web panel can highlight it directly.
  public struct Location: Hashable, Sendable, Codable {
    /// Offset of the first code unit.
    public var utf16Offset: Int
    /// Number of code units.
    public var utf16Length: Int

    /// Creates a location.
    /// - Parameters:
    ///   - utf16Offset: Offset of the first code unit.
    ///   - utf16Length: Number of code units.
    public init(utf16Offset: Int, utf16Length: Int) {
      self.utf16Offset = utf16Offset
      self.utf16Length = utf16Length
    }
  }

  /// What the hint is about.
  public var kind: Kind
  /// The language the reply was checked as.
  public var language: SentimentLanguage
  /// The text the hint points at; `nil` for a hint about the whole reply (``Kind/noNextStep``).
  public var location: Location?
  /// The text at ``location`` as written in the reply.
  public var excerpt: String?
  /// For jargon, the glossary term that matched (its first spelling in the glossary).
  public var term: String?
  /// What to do, or for jargon the plain-language explanation from the glossary.
  public var explanation: String

  /// Creates a hint (the check builds these).
  /// - Parameters:
  ///   - kind: What the hint is about.
  ///   - language: The reply's language.
  ///   - location: Where it points, if anywhere.
  ///   - excerpt: The text there.
  ///   - term: The glossary term, for jargon.
  ///   - explanation: What to do, or the term's plain-language explanation.
  public init(
    kind: Kind, language: SentimentLanguage, location: Location?, excerpt: String?, term: String? = nil,
    explanation: String
  ) {
    self.kind = kind
    self.language = language
    self.location = location
    self.excerpt = excerpt
    self.term = term
    self.explanation = explanation
  }

  /// The hint's location as a range of the reply it was made for.
  /// - Parameter reply: The reply that was checked.
  /// - Returns: The range, or `nil` when the hint has no location or it does not fit `reply`.
  public func range(in reply: String) -> Range<String.Index>? {
    guard let location, location.utf16Offset >= 0, location.utf16Length >= 0,
      location.utf16Offset + location.utf16Length <= reply.utf16.count
    else { return nil }
    let start = reply.utf16.index(reply.utf16.startIndex, offsetBy: location.utf16Offset)
    let end = reply.utf16.index(start, offsetBy: location.utf16Length)
    return start..<end
  }
}
