import Foundation

/// Combines the rule-based classifier with trained models: a weighted average of their label probabilities.
///
/// The lexicon classifier contributes the language, the aspects and its explanation; the model adds one
/// ``SentimentRule/model`` entry with its vote (positive minus negative probability). The model is the one
/// given for the language the lexicon classifier detects (``languageModels``), else ``model``. When the model
/// recognises nothing, the lexicon decides alone; when the lexicon recognises no sentiment word, its silence
/// counts as the distribution of a score of 0 (mostly neutral) and the model's weight is multiplied by
/// ``silenceFactor`` when the text still shows an opinion cue (a negator, an intensifier, a contrast word, an
/// exclamation mark, an elongated word, an emoji), by ``factFactor`` when it shows none — a statement of fact
/// ("The ticket was closed.") or a plain question, which the model's learned word associations alone should not
/// turn into a complaint.
/// These choices were compared by 5-fold cross-validation on the training split (<doc:MeasuredAccuracy>).
///
/// ```swift
/// let model = try LogisticRegressionSentimentModel.train(on: examples)
/// let ensemble = EnsembleSentimentClassifier(lexicon: LexiconSentimentClassifier(), model: model)
/// ensemble.classify("Great support... NOT").label  // .negative
/// ```
public struct EnsembleSentimentClassifier: SentimentClassifier {
  /// A model for the texts of one language and its share of the vote, optionally with a second model for text
  /// outside the hosting register and the gate that tells the two registers apart.
  ///
  /// With a gate, a text's model distribution is `g·model + (1 − g)·general` and its weight
  /// `g·weight + (1 − g)·generalWeight`, where `g` is the gate's in-domain probability. With a model of formal
  /// text (news) too, the general side is itself `f·formal + (1 − f)·general` with weight
  /// `f·formalWeight + (1 − f)·generalWeight`, where `f` is the gate's share of formal text
  /// (``DomainGate/RegisterShares/formal``).
  public struct LanguageModel: Sendable {
    /// The trained model (of the hosting register when there is a gate).
    public let model: any ProbabilisticSentimentModel
    /// The model's share of the vote, 0…1.
    public let weight: Double
    /// The model of general text (reviews, news), if any.
    public let general: (any ProbabilisticSentimentModel)?
    /// The general model's share of the vote, 0…1.
    public let generalWeight: Double
    /// The model of formal general text (news), if any; asked for the share of general text the gate reads as
    /// formal.
    public let formal: (any ProbabilisticSentimentModel)?
    /// The formal model's share of the vote, 0…1.
    public let formalWeight: Double
    /// Tells hosting feedback from general text; required with ``general``.
    public let gate: DomainGate?

    /// Creates a member of the ensemble.
    ///
    /// - Parameters:
    ///   - model: A trained model.
    ///   - weight: Its share of the vote (clamped to 0…1).
    public init(model: any ProbabilisticSentimentModel, weight: Double) {
      self.model = model
      self.weight = Self.clamped(weight)
      general = nil
      generalWeight = self.weight
      formal = nil
      formalWeight = self.weight
      gate = nil
    }

    /// Creates a member with a model per register.
    ///
    /// - Parameters:
    ///   - model: The model of the hosting register.
    ///   - weight: Its share of the vote (clamped to 0…1).
    ///   - general: The model of general text.
    ///   - generalWeight: Its share of the vote (clamped to 0…1).
    ///   - gate: Tells the registers apart.
    public init(
      model: any ProbabilisticSentimentModel, weight: Double, general: any ProbabilisticSentimentModel,
      generalWeight: Double, gate: DomainGate
    ) {
      self.model = model
      self.weight = Self.clamped(weight)
      self.general = general
      self.generalWeight = Self.clamped(generalWeight)
      formal = nil
      formalWeight = self.generalWeight
      self.gate = gate
    }

