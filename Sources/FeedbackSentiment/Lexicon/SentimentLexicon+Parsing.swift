import Foundation

extension SentimentLexicon {
  /// Parses a lexicon from the texts of its files (see <doc:LexiconFormat>).
  ///
  /// - Parameters:
  ///   - language: The language.
  ///   - lexicon: Text of `lexicon-<lang>.txt`: `term<TAB>valence` lines, valence in −4…4.
  ///   - rules: Text of `rules-<lang>.txt`: `[section]` headers followed by entries.
  ///   - aspects: Text of `aspects-<lang>.txt`: `aspect<TAB>term` lines.
  ///   - words: Text of a word list (one word per line), for ``LaoSegmenter``.
  /// - Throws: ``SentimentError`` with code ``SentimentError/Code/malformedLine`` or
  ///   ``SentimentError/Code/valueOutOfRange``, naming the file and line.
  public init(
    language: SentimentLanguage,
    lexicon: String,
    rules: String = "",
    aspects: String = "",
    words: String = ""
  ) throws {
    self.init(language: language, valences: [:])
    let code = language.rawValue
    valences = try Self.parseValences(lexicon, source: "lexicon-\(code).txt")
    try parseRules(rules, source: "rules-\(code).txt")
    aspectTerms = try Self.parseAspects(aspects, source: "aspects-\(code).txt")
    for (_, line) in Self.contentLines(of: words) { segmentationWords.insert(line.lowercased()) }
  }

  /// Parses `term<TAB>valence` lines.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - source: The file name, for errors.
  /// - Returns: Term → valence.
  /// - Throws: ``SentimentError`` naming the line.
  public static func parseValences(_ text: String, source: String? = nil) throws -> [String: Double] {
    var result: [String: Double] = [:]
    for (number, line) in contentLines(of: text) {
      let (term, value) = try termAndNumber(line, number: number, source: source)
      guard value >= -4, value <= 4 else {
        throw SentimentError.valueOutOfRange(number, in: source, "valence \(value) of '\(term)' is outside -4...4")
      }
      result[term] = value
    }
    return result
  }

