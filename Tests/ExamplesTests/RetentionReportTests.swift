import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("retention-report example")
struct RetentionReportTests {
  /// Generates the seeded sample data into a fresh folder.
  func sampleFolder() async throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retention-\(UUID().uuidString)")
    let run = try await runExample("retention-report", ["sample", "--out", folder.path])
    #expect(run.status == 0, "\(run.standardError)")
    return folder
  }

  func dataArguments(_ folder: URL) -> [String] {
    [
      "--subscriptions", folder.appendingPathComponent("subscriptions.csv").path,
      "--changes", folder.appendingPathComponent("changes.csv").path,
      "--surveys", folder.appendingPathComponent("surveys.csv").path,
    ]
  }

  @Test("the sample generator is seeded: two runs write identical files")
  func sampleIsReproducible() async throws {
    let first = try await sampleFolder()
    let second = try await sampleFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for name in ["subscriptions.csv", "changes.csv", "surveys.csv"] {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      #expect(a == (try Data(contentsOf: second.appendingPathComponent(name))))
      #expect(a.count > 1_000)
    }
  }

  @Test("the default output is a monthly table and a cohort table")
  func textReport() async throws {
    let folder = try await sampleFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try await runExample(
      "retention-report", dataArguments(folder) + ["--from", "2024-01", "--to", "2024-06"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("Retention report 2024-01 … 2024-06 (USD)"))
    #expect(run.standardOutput.contains("Customer retention by signup cohort"))
    #expect(run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("2024-0") }.count >= 6)
  }

  @Test("--json writes the months array with the movement identity holding exactly")
  func json() async throws {
    let folder = try await sampleFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try await runExample("retention-report", dataArguments(folder) + ["--json", "--from", "2023-01"])
    #expect(run.status == 0, "\(run.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let months = try #require(object["months"] as? [[String: Any]])
    #expect(months.count == 24)
    func cents(_ value: Any?) -> Int { Int(((value as? Double) ?? .nan) * 100 + 0.5) }
    for month in months {
      let expected =
        cents(month["mrr_start"]) + cents(month["new_mrr"]) + cents(month["reactivation_mrr"])
        + cents(month["expansion_mrr"]) - cents(month["contraction_mrr"]) - cents(month["churned_mrr"])
      #expect(expected == cents(month["mrr_end"]), "\(month["month"] ?? "")")
    }
    #expect(months.last?["nrr_12m"] is Double)
  }

  @Test("--charts writes well-formed SVG files")
  func charts() async throws {
    let folder = try await sampleFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let charts = folder.appendingPathComponent("charts")
    let run = try await runExample("retention-report", dataArguments(folder) + ["--charts", charts.path])
    #expect(run.status == 0, "\(run.standardError)")
    for name in ["mrr-movements", "churn-renewal-rates", "cohort-heatmap", "kaplan-meier", "nps-trend"] {
      let data = try Data(contentsOf: charts.appendingPathComponent("\(name).svg"))
      #expect(XMLParser(data: data).parse(), "\(name).svg is not well-formed")
    }
  }

  @Test("survival --durations writes the Kaplan–Meier JSON, per group with a log-rank test")
  func survival() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("durations-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: folder) }
    // Freireich et al. (1963) 6-MP remission weeks, + marks censoring (Kleinbaum & Klein table 1.1).
    let sixMP = "6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+".split(separator: " ")
    var csv = "duration,event,group\n"
    for entry in sixMP {
      csv += "\(entry.replacingOccurrences(of: "+", with: "")),\(entry.hasSuffix("+") ? 0 : 1),6-MP\n"
    }
    for weeks in [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23] {
      csv += "\(weeks),1,placebo\n"
    }
    try Data(csv.utf8).write(to: folder)
    let run = try await runExample("retention-report", ["survival", "--durations", folder.path])
    #expect(run.status == 0, "\(run.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let groups = try #require(object["groups"] as? [String: [String: Any]])
    #expect(groups["6-MP"]?["median"] as? Double == 23)
    #expect(groups["placebo"]?["median"] as? Double == 8)
    let logRank = try #require(object["log_rank"] as? [String: Any])
    // lifelines 0.30.3 logrank_test: 16.792940989216547
    #expect(abs((logRank["statistic"] as? Double ?? 0) - 16.792940989216547) < 1e-9)
  }

  @Test("--by partner --json adds months per partner; the text report ranks partners and tests them against direct")
  func byPartner() async throws {
    let folder = try await sampleFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try await runExample("retention-report", dataArguments(folder) + ["--by", "partner", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let segments = try #require(object["segments"] as? [String: [String: Any]])
    let months = try #require(object["months"] as? [[String: Any]])
    #expect(segments.keys.contains("(none)") && segments.keys.contains { $0.hasPrefix("RES-") })
    for (_, segment) in segments {
      let rows = try #require(segment["months"] as? [[String: Any]])
      #expect(rows.map { $0["month"] as? String } == months.map { $0["month"] as? String })
    }
    let newCustomers = segments.values.compactMap { ($0["months"] as? [[String: Any]])?.last?["new_customers"] as? Int }
    #expect(newCustomers.reduce(0, +) == months.last?["new_customers"] as? Int)
    let ranking = try #require(object["partners"] as? [[String: Any]])
    #expect(ranking.first?["rank"] as? Int == 1)
    let text = try await runExample("retention-report", dataArguments(folder) + ["--by", "tier"])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("Partners ranked by renewal rate"))
    #expect(text.standardOutput.contains("Customer lifetime by partner (log-rank against direct customers)"))
    #expect(text.standardOutput.contains("\ntier vps\n"))
  }

  @Test("--by accepts only channel, tier or partner")
  func badDimension() async throws {
    let folder = try await sampleFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try await runExample("retention-report", dataArguments(folder) + ["--by", "region"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("channel, tier or partner"))
  }

  @Test("bad input exits non-zero with one line naming file, line and column")
  func badInput() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let csv = """
      customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr
      c1,s1,Starter,shared,direct,monthly,2024-01-01,,7.99
      c2,s2,Starter,cloud,direct,monthly,2024-01-01,,7.99
      """
    try Data(csv.utf8).write(to: file)
    let run = try await runExample("retention-report", ["--subscriptions", file.path])
    #expect(run.status != 0)
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("retention-report: invalidValue: \(file.path): line 3: invalid value 'cloud'"))
    #expect(run.standardError.contains("(column=tier)"))
    #expect(run.standardError.split(separator: "\n").count == 1)
    let lenient = try await runExample("retention-report", ["--subscriptions", file.path, "--lenient"])
    #expect(lenient.status == 0)
    #expect(lenient.standardError.contains("skipped"))
  }
}

