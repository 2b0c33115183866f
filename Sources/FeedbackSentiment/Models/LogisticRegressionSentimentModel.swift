import Foundation

/// A multinomial logistic-regression (softmax) classifier over hashed word n-grams and character n-grams.
///
/// Character n-grams make it robust to typos, elongation, Malay affixes and Lao segmentation mistakes. Trained
/// with AdaGrad and L2 regularisation; deterministic for a given seed. `Codable`, like
/// ``NaiveBayesSentimentModel``.
///
/// ```swift
/// let model = try LogisticRegressionSentimentModel.train(on: examples)
/// model.probabilities(for: "migration was smooth, thanks!").positive  // close to 1
/// ```
public struct LogisticRegressionSentimentModel: ProbabilisticSentimentModel, Codable {
  /// Training settings.
  public struct TrainingOptions: Sendable, Hashable, Codable {
    /// Passes over the training data.
    public var epochs: Int
    /// AdaGrad's base learning rate.
    public var learningRate: Double
    /// L2 penalty per update.
    public var l2: Double
    /// Seed of the shuffling order.
    public var seed: UInt64
    /// Weight each label by the inverse of its frequency.
    public var balancesClasses: Bool

    /// Creates training options.
    ///
    /// - Parameters:
    ///   - epochs: Passes over the data (≥ 1).
    ///   - learningRate: Base learning rate (> 0).
    ///   - l2: L2 penalty (≥ 0).
    ///   - seed: Shuffle seed.
    ///   - balancesClasses: Re-weight labels by inverse frequency.
    public init(
      epochs: Int = 15, learningRate: Double = 0.5, l2: Double = 1e-5, seed: UInt64 = 42, balancesClasses: Bool = true
    ) {
      self.epochs = epochs
      self.learningRate = learningRate
      self.l2 = l2
      self.seed = seed
      self.balancesClasses = balancesClasses
    }
  }

  /// The features the model reads.
  public let options: SentimentFeatureOptions
  /// The per-label intercepts.
  public let biases: [Double]
  private let table: SparseClassTable
  private let extractor: FeatureExtractor
  private let weights: [Float]

  /// Trains a model.
  ///
  /// - Parameters:
  ///   - examples: Labelled texts.
  ///   - options: The features to extract.
  ///   - training: Epochs, learning rate, regularisation, seed.
  /// - Returns: The trained model.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/insufficientData`` when `examples` is empty, or
  ///   ``SentimentError/Code/invalidModel`` for invalid options.
  /// - Complexity: O(epochs × total number of features + bucket count).
  public static func train(
    on examples: [LabeledExample],
    options: SentimentFeatureOptions = .wordsAndCharacters,
    training: TrainingOptions = TrainingOptions()
  ) throws -> LogisticRegressionSentimentModel {
    guard !examples.isEmpty else { throw SentimentError.insufficientData("no training examples") }
    try options.validate()
    guard training.epochs >= 1, training.learningRate > 0, training.l2 >= 0, training.l2.isFinite,
      training.learningRate.isFinite
    else {
      throw SentimentError.invalidModel("epochs must be ≥ 1, learningRate > 0, l2 ≥ 0")
    }
    let extractor = FeatureExtractor(options: options)
    let vectors = examples.map { FeatureExtractor.normalizedVector(extractor.features(of: $0.text)) }
    let labels = examples.map(\.label.index)
    var labelCounts = [0, 0, 0]
    for label in labels { labelCounts[label] += 1 }
    let classWeights = labelCounts.map { count -> Double in
      guard training.balancesClasses, count > 0 else { return 1 }
      return Double(examples.count) / (3 * Double(count))
    }
    let buckets = options.bucketCount
    var weights = [Float](repeating: 0, count: 3 * buckets)
    var squaredGradients = [Float](repeating: 0, count: 3 * buckets)
    var biases = [Double](repeating: 0, count: 3)
    var biasSquares = [Double](repeating: 0, count: 3)
    var order = Array(examples.indices)
    var generator = SplitMix64(seed: training.seed)
    let rate = Float(training.learningRate)
    let decay = Float(training.l2)
    for _ in 0..<training.epochs {
      order.shuffle(using: &generator)
      for example in order {
        let vector = vectors[example]
        var logits = biases
        for (index, value) in vector {
          for label in 0..<3 { logits[label] += Double(weights[label * buckets + Int(index)] * value) }
        }
        let probabilities = SentimentProbabilities.softmax(logits)
        for label in 0..<3 {
          let target: Double = label == labels[example] ? 1 : 0
          let gradient =
            (probabilities[SentimentLabel(index: label) ?? .neutral] - target) * classWeights[labels[example]]
          biasSquares[label] += gradient * gradient
          biases[label] -= training.learningRate * gradient / (biasSquares[label].squareRoot() + 1e-8)
          let error = Float(gradient)
          for (index, value) in vector {
            let slot = label * buckets + Int(index)
            let step = error * value + decay * weights[slot]
            squaredGradients[slot] += step * step
            weights[slot] -= rate * step / (squaredGradients[slot].squareRoot() + 1e-8)
          }
        }
      }
    }
    let dense = (0..<3).map { label in (0..<buckets).map { Double(weights[label * buckets + $0]) } }
    return try LogisticRegressionSentimentModel(options: options, biases: biases, table: SparseClassTable(dense: dense))
  }

