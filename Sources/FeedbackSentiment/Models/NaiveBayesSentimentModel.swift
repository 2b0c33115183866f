import Foundation

/// A multinomial naive Bayes classifier over binarised hashed word n-grams, with Laplace smoothing.
///
/// Train it on your own labelled feedback, save it as JSON (it is `Codable`) and load it in production:
///
/// ```swift
/// let model = try NaiveBayesSentimentModel.train(on: examples)
/// let data = try JSONEncoder().encode(model)
/// let loaded = try JSONDecoder().decode(NaiveBayesSentimentModel.self, from: data)
/// loaded.classify("server down again").label  // .negative
/// ```
///
/// Each feature is counted once per text (binarised naive Bayes, which is known to do better on short
/// sentiment texts than raw counts). Classifying costs O(n) in the text's length.
public struct NaiveBayesSentimentModel: ProbabilisticSentimentModel, Codable {
  /// The features the model reads.
  public let options: SentimentFeatureOptions
  /// The additive smoothing constant α.
  public let smoothing: Double
  /// Training texts per label, in `SentimentLabel.allCases` order.
  public let documentCounts: [Int]
  private let featureCounts: SparseClassTable
  private let extractor: FeatureExtractor
  private let logPriors: [Double]
  /// The log-likelihoods of the buckets seen in training.
  private let table: NaiveBayesTable

  /// Trains a model.
  ///
  /// - Parameters:
  ///   - examples: Labelled texts; every label should be represented.
  ///   - options: The features to extract.
  ///   - smoothing: Laplace/Lidstone α (> 0).
  /// - Returns: The trained model.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/insufficientData`` when `examples` is empty, or
  ///   ``SentimentError/Code/invalidModel`` for invalid options.
  /// - Complexity: O(total length of the texts + bucket count); feature extraction runs on all cores.
  public static func train(
    on examples: [LabeledExample], options: SentimentFeatureOptions = .words, smoothing: Double = 0.5
  ) throws -> NaiveBayesSentimentModel {
    guard !examples.isEmpty else { throw SentimentError.insufficientData("no training examples") }
    try options.validate()
    guard smoothing > 0, smoothing <= maximumSmoothing else {
      throw SentimentError.invalidModel("smoothing must be in (0, \(maximumSmoothing)]")
    }
    let extractor = FeatureExtractor(options: options)
    let features = ParallelFeatures.uniqueIndices(of: examples, extractor: extractor)
    var counts = [[Double]](repeating: [Double](repeating: 0, count: options.bucketCount), count: 3)
    var documents = [0, 0, 0]
    for (example, indices) in zip(examples, features) {
      let label = example.label.index
      documents[label] += 1
      for index in indices { counts[label][Int(index)] += 1 }
    }
    let table = SparseClassTable(dense: counts)
    return try NaiveBayesSentimentModel(
      options: options, smoothing: smoothing, documentCounts: documents, featureCounts: table)
  }

  /// The largest number of training texts per label a saved model may claim (2⁴⁸): far above any corpus, and low
  /// enough that sums of counts stay exact in a `Double` and cannot overflow.
  static let maximumCount = 1 << 48
  /// The largest smoothing constant a saved model may hold; Laplace is 1, Lidstone usually below.
  static let maximumSmoothing = 1_000.0