  /// Parses `aspect<TAB>term` lines.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - source: The file name, for errors.
  /// - Returns: Term → aspect.
  /// - Throws: ``SentimentError`` naming the line.
  public static func parseAspects(_ text: String, source: String? = nil) throws -> [String: HostingAspect] {
    var result: [String: HostingAspect] = [:]
    for (number, line) in contentLines(of: text) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        throw SentimentError.malformedLine(number, in: source, "expected 'aspect<TAB>term', got \(fields.count) fields")
      }
      let aspect = fields[0].trimmingCharacters(in: .whitespaces)
      let term = normalizedTerm(fields[1])
      guard !aspect.isEmpty, !term.isEmpty else {
        throw SentimentError.malformedLine(number, in: source, "aspect and term must not be empty")
      }
      result[term] = HostingAspect(rawValue: aspect)
    }
    return result
  }

  /// Parses the sections of a rules file into this lexicon, adding to what is there.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - source: The file name, for errors.
  /// - Throws: ``SentimentError`` naming the line: an entry before any section, an unknown section, a missing or
  ///   out-of-range factor.
  public mutating func parseRules(_ text: String, source: String? = nil) throws {
    var section: String?
    for (number, line) in Self.contentLines(of: text) {
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else {
          throw SentimentError.malformedLine(number, in: source, "section header must end with ']'")
        }
        let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.ruleSections.contains(name) else {
          throw SentimentError.malformedLine(number, in: source, "unknown section [\(name)]")
        }
        section = name
        continue
      }
      switch section {
      case "negators": negators.insert(Self.normalizedTerm(Substring(line)))
      case "contrast": contrastWords.insert(Self.normalizedTerm(Substring(line)))
      case "stopwords": stopwords.insert(Self.normalizedTerm(Substring(line)))
      case "opinion_cues":
        let cue = Self.normalizedTerm(Substring(line))
        guard !cue.contains(" ") else {
          throw SentimentError.malformedLine(number, in: source, "an opinion cue is a single word, not '\(cue)'")
        }
        opinionCues.insert(cue)
      case "remedies": remedies.insert(Self.normalizedTerm(Substring(line)))
      case "expectations": expectations.insert(Self.normalizedTerm(Substring(line)))
      case "conditions": conditions.insert(Self.normalizedTerm(Substring(line)))
      case "hypotheticals": hypotheticals.insert(Self.normalizedTerm(Substring(line)))
      case "intensifiers", "dampeners":
        let (term, value) = try Self.termAndNumber(line, number: number, source: source)
        guard value >= -1, value <= 1, value != 0 else {
          throw SentimentError.valueOutOfRange(number, in: source, "factor \(value) of '\(term)' must be in -1...1")
        }
        // Intensifiers strengthen, dampeners weaken: the section decides the sign.
        intensifiers[term] = section == "intensifiers" ? abs(value) : -abs(value)
      case "negation_fixed":
        let (term, value) = try Self.termAndNumber(line, number: number, source: source)
        guard value >= -4, value <= 4 else {
          throw SentimentError.valueOutOfRange(number, in: source, "valence \(value) of '\(term)' is outside -4...4")
        }
        fixedPhrases[term] = value
      default:
        throw SentimentError.malformedLine(number, in: source, "entry before any [section] header")
      }
    }
  }

  static let ruleSections: Set<String> = [
    "negators", "intensifiers", "dampeners", "contrast", "stopwords", "negation_fixed", "opinion_cues", "remedies",
    "expectations", "conditions", "hypotheticals",
  ]

  /// Non-comment, non-blank lines with their 1-based numbers; trailing whitespace and a BOM are removed.
  static func contentLines(of text: String) -> [(Int, String)] {
    var result: [(Int, String)] = []
    var number = 0
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      var line = Substring(rawLine)
      if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      while let last = line.last, last == "\r" || last == " " { line = line.dropLast() }
      if isBlankOrComment(line) { continue }
      result.append((number, String(line)))
    }
    return result
  }

  /// Whether a line is blank or a comment once leading whitespace is trimmed; most lines start with a visible
  /// ASCII character or a letter and are decided by their first scalar.
  private static func isBlankOrComment(_ line: Substring) -> Bool {
    let scalars = line.unicodeScalars
    guard let first = scalars.first else { return true }
    switch first.value {
    case 0x23:
      // "#" starts a comment unless a combining mark joins it into another character.
      let next = scalars.dropFirst().first
      if next == nil || next!.isASCII { return true }
    case 0x21...0x7E: return false
    case 0x80...:
      if !CharacterSet.whitespaces.contains(first) { return false }
    default: break
    }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }

  static func termAndNumber(_ line: String, number: Int, source: String?) throws -> (String, Double) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count == 2 else {
      throw SentimentError.malformedLine(number, in: source, "expected 'term<TAB>number', got \(fields.count) fields")
    }
    let term = normalizedTerm(fields[0])
    guard !term.isEmpty else { throw SentimentError.malformedLine(number, in: source, "empty term") }
    guard let value = Double(trimmed(fields[1])), value.isFinite else {
      throw SentimentError.malformedLine(number, in: source, "'\(fields[1])' is not a number")
    }
    return (term, value)
  }

  /// A field without surrounding whitespace; fields without any are returned as they are.
  private static func trimmed(_ field: Substring) -> Substring {
    guard let first = field.utf8.first, let last = field.utf8.last,
      (0x21...0x7E).contains(first), (0x21...0x7E).contains(last)
    else { return Substring(field.trimmingCharacters(in: .whitespaces)) }
    return field
  }

  /// Lowercased, trimmed, inner whitespace collapsed to single spaces, curly apostrophes straightened.
  static func normalizedTerm(_ field: Substring) -> String {
    if let plain = plainASCIITerm(field) { return plain }
    return field.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
      .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// ``normalizedTerm(_:)`` of a field of printable ASCII with single spaces between words and none around them
  /// (most terms): its lowercase; `nil` for any other field.
  private static func plainASCIITerm(_ field: Substring) -> String? {
    let utf8 = field.utf8
    guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20 else { return nil }
    var previous: UInt8 = 0
    var hasUppercase = false
    for byte in utf8 {
      guard (0x20...0x7E).contains(byte), !(byte == 0x20 && previous == 0x20) else { return nil }
      hasUppercase = hasUppercase || (0x41...0x5A).contains(byte)
      previous = byte
    }
    guard hasUppercase else { return String(field) }
    return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}
