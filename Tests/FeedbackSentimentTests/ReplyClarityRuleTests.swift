import FeedbackSentiment
import Foundation
import Testing

@Suite("Reply clarity rules")
struct ReplyClarityRuleTests {
  static let check = try! ReplyClarityCheck.bundled()

  func jargon(_ reply: String, _ language: SentimentLanguage = .english) -> [String?] {
    Self.check.check(reply, language: language).filter { $0.kind == .jargon }.map(\.term)
  }

  @Test("the longest term wins: \"DNS propagation\" is one hint, not DNS and propagation")
  func longestTermWins() {
    #expect(jargon("The DNS propagation is under way. I will write again at noon.") == ["dns propagation"])
  }

  @Test("a term is flagged once, at its first occurrence, and every term in reply order")
  func onceAtFirstOccurrence() throws {
    let reply = "Your MX record was wrong. I fixed the MX record and the SPF record, and I will check the MX again."
    let hints = Self.check.check(reply, language: .english)
    #expect(hints.map(\.term) == ["mx record", "spf"])
    #expect(hints.first?.location?.utf16Offset == 5)
  }

  @Test("a term explained in brackets right after it is not flagged")
  func explainedTermsPass() {
    #expect(jargon("Lower the TTL (how long other computers remember your settings). I will do it now.") == [])
    #expect(jargon("Lower the TTL. I will do it now.") == ["ttl"])
  }

  @Test("\"A record\" needs its capital: \"a record of your payments\" is plain English")
  func capitalsMatter() {
    #expect(jargon("Here is a record of your payments. I will send the invoice too.") == [])
    #expect(jargon("Point the A record to 203.0.113.7 and I will check it.") == ["A record"])
  }

  @Test(
    "hosting jargon from the issue is in every glossary",
    arguments: [
      ("DNS propagation", "dns propagation"), ("MX record", "mx record"), ("CNAME", "cname"), ("A record", "A record"),
      ("TTL", "ttl"), ("inode", "inode"), ("SSL handshake", "ssl handshake"), ("TLS handshake", "ssl handshake"),
      ("PHP-FPM", "php-fpm"), ("nameserver", "nameserver"), ("SPF", "spf"), ("DKIM", "dkim"), ("DMARC", "dmarc"),
      ("cron job", "cron"), ("chmod", "chmod"), ("file permissions", "file permissions"), (".htaccess", ".htaccess"),
      ("500 error", "500 error"), ("502 Bad Gateway", "502 error"), ("503 error", "503 error"),
    ])
  func issueJargon(written: String, term: String) throws {
    let english = jargon("Check the \(written) now; I will call you.")
    #expect(english == [term])
    for language in [SentimentLanguage.malay, .lao] {
      #expect(jargon("\(written) ok", language).count == 1, "\(written) in \(language)")
    }
  }

  @Test("abbreviations, decimals, versions and domains do not end a sentence")
  func sentenceEnds() throws {
    let words = Array(repeating: "word", count: 12).joined(separator: " ")
    // 12 + e.g. + 12 + PHP 8.2 on example.com = 29 words in one sentence; each piece alone is short.
    let reply = "\(words) e.g. \(words) PHP 8.2 on example.com. I will check it."
    let hints = Self.check.check(reply, language: .english)
    #expect(hints.map(\.kind) == [.longSentence])
    #expect(hints.first?.explanation.contains("29 words") == true)
  }

  @Test("a line break ends a sentence, and a space between Lao words ends a Lao sentence")
  func lineBreaksAndLaoSpaces() {
    let words = Array(repeating: "word", count: 20).joined(separator: " ")
    #expect(Self.check.check("\(words)\n\(words)\nI will check.", language: .english) == [])
    let clause = String(repeating: "ພວກເຮົາໄດ້ກວດສອບ", count: 6)  // 18 words
    #expect(Self.check.check("\(clause) \(clause) ພວກເຮົາຈະກວດຄືນ", language: .lao) == [])
    #expect(Self.check.check("\(clause)\(clause) ພວກເຮົາຈະກວດຄືນ", language: .lao).map(\.kind) == [.longSentence])
  }

  @Test("\"ຈະ\" inside another Lao word is not a next step, but \"ຈະ\" as a word is")
  func laoWillIsAWord() {
    #expect(Self.check.check("ເວັບໄຊຂອງທ່ານໃຊ້ໄດ້ແລ້ວ ພວກເຮົາຈະກວດຄືນ", language: .lao) == [])
    var segmenter = LaoSegmenter(words: ["ຈະແຈ້ງ", "ຄຳຕອບ", "ນີ້"])
    segmenter.insert("ແລ້ວ")
    let strict = ReplyClarityCheck(glossaries: [try! ClarityGlossary.bundled(.lao)], segmenter: segmenter)
    // ຈະແຈ້ງ means "clear": no commitment in "ຄຳຕອບນີ້ຈະແຈ້ງແລ້ວ" ("this answer is clear now").
    #expect(strict.check("ຄຳຕອບນີ້ຈະແຈ້ງແລ້ວ", language: .lao).map(\.kind) == [.noNextStep])
  }

