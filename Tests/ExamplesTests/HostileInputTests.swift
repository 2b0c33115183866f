import Foundation
import Testing

/// Input an adversarial user would try on the four tools: nothing crashes, nothing is misleading, and no text
/// from the input reaches the terminal as a control character.
@Suite("Hostile input to the example tools")
struct HostileInputTests {
  static let escape = "\u{1B}"

  func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// No ESC, carriage return or other C0/C1 control (besides the line breaks) anywhere in `text`.
  func expectNoControlCharacters(_ text: String, _ comment: String = "") {
    let bad = text.unicodeScalars.filter {
      $0 != "\n" && ($0.properties.generalCategory == .control || $0.value == 0x2028 || $0.value == 0x2029)
    }
    #expect(bad.isEmpty, "\(comment): \(text.debugDescription)")
  }

  @Test("a subject with a newline or ESC cannot forge support-desk list lines or reach the terminal")
  func supportDeskEscapesSubjects() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("data").path
    let subject = "Hi\n T-9  resolved  critical  cust-9  Refund approved\(Self.escape)[2J\u{2028}"
    let opened = try await runExample(
      "support-desk",
      ["--store", store, "open", "--customer", "cust-1", "--subject", subject, "--body", "a\r\nb\(Self.escape)]0;x"])
    #expect(opened.status == 0, "\(opened.standardError)")
    let list = try await runExample("support-desk", ["--store", store, "list"])
    #expect(list.status == 0)
    #expect(list.standardOutput.split(separator: "\n").count == 1)
    #expect(list.standardOutput.contains(#"Hi\n T-9  resolved"#) && list.standardOutput.contains(#"\x1B[2J\u{2028}"#))
    expectNoControlCharacters(list.standardOutput, "list")
    for arguments in [["show", "T-1"], ["show", "T-1", "--as-customer"]] {
      let show = try await runExample("support-desk", ["--store", store] + arguments)
      #expect(show.status == 0)
      #expect(show.standardOutput.contains("\n    a\n    b\\x1B]0;x\n"))
      expectNoControlCharacters(show.standardOutput, "show")
    }
  }

  @Test("feedback ids and texts with control characters are escaped in the triage view")
  func triageEscapes() async throws {
    let input = #"{"id":"x\u001b[31m","text":"awful support\nNEGATIVE · fake (9)\u0085\u001b[0m"}"# + "\n"
    let run = try await runExample("feedback-triage", ["triage"], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains(#"[x\x1B[31m]"#))
    #expect(!run.standardOutput.contains("\nNEGATIVE · fake"))
    expectNoControlCharacters(run.standardOutput)
  }

  @Test("an open department name with a newline or ESC cannot forge a row of the sla-check report")
  func reportEscapesDepartments() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/sla-check/samples/tickets.jsonl")
    let lines = try String(contentsOf: samples, encoding: .utf8).split(separator: "\n").map(String.init)
    let forged = lines[0].replacingOccurrences(
      of: #""department":"technical""#, with: #""department":"tech\nall  resolution  all  all  99\u001b[8m""#)
    #expect(forged != lines[0])
    let tickets = folder.appendingPathComponent("tickets.jsonl")
    try Data(([forged] + lines.dropFirst()).joined(separator: "\n").utf8).write(to: tickets)
    let run = try await runExample("sla-check", ["report", "--tickets", tickets.path, "--now", "2026-11-30T00:00:00Z"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains(#"tech\nall  resolution  all  all  99\x1B[8m"#))
    expectNoControlCharacters(run.standardOutput)
  }

  @Test("a value with an ESC quoted in a retention-report warning or error is escaped")
  func retentionMessagesEscape() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("subscriptions.csv")
    try Data(
      ("customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr\n"
        + "c1,s1,Starter,shared,direct,monthly,2024-01-01,,7.99\n"
        + "c2,s2,Starter,clo\(Self.escape)[31mud\u{85},direct,monthly,2024-01-01,,7.99\n").utf8
    ).write(to: file)
    let strict = try await runExample("retention-report", ["--subscriptions", file.path])
    #expect(strict.status == 2)
    #expect(strict.standardError.contains(#"clo\x1B[31mud\u{85}"#))
    expectNoControlCharacters(strict.standardError, "error")
    let lenient = try await runExample("retention-report", ["--subscriptions", file.path, "--lenient"])
    #expect(lenient.status == 0)
    #expect(lenient.standardError.hasPrefix("retention-report: skipped: invalidValue: "))
    expectNoControlCharacters(lenient.standardError, "warning")
  }

  @Test("valid JSON with a raw U+2028 or U+0085 inside a string is classified, not rejected as two lines")
  func rawLineSeparatorsAreData() async throws {
    let input = "{\"id\":1,\"text\":\"great host\u{2028}thanks\"}\n{\"id\":2,\"text\":\"slow\u{85}support\"}\n"
    let run = try await runExample("feedback-triage", ["classify"], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.split(separator: "\n").count == 2)
  }

  @Test("a model file with huge counts or 1e308 weights is refused on load with exit status 2, not a trap")
  func hostileModelFile() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("data.tsv")
    try Data("positive\tthe server is great\nnegative\tthe server is awful\nneutral\twhere is the panel\n".utf8)
      .write(to: data)
    for kind in ["naiveBayes", "logisticRegression"] {
      let model = folder.appendingPathComponent("\(kind).json")
      let train = try await runExample(
        "feedback-triage", ["train", "--kind", kind, "--data", data.path, "--out", model.path])
      #expect(train.status == 0, "\(train.standardError)")
      var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: model)) as? [String: Any])
      if kind == "naiveBayes" {
        object["documentCounts"] = [Int.max, Int.max, 1]
      } else {
        object["biases"] = [1e308, -1e308, 0]
      }
      try JSONSerialization.data(withJSONObject: object).write(to: model)
      let run = try await runExample(
        "feedback-triage", ["classify", "--model", model.path], input: #"{"id":1,"text":"ok"}"#)
      #expect(run.status == 2)
      #expect(run.standardError.hasPrefix("feedback-triage: invalidModel: \(model.path): "), "\(run.standardError)")
      #expect(run.standardOutput.isEmpty)
    }
  }

  @Test("train refuses data of a single label and evaluate refuses empty data, with exit status 2")
  func trainingDataChecks() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let single = folder.appendingPathComponent("single.tsv")
    try Data("positive\tgreat\npositive\texcellent host\n".utf8).write(to: single)
    let train = try await runExample(
      "feedback-triage", ["train", "--data", single.path, "--out", folder.appendingPathComponent("m.json").path])
    #expect(train.status == 2)
    #expect(
      train.standardError.hasPrefix("feedback-triage: insufficientData: every training example is labelled positive"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.json").path))
    let empty = folder.appendingPathComponent("empty.tsv")
    try Data().write(to: empty)
    let evaluate = try await runExample("feedback-triage", ["evaluate", "--data", empty.path])
    #expect(evaluate.status == 2)
    #expect(evaluate.standardError.hasPrefix("feedback-triage: insufficientData: no examples to evaluate"))
    #expect(evaluate.standardOutput.isEmpty)
  }

  @Test("retention-report refuses a range of 0001-01 … 9999-12 at once with a usage error")
  func absurdReportRange() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try await runExample("retention-report", ["sample", "--out", folder.path, "--customers", "20"]).status == 0)
    let subscriptions = folder.appendingPathComponent("subscriptions.csv").path
    let started = ContinuousClock.now
    let run = try await runExample(
      "retention-report", ["--subscriptions", subscriptions, "--from", "0001-01", "--to", "9999-12"])
    #expect(run.status == 2)
    #expect(
      run.standardError.hasPrefix("retention-report: usage: --from 0001-01 --to 9999-12 spans more than 100 years"))
    #expect(ContinuousClock.now - started < .seconds(30))
    let late = try await runExample(
      "retention-report", ["--subscriptions", subscriptions, "--from", "9990-01", "--to", "9999-12"])
    #expect(late.status == 2 && late.standardError.hasPrefix("retention-report: invalidArgument: "))
  }

  @Test("an MRR change dated before its subscription starts stops a strict run and is a reported skip when lenient")
  func changeBeforeStart() async throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let subscriptions = folder.appendingPathComponent("subscriptions.csv")
    try Data(
      ("customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr\n"
        + "c1,s1,Starter,shared,direct,monthly,2024-03-01,,10.00\n").utf8
    ).write(to: subscriptions)
    let changes = folder.appendingPathComponent("changes.csv")
    try Data("subscription_id,effective_date,new_mrr\ns1,2024-01-15,99.00\n".utf8).write(to: changes)
    let arguments = ["--subscriptions", subscriptions.path, "--changes", changes.path, "--json"]
    let strict = try await runExample("retention-report", arguments)
    #expect(strict.status == 2)
    #expect(strict.standardError.hasPrefix("retention-report: changeOutsideSubscription: \(changes.path): line 2: "))
    let lenient = try await runExample("retention-report", arguments + ["--lenient"])
    #expect(lenient.status == 0, "\(lenient.standardError)")
    #expect(lenient.standardError.hasPrefix("retention-report: skipped: changeOutsideSubscription: "))
    // The starting MRR stands: 10.00 at the end of March, not the change's 99.00.
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(lenient.standardOutput.utf8)) as? [String: Any])
    let months = try #require(report["months"] as? [[String: Any]])
    #expect(months.last?["mrr_end"] as? Double == 10)
  }
}