    /// Creates a member with a model per register: hosting feedback, reviews and comments, formal text (news).
    ///
    /// - Parameters:
    ///   - model: The model of the hosting register.
    ///   - weight: Its share of the vote (clamped to 0…1).
    ///   - general: The model of informal general text (reviews, comments).
    ///   - generalWeight: Its share of the vote (clamped to 0…1).
    ///   - formal: The model of formal general text (news).
    ///   - formalWeight: Its share of the vote (clamped to 0…1).
    ///   - gate: Tells the registers apart; it reads formal text apart only when trained with formal lines
    ///     (``DomainGate/readsFormalText``), else the formal model is never asked.
    public init(
      model: any ProbabilisticSentimentModel, weight: Double, general: any ProbabilisticSentimentModel,
      generalWeight: Double, formal: any ProbabilisticSentimentModel, formalWeight: Double, gate: DomainGate
    ) {
      self.model = model
      self.weight = Self.clamped(weight)
      self.general = general
      self.generalWeight = Self.clamped(generalWeight)
      self.formal = formal
      self.formalWeight = Self.clamped(formalWeight)
      self.gate = gate
    }

    private static func clamped(_ weight: Double) -> Double { weight.isFinite ? min(1, max(0, weight)) : 0.5 }
  }

  /// The rule-based part.
  public let lexicon: LexiconSentimentClassifier
  /// The trained part for languages without a model of their own.
  public let model: any ProbabilisticSentimentModel
  /// The share of the vote of ``model``, 0…1.
  public let modelWeight: Double
  /// The models of particular languages, chosen by the language the lexicon classifier detects.
  ///
  /// Reading this property loads any model that is loaded on first use (the default classifier reads its
  /// Malay/Indonesian models only when a Malay or Indonesian text arrives).
  public var languageModels: [SentimentLanguage: LanguageModel] {
    members.compactMapValues { $0.member?.source }
  }
  /// The factor on a model's weight when the lexicon recognises no sentiment word in a text that still shows an
  /// opinion cue (a negator, an intensifier or dampener, a contrast word, an exclamation mark, an elongated word,
  /// an emoji): complaints such as "Couldn't log in for two days" carry no sentiment word, and the model reads
  /// them. Discounting every silent text by 0.5 cost 0.035 of pooled macro-F1 on the corpus' test split
  /// (<doc:MeasuredAccuracy>), so the default is 1.
  public let silenceFactor: Double
  /// The default ``silenceFactor`` (1: no discount).
  public static let defaultSilenceFactor = 1.0
  /// The factor on a model's weight when a text holds no opinion evidence at all: no sentiment word and no
  /// opinion cue. Such a text is a statement of fact ("The ticket was closed.", "I renewed today.") or a plain
  /// question. With the lexicon's silence at a score of 0 (neutral probability 0.62 against 0.19 for each
  /// side), a model outvotes it only when its share of the vote exceeds about 0.3, so any factor below 0.6 keeps
  /// such texts neutral however strongly the model associates their words with complaints (0.4 and 0.5 are the
  /// default weights of the corpus model and of the general Malay/Indonesian model).
  ///
  /// For a language member with a ``DomainGate``, when its general model votes, ``silenceFactor`` and this factor
  /// apply to the share `g` of the text the gate reads as hosting feedback: the weight is multiplied by
  /// `g·factor + (1 − g)`. News and reviews state their opinions as facts, so text the gate reads as general keeps
  /// its general model's vote. A vote of the hosting model alone takes the full factor.
  public let factFactor: Double
  /// The default ``factFactor`` (0.5: statements of fact are always neutral). In 5-fold cross-validation on the
  /// corpus' training split every factor from 0 to 0.7 scored the same and within 0.001 of the best (0.8–0.9,
  /// which still let a very confident model call a fact negative); see <doc:MeasuredAccuracy>.
  public static let defaultFactFactor = 0.5
  private let fallback: Member
  private let members: [SentimentLanguage: LazyMember]

