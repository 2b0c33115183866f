import FeedbackSentiment
import Foundation
import Testing

/// Implicit Malay/Indonesian feedback (issue 15): a problem word governed by a remedy, an expected event, a wish
/// said as praise, time as a measurement, and everyday vocabulary the hosting corpus lacked.
@Suite("Malay and Indonesian frames")
struct MalayFrameTests {
  static let classifier = LexiconSentimentClassifier()

  /// A small Malay lexicon with or without the frame sections, for the rules' own effect.
  static func lexicon(frames: Bool) throws -> LexiconSentimentClassifier {
    let sections =
      frames
      ? "[remedies]\ndibaiki\nhilang\n[expectations]\ndijangka\n[conditions]\nkalau\n[hypotheticals]\nbakal\n" : ""
    let malay = try SentimentLexicon(
      language: .malay,
      lexicon: "masalah\t-1.5\nralat\t-2\ndibaiki\t2\nhilang\t-1.6\nlambat\t-2\nmembantu\t2",
      rules: "[negators]\ntak\nbelum\n[stopwords]\nyang\nini\ndah\nsaya\nada\n" + sections)
    return LexiconSentimentClassifier(lexicons: [.malay: malay])
  }

  @Test(
    "a complaint word solved by a remedy in its sentence reads as praise",
    arguments: [
      "Masalah email tu dah dibaiki semalam, terima kasih.",
      "Ralat SSL dah hilang lepas pasang semula sijil.",
      "Error 500 yang mengganggu seminggu akhirnya hilang.",
      "Gangguan DNS berjaya dipulihkan dalam sejam.",
      "Isu login udah beres, makasih tim.",
    ]
  )
  func remedyMakesPraise(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .positive, "\(result.score) \(result.explanation)")
  }

  @Test(
    "a remedy that is negated, asked about, undone or without a complaint before it solves nothing",
    arguments: [
      "Masalah ni belum dibaiki lagi.",
      "Data saya hilang lepas migrasi.",
      "Kecewa sangat, semua gambar hilang.",
      "Katanya dah dibaiki hari Isnin, tapi ralat masih muncul.",
      "Error SMTP yang katanya sudah diperbaiki masih muncul.",
    ]
  )
  func remedyWithoutSolutionStaysComplaint(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
  }

  @Test("a remedy in a question is not praise")
  func remedyInQuestion() {
    let result = Self.classifier.classify("Gangguan server ni bila nak selesai?")
    #expect(result.label != .positive, "\(result.score) \(result.explanation)")
  }

  @Test("the [remedies] section is what turns a solved problem into praise")
  func remedySectionDecides() throws {
    let text = "Masalah yang lambat tu dah dibaiki"
    let with = try Self.lexicon(frames: true).classify(text)
    let without = try Self.lexicon(frames: false).classify(text)
    #expect(with.score > without.score)
    #expect(with.label == .positive, "\(with.score) \(with.explanation)")
    #expect(with.explanation.contains { $0.rule == .negation && $0.token == "dibaiki" })
  }

  @Test("frames are read in the dominant language only: an English 'patch' solves nothing")
  func framesStayInTheirLanguage() {
    let result = Self.classifier.classify("Downtime and errors again after the patch.")
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
    #expect(!result.explanation.contains { $0.token == "patch" })
  }

  @Test(
    "complaints about an expected event are a statement, not a fault",
    arguments: [
      "Website tak dapat diakses sepuluh minit masa tukar server, memang dijangka.",
      "Server reboot dan down sekejap seperti yang dijadualkan.",
      "Penyelenggaraan berjadual malam ni, laman tak boleh dibuka sejam.",
    ]
  )
  func expectedEventIsNotComplaint(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label != .negative, "\(result.score) \(result.explanation)")
  }

  @Test("an unexpected event stays a complaint: 'tak dijangka'")
  func unexpectedEventIsComplaint() throws {
    let result = try Self.lexicon(frames: true).classify("Ralat ini tak dijangka")
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
  }

  @Test(
    "hypothetical praise before a condition is a wish",
    arguments: [
      "Alangkah baiknya kalau panel ada mod gelap.",
      "Akan lebih membantu jika ada panduan video untuk DNS.",
      "Pasti bagus kalau ada pilihan bayaran tahunan.",
    ]
  )
  func wishIsNotPraise(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .neutral, "\(result.score) \(result.explanation)")
  }

  @Test("praise before a bare condition stays praise; the [hypotheticals] word makes it a wish")
  func bareConditionKeepsPraise() throws {
    let classifier = try Self.lexicon(frames: true)
    #expect(classifier.classify("Membantu kalau ada masalah").score > 0)
    #expect(classifier.classify("Bakal membantu kalau ada panduan").score == 0)
  }

  @Test(
    "time as a measurement: a wait of days is a complaint",
    arguments: [
      "Tiket saya dibalas tiga hari kemudian.",
      "Jawapan pertama datang seminggu kemudian.",
      "Refund masuk sebulan kemudian.",
    ]
  )
  func longWaitIsComplaint(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
  }

  @Test(
    "time as a measurement: a task done in only minutes is praise",
    arguments: [
      "Domain aktif dalam lima minit je.",
      "Akun langsung aktif dalam 2 menit aja.",
    ]
  )
  func quickTaskIsPraise(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .positive, "\(result.score) \(result.explanation)")
  }

  @Test(
    "everyday complaints: a wrong answer, a limit, a duplicate charge, a jam",
    arguments: [
      "Jawapan agen tu tak betul langsung.",
      "Support balas laju tapi jawapan tak pernah betul.",
      "Panel tak bagi tukar versi PHP.",
      "Bulan ni kena caj dua kali untuk invois yang sama.",
      "Servernya macet terus dari pagi.",
      "Teknisinya gak becus ngurus DNS.",
    ]
  )
  func everydayComplaint(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
  }

  @Test(
    "everyday praise: words hosting feedback shares with reviews",
    arguments: [
      "Panelnya enak dipakai.",
      "Websitenya jadi ringan sekali.",
      "Dokumentasinya lengkap.",
    ]
  )
  func everydayPraise(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .positive, "\(result.score) \(result.explanation)")
  }

  @Test("'fail' is a Malay file, not a failure; 'dua kali ganda' is a multiple, not a duplicate")
  func falseFriends() {
    #expect(Self.classifier.classify("Saya nak muat naik fail ke server").label == .neutral)
    #expect(Self.classifier.classify("Storan naik dua kali ganda").label == .neutral)
  }

  @Test("the frame sections parse, merge and decode when absent")
  func frameSectionsRoundTrip() throws {
    var lexicon = SentimentLexicon(language: .malay)
    try lexicon.parseRules(
      "[remedies]\nDah Dibaiki\n[expectations]\ndijangka\n[conditions]\nkalau\n[hypotheticals]\nbakal\n")
    #expect(lexicon.remedies == ["dah dibaiki"])
    #expect(lexicon.expectations == ["dijangka"])
    #expect(lexicon.conditions == ["kalau"])
    #expect(lexicon.hypotheticals == ["bakal"])
    let merged = lexicon.merging(SentimentLexicon(language: .malay, remedies: ["pulih"]))
    #expect(merged.remedies == ["dah dibaiki", "pulih"])
    let decoded = try JSONDecoder().decode(SentimentLexicon.self, from: JSONEncoder().encode(lexicon))
    #expect(decoded == lexicon)
    var old = try JSONSerialization.jsonObject(with: JSONEncoder().encode(lexicon)) as? [String: Any] ?? [:]
    for key in ["remedies", "expectations", "conditions", "hypotheticals"] { old[key] = nil }
    let fromOld = try JSONDecoder().decode(
      SentimentLexicon.self, from: JSONSerialization.data(withJSONObject: old))
    #expect(fromOld.remedies.isEmpty && fromOld.hypotheticals.isEmpty)
  }
}
