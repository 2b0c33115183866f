import FeedbackSentiment
import Foundation
import Testing

@Suite("Hosting aspects")
struct AspectTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    /// Each aspect's expected label; `nil` for an aspect that must not be reported.
    var expected: [HostingAspect: SentimentLabel?]
    var testDescription: String { "\(rule): '\(text)'" }
  }

  static let cases: [Case] = [
    Case(
      rule: "each aspect in English takes the polarity of its own clause",
      text: "The control panel is confusing, but the invoice was correct and cheap",
      expected: [.controlPanel: .negative, .pricing: .positive]),
    Case(
      rule: "each aspect in Malay takes the polarity of its own clause",
      text: "Harga berpatutan tetapi server selalu down",
      expected: [.pricing: .positive, .uptime: .negative]),
    Case(
      rule: "each aspect in Lao takes the polarity of its own clause",
      text: "ລາຄາຖືກ ແຕ່ເຊີບເວີລົ່ມເລື້ອຍໆ",
      expected: [.pricing: .positive, .uptime: .negative]),
    Case(
      rule: "staff competence and support speed are told apart in Lao",
      text: "ພະນັກງານເກັ່ງຫຼາຍ ແຕ່ຕອບຊ້າ",
      expected: [.staffCompetence: .positive, .supportSpeed: .negative]),
    Case(
      rule: "a multi-word aspect term is found in English",
      text: "The response time was terrible",
      expected: [.supportSpeed: .negative]),
    Case(
      rule: "email problems are found in Malay",
      text: "Emel selalu masuk spam, teruk",
      expected: [.email: .negative]),
    Case(
      rule: "a Lao compound names the aspect of the term inside it (website keeps going down)",
      text: "ເວັບໄຊລົ່ມເລື້ອຍໆ",
      expected: [.uptime: .negative]),
    Case(
      rule: "a Malay speed word in a clause about support is support speed, not staff competence",
      text: "sokongan sangat lambat",
      expected: [.supportSpeed: .negative, .staffCompetence: nil, .performance: nil]),
    Case(
      rule: "a fast reply that did not fix the problem praises speed and criticises the resolution",
      text: "replied quickly but still not fixed",
      expected: [.supportSpeed: .positive, .resolution: .negative]),
    Case(
      rule: "an English speed word in a clause about support is support speed",
      text: "Your support is painfully slow",
      expected: [.supportSpeed: .negative, .performance: nil, .staffCompetence: nil]),
    Case(
      rule: "a Lao speed word in a clause about support is support speed",
      text: "ຝ່າຍຊ່ວຍເຫຼືອຊ້າແທ້ໆ",
      expected: [.supportSpeed: .negative, .performance: nil]),
    Case(
      rule: "a speed word alone is the site's performance",
      text: "The site is slow every evening",
      expected: [.performance: .negative, .supportSpeed: nil]),
    Case(
      rule: "a speed word beside another aspect belongs to that aspect",
      text: "The migration was fast",
      expected: [.migration: .positive, .performance: nil, .supportSpeed: nil]),
    Case(
      rule: "a support word without speed is staff competence",
      text: "Support was brilliant",
      expected: [.staffCompetence: .positive, .supportSpeed: nil]),
    Case(
      rule: "an answer the customer did not understand is a clarity problem",
      text: "The reply was confusing and full of jargon",
      expected: [.clarity: .negative]),
    Case(
      rule: "plain instructions are praised as clarity in Malay",
      text: "Arahan sangat jelas dan mudah diikut",
      expected: [.clarity: .positive]),
    Case(
      rule: "a problem fixed for good is praised as resolution in Lao",
      text: "ແກ້ໄຂໄດ້ແລ້ວ ຂອບໃຈຫຼາຍ",
      expected: [.resolution: .positive]),
    Case(
      rule: "a problem that persists ('masih tidak boleh') is criticised as resolution in Malay",
      text: "Sudah tiga hari, masih tidak boleh hantar emel.",
      expected: [.resolution: .negative, .email: .negative]),
    Case(
      rule: "a fix that stopped working ('tidak berfungsi lagi') is criticised as resolution in Indonesian",
      text: "Plugin cache tidak berfungsi lagi setelah update.",
      expected: [.resolution: .negative]),
    Case(
      rule: "a closed ticket whose problem is not finished ('belum selesai') is criticised as resolution",
      text: "Tiket ditutup tapi masalah belum selesai.",
      expected: [.resolution: .negative]),
    Case(
      rule: "the Indonesian support word with a speed word is support speed, not staff competence",
      text: "Dukungan teknisnya sangat lambat.",
      expected: [.supportSpeed: .negative, .staffCompetence: nil]),
    Case(
      rule: "a site that goes dark ('ດັບ') is criticised as uptime in Lao",
      text: "ເວັບດັບເລື້ອຍໆ ແຍ່ຫຼາຍ",
      expected: [.uptime: .negative]),
    Case(
      rule: "a resolution term that is a sentiment word gives the resolution its own verdict in English",
      text: "Mail delays fixed, form messages arrive at once",
      expected: [.resolution: .positive]),
    Case(
      rule: "a negated resolution term gives the resolution a negative verdict in a praising clause",
      text: "Lovely polite staff, the outage not fixed",
      expected: [.resolution: .negative]),
    Case(
      rule: "a resolution term that is a sentiment word gives the resolution its own verdict in Malay",
      text: "Gangguan email teruk itu akhirnya dibaiki",
      expected: [.resolution: .positive]),
    Case(
      rule: "a resolution term that is a sentiment word gives the resolution its own verdict in Lao",
      text: "ບັນຫາອີເມວຊ້າ ແກ້ແລ້ວ",
      expected: [.resolution: .positive]),
    Case(
      rule: "a fix that does not last is a criticised resolution",
      text: "They clean the malware every week and the cleanup never sticks",
      expected: [.resolution: .negative]),
    Case(
      rule: "support's 'works on our end' is a dismissed problem, a criticised resolution",
      text: "Five days later the answer: works on our end",
      expected: [.resolution: .negative]),
    Case(
      rule: "a service back to normal is a praised resolution in Malay/Indonesian, whatever the problem words",
      text: "Error 508 yang bikin pusing itu udah normal sekarang",
      expected: [.resolution: .positive]),
    Case(
      rule: "a fix that is only awaited is not a praised resolution",
      text: "Still waiting for this to be fixed.",
      expected: [.resolution: .neutral]),
    Case(
      rule: "resolution terms with a verdict of their own weigh as the score does: after 'but' counts more",
      text: "Support said it was fixed, but it is still broken",
      expected: [.resolution: .negative]),
    Case(
      rule: "'for good' is no praise: a site down for good is not a solved problem",
      text: "The site is down for good.",
      expected: [.uptime: .negative, .resolution: nil]),
    Case(
      rule: "a resolution term without sentiment takes its clause's verdict",
      text: "The root cause was a terrible plugin",
      expected: [.resolution: .negative]),
    Case(
      rule: "a Malay/Indonesian word with the enclitic -nya names its stem's aspect (unknown form)",
      text: "Penjelasannya susah difahami",
      expected: [.clarity: .negative]),
    Case(
      rule: "a listed -nya form without an aspect takes its stem's aspect and clause role",
      text: "Pantasnya sokongan",
      expected: [.supportSpeed: .positive, .staffCompetence: nil]),
    Case(
      rule: "a question without sentiment still names its aspect, neutral",
      text: "Can I pay the invoice by bank transfer?",
      expected: [.pricing: .neutral, .migration: nil]),
  ]

  @Test("aspects carry their own polarity", arguments: cases)
  func aspects(_ testCase: Case) {
    let found = bundledClassifier.classify(testCase.text).aspects
    for (aspect, label) in testCase.expected {
      let mention = found.first { $0.aspect == aspect }
      #expect(mention?.label == label, "\(aspect): \(found)")
    }
    #expect(!found.contains { $0.aspect.isClauseRole }, "clause roles are never reported: \(found)")
  }

  @Test("contrast does not change an aspect's own polarity, only the overall score")
  func contrastLeavesAspects() {
    let result = bundledClassifier.classify("Migration was smooth, but the server is slow")
    #expect(result.aspects.first { $0.aspect == .migration }?.label == .positive)
    #expect(result.label == .negative)
  }

  @Test("a resolution term with a verdict of its own is counted once, not again through its neighbours' clause")
  func resolutionCountedOnce() throws {
    func resolution(_ text: String) -> Double? {
      bundledClassifier.classify(text).aspects.first { $0.aspect == .resolution }?.score
    }
    let alone = try #require(resolution("Found and fixed."))
    #expect(resolution("Root cause found and fixed.") == alone)
  }

  @Test("when only the ensemble's model judged a text, the aspects it names take that verdict")
  func aspectsFollowModelVerdict() throws {
    let model = try NaiveBayesSentimentModel.train(
      on: [
        LabeledExample(text: "gloomish", label: .negative), LabeledExample(text: "sunny", label: .positive),
        LabeledExample(text: "plainish", label: .neutral),
      ])
    let ensemble = EnsembleSentimentClassifier(
      lexicon: bundledClassifier, model: model, modelWeight: 0.95, silenceFactor: 1, factFactor: 1)
    let silent = "invoice gloomish"
    #expect(bundledClassifier.classify(silent).confidence == 0, "the lexicon finds no sentiment word")
    #expect(bundledClassifier.classify(silent).aspects.map(\.label) == [.neutral])
    let judged = ensemble.classify(silent)
    #expect(judged.label == .negative)
    #expect(judged.aspects.map(\.aspect) == [.pricing])
    #expect(judged.aspects.map(\.label) == [.negative])
    #expect(judged.aspects.first.map { $0.score < 0 } == true)
    // Where the lexicon judged the text, each aspect keeps its own clause's verdict.
    let mixed = ensemble.classify("The invoice was cheap, gloomish")
    #expect(
      mixed.aspects.first { $0.aspect == .pricing }?.label
        == bundledClassifier.classify(
          "The invoice was cheap, gloomish"
        ).aspects.first { $0.aspect == .pricing }?.label)
    // A neutral verdict leaves the aspects neutral.
    let neutral = ensemble.classify("invoice plainish")
    #expect(neutral.label == .neutral)
    #expect(neutral.aspects.allSatisfy { $0.label == .neutral })
  }

  @Test(
    "an unknown Malay/Indonesian word with an enclitic (-nya, -lah, -kah) reads like its stem",
    arguments: [
      ("Balasannya pantas", "Balasan pantas"), ("Servernya down", "Server down"), ("Lambatkah?", "Lambat?"),
      ("Support terhebatlah", "Support terhebat"), ("Refund-nya lambat sangat", "Refund lambat sangat"),
    ])
  func encliticStems(withEnclitic: String, stem: String) {
    let withResult = bundledClassifier.classify(withEnclitic)
    let stemResult = bundledClassifier.classify(stem)
    #expect(withResult.label == stemResult.label)
    #expect(withResult.score == stemResult.score)
    #expect(withResult.aspects.map(\.aspect) == stemResult.aspects.map(\.aspect))
    #expect(withResult.label != .neutral)
    #expect(!withResult.aspects.isEmpty)
  }

  @Test("a question with -kah around a negator is no negation: 'Bukankah servis ini bagus?'")
  func encliticQuestionNotNegated() {
    #expect(bundledClassifier.classify("Bukankah servis ini bagus?").label != .negative)
  }

  @Test("a word is not cut to a stem shorter than three letters")
  func encliticGuards() {
    #expect(bundledClassifier.classify("ok").confidence > 0)
    #expect(bundledClassifier.classify("oknya").confidence == 0)
  }

  @Test("a text without aspect terms has no aspects")
  func none() {
    #expect(bundledClassifier.classify("thank you so much").aspects.isEmpty)
  }

  @Test("the terms that named an aspect are reported, each once")
  func terms() {
    let result = bundledClassifier.classify("downtime again, more downtime")
    let uptime = result.aspects.first { $0.aspect == .uptime }
    #expect(uptime?.terms == ["downtime"])
  }

  @Test("annotated sets parse aspects with their polarity and name a malformed line")
  func annotatedParsing() throws {
    let parsed = try AnnotatedFeedback.parseTSV(
      "negative\tcomplaint\tsupportSpeed:+,resolution:-\treplied fast, not fixed\npositive\tpraise\t-\tgreat\n")
    #expect(parsed.first?.aspects == [.supportSpeed: .positive, .resolution: .negative])
    #expect(parsed.last?.aspects == [:] && parsed.last?.intent == .praise)
    for bad in ["negative\tcomplaint\tx\n", "negative\tgrumble\t-\ttext\n", "negative\tcomplaint\tuptime:?\ttext\n"] {
      #expect(throws: SentimentError.self) { try AnnotatedFeedback.parseTSV(bad) }
    }
  }

  @Test("aspect evaluation counts detection and polarity per aspect")
  func aspectEvaluation() {
    let evaluation = AspectEvaluation(
      expected: [[.uptime: .negative], [.pricing: .neutral], [:]],
      found: [
        [AspectSentiment(aspect: .uptime, label: .positive, score: 0.5, terms: ["down"])],
        [], [AspectSentiment(aspect: .email, label: .neutral, score: 0, terms: ["mail"])],
      ])
    #expect(evaluation[.uptime].detection.truePositives == 1 && evaluation[.uptime].polarityMatches == 0)
    #expect(evaluation[.pricing].detection.recall == 0 && evaluation[.email].detection.precision == 0)
    #expect(evaluation.overall.detection.precision == 0.5 && evaluation.overall.detection.recall == 0.5)
  }
}
