import Foundation

/// Tells hosting feedback from general text (reviews, news, social media) so that an ensemble can ask the model
/// trained on the matching register: a binarised naive Bayes model over word unigrams and bigrams, trained on
/// lines of both kinds.
///
/// A gate trained with formal lines as well (``train(inDomain:outOfDomain:formal:options:sharpness:prior:)``)
/// also tells, within general text, formal text (news, official statements) from reviews and comments
/// (``RegisterShares/formal``): the two registers label the same kind of sentence differently (news sets call a
/// formal political sentence positive or negative, review sets call it neutral), so each gets its own model.
///
/// ```swift
/// let gate = try DomainGate.train(inDomain: hostingLines, outOfDomain: reviewLines, formal: newsLines)
/// gate.inDomainProbability("server lambat sejak semalam")  // close to 1
/// gate.registerShares("Kerajaan akan melaksanakan dasar baharu").formal  // close to 1
/// ```
public struct DomainGate: Sendable, Codable {
  /// How much of a text belongs to each register.
  public struct RegisterShares: Sendable, Hashable {
    /// The probability that the text is hosting feedback (``DomainGate/inDomainProbability(_:)``), 0…1.
    public var hosting: Double
    /// The share of formal text (news) within the rest, 0…1; 0 for a gate trained without formal lines.
    public var formal: Double

    /// Creates shares.
    ///
    /// - Parameters:
    ///   - hosting: The probability of hosting feedback.
    ///   - formal: The share of formal text within general text.
    public init(hosting: Double, formal: Double) {
      self.hosting = hosting
      self.formal = formal
    }
  }

  /// The underlying model: its `positive` label stands for "in domain", `negative` for "out of domain" (reviews,
  /// comments), `neutral` for formal out-of-domain text when the gate was trained with formal lines.
  public let model: NaiveBayesSentimentModel

  /// How decisive the gate is: its probabilities are sharpened as `p^s / (p^s + (1 − p)^s)`; 1 keeps the model's,
  /// larger values move them towards 0 or 1.
  public var sharpness: Double
  /// How likely a text is to belong to the domain before it is read (0.5: no preference). A gate in a host's panel
  /// expects hosting feedback, so it leans towards the domain when the words are ambiguous.
  public var prior: Double

  /// Wraps a model trained with in-domain lines labelled positive and out-of-domain lines labelled negative.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - sharpness: How decisive the gate is (≥ 1 sharpens; 1 by default).
  ///   - prior: The probability of the domain before reading (0.5 by default; clamped to 0.01…0.99).
  public init(model: NaiveBayesSentimentModel, sharpness: Double = 1, prior: Double = 0.5) {
    self.model = model
    self.sharpness = sharpness.isFinite && sharpness > 0 ? sharpness : 1
    self.prior = prior.isFinite ? min(0.99, max(0.01, prior)) : 0.5
  }

  /// Trains a gate.
  ///
  /// - Parameters:
  ///   - inDomain: Texts of the domain (hosting feedback).
  ///   - outOfDomain: Texts of other registers.
  ///   - options: The features to read (word unigrams and bigrams by default).
  ///   - sharpness: How decisive the gate is.
  ///   - prior: The probability of the domain before reading.
  /// - Returns: The gate; each side weighs as much as the other whatever the number of its texts.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/insufficientData`` when a side is empty.
  /// - Complexity: O(total length of the texts + bucket count).
  public static func train(
    inDomain: [String], outOfDomain: [String], options: SentimentFeatureOptions = .words, sharpness: Double = 1,
    prior: Double = 0.5
  ) throws -> DomainGate {
    guard !inDomain.isEmpty, !outOfDomain.isEmpty else {
      throw SentimentError.insufficientData("a domain gate needs texts on both sides")
    }
    let repeats = max(1, Int((Double(outOfDomain.count) / Double(inDomain.count)).rounded()))
    var examples = outOfDomain.map { LabeledExample(text: $0, label: .negative) }
    for _ in 0..<repeats { examples += inDomain.map { LabeledExample(text: $0, label: .positive) } }
    return DomainGate(
      model: try NaiveBayesSentimentModel.train(on: examples, options: options), sharpness: sharpness, prior: prior)
  }

  /// Trains a gate that also tells formal text (news) from the other general text.
  ///
  /// - Parameters:
  ///   - inDomain: Texts of the domain (hosting feedback).
  ///   - outOfDomain: Informal texts of other registers (reviews, comments).
  ///   - formal: Formal texts of other registers (news sentences).
  ///   - options: The features to read (word unigrams and bigrams by default).
  ///   - sharpness: How decisive the gate is.
  ///   - prior: The probability of the domain before reading.
  /// - Returns: The gate; each of the three sides weighs as much as the others whatever the number of its texts.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/insufficientData`` when a side is empty.
  /// - Complexity: O(total length of the texts + bucket count).
  public static func train(
    inDomain: [String], outOfDomain: [String], formal: [String], options: SentimentFeatureOptions = .words,
    sharpness: Double = 1, prior: Double = 0.5
  ) throws -> DomainGate {
    guard !inDomain.isEmpty, !outOfDomain.isEmpty, !formal.isEmpty else {
      throw SentimentError.insufficientData("a domain gate with a formal register needs texts on all three sides")
    }
    let largest = max(inDomain.count, outOfDomain.count, formal.count)
    var examples: [LabeledExample] = []
    for (texts, label) in [(outOfDomain, SentimentLabel.negative), (formal, .neutral), (inDomain, .positive)] {
      let repeats = max(1, Int((Double(largest) / Double(texts.count)).rounded()))
      for _ in 0..<repeats { examples += texts.map { LabeledExample(text: $0, label: label) } }
    }
    return DomainGate(
      model: try NaiveBayesSentimentModel.train(on: examples, options: options), sharpness: sharpness, prior: prior)
  }

