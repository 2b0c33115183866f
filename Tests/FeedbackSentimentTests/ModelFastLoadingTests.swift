import FeedbackSentiment
import Foundation
import Testing

/// Saved naive Bayes models and gates are read without `JSONDecoder` when they are in the shape `JSONEncoder`
/// writes; every other file must take the decoder's path, so loading gives exactly what the decoder gives:
/// the same model or the same error.
@Suite("Loading saved models without JSONDecoder")
struct ModelFastLoadingTests {
  static let examples = SyntheticCorpus.examples(seed: 11, count: 60)

  /// What the public loader gives, as comparable data: the model re-encoded, or the error's description.
  static func outcome(_ load: () throws -> some Encodable) -> String {
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      return String(decoding: try encoder.encode(load()), as: UTF8.self)
    } catch let error as SentimentError {
      return "SentimentError \(error.code)"
    } catch {
      return "other error \(type(of: error))"
    }
  }

  static func loaded(_ data: Data) -> String {
    outcome { try TrainedSentimentModel.decode(data) as! NaiveBayesSentimentModel }
  }

  static func decoded(_ data: Data) -> String {
    outcome { try JSONDecoder().decode(NaiveBayesSentimentModel.self, from: data) }
  }

  @Test(
    "a saved naive Bayes model loads to the model JSONDecoder reads, whatever its features",
    arguments: [
      SentimentFeatureOptions.words, .wordsAndCharacters, SentimentFeatureOptions(wordNGrams: 1, bucketCount: 1 << 10),
      SentimentFeatureOptions(wordNGrams: 3, marksNegation: false, bucketCount: 1 << 20),
    ])
  func sameModelAsDecoder(options: SentimentFeatureOptions) throws {
    let model = try NaiveBayesSentimentModel.train(on: Self.examples, options: options, smoothing: 0.37)
    let data = try JSONEncoder().encode(model)
    #expect(Self.loaded(data) == Self.decoded(data))
    #expect(!Self.loaded(data).hasPrefix("SentimentError"))
    let reloaded = try TrainedSentimentModel.decode(data)
    for example in Self.examples.prefix(10) {
      #expect(reloaded.classify(example.text) == model.classify(example.text))
    }
  }

  /// The package's bundled resources, read from the source tree.
  static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/FeedbackSentiment/Resources").standardizedFileURL

  @Test("the bundled models and gate load to exactly what JSONDecoder reads from them")
  func bundledFilesMatchDecoder() throws {
    for name in ["sentiment-model", "sentiment-model-ms", "sentiment-formal-ms"] {
      let data = try Data(contentsOf: Self.resources.appendingPathComponent(name + ".json"))
      #expect(Self.loaded(data) == Self.decoded(data), "\(name)")
    }
    let gate = try Data(contentsOf: Self.resources.appendingPathComponent("sentiment-gate-ms.json"))
    let fast = Self.outcome { try DomainGate.decode(gate) }
    #expect(fast == Self.outcome { try JSONDecoder().decode(DomainGate.self, from: gate) })
    #expect(!fast.contains("Error"))
  }

  /// Spellings of a saved model that the fast reader declines or must read exactly as the decoder does.
  enum Spelling: String, CaseIterable {
    case spaced, escapedKey, exponentCount, fractionCount, leadingZero, duplicateKey, longInteger, trailingText
    case unknownKind, underflowingCount

    func apply(to json: String) -> String {
      let counts = "\"documentCounts\":["
      switch self {
      case .spaced: return json.replacingOccurrences(of: ",", with: " ,\n\t")
      case .escapedKey: return json.replacingOccurrences(of: "\"smoothing\"", with: "\"smo\\u006fthing\"")
      case .exponentCount: return json.replacingOccurrences(of: counts, with: counts + "1e1,")
      case .fractionCount: return json.replacingOccurrences(of: counts, with: counts + "2.0,")
      case .leadingZero: return json.replacingOccurrences(of: counts, with: counts + "01,")
      case .duplicateKey: return json.replacingOccurrences(of: "{\"", with: "{\"smoothing\":2,\"")
      case .longInteger: return json.replacingOccurrences(of: counts, with: counts + "0000000000000000001,")
      case .trailingText: return json + " x"
      case .unknownKind: return json.replacingOccurrences(of: "naiveBayes", with: "naiveBayez")
      case .underflowingCount:
        // A non-zero count too small for a Double: JSONDecoder refuses it, so loading must too.
        guard let range = json.range(of: #""values":\[\[[0-9.e+-]+"#, options: .regularExpression) else { return json }
        return json.replacingCharacters(in: range, with: #""values":[[1e-400"#)
      }
    }
  }

  @Test(
    "a model file written otherwise than by JSONEncoder loads as JSONDecoder reads it", arguments: Spelling.allCases)
  func otherSpellingsMatchDecoder(spelling: Spelling) throws {
    let model = try NaiveBayesSentimentModel.train(on: Self.examples)
    let json = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
    let edited = spelling.apply(to: json)
    #expect(edited != json)
    let data = Data(edited.utf8)
    #expect(Self.loaded(data) == Self.decoded(data))
  }

  @Test("randomly damaged model files load exactly as JSONDecoder reads them: the same model or the same error")
  func fuzzedFilesMatchDecoder() throws {
    let model = try NaiveBayesSentimentModel.train(
      on: Self.examples, options: SentimentFeatureOptions(bucketCount: 1 << 10))
    // Sorted keys: the same bytes in every run, so the same damage and the same number of files that load.
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let original = try encoder.encode(model)
    let alphabet = Array("0123456789-+.eE,:[]{}\" tfn\\x".utf8)
    var random = SeededRandom(seed: 2026)
    var loadedCount = 0
    for _ in 0..<400 {
      var bytes = [UInt8](original)
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: bytes[position] = alphabet.randomElement(using: &random)!
        case 1 where (0x30...0x39).contains(bytes[position]):
          bytes[position] = UInt8.random(in: 0x30...0x39, using: &random)
        case 2: bytes.remove(at: position)
        default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
        }
      }
      let data = Data(bytes)
      let loaded = Self.loaded(data)
      #expect(loaded == Self.decoded(data), "\(String(decoding: data, as: UTF8.self))")
      if !loaded.contains("Error") { loadedCount += 1 }
    }
    // Digit changes in the counts keep many files valid, so both paths are exercised.
    #expect(loadedCount >= 10, "\(loadedCount) of 400 damaged files loaded")
  }

  @Test("a saved domain gate loads to the gate JSONDecoder reads, and a bad one fails the same way")
  func gateMatchesDecoder() throws {
    let gate = try DomainGate.train(
      inDomain: Self.examples.map(\.text), outOfDomain: ["the film was long", "a quiet town by the sea"],
      sharpness: 1.5, prior: 0.8)
    let data = try JSONEncoder().encode(gate)
    #expect(
      Self.outcome { try DomainGate.decode(data) }
        == Self.outcome { try JSONDecoder().decode(DomainGate.self, from: data) })
    let json = String(decoding: data, as: UTF8.self)
    for bad in [
      json.replacingOccurrences(of: "\"prior\":0.8", with: "\"prior\":1"),
      json.replacingOccurrences(of: "\"sharpness\":1.5", with: "\"sharpness\":101"),
      json.replacingOccurrences(of: "\"smoothing\":0.5", with: "\"smoothing\":0"),
    ] {
      let badData = Data(bad.utf8)
      #expect(bad != json)
      let outcome = Self.outcome { try DomainGate.decode(badData) }
      #expect(outcome == "SentimentError invalidModel")
      #expect(outcome == Self.outcome { try JSONDecoder().decode(DomainGate.self, from: badData) })
    }
  }
}