@Suite("retention-report experience")
struct RetentionReportExperienceTests {
  func sample() async throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("experience-\(UUID().uuidString)")
    let run = try await runExample("retention-report", ["sample", "--out", folder.path, "--customers", "300"])
    #expect(run.status == 0, "\(run.standardError)")
    return folder
  }

  func arguments(_ folder: URL, tickets: String = "tickets.jsonl") -> [String] {
    [
      "experience", "--tickets", folder.appendingPathComponent(tickets).path,
      "--surveys", folder.appendingPathComponent("surveys.csv").path,
      "--subscriptions", folder.appendingPathComponent("subscriptions.csv").path,
    ]
  }

  @Test("the sample's tickets, surveys and subscriptions give every comparison, as text and as JSON")
  func sampleRuns() async throws {
    let folder = try await sample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try await runExample("retention-report", arguments(folder))
    #expect(text.status == 0, "\(text.standardError)")
    for title in ["Any SLA breach vs none", "A ticket open past 24 h vs none", "detractors", "followed up"] {
      #expect(text.standardOutput.contains(title))
    }
    let json = try await runExample("retention-report", arguments(folder) + ["--json", "--min-group", "5"])
    #expect(json.status == 0, "\(json.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    #expect((object["options"] as? [String: Any])?["minimumGroupSize"] as? Int == 5)
    #expect((object["comparisons"] as? [Any])?.count == 5)
  }

  @Test("the sample's tickets include critical ones, so its critical-breach comparison has customers on both sides")
  func sampleHasCriticalBreaches() async throws {
    let folder = try await sample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try await runExample("retention-report", arguments(folder) + ["--json", "--min-group", "5"])
    #expect(json.status == 0, "\(json.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let comparisons = try #require(object["comparisons"] as? [[String: Any]])
    let critical = try #require(
      comparisons.first { ($0["kind"] as? String)?.lowercased().contains("critical") == true })
    let groups = try #require(critical["groups"] as? [[String: Any]])
    #expect(groups.count >= 2)
    for group in groups { #expect((group["customers"] as? Int ?? 0) > 0, "\(group)") }
  }

  @Test("a malformed ticket line stops the run with a typed error naming the file and line")
  func malformedLine() async throws {
    let folder = try await sample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tickets = try String(contentsOf: folder.appendingPathComponent("tickets.jsonl"), encoding: .utf8)
    let lines = tickets.split(separator: "\n", omittingEmptySubsequences: true)
    let broken = [String(lines[0]), #"{"id":"T-x","events":[{"at":"yesterday"}]}"#].joined(separator: "\n") + "\n"
    try Data(broken.utf8).write(to: folder.appendingPathComponent("broken.jsonl"))
    let run = try await runExample("retention-report", arguments(folder, tickets: "broken.jsonl"))
    #expect(run.status != 0)
    #expect(run.standardError.contains("broken.jsonl: line 2:"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("the HTML page has the experience section, and small groups are marked, not drawn")
  func htmlPage() async throws {
    let folder = try await sample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("experience.html")
    let run = try await runExample("retention-report", arguments(folder) + ["--html", page.path])
    #expect(run.status == 0, "\(run.standardError)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("Support experience and retention"))
    #expect(html.contains("too few to compare"))
    #expect(!html.contains("<script"))
  }
}