  /// Whether the gate was trained with formal lines and so tells formal text apart (``RegisterShares/formal``).
  public var readsFormalText: Bool { model.documentCounts[SentimentLabel.neutral.index] > 0 }

  /// The probability that a text belongs to the domain.
  ///
  /// - Parameter text: The text.
  /// - Returns: 0…1; 0.5 when the gate recognises nothing in the text.
  /// - Complexity: O(n) in the length of the text.
  public func inDomainProbability(_ text: String) -> Double {
    guard let probabilities = model.knownProbabilities(for: text) else { return 0.5 }
    return share(probabilities, formalText: readsFormalText)
  }

  /// How much of a text belongs to each register.
  ///
  /// - Parameter text: The text.
  /// - Returns: The probability of hosting feedback (as ``inDomainProbability(_:)``) and the share of formal text
  ///   within the rest; 0.5 and 0.5 (0 without formal lines) when the gate recognises nothing in the text.
  /// - Complexity: O(n) in the length of the text.
  public func registerShares(_ text: String) -> RegisterShares {
    shares(model.knownProbabilities(for: text))
  }

  /// ``registerShares(_:)`` over tokens already made by the lexicon's tokenizer.
  func registerShares(in tokens: ByteTokens) -> RegisterShares {
    shares(model.knownProbabilities(in: tokens))
  }

  /// ``registerShares(_:)`` over features extracted once for an ensemble's models.
  func registerShares(sharedFeatures features: UnsafeMutableBufferPointer<Int32>) -> RegisterShares {
    shares(model.knownProbabilities(sharedFeatures: features))
  }

  private func shares(_ probabilities: SentimentProbabilities?) -> RegisterShares {
    let formalText = readsFormalText
    guard let probabilities else { return RegisterShares(hosting: 0.5, formal: formalText ? 0.5 : 0) }
    let hosting = share(probabilities, formalText: formalText)
    guard formalText else { return RegisterShares(hosting: hosting, formal: 0) }
    let formal = sharpened(probabilities.neutral)
    let informal = sharpened(probabilities.negative)
    return RegisterShares(hosting: hosting, formal: formal + informal > 0 ? formal / (formal + informal) : 0.5)
  }

  /// The in-domain probability: the domain against every other register (`formalText`: the gate has a formal
  /// side), with the prior and the sharpness.
  private func share(_ probabilities: SentimentProbabilities, formalText: Bool) -> Double {
    let elsewhere = formalText ? probabilities.negative + probabilities.neutral : probabilities.negative
    let inside = sharpened(probabilities.positive) * prior
    let outside = sharpened(elsewhere) * (1 - prior)
    return inside + outside > 0 ? inside / (inside + outside) : 0.5
  }

  /// `p^sharpness` (`p` itself at the usual sharpness of 1).
  private func sharpened(_ probability: Double) -> Double {
    sharpness == 1 ? probability : Foundation.pow(probability, sharpness)
  }

  /// Loads a gate saved with `JSONEncoder`.
  ///
  /// - Parameter data: The JSON.
  /// - Returns: The gate.
  /// - Throws: `DecodingError` for a wrong shape, ``SentimentError`` (``SentimentError/Code/invalidModel``) for
  ///   inconsistent contents, as ``init(from:)``.
  /// - Complexity: O(n) in the size of the file; a file as `JSONEncoder` writes it is read without `JSONDecoder`.
  public static func decode(_ data: Data) throws -> DomainGate {
    if let json = ModelJSONReader.parse(data), let sharpness = json["sharpness"]?.double, sharpness > 0,
      sharpness <= 100, let prior = json["prior"]?.double, prior > 0, prior < 1, let model = json["model"],
      let naiveBayes = try? NaiveBayesSentimentModel(modelJSON: model)
    {
      return DomainGate(model: naiveBayes, sharpness: sharpness, prior: prior)
    }
    return try JSONDecoder().decode(DomainGate.self, from: data)
  }

  private enum CodingKeys: String, CodingKey { case model, sharpness, prior }

  /// Decodes a saved gate and checks it.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a wrong shape, ``SentimentError`` (``SentimentError/Code/invalidModel``) for
  ///   a sharpness that is not a positive finite number or an invalid model.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let sharpness = try container.decode(Double.self, forKey: .sharpness)
    guard sharpness.isFinite, sharpness > 0, sharpness <= 100 else {
      throw SentimentError.invalidModel("sharpness must be in (0, 100]")
    }
    let prior = try container.decode(Double.self, forKey: .prior)
    guard prior.isFinite, prior > 0, prior < 1 else { throw SentimentError.invalidModel("prior must be in (0, 1)") }
    self.init(
      model: try container.decode(NaiveBayesSentimentModel.self, forKey: .model), sharpness: sharpness, prior: prior)
  }
}