  @Test("Indonesian replies are checked with the Malay/Indonesian glossary")
  func indonesian() {
    #expect(Self.check.check("Situs Anda sudah normal. Silakan coba lagi dan kabari kami.", language: .malay) == [])
    #expect(jargon("Record MX domain Anda sudah diubah, mohon dicek.", .malay) == ["rekod mx"])
  }

  @Test("locations are UTF-16 offsets a web panel can highlight, after emoji and Lao text")
  func utf16Locations() throws {
    let reply = "👋🏽 ສະບາຍດີ! Your DKIM record is fixed and I will check it tonight."
    let hint = try #require(Self.check.check(reply, language: .english).first)
    let location = try #require(hint.location)
    let utf16 = Array(reply.utf16)
    let highlighted = String(
      decoding: utf16[location.utf16Offset..<location.utf16Offset + location.utf16Length], as: UTF16.self)
    #expect(highlighted == "DKIM record")
    #expect(hint.range(in: reply).map { String(reply[$0]) } == "DKIM record")
    #expect(hint.range(in: "short") == nil)
  }

  @Test("hosts extend a glossary: new terms are flagged and known terms take the host's explanation")
  func extendingAGlossary() throws {
    var english = try ClarityGlossary.bundled(.english)
    let before = english.terms.count
    try english.extend(
      parsing: """
        [terms]
        litespeed|lsws\tthe web server software that delivers your site
        ttl\thow long your new settings take to reach everyone
        [next_steps]
        stay tuned
        [settings]
        long_sentence_words\t10
        """, source: "host-glossary.txt")
    #expect(english.terms.count == before + 1)
    let check = ReplyClarityCheck(glossaries: [english])
    let hints = check.check("LiteSpeed was restarted and the TTL is low. Stay tuned.", language: .english)
    #expect(hints.map(\.term) == ["litespeed", "ttl"])
    #expect(hints.last?.explanation == "how long your new settings take to reach everyone")
    #expect(
      check.check("one two three four five six seven eight nine ten eleven. Stay tuned.").map(\.kind) == [.longSentence]
    )
  }

  @Test(
    "a malformed glossary line is refused with its file and line, and the glossary is unchanged",
    arguments: [
      ("[terms]\ndns", 2), ("dns\tthe address book", 1), ("[jargon]\ndns\tx", 1),
      ("[settings]\nlong_sentence_words\t0", 2),
      ("[settings]\ncolour\tblue", 2), ("[terms]\n|\texplanation", 2), ("[messages]\nlong_sentence", 2),
    ])
  func malformedGlossary(text: String, line: Int) throws {
    var glossary = try ClarityGlossary.bundled(.english)
    let original = glossary
    let error = try #require(throws: SentimentError.self) { try glossary.extend(parsing: text, source: "mine.txt") }
    #expect(error.context[ErrorContextKey.line] == String(line))
    #expect(error.source == "mine.txt")
    #expect(glossary == original)
  }

  @Test("a reply without words, or in a language without a glossary, gets no hints")
  func nothingToCheck() {
    #expect(Self.check.check("", language: .english) == [])
    #expect(Self.check.check("  \n 👍 ", language: .english) == [])
    #expect(Self.check.check("Your MX record", language: SentimentLanguage(rawValue: "th")) == [])
    #expect(Self.check.check("123 456") == [])
  }

  @Test("random text never traps and every location lies inside the reply (seeded)")
  func robustness() {
    var generator = SplitMix64(seed: 1_414)
    let pieces = [
      "MX", " record", ". ", "\n", "ຈະ", "ກະລຸນາ", "👍🏽", "e.g.", "(", "’", "-", ".", "DNS", " ", "é", "\u{0301}",
      "500 error",
    ]
    for _ in 0..<400 {
      let reply = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
      for language in SentimentLanguage.bundled {
        for hint in Self.check.check(reply, language: language) {
          if let location = hint.location {
            #expect(location.utf16Offset >= 0 && location.utf16Offset + location.utf16Length <= reply.utf16.count)
            #expect(hint.range(in: reply).map { String(reply[$0]) } == hint.excerpt)
          }
        }
      }
    }
  }

  @Test("hints round-trip through JSON")
  func codable() throws {
    let hints = Self.check.check("Your MX record is fixed.", language: .english)
    #expect(hints.count == 2)
    let data = try JSONEncoder().encode(hints)
    #expect(try JSONDecoder().decode([ClarityHint].self, from: data) == hints)
    let json = String(decoding: data, as: UTF8.self)
    #expect(json.contains(#""kind":"jargon""#) && json.contains(#""utf16Offset":5"#))
  }
}