  /// A language's member, made on first use and then kept.
  private final class LazyMember: @unchecked Sendable {
    private let lock = NSLock()
    /// `nil` until made; then the member, or `.some(nil)` when there is none.
    private var made: Member??
    private let make: @Sendable () -> Member?

    init(_ make: @escaping @Sendable () -> Member?) {
      self.make = make
    }

    var member: Member? {
      lock.lock()
      defer { lock.unlock() }
      if let made { return made }
      let member = make()
      made = .some(member)
      return member
    }
  }

  /// A language's models with, when they are naive Bayes models reading the lexicon's tokens, those models (one
  /// tokenization per text).
  private struct Member: Sendable {
    let source: LanguageModel
    let model: Part
    let weight: Double
    let general: Part?
    let generalWeight: Double
    /// The model of formal text, kept only when the gate reads formal text apart.
    let formal: Part?
    let formalWeight: Double
    let gate: DomainGate?

    /// The naive Bayes models of a member with a general model and a gate whose features all agree but for the
    /// bucket count, with the extractor with the most buckets, which extracts once for all of them.
    struct SharedModels {
      let model: NaiveBayesSentimentModel
      let general: NaiveBayesSentimentModel
      let formal: NaiveBayesSentimentModel?
      let extractor: FeatureExtractor
    }
    let shared: SharedModels?

    init(_ member: LanguageModel, lexicon: LexiconSentimentClassifier) {
      source = member
      model = Part(member.model, lexicon: lexicon)
      weight = member.weight
      general = member.general.map { Part($0, lexicon: lexicon) }
      generalWeight = member.generalWeight
      formal = member.gate?.readsFormalText == true ? member.formal.map { Part($0, lexicon: lexicon) } : nil
      formalWeight = member.formalWeight
      gate = member.gate
      shared = Self.sharedExtraction(model: model, general: general, formal: formal, gate: gate, lexicon: lexicon)
    }

    private static func sharedExtraction(
      model: Part, general: Part?, formal: Part?, gate: DomainGate?, lexicon: LexiconSentimentClassifier
    ) -> SharedModels? {
      guard let hosting = model.tokenSharingModel, let outside = general?.tokenSharingModel,
        let gate, gate.model.sharesTokenizer(with: lexicon.engine.tokenizer)
      else { return nil }
      let formalModel = formal?.tokenSharingModel
      if formal != nil && formalModel == nil { return nil }
      let extractors = ([hosting, outside, gate.model] + (formalModel.map { [$0] } ?? [])).map(\.featureExtractor)
      guard let widest = extractors.max(by: { $0.options.bucketCount < $1.options.bucketCount }),
        extractors.allSatisfy({ widest.sharesFeatures(with: $0) })
      else { return nil }
      return SharedModels(model: hosting, general: outside, formal: formalModel, extractor: widest)
    }

    /// The model distribution, the weight and the share of the hosting register (the gate's in-domain
    /// probability; 1 without a gate) for one text.
    func vote(for text: String, tokens: ByteTokens) -> Vote {
      if let shared, let gate {
        return shared.extractor.withFeatures(in: tokens) { features in
          features.withBuffer { features in
            combine(
              hosting: shared.model.knownProbabilities(sharedFeatures: features),
              outside: { shared.general.knownProbabilities(sharedFeatures: features) },
              formal: { shared.formal?.knownProbabilities(sharedFeatures: features) },
              shares: { gate.registerShares(sharedFeatures: features) })
          }
        }
      }
      let hosting = model.knownProbabilities(for: text, tokens: tokens)
      guard let general, let gate else { return Vote(probabilities: hosting, weight: weight, hostingShare: 1) }
      return combine(
        hosting: hosting, outside: { general.knownProbabilities(for: text, tokens: tokens) },
        formal: { formal?.knownProbabilities(for: text, tokens: tokens) },
        shares: { gate.registerShares(in: tokens) })
    }

