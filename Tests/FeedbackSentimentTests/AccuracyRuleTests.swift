import FeedbackSentiment
import Foundation
import Testing

/// Negation scope by rule (issue 15): the phrases below are not lexicon or [negation_fixed] entries. Their
/// labels are checked with the other rules of the bundled lexicons (`BundledLexiconTests`).
@Suite("Negation scope")
struct NegationScopeTests {
  typealias Case = BundledLexiconTests.Case

  static let cases: [Case] = [
    Case(rule: "a negator carries over a coordinated complaint", text: "No problems or complaints", label: .positive),
    Case(rule: "a negator carries over a coordinated outage word", text: "no delays or outages", label: .positive),
    Case(rule: "a negated plain word flips fully", text: "the panel is not good", label: .negative),
    Case(rule: "a negated extreme complaint is faint praise", text: "Not the worst host I have used", label: .positive),
    Case(rule: "a negated extreme praise is a mild complaint", text: "not the best support", label: .negative),
    Case(rule: "'couldn't be' with a comparative says the most", text: "I couldn't be happier", label: .positive),
    Case(rule: "'could not be' with a comparative says the most", text: "could not be better", label: .positive),
    Case(rule: "'can't be more' with praise says the most", text: "they can't be more helpful", label: .positive),
    Case(rule: "'couldn't be worse' keeps its polarity", text: "the uptime couldn't be worse", label: .negative),
    Case(rule: "other modals still flip a comparative", text: "it won't be faster", label: .negative),
    Case(
      rule: "'not only' adds, it does not deny", text: "my site does not only break, it is slow too", label: .negative),
    Case(rule: "'not just' adds, it does not deny", text: "It is not just slow, it is unusable", label: .negative),
    Case(rule: "'not only' praise stays praise", text: "Not only fast but also cheap", label: .positive),
    Case(rule: "'bukan sahaja' adds, it does not deny", text: "Bukan sahaja lambat, malah mahal", label: .negative),
    Case(rule: "'tidak hanya' praise stays praise", text: "Tidak hanya cepat, tapi juga murah", label: .positive),
  ]

  @Test("the phrases of the negation rules are not lexicon entries", arguments: cases)
  func notPhraseEntries(_ testCase: Case) throws {
    let english = try SentimentLexicon.bundled(.english)
    let text = testCase.text.lowercased()
    #expect(
      !english.valences.keys.contains { $0.contains(" ") && text.contains($0) && $0.split(separator: " ").count > 2 })
  }

  @Test("a negated extreme moves less than a negated plain word")
  func extremesMoveLess() {
    let worst = bundledClassifier.classify("not the worst")
    #expect(worst.score > 0 && worst.score < 0.5)
    let good = bundledClassifier.classify("not good")
    #expect(good.score < -0.3)
  }

  @Test("the coordinated word is explained by the negator")
  func coordinationExplained() {
    let result = bundledClassifier.classify("No problems or complaints")
    #expect(result.explanation.contains { $0.rule == .negation && $0.amount > 0 })
  }
}

/// Statements of fact carry no judgement.
@Suite("Statements of fact")
struct FactStatementTests {
  /// Facts written for this rule in each language (not taken from the corpus or the held-out sets).
  static let facts = [
    "The ticket was closed.", "I renewed today.", "The server was moved to Singapore last week.",
    "Our invoice for November was paid by bank transfer.", "The technician restarted the database service at 9 pm.",
    "We switched the nameservers on Monday.",
    "Tiket itu sudah ditutup.", "Saya memperbaharui langganan hari ini.", "Kami tukar nameserver pada hari Isnin.",
    "Invois bulan November dibayar melalui pindahan bank.", "Tiketnya sudah ditutup kemarin.",
    "ຄຳຮ້ອງຖືກປິດແລ້ວ", "ມື້ນີ້ຂ້ອຍຕໍ່ອາຍຸແລ້ວ", "ອາທິດແລ້ວເຊີບເວີຖືກຍ້າຍໄປສິງກະໂປ", "ພວກເຮົາປ່ຽນ nameserver ວັນຈັນ",
  ]

  @Test("a statement of fact with no opinion word is neutral", arguments: facts)
  func factNeutral(_ text: String) throws {
    #expect(bundledClassifier.classify(text).confidence == 0, "the lexicon finds no sentiment word")
    let result = try DefaultSentimentClassifier.make().classify(text)
    #expect(result.label == .neutral, "score \(result.score)")
  }

