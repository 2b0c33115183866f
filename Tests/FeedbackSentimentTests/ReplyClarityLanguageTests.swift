import FeedbackSentiment
import Foundation
import Testing

/// Replies that show each rule of the clarity check in one language.
struct ClarityFixture: Sendable, CustomTestStringConvertible {
  var language: SentimentLanguage
  var name: String
  /// A reply with one jargon term (and a next step), the term's glossary name and the start of its explanation.
  var jargonReply: String
  var jargonTerm: String
  var jargonExcerpt: String
  var explanationStart: String
  /// A reply in plain words with a next step and short sentences.
  var plainReply: String
  /// A reply whose first sentence is too long (it has a next step after it), and that sentence's word count.
  var longReply: String
  var longWords: Int
  /// A reply that never says what happens next.
  var withoutNextStep: String
  /// A reply that does.
  var withNextStep: String

  var testDescription: String { name }

  static let english = ClarityFixture(
    language: .english, name: "English",
    jargonReply: "Hi Sam, your site is back. The DNS propagation can take a few hours, and I will check it at 3 pm.",
    jargonTerm: "dns propagation", jargonExcerpt: "DNS propagation", explanationStart: "the delay before a change",
    plainReply: "Hi Sam, your website is working again. I will check it once more this afternoon and write by 5 pm.",
    longReply: """
      I have looked at your account and I can see that the website stopped working last night because the storage \
      space ran out, so I removed the old backup files that were taking up most of the room and restarted \
      everything. I will check again tomorrow.
      """,
    longWords: 41,
    withoutNextStep: "Your website was down because the storage was full. We removed old backups and it works again.",
    withNextStep: "Your website was down because the storage was full. Please try it now and let us know how it looks.")

  static let malay = ClarityFixture(
    language: .malay, name: "Malay",
    jargonReply: "Hai Aminah, laman web anda sudah pulih. Rekod MX domain anda telah ditukar dan kami akan semak esok.",
    jargonTerm: "rekod mx", jargonExcerpt: "Rekod MX",
    explanationStart: "tetapan yang memberitahu internet pelayan mana yang menerima e-mel",
    plainReply: "Hai Aminah, laman web anda sudah berfungsi semula. Kami akan menyemaknya sekali lagi petang ini.",
    longReply: """
      Kami telah memeriksa akaun anda dan mendapati bahawa laman web anda berhenti berfungsi malam tadi kerana \
      ruang storan telah penuh, jadi kami memadam fail sandaran lama yang menggunakan sebahagian besar ruang dan \
      memulakan semula semua perkhidmatan. Kami akan semak semula esok.
      """,
    longWords: 36,
    withoutNextStep:
      "Laman web anda terhenti kerana storan penuh. Kami telah memadam sandaran lama dan laman kini berfungsi.",
    withNextStep:
      "Laman web anda terhenti kerana storan penuh. Sila cuba buka laman anda sekarang dan maklumkan kepada kami.")

  static let lao = ClarityFixture(
    language: .lao, name: "Lao",
    jargonReply: "ສະບາຍດີ, ເວັບໄຊຂອງທ່ານກັບມາໃຊ້ໄດ້ແລ້ວ. ການຕັ້ງຄ່າ DNS ຂອງທ່ານຖືກປ່ຽນແລ້ວ ພວກເຮົາຈະກວດຄືນມື້ອື່ນ.",
    jargonTerm: "dns", jargonExcerpt: "DNS", explanationStart: "ປຶ້ມທີ່ຢູ່ຂອງອິນເຕີເນັດ",
    plainReply: "ສະບາຍດີ, ເວັບໄຊຂອງທ່ານກັບມາໃຊ້ໄດ້ແລ້ວ. ພວກເຮົາຈະກວດຄືນອີກຄັ້ງໃນຕອນແລງນີ້.",
    longReply: """
      ພວກເຮົາໄດ້ກວດສອບບັນຊີຂອງທ່ານແລ້ວພົບວ່າເວັບໄຊຂອງທ່ານຢຸດເຮັດວຽກໃນຄືນວານນີ້ຍ້ອນວ່າພື້ນທີ່ເກັບຂໍ້ມູນເຕັມແລ້ວ\
      ພວກເຮົາໄດ້ລຶບໄຟລ໌ສຳຮອງເກົ່າທີ່ໃຊ້ພື້ນທີ່ຫຼາຍທີ່ສຸດອອກແລະໄດ້ເປີດລະບົບທັງໝົດຄືນໃໝ່ເພື່ອໃຫ້ເວັບໄຊຂອງທ່ານກັບມາເຮັດວຽກໄດ້ຕາມປົກກະຕິ. \
      ພວກເຮົາຈະກວດຄືນມື້ອື່ນ.
      """,
    longWords: 49,
    withoutNextStep: "ເວັບໄຊຂອງທ່ານຢຸດເຮັດວຽກຍ້ອນພື້ນທີ່ເຕັມ. ພວກເຮົາໄດ້ລຶບໄຟລ໌ເກົ່າອອກແລ້ວ ແລະ ເວັບໄຊກັບມາເຮັດວຽກແລ້ວ.",
    withNextStep: "ເວັບໄຊຂອງທ່ານຢຸດເຮັດວຽກຍ້ອນພື້ນທີ່ເຕັມ. ກະລຸນາລອງເປີດເວັບໄຊອີກຄັ້ງ ແລ້ວແຈ້ງໃຫ້ພວກເຮົາຮູ້.")