    /// The models' votes mixed by the gate's shares; the general models and the gate are asked only when
    /// needed. A vote of the hosting model alone is all hosting register (share 1): there is no general vote to
    /// keep.
    private func combine(
      hosting: SentimentProbabilities?, outside: () -> SentimentProbabilities?,
      formal: () -> SentimentProbabilities?, shares: () -> DomainGate.RegisterShares
    ) -> Vote {
      let informal = outside()
      if informal == nil && self.formal == nil { return Vote(probabilities: hosting, weight: weight, hostingShare: 1) }
      let shares = shares()
      // The news model (when there is one) is asked only when its share of the text could move the vote.
      let formal = (1 - shares.hosting) * shares.formal >= Self.negligibleShare ? formal() : nil
      guard informal != nil || formal != nil else {
        return Vote(probabilities: hosting, weight: weight, hostingShare: 1)
      }
      return mixed(hosting: hosting, informal: informal, formal: formal, shares: shares)
    }

    /// Below this share of a text (`(1 − hosting)·formal`) the news model is not asked: its vote could move the
    /// label probabilities by less than this share.
    static let negligibleShare = 0.001

    /// The hosting vote mixed with the general side's by the gate's shares.
    private func mixed(
      hosting: SentimentProbabilities?, informal: SentimentProbabilities?, formal: SentimentProbabilities?,
      shares: DomainGate.RegisterShares
    ) -> Vote {
      let (outside, outsideWeight) = generalVote(informal: informal, formal: formal, formalShare: shares.formal)
      let share = shares.hosting
      guard let hosting else { return Vote(probabilities: outside, weight: outsideWeight, hostingShare: share) }
      return Vote(
        probabilities: Self.mix(hosting, outside, share: share), weight: share * weight + (1 - share) * outsideWeight,
        hostingShare: share)
    }

    /// The general side's distribution and weight: the informal and formal models mixed by the formal share, or
    /// whichever of them recognises something.
    private func generalVote(
      informal: SentimentProbabilities?, formal: SentimentProbabilities?, formalShare: Double
    ) -> (SentimentProbabilities, Double) {
      switch (informal, formal) {
      case (let informal?, let formal?):
        return (
          Self.mix(formal, informal, share: formalShare),
          formalShare * formalWeight + (1 - formalShare) * generalWeight
        )
      case (nil, let formal?): return (formal, formalWeight)
      case (let informal?, _): return (informal, generalWeight)
      case (nil, nil): return (SentimentProbabilities(negative: 0, neutral: 1, positive: 0), generalWeight)
      }
    }

    /// `share·first + (1 − share)·second`.
    private static func mix(
      _ first: SentimentProbabilities, _ second: SentimentProbabilities, share: Double
    ) -> SentimentProbabilities {
      SentimentProbabilities(
        negative: share * first.negative + (1 - share) * second.negative,
        neutral: share * first.neutral + (1 - share) * second.neutral,
        positive: share * first.positive + (1 - share) * second.positive)
    }
  }

  /// A member's vote on one text.
  private struct Vote {
    /// The model distribution; `nil` when no model recognises anything.
    var probabilities: SentimentProbabilities?
    /// The models' share of the ensemble's vote.
    var weight: Double
    /// How much of the text the gate reads as hosting feedback (1 without a gate or without a general vote).
    var hostingShare: Double
  }

  /// A model with, when it is a naive Bayes model reading the lexicon's tokens, that model (one tokenization per
  /// text).
  private struct Part: Sendable {
    let model: any ProbabilisticSentimentModel
    let tokenSharingModel: NaiveBayesSentimentModel?

    init(_ model: any ProbabilisticSentimentModel, lexicon: LexiconSentimentClassifier) {
      self.model = model
      let naiveBayes = model as? NaiveBayesSentimentModel
      tokenSharingModel = naiveBayes?.sharesTokenizer(with: lexicon.engine.tokenizer) == true ? naiveBayes : nil
    }