  /// The largest magnitude of a weight or bias a saved model may hold. Trained weights stay within a few units;
  /// the bound keeps every weight a finite `Float` and every score a finite number.
  static let maximumWeight = 1e6

  /// Checks and prepares a model; used by training and decoding.
  ///
  /// - Throws: ``SentimentError`` (``SentimentError/Code/invalidModel``) for non-finite or out-of-range
  ///   weights and biases (beyond ±10⁶) or arrays whose lengths do not match. O(stored weights).
  private init(options: SentimentFeatureOptions, biases: [Double], table: SparseClassTable) throws {
    try options.validate()
    guard biases.count == 3, biases.allSatisfy({ abs($0) <= Self.maximumWeight }) else {
      throw SentimentError.invalidModel("biases must hold three finite numbers within ±\(Self.maximumWeight)")
    }
    try table.validate(
      bucketCount: options.bucketCount, allowNegative: true, limits: Array(repeating: Self.maximumWeight, count: 3),
      what: "weights")
    self.options = options
    self.biases = biases
    self.table = table
    extractor = FeatureExtractor(options: options)
    var weights = [Float](repeating: 0, count: 3 * options.bucketCount)
    for label in 0..<3 {
      for (position, index) in table.indices.enumerated() {
        weights[label * options.bucketCount + index] = Float(table.values[label][position])
      }
    }
    self.weights = weights
  }

  private func logits(_ vector: [(index: Int32, value: Float)]) -> (logits: [Double], known: Int) {
    var logits = biases
    var known = 0
    let buckets = options.bucketCount
    for (index, value) in vector {
      let slot = Int(index)
      if weights[slot] != 0 || weights[buckets + slot] != 0 || weights[2 * buckets + slot] != 0 { known += 1 }
      for label in 0..<3 { logits[label] += Double(weights[label * buckets + slot] * value) }
    }
    return (logits, known)
  }

  /// The model's distribution over labels for a text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Softmax probabilities.
  /// - Complexity: O(n) in the length of the text.
  public func probabilities(for text: String) -> SentimentProbabilities {
    .softmax(logits(FeatureExtractor.normalizedVector(extractor.features(of: text))).logits)
  }

  /// The softmax probabilities, or `nil` when no feature of the text has a trained weight.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Probabilities or `nil`.
  /// - Complexity: O(n) in the length of the text.
  public func knownProbabilities(for text: String) -> SentimentProbabilities? {
    let (logits, known) = logits(FeatureExtractor.normalizedVector(extractor.features(of: text)))
    return known > 0 ? .softmax(logits) : nil
  }

  /// Classifies one text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: The most probable label; neutral with confidence 0 when no feature has a trained weight. The
  ///   explanation lists known words with their weight towards positive (positive minus negative weight).
  /// - Complexity: O(n) in the length of the text.
  public func classify(_ text: String) -> SentimentResult {
    let indices = extractor.features(of: text)
    let language = ModelSupport.identifier?.identify(text) ?? .undetermined
    let (logits, known) = logits(FeatureExtractor.normalizedVector(indices))
    guard known > 0 else { return .unknown(language: language) }
    let buckets = options.bucketCount
    let explanation = ModelSupport.explanation(text: text, extractor: extractor) { index in
      Double(weights[2 * buckets + index] - weights[index])
    }
    return ModelSupport.result(.softmax(logits), language: language, explanation: explanation)
  }

  private enum CodingKeys: String, CodingKey {
    case kind, options, biases, weights
  }

  /// Decodes a saved model and checks it (finite weights within ±10⁶, array lengths), so a damaged
  /// or hostile file is a typed error rather than scores that are silently not numbers.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a wrong shape, ``SentimentError`` (``SentimentError/Code/invalidModel``) for
  ///   inconsistent contents.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    guard kind == "logisticRegression" else {
      throw SentimentError.invalidModel("expected kind 'logisticRegression', got '\(kind)'")
    }
    try self.init(
      options: container.decode(SentimentFeatureOptions.self, forKey: .options),
      biases: container.decode([Double].self, forKey: .biases),
      table: container.decode(SparseClassTable.self, forKey: .weights)
    )
  }

  /// Encodes the model (`kind`, options, biases, non-zero weights).
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("logisticRegression", forKey: .kind)
    try container.encode(options, forKey: .options)
    try container.encode(biases, forKey: .biases)
    try container.encode(table, forKey: .weights)
  }
}
