import FeedbackSentiment
import Foundation
import Testing

/// An ensemble member with a general model and a gate extracts a text's features once for all three models
/// when their features agree but for the bucket count; the vote must be what each model gives reading the text
/// alone.
@Suite("Ensemble feature sharing")
struct EnsembleSharedFeaturesTests {
  static let malay = ["servis", "sokongan", "pelayanan", "migrasi", "bil", "emel"]
  static let good = ["bagus", "mantap", "blissful", "sparkly"]
  static let bad = ["lambat", "teruk", "grotty", "clunky"]

  /// `share·first + (1 − share)·second`, in the ensemble's order of operations.
  static func mix(
    _ first: SentimentProbabilities, _ second: SentimentProbabilities, share: Double
  ) -> SentimentProbabilities {
    SentimentProbabilities(
      negative: share * first.negative + (1 - share) * second.negative,
      neutral: share * first.neutral + (1 - share) * second.neutral,
      positive: share * first.positive + (1 - share) * second.positive)
  }

  static func texts(seed: UInt64, count: Int) -> [LabeledExample] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { index in
      let thing = malay.randomElement(using: &random)!
      let other = SyntheticCorpus.things.randomElement(using: &random)!
      switch index % 3 {
      case 0: return LabeledExample(text: "\(thing) \(other) \(good.randomElement(using: &random)!)", label: .positive)
      case 1:
        return LabeledExample(text: "\(thing) tidak \(bad.randomElement(using: &random)!) \(other)", label: .negative)
      default: return LabeledExample(text: "di mana \(thing) \(other)", label: .neutral)
      }
    }
  }

  @Test(
    "a member with a general model and a gate of other bucket counts votes as its three models do reading the text alone"
  )
  func sharedExtractionVotesAsEachModel() throws {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let hosting = try NaiveBayesSentimentModel.train(
      on: Self.texts(seed: 1, count: 300), options: SentimentFeatureOptions(bucketCount: 1 << 16))
    // Few buckets: many features collide, so a wrong mask would show.
    let general = try NaiveBayesSentimentModel.train(
      on: Self.texts(seed: 2, count: 300), options: SentimentFeatureOptions(bucketCount: 1 << 10))
    let gate = try DomainGate.train(
      inDomain: Self.texts(seed: 3, count: 100).map(\.text),
      outOfDomain: SyntheticCorpus.examples(seed: 4, count: 100).map(\.text),
      options: SentimentFeatureOptions(bucketCount: 1 << 18))
    let member = EnsembleSentimentClassifier.LanguageModel(
      model: hosting, weight: 0.4, general: general, generalWeight: 0.5, gate: gate)
    let ensemble = EnsembleSentimentClassifier(lexicon: lexicon, model: hosting, languageModels: [.malay: member])
    var compared = 0
    for text in Self.texts(seed: 5, count: 120).map(\.text) {
      guard lexicon.classify(text).language == .malay, let lexiconVote = lexicon.probabilities(for: text),
        let hostingVote = hosting.knownProbabilities(for: text)
      else { continue }
      var modelVote = hostingVote
      var weight = 0.4
      if let generalVote = general.knownProbabilities(for: text) {
        let share = gate.inDomainProbability(text)
        modelVote = Self.mix(hostingVote, generalVote, share: share)
        weight = share * 0.4 + (1 - share) * 0.5
      }
      let expected = Self.mix(modelVote, lexiconVote, share: weight)
      #expect(ensemble.probabilities(for: text) == expected, "\(text)")
      compared += 1
    }
    #expect(compared >= 20)
  }

  @Test("a member with a news model too votes as its four models do reading the text alone")
  func sharedExtractionWithFormalModel() throws {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let hosting = try NaiveBayesSentimentModel.train(
      on: Self.texts(seed: 1, count: 300), options: SentimentFeatureOptions(bucketCount: 1 << 16))
    let general = try NaiveBayesSentimentModel.train(
      on: Self.texts(seed: 2, count: 300), options: SentimentFeatureOptions(bucketCount: 1 << 10))
    let formal = try NaiveBayesSentimentModel.train(
      on: Self.texts(seed: 6, count: 300).filter { $0.label != .neutral },
      options: SentimentFeatureOptions(bucketCount: 1 << 12))
    let gate = try DomainGate.train(
      inDomain: Self.texts(seed: 3, count: 100).map(\.text),
      outOfDomain: SyntheticCorpus.examples(seed: 4, count: 100).map(\.text),
      formal: Self.texts(seed: 7, count: 60).map { "kerajaan \($0.text)" },
      options: SentimentFeatureOptions(bucketCount: 1 << 18))
    let member = EnsembleSentimentClassifier.LanguageModel(
      model: hosting, weight: 0.4, general: general, generalWeight: 0.5, formal: formal, formalWeight: 0.6, gate: gate)
    let ensemble = EnsembleSentimentClassifier(lexicon: lexicon, model: hosting, languageModels: [.malay: member])
    var compared = 0
    var withNews = 0
    let texts = Self.texts(seed: 5, count: 120).map(\.text)
    for text in texts + texts.map({ "kerajaan \($0)" }) {
      guard lexicon.classify(text).language == .malay, let lexiconVote = lexicon.probabilities(for: text),
        let hostingVote = hosting.knownProbabilities(for: text),
        let generalVote = general.knownProbabilities(for: text),
        let formalVote = formal.knownProbabilities(for: text)
      else { continue }
      let shares = gate.registerShares(text)
      // The news model is asked only when its share of the text is at least 0.001.
      let f = (1 - shares.hosting) * shares.formal >= 0.001 ? shares.formal : 0
      let outside = f == 0 ? generalVote : Self.mix(formalVote, generalVote, share: f)
      let outsideWeight = f == 0 ? 0.5 : f * 0.6 + (1 - f) * 0.5
      if f > 0 { withNews += 1 }
      let share = shares.hosting
      let modelVote = Self.mix(hostingVote, outside, share: share)
      let weight = share * 0.4 + (1 - share) * outsideWeight
      let expected = Self.mix(modelVote, lexiconVote, share: weight)
      #expect(ensemble.probabilities(for: text) == expected, "\(text)")
      compared += 1
    }
    #expect(compared >= 20)
    #expect(withNews >= 10)
  }
}
