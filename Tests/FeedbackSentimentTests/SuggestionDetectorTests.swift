import FeedbackSentiment
import Foundation
import Testing

@Suite("SuggestionDetector: feedback that asks for an improvement")
struct SuggestionDetectorTests {
  static let detector = try! SuggestionDetector.bundled()

  @Test(
    "feedback that asks for an improvement is a suggestion, in English, Malay/Indonesian and Lao",
    arguments: [
      ("Please add a staging site option to the panel.", "please add", "en"),
      ("Kindly improve the backup restore page, it is hard to find.", "kindly improve", "en"),
      ("It would be nice if invoices showed the domain name.", "it would be nice", "en"),
      ("Tolong tambah pilihan bayaran melalui DuitNow.", "tolong tambah", "ms"),
      ("Mohon ditambahkan fitur backup harian.", "mohon", "ms"),
      ("Saya cadangkan panel kawalan dalam bahasa Melayu.", "saya cadangkan", "ms"),
      ("ຂໍໃຫ້ເພີ່ມການຊຳລະເງິນຜ່ານ BCEL One", "ຂໍໃຫ້", "lo"),
      ("ຢາກໃຫ້ມີແຜງຄວບຄຸມເປັນພາສາລາວ", "ຢາກໃຫ້", "lo"),
    ] as [(String, String, String)])
  func detectsSuggestions(text: String, phrase: String, language: String) throws {
    let cue = try #require(Self.detector.detect(text))
    #expect(cue.phrase == phrase)
    #expect(cue.language.rawValue == language)
  }

  @Test(
    "a suggestion is a suggestion whatever its sentiment: praise and complaints can carry one",
    arguments: [
      "Excellent support, thank you! Please add two-factor login.",
      "The control panel is terrible and slow. Kindly improve it.",
      "Perkhidmatan teruk. Tolong perbaiki panel kawalan.",
    ])
  func anySentiment(text: String) {
    #expect(Self.detector.isSuggestion(text))
  }

  @Test(
    "feedback without an improvement request is no suggestion",
    arguments: [
      "Support was slow and my site was down for hours.",
      "Thank you, great service!",
      "Please reply to my ticket.",
      "",
      "Sokongan sangat pantas dan membantu.",
      "ບໍລິການດີຫຼາຍ ພໍໃຈຫຼາຍ",
    ])
  func notSuggestions(text: String) {
    #expect(Self.detector.detect(text) == nil)
  }

  @Test(
    "a cue inside an exception does not count: apologies, requests for help now, blessings",
    arguments: [
      "Kami mohon maaf atas gangguan semalam.",
      "Mohon bantuan, laman web saya tidak boleh dibuka.",
      "ຂໍໃຫ້ໂຊກດີ ແລະ ຂອບໃຈຫຼາຍ",
      "Please add me to the newsletter.",
    ])
  func exceptions(text: String) {
    #expect(Self.detector.detect(text) == nil)
  }

  @Test("Latin cues match whole words only, in any case and spacing")
  func wholeWords() throws {
    #expect(Self.detector.detect("PLEASE   ADD an option") != nil)
    #expect(Self.detector.detect("Please added the domain yesterday") == nil)
    #expect(Self.detector.detect("The dumohon word is made up") == nil)
  }

  @Test(
    "a suggestion names the aspect it asks about: from its cue on, else before it in its sentence",
    arguments: [
      ("Please add dark mode to the control panel.", "controlPanel"),
      ("Tolong tambah pilihan dalam panel kawalan.", "controlPanel"),
      ("Please add a cheaper price for students.", "pricing"),
      ("Please add more colours.", nil),
      ("The control panel is clunky, please improve it.", "controlPanel"),
      ("Great support. Please add a staging site option.", nil),
      ("Fast support, please add a status page for outages.", "communication"),
    ] as [(String, String?)])
  func aspects(text: String, aspect: String?) throws {
    let cue = try #require(Self.detector.detect(text))
    #expect(cue.aspect?.rawValue == aspect)
  }

  @Test("the first cue in the text is the one reported")
  func firstCue() throws {
    let cue = try #require(Self.detector.detect("It would be great if you could. Please add SSH keys."))
    #expect(cue.phrase == "it would be great")
  }

  @Test("hosts extend the phrases in the documented format, and a malformed file names its line")
  func customPhrases() throws {
    var phrases = try SuggestionPhrases(language: .english, parsing: "[cues]\nplease add\n")
    try phrases.extend(parsing: "# ours\n[cues]\nwe need\n[exceptions]\nwe need help\n", source: "ours.txt")
    let detector = SuggestionDetector(phrases: [phrases])
    #expect(detector.detect("We need a Node.js selector")?.phrase == "we need")
    #expect(detector.detect("We need help now") == nil)
    #expect(throws: SentimentError.self) { try SuggestionPhrases(language: .english, parsing: "orphan phrase\n") }
    do {
      _ = try SuggestionPhrases(language: .english, parsing: "[cues]\nok\n[wishes]\n", source: "bad.txt")
      Issue.record("an unknown section was accepted")
    } catch let error as SentimentError {
      #expect(error.code == .malformedLine && error.context["line"] == "3")
    }
  }

