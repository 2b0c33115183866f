import Foundation

/// Which features a trained model extracts from a text. Stored in the model, so a saved model always reads
/// text the way it was trained.
///
/// Features are hashed into ``bucketCount`` buckets (FNV-1a, stable across runs and platforms), so a model's
/// size does not grow with the vocabulary.
public struct SentimentFeatureOptions: Sendable, Hashable, Codable {
  /// Longest word n-gram: 1 for unigrams only, 2 adds bigrams, … (1…4).
  public var wordNGrams: Int
  /// Shortest character n-gram within a word (padded with boundary marks); 0 disables character n-grams.
  public var minimumCharacterNGram: Int
  /// Longest character n-gram (≥ ``minimumCharacterNGram``, at most 8).
  public var maximumCharacterNGram: Int
  /// Words within three words after a negator (and before punctuation) become distinct negated features.
  public var marksNegation: Bool
  /// Number of hash buckets (a power of two between 2¹⁰ and 2²⁴).
  public var bucketCount: Int

  /// Creates options.
  ///
  /// - Parameters:
  ///   - wordNGrams: Longest word n-gram (1…4).
  ///   - minimumCharacterNGram: Shortest character n-gram, 0 for none.
  ///   - maximumCharacterNGram: Longest character n-gram.
  ///   - marksNegation: Mark words in a negator's scope.
  ///   - bucketCount: Hash buckets, a power of two.
  public init(
    wordNGrams: Int = 2,
    minimumCharacterNGram: Int = 0,
    maximumCharacterNGram: Int = 0,
    marksNegation: Bool = true,
    bucketCount: Int = 1 << 18
  ) {
    self.wordNGrams = wordNGrams
    self.minimumCharacterNGram = minimumCharacterNGram
    self.maximumCharacterNGram = maximumCharacterNGram
    self.marksNegation = marksNegation
    self.bucketCount = bucketCount
  }

  /// Word unigrams and bigrams with negation marking: the naive Bayes default.
  public static let words = SentimentFeatureOptions()
  /// Word unigrams and bigrams plus character 2- to 4-grams: the logistic-regression default.
  public static let wordsAndCharacters = SentimentFeatureOptions(minimumCharacterNGram: 2, maximumCharacterNGram: 4)

  /// Checks the ranges documented on each property.
  ///
  /// - Throws: ``SentimentError`` with code ``SentimentError/Code/invalidModel``.
  public func validate() throws {
    guard (1...4).contains(wordNGrams) else { throw SentimentError.invalidModel("wordNGrams must be in 1...4") }
    guard minimumCharacterNGram == 0 || (1...8).contains(minimumCharacterNGram),
      minimumCharacterNGram == 0 || (minimumCharacterNGram...8).contains(maximumCharacterNGram)
    else {
      throw SentimentError.invalidModel("character n-gram range must be within 1...8 (or minimum 0 for none)")
    }
    guard bucketCount >= 1 << 10, bucketCount <= 1 << 24, bucketCount & (bucketCount - 1) == 0 else {
      throw SentimentError.invalidModel("bucketCount must be a power of two in 2^10...2^24")
    }
  }
}
