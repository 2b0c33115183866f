import FeedbackSentiment
import Foundation
import Testing

@Suite("Lexicon file format")
struct LexiconFormatTests {
  @Test("comments, blank lines, CRLF and a BOM are ignored")
  func ignoresComments() throws {
    let valences = try SentimentLexicon.parseValences("\u{FEFF}# header\r\n\r\ngood\t2.5\r\nVery Bad  Host\t-3\n")
    #expect(valences == ["good": 2.5, "very bad host": -3])
  }

  @Test(
    "terms are lowercased and their whitespace collapsed, and comments are told from content, however a line starts",
    arguments: [
      ("  \t# indented comment\ngood\t1", ["good": 1.0]),
      ("\u{00A0}# comment after a no-break space\nGood\t1", ["good": 1.0]),
      ("\u{00A0}\u{3000}\n  bad\t-1", ["bad": -1.0]),
      ("#\u{0301}accented\t2", ["#\u{0301}accented": 2.0]),
      ("Not  Great\t  -1.5  ", ["not great": -1.5]),
      ("it\u{2019}s OK\t1", ["it's ok": 1.0]),
      ("ດີ ຫຼາຍ\t3\nÉTÉ\t1", ["ດີ ຫຼາຍ": 3.0, "été": 1.0]),
      ("\u{00A0}word\u{00A0}\t1", ["word": 1.0]),
    ] as [(String, [String: Double])])
  func normalizesTermsAndLines(text: String, expected: [String: Double]) throws {
    #expect(try SentimentLexicon.parseValences(text) == expected)
  }

  @Test(
    "a malformed lexicon line is reported with its number",
    arguments: [
      ("good\t2\nbad -2", 2, SentimentError.Code.malformedLine),
      ("good\tgreat", 1, .malformedLine),
      ("good\t2\t3", 1, .malformedLine),
      ("\t2", 1, .malformedLine),
      ("# c\nawful\t-4.5", 2, .valueOutOfRange),
      ("x\tnan", 1, .malformedLine),
    ])
  func malformedLexicon(_ text: String, _ line: Int, _ code: SentimentError.Code) {
    #expect(throws: SentimentError.self) { try SentimentLexicon.parseValences(text, source: "lexicon-en.txt") }
    do {
      _ = try SentimentLexicon.parseValences(text, source: "lexicon-en.txt")
    } catch let error as SentimentError {
      #expect(error.line == line && error.code == code && error.source == "lexicon-en.txt")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("rules sections are parsed; dampeners are negative whatever their sign in the file")
  func rulesSections() throws {
    var lexicon = SentimentLexicon(language: .english)
    try lexicon.parseRules(
      """
      [negators]
      not
      [intensifiers]
      very\t0.293
      [dampeners]
      slightly\t0.293
      [contrast]
      but
      [stopwords]
      the
      [negation_fixed]
      no problem\t2
      """)
    #expect(lexicon.negators == ["not"] && lexicon.contrastWords == ["but"] && lexicon.stopwords == ["the"])
    #expect(lexicon.intensifiers == ["very": 0.293, "slightly": -0.293])
    #expect(lexicon.fixedPhrases == ["no problem": 2])
  }

  @Test(
    "malformed rules are reported with their line",
    arguments: [
      ("not\n[negators]", 1), ("[negators]\n[unknown]", 2), ("[intensifiers]\nvery", 2), ("[dampeners]\nx\t5", 2),
    ])
  func malformedRules(_ text: String, _ line: Int) {
    var lexicon = SentimentLexicon(language: .english)
    do {
      try lexicon.parseRules(text)
      Issue.record("expected an error")
    } catch let error as SentimentError {
      #expect(error.line == line)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("aspect lines map terms to aspects; a bad line names its number")
  func aspects() throws {
    let aspects = try SentimentLexicon.parseAspects("uptime\tdowntime\nsupportSpeed\tresponse time")
    #expect(aspects == ["downtime": .uptime, "response time": .supportSpeed])
    #expect(throws: SentimentError.self) { try SentimentLexicon.parseAspects("uptime downtime") }
  }

  @Test("merging lets the added lexicon win")
  func merging() {
    let base = SentimentLexicon(language: .english, valences: ["slow": -2, "fast": 2], negators: ["not"])
    let added = SentimentLexicon(language: .english, valences: ["slow": -3], negators: ["never"])
    let merged = base.merging(added)
    #expect(merged.valences == ["slow": -3, "fast": 2] && merged.negators == ["not", "never"])
  }

  @Test("parsers never trap on random input (seeded)")
  func fuzz() {
    var random = SeededRandom(seed: 4242)
    let pieces = ["\t", "\n", "[", "]", "#", "-", "2.5", "1e308", "nan", "good", "ບໍ່", "[negators]", "[dampeners]", " "]
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      _ = try? SentimentLexicon.parseValences(text)
      _ = try? SentimentLexicon.parseAspects(text)
      var lexicon = SentimentLexicon(language: .english)
      _ = try? lexicon.parseRules(text)
      _ = try? LabeledExample.parseTSV(text)
    }
  }

  @Test("corpus lines parse into labelled examples; a bad label names its line")
  func corpusParsing() throws {
    let examples = try LabeledExample.parseTSV("# c\npositive\tgreat host\nnegative\tdown again", language: .english)
    #expect(
      examples == [
        LabeledExample(text: "great host", label: .positive, language: .english),
        LabeledExample(text: "down again", label: .negative, language: .english),
      ])
    do {
      _ = try LabeledExample.parseTSV("positive\tok\nangry\tdown", source: "en-test.tsv")
      Issue.record("expected an error")
    } catch let error as SentimentError {
      #expect(error.line == 2 && error.code == .malformedLine)
    }
  }

  @Test("the error description names file and line")
  func errorDescription() {
    let error = SentimentError.malformedLine(7, in: "rules-ms.txt", "unknown section [x]")
    #expect(error.description == "malformedLine: unknown section [x] (file=rules-ms.txt, line=7)")
  }
}