    func knownProbabilities(for text: String, tokens: ByteTokens) -> SentimentProbabilities? {
      guard let tokenSharingModel else { return model.knownProbabilities(for: text) }
      return tokenSharingModel.knownProbabilities(in: tokens)
    }
  }

  /// Creates an ensemble.
  ///
  /// - Parameters:
  ///   - lexicon: The rule-based classifier.
  ///   - model: A trained model, for the languages without one in `languageModels`.
  ///   - modelWeight: The model's share of the vote (clamped to 0…1).
  ///   - languageModels: Models of particular languages with their weights (none by default).
  ///   - silenceFactor: The factor on a model's weight when the lexicon recognises no sentiment word but the text
  ///     shows an opinion cue (clamped to 0…1).
  ///   - factFactor: The factor on a model's weight when the text holds neither a sentiment word nor an opinion
  ///     cue (clamped to 0…1).
  public init(
    lexicon: LexiconSentimentClassifier, model: any ProbabilisticSentimentModel,
    modelWeight: Double = DefaultSentimentClassifier.ensembleModelWeight,
    languageModels: [SentimentLanguage: LanguageModel] = [:],
    silenceFactor: Double = defaultSilenceFactor, factFactor: Double = defaultFactFactor
  ) {
    self.init(
      lexicon: lexicon, model: model, modelWeight: modelWeight,
      loadingLanguageModels: languageModels.mapValues { member in { member } }, silenceFactor: silenceFactor,
      factFactor: factFactor)
  }

  /// Creates an ensemble whose language models are loaded when a text of their language first arrives, so a
  /// process that never sees that language never reads them (the default classifier loads its Malay/Indonesian
  /// models this way).
  ///
  /// ```swift
  /// let ensemble = EnsembleSentimentClassifier(
  ///   lexicon: lexicon, model: hostingModel, modelWeight: 0.4,
  ///   loadingLanguageModels: [.malay: { try? loadMalayMember() }])
  /// ```
  ///
  /// - Parameters:
  ///   - lexicon: The rule-based classifier.
  ///   - model: A trained model, for the languages without one of their own.
  ///   - modelWeight: The model's share of the vote (clamped to 0…1).
  ///   - loadingLanguageModels: For each language, what loads its member; called at most once, on the first text
  ///     of that language, while other calls for that language wait. `nil` means none after all: such texts use
  ///     `model`.
  ///   - silenceFactor: As in ``init(lexicon:model:modelWeight:languageModels:silenceFactor:factFactor:)``.
  ///   - factFactor: As in ``init(lexicon:model:modelWeight:languageModels:silenceFactor:factFactor:)``.
  public init(
    lexicon: LexiconSentimentClassifier, model: any ProbabilisticSentimentModel, modelWeight: Double,
    loadingLanguageModels: [SentimentLanguage: @Sendable () -> LanguageModel?],
    silenceFactor: Double = defaultSilenceFactor, factFactor: Double = defaultFactFactor
  ) {
    self.lexicon = lexicon
    self.silenceFactor = silenceFactor.isFinite ? min(1, max(0, silenceFactor)) : Self.defaultSilenceFactor
    self.factFactor = factFactor.isFinite ? min(1, max(0, factFactor)) : Self.defaultFactFactor
    self.model = model
    let fallback = Member(LanguageModel(model: model, weight: modelWeight), lexicon: lexicon)
    self.modelWeight = fallback.weight
    self.fallback = fallback
    members = loadingLanguageModels.mapValues { load in LazyMember { load().map { Member($0, lexicon: lexicon) } } }
  }