  /// Checks and prepares a model; used by training and decoding.
  ///
  /// - Throws: ``SentimentError`` (``SentimentError/Code/invalidModel``) for counts out of range (negative,
  ///   above 2⁴⁸, a feature counted more often than its label has texts), non-finite numbers,
  ///   arrays whose lengths do not match, or smoothing outside (0, 1000]. O(stored counts).
  private init(
    options: SentimentFeatureOptions, smoothing: Double, documentCounts: [Int], featureCounts: SparseClassTable
  ) throws {
    try options.validate()
    guard documentCounts.count == 3, documentCounts.allSatisfy({ (0...Self.maximumCount).contains($0) }),
      documentCounts.contains(where: { $0 > 0 })
    else {
      throw SentimentError.invalidModel(
        "documentCounts must hold three counts in 0...\(Self.maximumCount), not all zero")
    }
    guard smoothing > 0, smoothing <= Self.maximumSmoothing else {
      throw SentimentError.invalidModel("smoothing must be in (0, \(Self.maximumSmoothing)]")
    }
    // Each feature is counted once per text, so a label's count of a feature is at most its number of texts.
    try featureCounts.validate(
      bucketCount: options.bucketCount, allowNegative: false, limits: documentCounts.map(Double.init),
      what: "feature counts")
    self.options = options
    self.smoothing = smoothing
    self.documentCounts = documentCounts
    self.featureCounts = featureCounts
    extractor = FeatureExtractor(options: options)
    let totalDocuments = Double(documentCounts.reduce(0, +))
    logPriors = documentCounts.map { Foundation.log((Double($0) + 1) / (totalDocuments + 3)) }
    let vocabulary = Double(max(featureCounts.indices.count, 1))
    var likelihoods = [Float](repeating: 0, count: 3 * options.bucketCount)
    var seen = [Bool](repeating: false, count: options.bucketCount)
    for label in 0..<3 {
      let total = featureCounts.values[label].reduce(0, +)
      let denominator = total + smoothing * vocabulary
      let unseen = Float(Foundation.log(smoothing / denominator))
      for bucket in 0..<options.bucketCount { likelihoods[label * options.bucketCount + bucket] = unseen }
      for (position, index) in featureCounts.indices.enumerated() {
        let count = featureCounts.values[label][position]
        likelihoods[label * options.bucketCount + index] = Float(Foundation.log((count + smoothing) / denominator))
        seen[index] = true
      }
    }
    table = NaiveBayesTable(logLikelihoods: likelihoods, seen: seen)
  }

  /// The model's distribution over labels for a text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Posterior probabilities (priors only when no feature of the text was seen in training).
  /// - Complexity: O(n) in the length of the text.
  public func probabilities(for text: String) -> SentimentProbabilities {
    posterior(of: text).probabilities
  }

  /// The posterior, or `nil` when no feature of the text was seen in training.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Posterior probabilities or `nil`.
  /// - Complexity: O(n) in the length of the text.
  public func knownProbabilities(for text: String) -> SentimentProbabilities? {
    let (probabilities, known) = posterior(of: text)
    return known > 0 ? probabilities : nil
  }

  /// The posterior of a text; the features live in scratch memory (no arrays per text).
  private func posterior(of text: String) -> (probabilities: SentimentProbabilities, known: Int) {
    extractor.withFeatures(of: text) { posterior(of: &$0) }
  }

  /// ``knownProbabilities(for:)`` over tokens already made by a tokenizer with the model's dictionary (see
  /// ``sharesTokenizer(with:)``): an ensemble reads the text once.
  func knownProbabilities(in tokens: ByteTokens) -> SentimentProbabilities? {
    let (probabilities, known) = extractor.withFeatures(in: tokens) { posterior(of: &$0) }
    return known > 0 ? probabilities : nil
  }

  /// Whether tokens of `tokenizer` are the model's own (same frozen dictionary).
  func sharesTokenizer(with tokenizer: FeedbackTokenizer) -> Bool { extractor.tokenizer.cutter === tokenizer.cutter }

  /// The model's feature extractor (an ensemble extracts once for the models whose features agree).
  var featureExtractor: FeatureExtractor { extractor }

  /// ``knownProbabilities(in:)`` over features extracted once for several models: `features` come from an
  /// extractor that ``FeatureExtractor/sharesFeatures(with:)`` this model's, with at least its bucket count, and
  /// are masked to this model's buckets. The same result as extracting them anew.
  ///
  /// - Complexity: O(f log f) in the number of features (a copy in scratch memory, then the posterior).
  func knownProbabilities(sharedFeatures features: UnsafeMutableBufferPointer<Int32>) -> SentimentProbabilities? {
    let mask = Int32(truncatingIfNeeded: options.bucketCount - 1)
    let (probabilities, known) = ScratchList<Int32>.with(capacity: features.count) { own in
      for feature in features { own.append(feature & mask) }
      return posterior(of: &own)
    }
    return known > 0 ? probabilities : nil
  }

