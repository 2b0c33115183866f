import Foundation

extension SentimentLexicon {
  /// The lexicon shipped in the module's resources for a language (`lexicon-<code>.txt`, `rules-<code>.txt`,
  /// `aspects-<code>.txt`, and for Lao `lao-words.txt`).
  ///
  /// - Parameter language: One of ``SentimentLanguage/bundled``.
  /// - Returns: The parsed lexicon (parsed once per process, then cached).
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/missingResource`` when the language has no lexicon
  ///   file, or a parse error if a resource is malformed.
  public static func bundled(_ language: SentimentLanguage) throws -> SentimentLexicon {
    switch BundledLexicons.shared[language] {
    case .success(let lexicon)?: return lexicon
    case .failure(let error)?: throw error
    case nil: throw SentimentError.missingResource("lexicon-\(language.rawValue).txt")
    }
  }

  /// Every bundled lexicon, by language.
  ///
  /// - Returns: The lexicons for ``SentimentLanguage/bundled``.
  /// - Throws: The first loading error.
  public static func allBundled() throws -> [SentimentLanguage: SentimentLexicon] {
    var result: [SentimentLanguage: SentimentLexicon] = [:]
    for language in SentimentLanguage.bundled { result[language] = try bundled(language) }
    return result
  }
}

/// Loads the bundled resource files once per process.
enum BundledLexicons {
  static let shared: [SentimentLanguage: Result<SentimentLexicon, SentimentError>] = {
    var result: [SentimentLanguage: Result<SentimentLexicon, SentimentError>] = [:]
    for language in SentimentLanguage.bundled {
      result[language] = Result { try load(language) }.mapError { error in
        error as? SentimentError ?? SentimentError(code: .missingResource, message: "\(error)")
      }
    }
    return result
  }()

  /// The segmenter over the bundled Lao words and all bundled Lao terms.
  static let segmenter: LaoSegmenter = {
    var words: [String] = []
    for case .success(let lexicon) in shared.values { words += lexicon.allTerms }
    return LaoSegmenter(words: words)
  }()

  /// A tokenizer over ``segmenter``, shared by the trained models' feature extraction.
  static let tokenizer = FeedbackTokenizer(segmenter: segmenter)

  /// Union of the negators of all bundled lexicons (for feature extraction).
  static let negators: Set<String> = {
    var words: Set<String> = []
    for case .success(let lexicon) in shared.values { words.formUnion(lexicon.negators) }
    return words
  }()

  static func resourceText(_ name: String) throws -> String {
    let url =
      Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
      ?? Bundle.module.url(forResource: name, withExtension: "txt")
    guard let url else { throw SentimentError.missingResource("\(name).txt") }
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw SentimentError.missingResource("\(name).txt")
    }
  }

  static func optionalResourceText(_ name: String) throws -> String {
    do {
      return try resourceText(name)
    } catch let error as SentimentError where error.code == .missingResource {
      return ""
    }
  }

  static func load(_ language: SentimentLanguage) throws -> SentimentLexicon {
    let code = language.rawValue
    return try SentimentLexicon(
      language: language,
      lexicon: resourceText("lexicon-\(code)"),
      rules: resourceText("rules-\(code)"),
      aspects: optionalResourceText("aspects-\(code)"),
      words: language == .lao ? optionalResourceText("lao-words") : ""
    )
  }
}
