import Foundation

/// An error from FeedbackSentiment: a malformed lexicon or corpus file, a model that does not decode, or
/// training data that cannot train anything.
public struct SentimentError: SupportKitError, Hashable {
  /// What kind of problem. An open set of well-known values, so new codes do not break exhaustive switches.
  public struct Code: SupportKitErrorCode {
    /// The code's name.
    public var rawValue: String
    /// Creates a code.
    ///
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A line of a lexicon, rules, aspects or corpus file does not follow the format.
    public static let malformedLine = Code(rawValue: "malformedLine")
    /// A valence or factor is not a finite number in its allowed range.
    public static let valueOutOfRange = Code(rawValue: "valueOutOfRange")
    /// A bundled resource file is missing.
    public static let missingResource = Code(rawValue: "missingResource")
    /// A saved model does not describe a valid model.
    public static let invalidModel = Code(rawValue: "invalidModel")
    /// Training or evaluation got no usable examples, or cross-validation got too few for its folds.
    public static let insufficientData = Code(rawValue: "insufficientData")
  }

  /// What kind of problem.
  public var code: Code
  /// What was wrong and what to do, in one sentence.
  public var message: String
  /// Where: `file` (a file name or resource) and `line` (1-based), when known; see `ErrorContextKey`.
  public var context: [String: String]

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: What kind of problem.
  ///   - message: What was wrong.
  ///   - context: Where, under the keys of `ErrorContextKey`.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// Creates an error located in a file.
  ///
  /// - Parameters:
  ///   - code: What kind of problem.
  ///   - message: What was wrong.
  ///   - source: The file or resource.
  ///   - line: The 1-based line.
  public init(code: Code, message: String, source: String?, line: Int? = nil) {
    var context: [String: String] = [:]
    if let source { context[ErrorContextKey.file] = source }
    if let line { context[ErrorContextKey.line] = String(line) }
    self.init(code: code, message: message, context: context)
  }

  /// The file or resource, when known.
  public var source: String? { context[ErrorContextKey.file] }

  /// A line that does not follow its file's format.
  ///
  /// - Parameters:
  ///   - line: The 1-based line number.
  ///   - source: The file.
  ///   - reason: What is wrong with it.
  /// - Returns: A ``Code/malformedLine`` error.
  public static func malformedLine(_ line: Int, in source: String?, _ reason: String) -> SentimentError {
    SentimentError(code: .malformedLine, message: reason, source: source, line: line)
  }

  /// A number outside its allowed range.
  ///
  /// - Parameters:
  ///   - line: The 1-based line number.
  ///   - source: The file.
  ///   - reason: Which number and its range.
  /// - Returns: A ``Code/valueOutOfRange`` error.
  public static func valueOutOfRange(_ line: Int, in source: String?, _ reason: String) -> SentimentError {
    SentimentError(code: .valueOutOfRange, message: reason, source: source, line: line)
  }

  /// A bundled resource that is not in `Bundle.module`.
  ///
  /// - Parameter name: The resource file name.
  /// - Returns: A ``Code/missingResource`` error.
  public static func missingResource(_ name: String) -> SentimentError {
    SentimentError(code: .missingResource, message: "bundled resource \(name) is missing", source: name)
  }

  /// A decoded model that is inconsistent.
  ///
  /// - Parameter reason: What is inconsistent.
  /// - Returns: A ``Code/invalidModel`` error.
  public static func invalidModel(_ reason: String) -> SentimentError {
    SentimentError(code: .invalidModel, message: reason)
  }

  /// Not enough data for the operation.
  ///
  /// - Parameter reason: What was missing.
  /// - Returns: An ``Code/insufficientData`` error.
  public static func insufficientData(_ reason: String) -> SentimentError {
    SentimentError(code: .insufficientData, message: reason)
  }
}