  @Test("a statement of fact stays neutral even when the model is sure it is a complaint")
  func confidentModelOutvoted() throws {
    let text = "the mailbox was gloomish"
    let model = try NaiveBayesSentimentModel.train(
      on: (1...6).map { LabeledExample(text: "gloomish mailbox \($0)", label: .negative) }
        + (1...6).map { LabeledExample(text: "sunny panel \($0)", label: .positive) })
    try #require(model.probabilities(for: text).negative > 0.9)
    let ensemble = EnsembleSentimentClassifier(lexicon: bundledClassifier, model: model, modelWeight: 0.5)
    #expect(ensemble.classify(text).label == .neutral)
    let undiscounted = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: model, modelWeight: 0.5, factFactor: 1)
    #expect(undiscounted.classify(text).label == .negative)
  }

  @Test(
    "an opinion cue without a sentiment word leaves the model its full say",
    arguments: [
      "the mailbox keeps gloomish", "the mailbox was not gloomish", "the mailbox was gloomish!",
      "the mailbox was gloomish but", "the mailbox was gloooomish", "the mailbox was very gloomish",
      "the mailbox was GLOOMISH, gloomish", "mailbox masih gloomish", "mailbox gloomish ເລື້ອຍໆ",
      // Frequency, repetition and elapsed time: "every night", "twice", "it's been", "took".
      "the mailbox was gloomish every night", "the mailbox has been gloomish since Monday",
      "the mailbox took gloomish hours", "mailbox gloomish setiap malam", "mailbox gloomish sejak semalam",
      "mailbox gloomish dua kali", "mailbox gloomish berulang", "mailbox gloomish ທຸກຄືນ", "mailbox gloomish ສອງເທື່ອ",
    ])
  func cueKeepsModel(_ text: String) throws {
    #expect(bundledClassifier.classify(text).confidence == 0, "the lexicon finds no sentiment word")
    let model = try NaiveBayesSentimentModel.train(
      on: [LabeledExample(text: "gloomish", label: .negative), LabeledExample(text: "sunny", label: .positive)])
    let silenced = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: model, modelWeight: 0.5, silenceFactor: 1, factFactor: 0)
    let full = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: model, modelWeight: 0.5, silenceFactor: 1, factFactor: 1)
    #expect(silenced.probabilities(for: text) == full.probabilities(for: text))
    #expect(
      silenced.probabilities(for: "the mailbox was gloomish") != full.probabilities(for: "the mailbox was gloomish"))
  }

  @Test("the fact rule is a rule of hosting feedback: text the gate reads as news or reviews keeps its models' vote")
  func factRuleFollowsTheGate() throws {
    let hostingWords = ["tiket", "server", "invois", "nameserver", "cpanel", "backup"]
    let newsWords = ["kerajaan", "menteri", "parlimen", "rakyat", "dasar", "negeri"]
    func lines(_ words: [String], _ tail: String) -> [String] {
      words.flatMap { first in words.map { "\(first) \($0) \(tail)" } }
    }
    let hosting = try NaiveBayesSentimentModel.train(
      on: lines(hostingWords, "gloomish").map { LabeledExample(text: $0, label: .negative) }
        + lines(hostingWords, "sunny").map { LabeledExample(text: $0, label: .positive) })
    let general = try NaiveBayesSentimentModel.train(
      on: lines(newsWords, "gloomish").map { LabeledExample(text: $0, label: .negative) }
        + lines(newsWords, "sunny").map { LabeledExample(text: $0, label: .positive) })
    let gate = try DomainGate.train(inDomain: lines(hostingWords, "x"), outOfDomain: lines(newsWords, "x"))
    func ensemble(factFactor: Double) -> EnsembleSentimentClassifier {
      let member = EnsembleSentimentClassifier.LanguageModel(
        model: hosting, weight: 0.5, general: general, generalWeight: 0.5, gate: gate)
      return EnsembleSentimentClassifier(
        lexicon: bundledClassifier, model: hosting, modelWeight: 0.5,
        languageModels: [.english: member, .malay: member, .lao: member], factFactor: factFactor)
    }
    let discounted = ensemble(factFactor: 0)
    let full = ensemble(factFactor: 1)
    let news = "kerajaan menteri gloomish"
    let hostingFact = "tiket server gloomish"
    for text in [news, hostingFact] {
      #expect(bundledClassifier.classify(text).confidence == 0, "the lexicon finds no sentiment word in '\(text)'")
    }
    #expect(gate.inDomainProbability(news) < 0.05)
    #expect(gate.inDomainProbability(hostingFact) > 0.95)
    #expect(discounted.classify(news).label == .negative)
    #expect(abs(discounted.probabilities(for: news).negative - full.probabilities(for: news).negative) < 0.05)
    #expect(discounted.classify(hostingFact).label == .neutral)
    #expect(full.classify(hostingFact).label == .negative)
    // Only the hosting model knows a word here ("backup"; "zzq" is unknown to all): its vote takes the full factor
    // whatever the gate makes of the text.
    let hostingOnly = "backup zzq"
    #expect(general.knownProbabilities(for: hostingOnly) == nil)
    #expect(bundledClassifier.classify(hostingOnly).confidence == 0)
    let withoutGate = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: hosting, modelWeight: 0.5, factFactor: 0)
    #expect(discounted.probabilities(for: hostingOnly) == withoutGate.probabilities(for: hostingOnly))
  }

  @Test("a host's own opinion cue word keeps the model's say in a text without a sentiment word")
  func hostOpinionCue() throws {
    let text = "the mailbox zorblat gloomish"
    var lexicons = try SentimentLexicon.allBundled()
    let additions = try SentimentLexicon(language: .english, lexicon: "", rules: "[opinion_cues]\n  Zorblat  \n")
    #expect(additions.opinionCues == ["zorblat"])
    lexicons[.english] = lexicons[.english]!.merging(additions)
    let extended = LexiconSentimentClassifier(lexicons: lexicons)
    let model = try NaiveBayesSentimentModel.train(
      on: [LabeledExample(text: "gloomish", label: .negative), LabeledExample(text: "sunny", label: .positive)])
    func probabilities(_ lexicon: LexiconSentimentClassifier, factFactor: Double) -> SentimentProbabilities {
      EnsembleSentimentClassifier(
        lexicon: lexicon, model: model, modelWeight: 0.5, silenceFactor: 1, factFactor: factFactor
      ).probabilities(for: text)
    }
    #expect(extended.classify(text).confidence == 0, "the lexicon finds no sentiment word")
    #expect(probabilities(extended, factFactor: 0) == probabilities(extended, factFactor: 1))
    #expect(probabilities(bundledClassifier, factFactor: 0) != probabilities(bundledClassifier, factFactor: 1))
  }

  @Test("an opinion cue word set in code with capitals matches like one read from a rules file")
  func opinionCueSetInCodeIsLowercased() throws {
    let text = "the mailbox zorblat gloomish"
    let model = try NaiveBayesSentimentModel.train(
      on: [LabeledExample(text: "gloomish", label: .negative), LabeledExample(text: "sunny", label: .positive)])
    func probabilities(cue: String, factFactor: Double) throws -> SentimentProbabilities {
      var lexicons = try SentimentLexicon.allBundled()
      lexicons[.english]!.opinionCues.insert(cue)
      return EnsembleSentimentClassifier(
        lexicon: LexiconSentimentClassifier(lexicons: lexicons), model: model, modelWeight: 0.5, silenceFactor: 1,
        factFactor: factFactor
      ).probabilities(for: text)
    }
    for cue in ["zorblat", "ZorBlat"] {
      #expect(try probabilities(cue: cue, factFactor: 0) == probabilities(cue: cue, factFactor: 1), "cue \(cue)")
    }
    #expect(try probabilities(cue: "other", factFactor: 0) != probabilities(cue: "other", factFactor: 1))
  }

  @Test("an opinion cue entry must be one word, and a lexicon saved without cues still decodes")
  func opinionCueFormat() throws {
    #expect(throws: SentimentError.self) {
      try SentimentLexicon(language: .english, lexicon: "", rules: "[opinion_cues]\nstill broken")
    }
    var lexicon = try SentimentLexicon(language: .malay, lexicon: "bagus\t2", rules: "[opinion_cues]\nasyik")
    var object = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(lexicon)) as? [String: Any])
    #expect(object["opinionCues"] != nil)
    object["opinionCues"] = nil
    let old = try JSONDecoder().decode(SentimentLexicon.self, from: JSONSerialization.data(withJSONObject: object))
    lexicon.opinionCues = []
    #expect(old == lexicon)
  }

  @Test("capitals alone are no opinion cue: acronyms are facts")
  func acronymsNoCue() throws {
    let model = try NaiveBayesSentimentModel.train(
      on: [LabeledExample(text: "gloomish", label: .negative), LabeledExample(text: "sunny", label: .positive)])
    let silenced = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: model, modelWeight: 0.5, silenceFactor: 1, factFactor: 0)
    #expect(silenced.classify("the DNS and SSL of the mailbox were gloomish").label == .neutral)
  }
}

