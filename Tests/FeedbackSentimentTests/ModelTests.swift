import FeedbackSentiment
import Foundation
import Testing

/// A small synthetic corpus: made-up sentiment words so the models cannot lean on anything but training.
enum SyntheticCorpus {
  static let things = ["server", "panel", "invoice", "mailbox", "backup", "domain", "ticket", "migration"]
  static let positive = ["blissful", "sparkly", "zappy"]
  static let negative = ["grotty", "clunky", "gloomish"]

  static func examples(seed: UInt64, count: Int) -> [LabeledExample] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { index in
      let thing = things.randomElement(using: &random)!
      switch index % 3 {
      case 0:
        return LabeledExample(text: "the \(thing) is \(positive.randomElement(using: &random)!)", label: .positive)
      case 1:
        return LabeledExample(text: "the \(thing) is \(negative.randomElement(using: &random)!)", label: .negative)
      default: return LabeledExample(text: "where is the \(thing) setting", label: .neutral)
      }
    }
  }
}

@Suite("Trained models")
struct ModelTests {
  let training = SyntheticCorpus.examples(seed: 1, count: 90)
  let held = SyntheticCorpus.examples(seed: 2, count: 30)

  @Test("naive Bayes learns from labelled examples")
  func naiveBayesLearns() throws {
    let model = try NaiveBayesSentimentModel.train(on: training)
    #expect(model.evaluate(on: held).accuracy == 1)
    #expect(model.documentCounts == [30, 30, 30])
  }

  @Test("logistic regression learns from labelled examples")
  func logisticLearns() throws {
    let model = try LogisticRegressionSentimentModel.train(on: training)
    #expect(model.evaluate(on: held).accuracy == 1)
  }

  @Test("character n-grams let the logistic model read unseen inflections")
  func characterNGrams() throws {
    let model = try LogisticRegressionSentimentModel.train(on: training)
    #expect(model.classify("the server is grottyish").label == .negative)
  }

  @Test("a model knows nothing about text without trained features")
  func unknownText() throws {
    let model = try NaiveBayesSentimentModel.train(on: training)
    let result = model.classify("qqq zzz")
    #expect(result.label == .neutral && result.confidence == 0)
    let logistic = try LogisticRegressionSentimentModel.train(on: training)
    #expect(logistic.classify("").confidence == 0)
  }

  @Test("training on nothing throws insufficientData")
  func emptyTraining() {
    #expect(throws: SentimentError.self) { try NaiveBayesSentimentModel.train(on: []) }
    #expect(throws: SentimentError.self) { try LogisticRegressionSentimentModel.train(on: []) }
  }

  @Test("a saved naive Bayes model decodes to the same predictions")
  func naiveBayesRoundTrip() throws {
    let model = try NaiveBayesSentimentModel.train(on: training)
    let decoded = try TrainedSentimentModel.decode(JSONEncoder().encode(model))
    for example in held {
      #expect(decoded.probabilities(for: example.text) == model.probabilities(for: example.text))
    }
  }

  @Test("a saved logistic model decodes to the same predictions")
  func logisticRoundTrip() throws {
    let model = try LogisticRegressionSentimentModel.train(on: training)
    let decoded = try JSONDecoder().decode(LogisticRegressionSentimentModel.self, from: JSONEncoder().encode(model))
    for example in held {
      let lhs = decoded.probabilities(for: example.text)
      let rhs = model.probabilities(for: example.text)
      #expect(abs(lhs.positive - rhs.positive) < 1e-6 && abs(lhs.negative - rhs.negative) < 1e-6)
    }
  }

