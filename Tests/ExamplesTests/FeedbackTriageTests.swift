import Foundation
import Testing

@Suite("feedback-triage example")
struct FeedbackTriageTests {
  static let input = """
    {"id":1,"text":"The server is great but support is slow"}
    {"id":"b-2","text":"ບໍລິການດີຫຼາຍ ຂອບໃຈ 👍"}
    {"id":3,"text":"Migrasi berjalan lancar, terima kasih!"}

    {"id":4,"text":"How do I change my nameservers?"}
    """

  struct Line: Decodable {
    struct Aspect: Decodable {
      var aspect: String
      var label: String
    }
    var label: String
    var score: Double
    var confidence: Double
    var language: String
    var aspects: [Aspect]
  }

  static func lines(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test("classify writes one JSON line per input line, in input order, with ids kept as given")
  func classify() async throws {
    let run = try await runExample("feedback-triage", ["classify"], input: Self.input)
    #expect(run.status == 0, "\(run.standardError)")
    let lines = try Self.lines(run.standardOutput)
    #expect(lines.count == 4)
    #expect(lines[0]["id"] as? Int == 1 && lines[1]["id"] as? String == "b-2")
    let decoded = try run.standardOutput.split(separator: "\n").map {
      try JSONDecoder().decode(Line.self, from: Data($0.utf8))
    }
    #expect(decoded.map(\.label) == ["negative", "positive", "positive", "neutral"])
    #expect(decoded.map(\.language) == ["en", "lo", "ms", "en"])
    #expect(decoded.allSatisfy { (-1...1).contains($0.score) && (0...1).contains($0.confidence) })
  }

  @Test("classify --threshold widens the default classifier's neutral band, so mild feedback turns neutral")
  func classifyThreshold() async throws {
    let input = """
      {"id":1,"text":"The panel is okay"}
      {"id":2,"text":"Support was fine"}
      {"id":3,"text":"Billing is a bit slow"}
      """
    let plain = try await runExample("feedback-triage", ["classify"], input: input)
    let wide = try await runExample("feedback-triage", ["classify", "--threshold", "0.95"], input: input)
    #expect(plain.status == 0 && wide.status == 0, "\(plain.standardError)\(wide.standardError)")
    let before = try Self.lines(plain.standardOutput).map { $0["label"] as? String }
    let after = try Self.lines(wide.standardOutput).map { $0["label"] as? String }
    #expect(before.contains { $0 != "neutral" })
    #expect(after.filter { $0 == "neutral" }.count > before.filter { $0 == "neutral" }.count)
    let bad = try await runExample("feedback-triage", ["classify", "--threshold", "2"], input: input)
    #expect(bad.status == 2)
  }

  @Test("classify --explain adds the tokens and rules that moved the score")
  func explain() async throws {
    let run = try await runExample("feedback-triage", ["classify", "--explain"], input: #"{"id":1,"text":"not good"}"#)
    let line = try #require(try Self.lines(run.standardOutput).first)
    let explanation = try #require(line["explanation"] as? [[String: Any]])
    #expect(explanation.contains { $0["rule"] as? String == "negation" && $0["token"] as? String == "not" })
  }

  @Test("classify reads CSV with an id,text header, quoted fields included")
  func csv() async throws {
    let csv = "id,text\n7,\"Down again, and \"\"support\"\" is silent\"\n8,Fast and friendly\n"
    let run = try await runExample("feedback-triage", ["classify", "--format", "csv"], input: csv)
    #expect(run.status == 0, "\(run.standardError)")
    let lines = try Self.lines(run.standardOutput)
    #expect(lines.map { $0["id"] as? String } == ["7", "8"])
    #expect(lines.map { $0["label"] as? String } == ["negative", "positive"])
  }

  @Test(
    "a malformed input line exits with status 2 and names the line",
    arguments: [
      (["classify"], "{\"id\":1,\"text\":\"ok\"}\nnot json\n", "malformed: line 2: not valid JSON"),
      (["classify"], "{\"id\":1}\n", "missingField: line 1: text: is missing"),
      (["classify", "--format", "csv"], "id,text\n1,ok\n2,\"unterminated\n", "malformed: line 3: unterminated"),
      (["classify", "--format", "csv"], "id,text\n1,ok,extra\n", "malformed: line 2: expected 2 fields, found 3"),
    ])
  func malformed(_ arguments: [String], _ input: String, _ message: String) async throws {
    let run = try await runExample("feedback-triage", arguments, input: input)
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("feedback-triage: " + message), "\(run.standardError)")
  }

  @Test("triage lists negative feedback first, grouped by aspect, with a follow-up")
  func triage() async throws {
    let input = """
      {"id":1,"text":"Great host, thanks"}
      {"id":2,"text":"Email keeps bouncing, terrible"}
      {"id":3,"text":"The website has been down all morning"}
      """
    let run = try await runExample("feedback-triage", ["triage"], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    let output = run.standardOutput
    let negative = try #require(output.range(of: "NEGATIVE"))
    let positive = try #require(output.range(of: "POSITIVE"))
    #expect(negative.lowerBound < positive.lowerBound)
    #expect(output.contains("NEGATIVE · email") && output.contains("follow-up:"))
  }

  @Test("train then evaluate round-trips a model and prints macro-F1 and the confusion matrix")
  func trainAndEvaluate() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let data = directory.appendingPathComponent("data.tsv")
    var lines: [String] = []
    for thing in ["server", "panel", "mailbox", "invoice", "backup"] {
      lines += [
        "positive\tthe \(thing) is excellent", "negative\tthe \(thing) is awful", "neutral\twhere is the \(thing)",
      ]
    }
    try lines.joined(separator: "\n").write(to: data, atomically: true, encoding: .utf8)
    let model = directory.appendingPathComponent("model.json")
    let train = try await runExample("feedback-triage", ["train", "--data", data.path, "--out", model.path])
    #expect(train.status == 0, "\(train.standardError)")
    let evaluate = try await runExample("feedback-triage", ["evaluate", "--data", data.path, "--model", model.path])
    #expect(evaluate.status == 0, "\(evaluate.standardError)")
    #expect(evaluate.standardOutput.contains("macro-F1:") && evaluate.standardOutput.contains("confusion matrix"))
    let bad = directory.appendingPathComponent("bad.tsv")
    try "positive\tfine\nhappy\toops\n".write(to: bad, atomically: true, encoding: .utf8)
    let failing = try await runExample("feedback-triage", ["evaluate", "--data", bad.path])
    #expect(failing.status == 2 && failing.standardError.contains(": line 2: "), "\(failing.standardError)")
  }

  @Test("report --english prints macro-F1 per register of the dev files, or of the check files with --check")
  func englishReport() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("english-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lines = "positive\tWhat a wonderful film\nnegative\tA dull, awful film\nneutral\tThe film opens on Friday\n"
    for name in ["movies-dev.tsv", "tweets-dev.tsv", "tweets-check.tsv"] {
      try lines.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let dev = try await runExample("feedback-triage", ["report", "--english", directory.path])
    #expect(dev.status == 0, "\(dev.standardError)")
    #expect(dev.standardOutput.contains("dev split") && dev.standardOutput.contains("| movies | 3 | "))
    #expect(dev.standardOutput.contains("| tweets | 3 | ") && dev.standardOutput.contains("| all | 6 | "))
    let check = try await runExample("feedback-triage", ["report", "--english", directory.path, "--check"])
    #expect(check.status == 0 && check.standardOutput.contains("| all | 3 | "), "\(check.standardError)")
    #expect(!check.standardOutput.contains("| movies |"))
    let empty = directory.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let none = try await runExample("feedback-triage", ["report", "--english", empty.path])
    #expect(none.status == 2 && none.standardError.contains("no <register>-dev.tsv files"), "\(none.standardError)")
    #expect(try await runExample("feedback-triage", ["report"]).status == 2)
  }

  @Test("report --dev prints the sentiment macro-F1 of each language file of an aspects set, without a corpus")
  func devReport() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lines = [
      "positive\tpraise\tsupportSpeed:+\tSupport answered in minutes, wonderful",
      "negative\tcomplaint\tuptime:-\tThe site is down again, terrible",
      "neutral\tquestion\t\tWhere do I change my nameservers?",
    ]
    for language in ["en", "ms", "lo"] {
      try lines.joined(separator: "\n").write(
        to: directory.appendingPathComponent("\(language).tsv"), atomically: true, encoding: .utf8)
    }
    let report = try await runExample("feedback-triage", ["report", "--dev", directory.path])
    #expect(report.status == 0, "\(report.standardError)")
    #expect(report.standardOutput.contains("aspects development set"))
    for language in ["en", "ms", "lo"] { #expect(report.standardOutput.contains("| \(language) | 3 | ")) }
    #expect(!report.standardOutput.contains("| id |"))
    try "positive\tonly two fields\n".write(
      to: directory.appendingPathComponent("ms.tsv"), atomically: true, encoding: .utf8)
    let malformed = try await runExample("feedback-triage", ["report", "--dev", directory.path])
    #expect(malformed.status == 2 && malformed.standardError.contains("ms.tsv line 1"), "\(malformed.standardError)")
  }

  @Test("an unknown command exits with status 2")
  func unknownCommand() async throws {
    #expect(try await runExample("feedback-triage", ["frobnicate"]).status == 2)
  }
}
