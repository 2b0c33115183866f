import FeedbackSentiment
import Foundation
import Testing

/// A Malay/Indonesian member with three registers: hosting feedback, reviews and comments, formal text (news).
/// Review sets label a formal sentence neutral, news sets label it positive or negative, so formal text gets a
/// model of its own, chosen by a gate trained with formal lines.
@Suite("Register-aware ensemble member")
struct RegisterAwareMemberTests {
  static let hostingWords = ["tiket", "server", "invois", "nameserver", "cpanel", "backup"]
  static let reviewWords = ["makanannya", "tempatnya", "pelayan", "menu", "kamar", "sarapan"]
  static let newsWords = ["kerajaan", "menteri", "parlimen", "rakyat", "dasar", "negeri"]

  /// Every pair of `words` followed by `tail`.
  static func lines(_ words: [String], _ tail: String) -> [String] {
    words.flatMap { first in words.map { "\(first) \($0) \(tail)" } }
  }

  static func labelled(_ texts: [String], _ label: SentimentLabel) -> [LabeledExample] {
    texts.map { LabeledExample(text: $0, label: label) }
  }

  /// Reviews labelled by their made-up sentiment word, formal sentences labelled neutral (as review sets do).
  static func reviewsModel() throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(
      on: labelled(lines(reviewWords, "gloomish"), .negative) + labelled(lines(reviewWords, "sunny"), .positive)
        + labelled(lines(newsWords, "gloomish") + lines(newsWords, "sunny"), .neutral))
  }

  /// Formal sentences labelled positive or negative only (as the news set does).
  static func newsModel() throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(
      on: labelled(lines(newsWords, "gloomish"), .negative) + labelled(lines(newsWords, "sunny"), .positive))
  }

  static func hostingModel() throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(
      on: labelled(lines(hostingWords, "gloomish"), .negative) + labelled(lines(hostingWords, "sunny"), .positive))
  }

  static func threeRegisterGate() throws -> DomainGate {
    try DomainGate.train(
      inDomain: lines(hostingWords, "x"), outOfDomain: lines(reviewWords, "x"), formal: lines(newsWords, "x"))
  }

  @Test("a gate trained with formal lines tells formal text from reviews and from hosting feedback")
  func gateReadsFormalText() throws {
    let gate = try Self.threeRegisterGate()
    #expect(gate.readsFormalText)
    let news = gate.registerShares("kerajaan menteri dasar")
    let review = gate.registerShares("makanannya pelayan menu")
    let hosting = gate.registerShares("tiket server cpanel")
    #expect(news.formal > 0.9 && news.hosting < 0.1)
    #expect(review.formal < 0.1 && review.hosting < 0.1)
    #expect(hosting.hosting > 0.9)
    #expect(hosting.hosting == gate.inDomainProbability("tiket server cpanel"))
    #expect(gate.registerShares("zzq") == DomainGate.RegisterShares(hosting: 0.5, formal: 0.5))
  }

  @Test("a gate trained without formal lines reads no formal share and keeps its in-domain probability")
  func twoRegisterGateReadsNoFormalShare() throws {
    let gate = try DomainGate.train(
      inDomain: Self.lines(Self.hostingWords, "x"),
      outOfDomain: Self.lines(Self.reviewWords, "x") + Self.lines(Self.newsWords, "x"))
    #expect(!gate.readsFormalText)
    for text in ["kerajaan menteri dasar", "makanannya pelayan", "tiket server", "zzq"] {
      let shares = gate.registerShares(text)
      #expect(shares.formal == 0)
      #expect(shares.hosting == gate.inDomainProbability(text))
    }
  }

  @Test("a three-register gate keeps its shares through JSON, by either reader")
  func threeRegisterGateRoundTrip() throws {
    let gate = try Self.threeRegisterGate()
    let data = try JSONEncoder().encode(gate)
    for decoded in [try DomainGate.decode(data), try JSONDecoder().decode(DomainGate.self, from: data)] {
      #expect(decoded.readsFormalText)
      for text in ["kerajaan menteri dasar", "makanannya pelayan", "tiket server"] {
        #expect(decoded.registerShares(text) == gate.registerShares(text))
      }
    }
  }

  @Test("a three-register gate needs texts on all three sides")
  func threeRegisterGateNeedsEverySide() {
    #expect(throws: SentimentError.self) {
      try DomainGate.train(inDomain: ["server lambat"], outOfDomain: ["makanan enak"], formal: [])
    }
  }

  @Test("formal text gets the news model's polarity where the reviews model calls it neutral")
  func formalTextGetsTheNewsModel() throws {
    let hosting = try Self.hostingModel()
    let reviews = try Self.reviewsModel()
    let news = try Self.newsModel()
    let threeRegisters = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: hosting,
      languageModels: [
        .malay: .init(
          model: hosting, weight: 0.4, general: reviews, generalWeight: 0.5, formal: news,
          formalWeight: DefaultSentimentClassifier.formalModelWeight, gate: try Self.threeRegisterGate())
      ])
    let twoRegisters = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: hosting,
      languageModels: [
        .malay: .init(
          model: hosting, weight: 0.4, general: reviews, generalWeight: 0.5,
          gate: try DomainGate.train(
            inDomain: Self.lines(Self.hostingWords, "x"),
            outOfDomain: Self.lines(Self.reviewWords, "x") + Self.lines(Self.newsWords, "x")))
      ])
    // "yang" makes the language Malay; the made-up tails carry no lexicon word.
    for (text, label) in [
      ("kerajaan yang menteri sunny", SentimentLabel.positive), ("rakyat yang dasar gloomish", .negative),
    ] {
      #expect(bundledClassifier.classify(text).language == .malay)
      #expect(bundledClassifier.classify(text).confidence == 0)
      #expect(twoRegisters.classify(text).label == .neutral, "\(text)")
      #expect(threeRegisters.classify(text).label == label, "\(text)")
    }
    // Reviews still get the reviews model, hosting feedback the hosting model.
    #expect(threeRegisters.classify("makanannya yang pelayan sunny").label == .positive)
    #expect(threeRegisters.classify("makanannya yang pelayan gloomish").label == .negative)
  }

  @Test("the news model is asked only when the gate reads formal text apart")
  func newsModelNeedsAThreeRegisterGate() throws {
    let hosting = try Self.hostingModel()
    let reviews = try Self.reviewsModel()
    let gate = try DomainGate.train(
      inDomain: Self.lines(Self.hostingWords, "x"),
      outOfDomain: Self.lines(Self.reviewWords, "x") + Self.lines(Self.newsWords, "x"))
    let withNews = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: hosting,
      languageModels: [
        .malay: .init(
          model: hosting, weight: 0.4, general: reviews, generalWeight: 0.5, formal: try Self.newsModel(),
          formalWeight: 0.5, gate: gate)
      ])
    let without = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: hosting,
      languageModels: [.malay: .init(model: hosting, weight: 0.4, general: reviews, generalWeight: 0.5, gate: gate)])
    for text in ["kerajaan yang menteri sunny", "makanannya yang pelayan gloomish", "tiket yang server sunny"] {
      #expect(withNews.probabilities(for: text) == without.probabilities(for: text), "\(text)")
    }
  }

  @Test(
    "at the default news weight a model without neutral lines outvotes the lexicon's neutral silence on formal text")
  func newsWeightOutvotesSilence() throws {
    // The news model's weakest polarity is 0.5 against a neutral share of 0, the lexicon's silence is neutral
    // with 0.62 against 0.19 a side: polarity wins when 0.5·w + 0.19·(1 − w) > 0.62·(1 − w).
    let text = "kerajaan yang menteri zzq"
    #expect(bundledClassifier.probabilities(for: text) == nil)
    // With weight 0 the ensemble's distribution of a silent text is the lexicon's silence.
    let lexiconSilence = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: try Self.newsModel(), modelWeight: 0, factFactor: 1
    ).probabilities(for: text)
    #expect(lexiconSilence.label == .neutral)
    let weight = DefaultSentimentClassifier.formalModelWeight
    let undecided = SentimentProbabilities(negative: 0.5, neutral: 0, positive: 0.5)
    let polarity = weight * undecided.positive + (1 - weight) * lexiconSilence.positive
    let neutral = weight * undecided.neutral + (1 - weight) * lexiconSilence.neutral
    #expect(polarity > neutral)
  }

  @Test("the default classifier's Malay/Indonesian member has a news model and a gate that reads formal text")
  func bundledMemberHasThreeRegisters() throws {
    let ensemble = try #require(try DefaultSentimentClassifier.make() as? EnsembleSentimentClassifier)
    let member = try #require(ensemble.languageModels[.malay])
    #expect(member.formal != nil)
    #expect(member.gate?.readsFormalText == true)
    #expect(member.formalWeight == DefaultSentimentClassifier.formalModelWeight)
  }

  @Test(
    "formal function words identify a sentence without colloquial ones as Malay/Indonesian",
    arguments: ["Beliau adalah calon kepada parti itu.", "Ia merupakan satu pelaburan terhadap pendidikan."])
  func formalFunctionWordsIdentifyMalay(_ text: String) {
    #expect(bundledClassifier.classify(text).language == .malay)
  }

  /// Formal sentences written for this test (not from the news set), with the polarity a reader gives them.
  static let formalSentences: [(String, SentimentLabel)] = [
    ("Kerajaan berjaya meningkatkan pendapatan rakyat tahun ini.", .positive),
    ("Menteri memuji usaha pasukan penyelamat yang bekerja tanpa henti.", .positive),
    ("Projek itu memberi manfaat besar kepada penduduk kampung.", .positive),
    ("Pembangkang mengecam keputusan kerajaan menaikkan harga minyak.", .negative),
    ("Rasuah dalam agensi itu menjejaskan kepercayaan rakyat.", .negative),
    ("Banjir besar memusnahkan ratusan rumah di negeri itu.", .negative),
  ]

  @Test(
    "the default classifier gives formal Malay sentences a polarity, mostly the reader's, and keeps hosting facts neutral"
  )
  func defaultClassifierOnFormalSentences() throws {
    let classifier = try DefaultSentimentClassifier.make()
    let labels = Self.formalSentences.map { classifier.classify($0.0).label }
    #expect(!labels.contains(.neutral), "\(labels)")
    // 5 of 6 when the bundled models were trained; the floor leaves room for a retrained hosting corpus.
    let right = zip(labels, Self.formalSentences).filter { $0 == $1.1 }.count
    #expect(right >= 4, "\(labels)")
    #expect(classifier.classify("Tiket saya ditutup semalam.").label == .neutral)
  }
}