  static let all = [english, malay, lao]
}

@Suite("Reply clarity, per language")
struct ReplyClarityLanguageTests {
  static let check = try! ReplyClarityCheck.bundled()

  @Test("jargon is flagged at the term with the glossary's explanation", arguments: ClarityFixture.all)
  func jargonFlagged(fixture: ClarityFixture) throws {
    let hints = Self.check.check(fixture.jargonReply, language: fixture.language)
    #expect(hints.map(\.kind) == [.jargon], "\(hints)")
    let hint = try #require(hints.first)
    #expect(hint.term == fixture.jargonTerm)
    #expect(hint.excerpt == fixture.jargonExcerpt)
    #expect(hint.explanation.hasPrefix(fixture.explanationStart))
    #expect(hint.language == fixture.language)
    let range = try #require(hint.range(in: fixture.jargonReply))
    #expect(String(fixture.jargonReply[range]) == fixture.jargonExcerpt)
  }

  @Test("a plain reply with a next step gets no hint", arguments: ClarityFixture.all)
  func plainReplyNotFlagged(fixture: ClarityFixture) {
    #expect(Self.check.check(fixture.plainReply, language: fixture.language) == [])
  }

  @Test("a very long sentence is flagged with its word count", arguments: ClarityFixture.all)
  func longSentenceFlagged(fixture: ClarityFixture) throws {
    let hints = Self.check.check(fixture.longReply, language: fixture.language)
    #expect(hints.map(\.kind) == [.longSentence], "\(hints)")
    let hint = try #require(hints.first)
    let limit = try ClarityGlossary.bundled(fixture.language).longSentenceWords
    #expect(hint.explanation.contains(String(limit)))
    if fixture.longWords > 0 { #expect(hint.explanation.contains(String(fixture.longWords))) }
    #expect(hint.location?.utf16Offset == 0)
    #expect(fixture.longReply.hasPrefix(try #require(hint.excerpt)))
  }

  @Test("a reply that never says what happens next is flagged", arguments: ClarityFixture.all)
  func missingNextStepFlagged(fixture: ClarityFixture) throws {
    let hints = Self.check.check(fixture.withoutNextStep, language: fixture.language)
    #expect(hints.map(\.kind) == [.noNextStep], "\(hints)")
    let hint = try #require(hints.first)
    #expect(hint.location == nil && hint.excerpt == nil)
    #expect(hint.explanation == (try ClarityGlossary.bundled(fixture.language)).noNextStepMessage)
  }

  @Test("a reply with a next step passes", arguments: ClarityFixture.all)
  func nextStepPasses(fixture: ClarityFixture) {
    #expect(Self.check.check(fixture.withNextStep, language: fixture.language) == [])
  }

  @Test("the language is identified when the caller does not give it", arguments: ClarityFixture.all)
  func languageIdentified(fixture: ClarityFixture) {
    #expect(Self.check.language(of: fixture.withNextStep) == fixture.language)
    #expect(Self.check.check(fixture.withoutNextStep).map(\.language) == [fixture.language])
  }
}
