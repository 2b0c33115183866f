import Foundation
import PostgresStore
import Testing

@Suite("Two desk processes on one database")
struct TwoDeskProcessTests {
  static let start = 1_795_428_000.0
  static let hour = 3_600.0

  @Test(
    "two desk processes with 1,000 tickets deliver every idempotency key exactly once and raise each SLA alert once")
  func exactlyOnceAcrossProcesses() async throws {
    let schema = TestDatabase.freshSchema("twodesks")
    _ = try TestDatabase.configuration(schema: schema)  // fails clearly without a server
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(schema)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let desks = try ["desk-a", "desk-b"].map { try DeskProcess(name: $0, schema: schema, folder: folder) }
    defer { for desk in desks { desk.quit() } }
    for desk in desks { #expect(try await desk.answer()["ready"] as? String == desk.name) }

    // 1,000 tickets, opened by both desks at once: generated ids come from one sequence.
    let opened = try await both(desks, "open 500 \(Self.start)")
    let ids = opened.flatMap { $0["opened"] as? [String] ?? [] }
    #expect(ids.count == 1_000 && Set(ids).count == 1_000, "ids repeat across the desks")

    // A window scheduled on one desk is already used for the other.
    let window = "maintenance MW-1 \(Self.start + 4 * Self.hour) \(Self.start + 6 * Self.hour) web1"
    _ = try await desks[0].run(window)
    await #expect(throws: DeskProcess.ProcessFailed.self) { try await desks[1].run(window) }

    // The same negative feedback reaches both desks at once: one follow-up ticket, its messages sent once.
    let feedback = "feedback F-1 C003 2 \(Self.start + 60) The support was terrible and nobody answered"
    let followUps = try await both(desks, feedback).map { $0["followUp"] as? String }
    #expect(followUps == ["FB-F-1", "FB-F-1"])

    // An incident on web2 since the start, declared on one desk (the other is told the id is used): both desks'
    // ticks link its customers' tickets and queue its periodic updates; the other desk resolves it.
    let incident = "incident INC-1 \(Self.start) web2 \(Self.start + 0.25 * Self.hour)"
    _ = try await desks[0].run(incident)
    await #expect(throws: DeskProcess.ProcessFailed.self) { try await desks[1].run(incident) }
    // Ten tickets solved on one desk: a survey each an hour later, whichever desk ticks.
    for id in ids.sorted().prefix(10) { _ = try await desks[0].run("solve \(id) \(Self.start + 0.75 * Self.hour)") }

    var alerts: [String] = []
    for offset in [0.5, 1, 2, 4.5, 7, 10, 20, 30] {
      let reports = try await both(desks, "tick \(Self.start + offset * Self.hour)")
      alerts += reports.flatMap { $0["alerts"] as? [String] ?? [] }
      if offset == 2 {
        // Both desks answer one survey with its link at once: one answer counts, its low score followed up once.
        let surveyed = try #require(ids.sorted().first)
        let answers = await bothOutcomes(desks, "answer \(surveyed) 1 \(Self.start + 3 * Self.hour)")
        #expect(answers.filter { (try? $0.get()) != nil }.count == 1, "the survey was answered on both desks")
        #expect(answers.contains { "\($0)".contains("surveyAlreadyAnswered") }, "\(answers)")
        _ = try await desks[1].run("resolve-incident INC-1 \(Self.start + 3 * Self.hour)")
      }
    }
    for desk in desks { desk.quit() }

    var deliveries: [String: Int] = [:]
    for desk in desks {
      for key in try desk.sentKeys() { deliveries[key, default: 0] += 1 }
    }
    let repeated = deliveries.filter { $0.value > 1 }
    #expect(
      repeated.isEmpty, "\(repeated.count) keys delivered more than once, e.g. \(repeated.keys.sorted().prefix(3))")
    #expect(Set(alerts).count == alerts.count, "\(alerts.count - Set(alerts).count) alerts raised by both desks")
    #expect(Set(alerts) == Set(deliveries.keys.filter { $0.hasPrefix("sla/") }))
    #expect(alerts.count > 1_000, "only \(alerts.count) alerts over 30 hours of 1,000 open tickets")
    for prefix in [
      "maintenance/MW-1/", "feedback/F-1/", "progress/", "incident/INC-1/start/", "incident/INC-1/periodic-",
      "incident/INC-1/resolved/", "survey/csat-", "feedback/csat-",
    ] {
      #expect(deliveries.keys.contains { $0.hasPrefix(prefix) }, "nothing delivered for \(prefix)")
    }
    #expect(try await sentMarks(schema: schema) == Set(deliveries.keys), "sent marks and deliveries differ")
    #expect(try await pendingCount(schema: schema) == 0, "messages are still queued after the last tick")
    let perDesk = desks.map { (try? $0.sentKeys().count) ?? 0 }
    #expect(perDesk.allSatisfy { $0 > 0 }, "one desk delivered everything: \(perDesk)")
  }

  /// Sends the command to every desk at once and returns their answers.
  private func both(_ desks: [DeskProcess], _ command: String) async throws -> [[String: Any]] {
    for desk in desks { desk.send(command) }
    var answers: [[String: Any]] = []
    for desk in desks { answers.append(try await desk.answer()) }
    return answers
  }

  /// Sends the command to every desk at once and returns what each answered or the error it reported.
  private func bothOutcomes(_ desks: [DeskProcess], _ command: String) async -> [Result<[String: Any], any Error>] {
    for desk in desks { desk.send(command) }
    var answers: [Result<[String: Any], any Error>] = []
    for desk in desks {
      do { answers.append(.success(try await desk.answer())) } catch { answers.append(.failure(error)) }
    }
    return answers
  }

  /// The rows of the `desk_pending_notifications` view.
  private func pendingCount(schema: String) async throws -> Int {
    let admin = try TestDatabase.adminConnection(schema: schema)
    return try await admin.run { connection in
      try connection.execute(PostgresStatement("SELECT count(*) FROM desk_pending_notifications")).single().int(0)
    }
  }

  /// The keys of the `desk_sent_marks` view.
  private func sentMarks(schema: String) async throws -> Set<String> {
    let admin = try TestDatabase.adminConnection(schema: schema)
    let keys = try await admin.run { connection in
      try connection.execute(PostgresStatement("SELECT idempotency_key FROM desk_sent_marks")).map { try $0.string(0) }
    }
    return Set(keys)
  }
}