/// A language model given by a loader is read on the first text of its language, once, however many calls
/// arrive together; texts of other languages never read it.
@Suite("Ensemble language models loaded on first use")
struct EnsembleLazyLanguageModelTests {
  /// Counts calls from many threads.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
  }

  @Test("a language's model is loaded once, on its first text, and English texts never load the Malay model")
  func loadsOnceOnFirstText() async throws {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let hosting = try NaiveBayesSentimentModel.train(on: SyntheticCorpus.examples(seed: 3, count: 60))
    let malay = try NaiveBayesSentimentModel.train(on: EnsembleSharedFeaturesTests.texts(seed: 5, count: 120))
    let loads = Counter()
    let lazy = EnsembleSentimentClassifier(
      lexicon: lexicon, model: hosting, modelWeight: 0.4,
      loadingLanguageModels: [
        .malay: {
          loads.increment()
          return .init(model: malay, weight: 0.6)
        }
      ])
    let eager = EnsembleSentimentClassifier(
      lexicon: lexicon, model: hosting, modelWeight: 0.4, languageModels: [.malay: .init(model: malay, weight: 0.6)])
    let english = ["The panel is slow again", "Thanks, the migration went well", "Where is my invoice?"]
    for text in english { #expect(lazy.classify(text) == eager.classify(text)) }
    #expect(loads.count == 0)
    let texts = EnsembleSharedFeaturesTests.texts(seed: 9, count: 200).map(\.text)
    let results = await withTaskGroup(of: (Int, SentimentResult).self) { group in
      for (index, text) in texts.enumerated() { group.addTask { (index, lazy.classify(text)) } }
      var results = [SentimentResult?](repeating: nil, count: texts.count)
      for await (index, result) in group { results[index] = result }
      return results
    }
    #expect(loads.count == 1)
    for (text, result) in zip(texts, results) { #expect(result == eager.classify(text)) }
    #expect(lazy.languageModels.keys.sorted { $0.rawValue < $1.rawValue } == [.malay])
  }

  @Test("a loader that finds no model leaves the language to the fallback model")
  func missingModelFallsBack() throws {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let hosting = try NaiveBayesSentimentModel.train(on: SyntheticCorpus.examples(seed: 3, count: 60))
    let lazy = EnsembleSentimentClassifier(
      lexicon: lexicon, model: hosting, modelWeight: 0.4, loadingLanguageModels: [.malay: { nil }])
    let plain = EnsembleSentimentClassifier(lexicon: lexicon, model: hosting, modelWeight: 0.4)
    for text in ["servis lambat sangat", "sokongan bagus"] { #expect(lazy.classify(text) == plain.classify(text)) }
    #expect(lazy.languageModels.isEmpty)
  }
}