  /// The posterior from the distinct features seen in training, summed in ascending bucket order; `known`
  /// counts them. Reorders `features`.
  private func posterior(of features: inout ScratchList<Int32>) -> (probabilities: SentimentProbabilities, known: Int) {
    var seenCount = 0
    for position in 0..<features.count where table.isSeen(Int(features[position])) {
      features[seenCount] = features[position]
      seenCount += 1
    }
    features.truncate(to: seenCount)
    features.withBuffer { Self.sortAscending($0) }
    var negative = logPriors[0]
    var neutral = logPriors[1]
    var positive = logPriors[2]
    var known = 0
    for position in 0..<features.count where position == 0 || features[position] != features[position - 1] {
      let bucket = Int(features[position])
      known += 1
      negative += Double(table.likelihood(bucket, label: 0))
      neutral += Double(table.likelihood(bucket, label: 1))
      positive += Double(table.likelihood(bucket, label: 2))
    }
    return (.softmax(negative, neutral, positive), known)
  }

  /// Sorts a few indices in place: insertion sort for the usual handful, the standard library's sort beyond.
  private static func sortAscending(_ values: UnsafeMutableBufferPointer<Int32>) {
    guard values.count > 64 else {
      for index in values.indices.dropFirst() {
        let value = values[index]
        var position = index
        while position > 0 && values[position - 1] > value {
          values[position] = values[position - 1]
          position -= 1
        }
        values[position] = value
      }
      return
    }
    var values = values
    values.sort()
  }

  /// Classifies one text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: The most probable label; neutral with confidence 0 when no feature was seen in training. The
  ///   explanation lists each known word with its log-odds of positive over negative.
  /// - Complexity: O(n) in the length of the text.
  public func classify(_ text: String) -> SentimentResult {
    let language = ModelSupport.identifier?.identify(text) ?? .undetermined
    let (probabilities, known) = posterior(of: text)
    guard known > 0 else { return .unknown(language: language) }
    let explanation = ModelSupport.explanation(text: text, extractor: extractor) { index in
      guard table.isSeen(index) else { return nil }
      return Double(table.likelihood(index, label: 2) - table.likelihood(index, label: 0))
    }
    return ModelSupport.result(probabilities, language: language, explanation: explanation)
  }

  private enum CodingKeys: String, CodingKey {
    case kind, options, smoothing, documentCounts, featureCounts
  }

  /// Decodes a saved model and checks it (ranges, array lengths, finite counts), so a damaged or hostile file is
  /// a typed error rather than a trap or scores that are silently not numbers.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a wrong shape, ``SentimentError`` (``SentimentError/Code/invalidModel``) for
  ///   inconsistent contents.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    guard kind == "naiveBayes" else { throw SentimentError.invalidModel("expected kind 'naiveBayes', got '\(kind)'") }
    try self.init(
      options: container.decode(SentimentFeatureOptions.self, forKey: .options),
      smoothing: container.decode(Double.self, forKey: .smoothing),
      documentCounts: container.decode([Int].self, forKey: .documentCounts),
      featureCounts: container.decode(SparseClassTable.self, forKey: .featureCounts)
    )
  }

  /// Reads a model from ``ModelJSONReader``'s value of a saved file, with the same checks as decoding.
  ///
  /// - Parameter json: The document.
  /// - Returns: `nil` when the document is not in the shape `JSONEncoder` writes; decode it with `JSONDecoder`
  ///   then, for that decoder's errors.
  /// - Throws: ``SentimentError`` (``SentimentError/Code/invalidModel``) for inconsistent contents.
  init?(modelJSON json: ModelJSONReader.Value) throws {
    guard json["kind"]?.string == "naiveBayes", let options = SentimentFeatureOptions(modelJSON: json["options"]),
      let smoothing = json["smoothing"]?.double, let documentCounts = json["documentCounts"]?.ints,
      let featureCounts = SparseClassTable(modelJSON: json["featureCounts"])
    else { return nil }
    try self.init(
      options: options, smoothing: smoothing, documentCounts: documentCounts, featureCounts: featureCounts)
  }

  /// Encodes the model as JSON-friendly data (`kind`, options, counts of the features seen).
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("naiveBayes", forKey: .kind)
    try container.encode(options, forKey: .options)
    try container.encode(smoothing, forKey: .smoothing)
    try container.encode(documentCounts, forKey: .documentCounts)
    try container.encode(featureCounts, forKey: .featureCounts)
  }
}