  /// The combined distribution over labels.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: `w·model + (1 − w)·lexicon` with the model and weight of the text's language; when the lexicon
  ///   recognises no sentiment word, it is taken at a score of 0 and `w` is multiplied by ``silenceFactor`` (an
  ///   opinion cue occurs) or ``factFactor`` (none does); the lexicon alone when the model recognises nothing.
  public func probabilities(for text: String) -> SentimentProbabilities {
    let (analysis, vote) = analyze(text)
    guard let modelProbabilities = vote.probabilities else {
      return analysis.hasEvidence
        ? analysis.probabilities : SentimentProbabilities(negative: 0, neutral: 1, positive: 0)
    }
    guard analysis.hasEvidence else {
      return Self.combine(
        lexicon: lexicon.silentProbabilities, model: modelProbabilities,
        weight: vote.weight * silentFactor(analysis, vote))
    }
    return Self.combine(lexicon: analysis.probabilities, model: modelProbabilities, weight: vote.weight)
  }

  /// The factor on the model's weight for a text in which the lexicon found no sentiment word: ``silenceFactor``
  /// or ``factFactor`` on the part of the text the gate reads as hosting feedback, none on the rest (the rules
  /// of silence are rules of the hosting register: news and reviews state their opinions as facts).
  private func silentFactor(_ analysis: LexiconSentimentClassifier.Analysis, _ vote: Vote) -> Double {
    let factor = analysis.hasOpinionCue ? silenceFactor : factFactor
    return vote.hostingShare * factor + (1 - vote.hostingShare)
  }

  private static func combine(
    lexicon: SentimentProbabilities, model: SentimentProbabilities, weight: Double
  ) -> SentimentProbabilities {
    SentimentProbabilities(
      negative: weight * model.negative + (1 - weight) * lexicon.negative,
      neutral: weight * model.neutral + (1 - weight) * lexicon.neutral,
      positive: weight * model.positive + (1 - weight) * lexicon.positive
    )
  }

  /// The lexicon's analysis with the vote of the model of the detected language, that model's probabilities and
  /// weight; the text is tokenized once.
  private func analyze(_ text: String) -> (analysis: LexiconSentimentClassifier.Analysis, vote: Vote) {
    let engine = lexicon.engine
    var vote = Vote(probabilities: nil, weight: fallback.weight, hostingShare: 1)
    let analysis = TextBytes.with(text) { bytes in
      engine.tokenizer.withTokens(of: bytes) { tokens in
        engine.analyze(text, tokens: &tokens) { language, tokens in
          let member = members.isEmpty ? fallback : members[language]?.member ?? fallback
          vote = member.vote(for: text, tokens: tokens)
          return vote.probabilities?.score
        }
      }
    }
    return (analysis, vote)
  }

  /// Classifies one text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: The combined label, score (positive − negative probability) and confidence; neutral with
  ///   confidence 0 when neither part recognises anything.
  /// - Complexity: O(n) in the length of the text.
  public func classify(_ text: String) -> SentimentResult {
    let (analysis, vote) = analyze(text)
    let modelProbabilities = vote.probabilities
    let lexiconKnows = analysis.hasEvidence
    let weight = lexiconKnows ? vote.weight : vote.weight * silentFactor(analysis, vote)
    guard lexiconKnows || modelProbabilities != nil else { return analysis.result }
    let combined: SentimentProbabilities
    if let modelProbabilities {
      combined = Self.combine(
        lexicon: lexiconKnows ? analysis.probabilities : lexicon.silentProbabilities, model: modelProbabilities,
        weight: weight)
    } else {
      combined = analysis.probabilities
    }
    let label = combined.label
    var result = analysis.result.replacingVerdict(label: label, score: combined.score, confidence: combined[label])
    if !lexiconKnows, let modelProbabilities {
      result.explanation = [SentimentContribution(token: "model", rule: .model, amount: modelProbabilities.score)]
      // Only the model judged the text: the aspects it names are what the verdict is about.
      if label != .neutral { result = result.withAspectsFollowing(label, score: combined.score) }
    }
    return result
  }
}