@Suite("Models per language")
struct LanguageModelTests {
  static let english = SyntheticCorpus.examples(seed: 11, count: 60)
  /// The same made-up words with the opposite labels: a model only this ensemble's Malay texts should see.
  static let reversed = english.map { example in
    LabeledExample(
      text: example.text,
      label: example.label == .positive ? .negative : example.label == .negative ? .positive : .neutral)
  }

  @Test("the ensemble asks the model of the language the lexicon detects, else its default model")
  func routing() throws {
    let fallback = try NaiveBayesSentimentModel.train(on: Self.english)
    let malay = try NaiveBayesSentimentModel.train(on: Self.reversed)
    let ensemble = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: fallback, modelWeight: 1,
      languageModels: [.malay: .init(model: malay, weight: 1)])
    #expect(ensemble.classify("the server is blissful").label == .positive)
    #expect(bundledClassifier.classify("server ini sangat blissful dan cepat").language == .malay)
    #expect(ensemble.classify("server ini sangat blissful dan cepat").label == .negative)
  }

  @Test("a gate trained on two registers tells them apart and survives a JSON round trip")
  func gate() throws {
    let hosting = ["server lambat lagi", "panel tak boleh login", "email bounce", "migrasi lancar", "tiket ditutup"]
    let reviews = ["makanannya enak sekali", "tempatnya nyaman", "harga makanan murah", "pelayan ramah", "menu enak"]
    let gate = try DomainGate.train(inDomain: hosting, outOfDomain: reviews)
    #expect(gate.inDomainProbability("server lambat") > 0.5)
    #expect(gate.inDomainProbability("makanannya enak") < 0.5)
    #expect(gate.inDomainProbability("zzz") == 0.5)
    let leaning = DomainGate(model: gate.model, prior: 0.9)
    #expect(leaning.inDomainProbability("makanannya enak") > gate.inDomainProbability("makanannya enak"))
    let decoded = try JSONDecoder().decode(DomainGate.self, from: JSONEncoder().encode(leaning))
    #expect(decoded.inDomainProbability("server lambat") == leaning.inDomainProbability("server lambat"))
  }

  @Test("a gate with an invalid prior or sharpness is a typed error", arguments: ["\"prior\":1.5", "\"sharpness\":-1"])
  func invalidGate(_ replacement: String) throws {
    let gate = try DomainGate.train(inDomain: ["server lambat"], outOfDomain: ["makanan enak"])
    var json = String(decoding: try JSONEncoder().encode(gate), as: UTF8.self)
    let key = replacement.split(separator: ":")[0]
    let range = try #require(json.range(of: "\(key):[^,}]*", options: .regularExpression))
    json.replaceSubrange(range, with: replacement)
    #expect(throws: SentimentError.self) { try JSONDecoder().decode(DomainGate.self, from: Data(json.utf8)) }
  }

  @Test("the default classifier has a Malay/Indonesian member with a general model and a gate")
  func bundledMalayMember() throws {
    let ensemble = try #require(try DefaultSentimentClassifier.make() as? EnsembleSentimentClassifier)
    let member = try #require(ensemble.languageModels[.malay])
    #expect(member.general != nil && member.gate != nil)
    #expect(member.generalWeight == DefaultSentimentClassifier.generalModelWeight)
    #expect(ensemble.languageModels[.english] == nil && ensemble.languageModels[.lao] == nil)
  }
}

/// The default classifier's lexicon band can be set; it shapes the ensemble's labels.
@Suite("Default classifier's neutral band")
struct DefaultNeutralBandTests {
  @Test("the default band gives the default classifier, a wider one turns mild feedback neutral")
  func bandMovesLabels() throws {
    let texts = ["The panel is okay", "Support was fine", "Billing is a bit slow", "Great support, thanks!"]
    let standard = try DefaultSentimentClassifier.make()
    let same = try DefaultSentimentClassifier.make(neutralThreshold: LexiconSentimentClassifier.defaultNeutralThreshold)
    let wide = try DefaultSentimentClassifier.make(neutralThreshold: 0.95)
    for text in texts { #expect(same.classify(text) == standard.classify(text)) }
    let neutralBefore = texts.filter { standard.classify($0).label == .neutral }.count
    let neutralAfter = texts.filter { wide.classify($0).label == .neutral }.count
    #expect(neutralAfter > neutralBefore)
  }
}