  @Test("a suggestion's aspect is a real aspect, never a clause role")
  func noClauseRoleAspect() throws {
    let detector = try SuggestionDetector.bundled()
    #expect(!detector.aspectTerms.values.contains { $0.isClauseRole })
    let cue = try #require(detector.detect("Please add faster support on weekends"))
    #expect(cue.aspect.map { !$0.isClauseRole } ?? true)
  }

  @Test(
    "an imperative that asks the host to change something opens a sentence or clause, a noun does not",
    arguments: [
      ("Staff the weekend queue, my site doesn't only break on weekdays.", true),
      ("Great uptime. Put outages on the status page while they happen.", true),
      ("Thanks, \"hire\" more people for the night shift!", true),
      ("Please staff the weekend queue.", true),
      ("Great host. Kindly put outages on the status page.", true),
      ("Our team would please staff the desk.", false),
      ("The staff the night shift had were lovely.", false),
      ("Add-on pricing is confusing.", false),
      ("Our staff the weekend before asked the same.", false),
    ] as [(String, Bool)])
  func anchoredImperatives(text: String, isSuggestion: Bool) {
    #expect(Self.detector.isSuggestion(text) == isSuggestion)
  }

  @Test(
    "a cue with a gap matches its parts in order within one sentence, in every language",
    arguments: [
      ("Email me when my site's uptime check fails.", "^email me … when", true),
      ("Email me the invoice. When will it arrive?", "^email me … when", false),
      ("Panduan korang memang bagus, kalau ada video pendek lagi best.", "kalau ada … best", true),
      ("Best host ever, kalau ada masalah mereka cepat.", "kalau ada … best", false),
      ("ຖ້າມີບໍລິການໂທກັບສຳລັບເລື່ອງດ່ວນຈະດີ", "ຖ້າມີ … ຈະດີ", true),
      ("ຈະດີຖ້າມີ", "ຖ້າມີ … ຈະດີ", false),
    ] as [(String, String, Bool)])
  func gappedCues(text: String, cue: String, matches: Bool) {
    let found = Self.detector.detect(text)
    if matches {
      #expect(found?.phrase == cue)
    } else {
      #expect(found?.phrase != cue)
    }
  }

  @Test("a host's cue may use gaps and anchors, and a cue with an empty part names its line")
  func customPatterns() throws {
    let phrases = try SuggestionPhrases(language: .english, parsing: "[cues]\n^migrate … for free\n")
    let detector = SuggestionDetector(phrases: [phrases])
    #expect(
      detector.detect("Please help. Migrate my shop for free, you did for others.")?.phrase == "^migrate … for free")
    #expect(detector.detect("You migrate sites for free?") == nil)
    #expect(detector.detect("Migrate my shop. It was free elsewhere.") == nil)
    #expect(SuggestionPattern("^migrate … for free") == SuggestionPattern("^migrate ... for free"))
    for bad in ["^", "add …", "… add", "please … … add"] {
      do {
        _ = try SuggestionPhrases(language: .english, parsing: "[cues]\nok\n\(bad)\n", source: "bad.txt")
        Issue.record("the cue '\(bad)' was accepted")
      } catch let error as SentimentError {
        #expect(error.code == .malformedLine && error.context["line"] == "3")
      }
    }
  }

  @Test(
    "a line break or an emoji ends a sentence for gaps and anchors; openers that ask for nothing are exceptions",
    arguments: [
      ("Please email me the invoice\nWhen will my site be back up", false),
      ("Thanks for the quick fix\nstaff the weekend queue too", true),
      ("Great host 🙂 put outages on the status page", true),
      ("Please just add a staging option.", true),
      ("Put simply, your support is the worst.", false),
      ("Let us be clear: this host is terrible.", false),
      ("Allow me to explain why I'm leaving.", false),
      ("Consider this my notice.", false),
      ("They replied: provide your domain name and wait.", false),
      ("ລໍຖ້າມີຄົນຕອບມື້ໜຶ່ງແລ້ວ ບໍ່ມີໃຜຈະຊ່ວຍ", false),
      ("ລໍຖ້າດົນຫຼາຍ ບໍ່ຮູ້ວ່າຈະສະດວກຕອນໃດ", false),
      ("ຖ້າມີບໍລິການໂທກັບ ຈະຊ່ວຍໄດ້ຫຼາຍ", true),
    ] as [(String, Bool)])
  func sentenceEdgesAndFalseOpeners(text: String, isSuggestion: Bool) {
    #expect(Self.detector.isSuggestion(text) == isSuggestion, "\(Self.detector.detect(text).map(\.phrase) ?? "none")")
  }

  @Test("a long text of repeated cue beginnings is read to the end and finds the cue that completes")
  func longRepetitiveText() throws {
    let text = String(repeating: "kalau ada ", count: 3_000) + "video lagi best."
    #expect(Self.detector.detect(text)?.phrase == "kalau ada … best")
    let phrases = try SuggestionPhrases(language: .english, parsing: "[cues]\na … b … c … d\n")
    let detector = SuggestionDetector(phrases: [phrases])
    #expect(detector.detect(String(repeating: "a b c ", count: 2_000)) == nil)
    #expect(detector.detect(String(repeating: "a b c ", count: 2_000) + "d") != nil)
  }

  @Test("aspect terms still match in hyphenated and doubled words, cues do not")
  func hyphensInAspects() throws {
    #expect(Self.detector.aspect(of: "tolong baiki emel-emel saya") == .email)
    #expect(Self.detector.detect("Add-on pricing is confusing.") == nil)
  }
}