  @Test(
    "an inconsistent saved model is rejected",
    arguments: [
      #"{"kind":"naiveBayes","options":{"wordNGrams":2,"minimumCharacterNGram":0,"maximumCharacterNGram":0,"marksNegation":true,"bucketCount":1024},"smoothing":1,"documentCounts":[1,1,1],"featureCounts":{"indices":[5000],"values":[[1],[1],[1]]}}"#,
      #"{"kind":"naiveBayes","options":{"wordNGrams":2,"minimumCharacterNGram":0,"maximumCharacterNGram":0,"marksNegation":true,"bucketCount":1024},"smoothing":1,"documentCounts":[1,1,1],"featureCounts":{"indices":[1],"values":[[-1],[1],[1]]}}"#,
      #"{"kind":"naiveBayes","options":{"wordNGrams":2,"minimumCharacterNGram":0,"maximumCharacterNGram":0,"marksNegation":true,"bucketCount":1000},"smoothing":1,"documentCounts":[1,1,1],"featureCounts":{"indices":[],"values":[[],[],[]]}}"#,
      #"{"kind":"naiveBayes","options":{"wordNGrams":9,"minimumCharacterNGram":0,"maximumCharacterNGram":0,"marksNegation":true,"bucketCount":1024},"smoothing":1,"documentCounts":[1,1,1],"featureCounts":{"indices":[],"values":[[],[],[]]}}"#,
      #"{"kind":"logisticRegression","options":{"wordNGrams":2,"minimumCharacterNGram":2,"maximumCharacterNGram":4,"marksNegation":true,"bucketCount":1024},"biases":[0,0],"weights":{"indices":[],"values":[[],[],[]]}}"#,
      #"{"kind":"logisticRegression","options":{"wordNGrams":2,"minimumCharacterNGram":2,"maximumCharacterNGram":4,"marksNegation":true,"bucketCount":1024},"biases":[0,0,0],"weights":{"indices":[3,2],"values":[[1,1],[1,1],[1,1]]}}"#,
      #"{"kind":"perceptron"}"#,
    ])
  func rejectsInvalidModel(_ json: String) {
    #expect(throws: (any Error).self) { try TrainedSentimentModel.decode(Data(json.utf8)) }
  }

  @Test("decoding mutated model JSON never traps (seeded)")
  func fuzzDecoding() throws {
    let model = try NaiveBayesSentimentModel.train(
      on: training, options: SentimentFeatureOptions(wordNGrams: 1, bucketCount: 1024))
    let original = Array(try JSONEncoder().encode(model))
    var random = SeededRandom(seed: 99)
    let alphabet = Array(#"0123456789-.e,[]{}":abcnull"#.utf8)
    for _ in 0..<300 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
      }
      if let decoded = try? TrainedSentimentModel.decode(Data(bytes)) {
        let result = decoded.classify("the server is blissful")
        #expect(result.score >= -1 && result.score <= 1)
      }
    }
  }
}

@Suite("Ensemble")
struct EnsembleTests {
  let model = try! LogisticRegressionSentimentModel.train(on: SyntheticCorpus.examples(seed: 3, count: 60))

  @Test("with weight 0 the lexicon decides, with weight 1 the model decides")
  func weights() {
    let text = "the server is grotty but the support was excellent"
    let lexiconOnly = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 0)
    let modelOnly = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 1)
    #expect(lexiconOnly.classify(text).label == bundledClassifier.classify(text).label)
    #expect(modelOnly.classify(text).label == model.probabilities(for: text).label)
  }

  @Test(
    "when the lexicon knows nothing its silence counts as a score of 0 and the model's weight is discounted, so only a confident model overrides it"
  )
  func lexiconSilence() {
    let text = "the mailbox is gloomish"
    #expect(bundledClassifier.classify(text).confidence == 0)
    let modelVote = model.probabilities(for: text)
    #expect(modelVote.label == .negative)
    // The lexicon's distribution at score 0 with the 0.2 band: softmax(6(−0 − 0.2), 0, 6(0 − 0.2)).
    let side = Foundation.exp(-1.2) / (1 + 2 * Foundation.exp(-1.2))
    let middle = 1 / (1 + 2 * Foundation.exp(-1.2))
    let ensemble = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 0.4)
    #expect(ensemble.factFactor == EnsembleSentimentClassifier.defaultFactFactor)
    // No opinion cue either ("gloomish" is unknown): the factor of statements of fact applies.
    let weight = 0.4 * ensemble.factFactor
    let combined = ensemble.probabilities(for: text)
    #expect(abs(combined.negative - (weight * modelVote.negative + (1 - weight) * side)) < 1e-9)
    #expect(abs(combined.neutral - (weight * modelVote.neutral + (1 - weight) * middle)) < 1e-9)
    #expect(abs(combined.positive - (weight * modelVote.positive + (1 - weight) * side)) < 1e-9)
    let modelOnly = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 1)
    #expect(modelOnly.classify(text).label == .negative)
    let mostlyLexicon = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 0.1)
    #expect(mostlyLexicon.classify(text).label == .neutral)
  }

  @Test("the ensemble keeps the lexicon's language, aspects and explanation and adds the model's vote")
  func keepsLexiconDetails() {
    let ensemble = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model)
    let text = "email keeps bouncing, terrible"
    let result = ensemble.classify(text)
    let lexicon = bundledClassifier.classify(text)
    #expect(result.language == lexicon.language && result.aspects == lexicon.aspects)
    #expect(result.explanation.dropLast() == lexicon.explanation[...])
    #expect(result.explanation.last?.rule == .model)
  }
}
