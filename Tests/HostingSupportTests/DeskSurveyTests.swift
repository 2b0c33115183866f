import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import RetentionMetrics
import SupportSLA
import SupportTickets
import Testing

@Suite("SupportDesk satisfaction surveys")
struct DeskSurveyTests {
  /// Resolves a ticket for a customer, ticks past the survey delay and returns the token of its survey.
  static func surveyToken(_ harness: DeskHarness, customer: CustomerID = "cust-siti") async throws -> String {
    _ = try await harness.resolvedTicket(for: customer)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 3 * hour)
    let request = try #require(await harness.surveyRequests().last)
    return try #require(request.metadata["surveyToken"])
  }

  @Test("a resolved ticket gets one CSAT survey after the delay, in the customer's language, with a signed link")
  func oneSurveyPerResolvedTicket() async throws {
    let harness = DeskHarness.withSurveys()
    let ticketID = try await harness.resolvedTicket(for: "cust-siti")
    let early = try await harness.desk.tick(now: Fixtures.referenceDate + 2 * hour + 30 * 60)
    #expect(!early.delivered.contains { $0.kind == .satisfactionSurvey })
    let due = try await harness.desk.tick(now: Fixtures.referenceDate + 3 * hour)
    let request = try #require(due.delivered.first { $0.kind == .satisfactionSurvey })
    #expect(request.customerID == "cust-siti" && request.locale == .malay && request.ticketID == ticketID)
    #expect(request.metadata["surveyKind"] == "csat" && request.metadata["survey"] == "csat-\(ticketID.rawValue)")
    let token = try #require(request.metadata["surveyToken"])
    #expect(request.body.contains("https://panel.example.com/rate?token=\(token)"))
    #expect(request.body.contains("Pautan ini boleh digunakan sekali sahaja"))
    // Reopened and solved again: still one survey per ticket.
    _ = try await harness.desk.addCustomerReply("Still broken", to: ticketID, at: Fixtures.referenceDate + 4 * hour)
    _ = try await harness.desk.changeStatus(
      of: ticketID, to: .resolved, by: .agent("ana"), at: Fixtures.referenceDate + 5 * hour)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 7 * hour)
    #expect(await harness.surveyRequests().count == 1)
  }

  @Test("surveys are off until the host gives a signing key")
  func offWithoutKey() async throws {
    let harness = DeskHarness()
    _ = try await harness.resolvedTicket(for: "cust-siti")
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 5 * hour)
    #expect(await harness.surveyRequests().isEmpty)
    #expect(throws: HostingSupportError.self) {
      try SurveySettings(signingKey: Array("short".utf8), answerLink: "https://x/?t={token}")
    }
    #expect(throws: HostingSupportError.self) {
      try SurveySettings(signingKey: surveyKey, answerLink: "https://panel.example.com/rate")
    }
  }

  @Test("the token carries survey, ticket, customer and expiry, signed with HMAC-SHA256, and any change breaks it")
  func tokenFormat() throws {
    let expiry = Date(timeIntervalSince1970: 1_794_000_000)
    let token = SurveyToken(surveyID: "csat-T-7", ticketID: "T-7", customerID: "cust-siti", expiresAt: expiry)
    let text = token.signed(with: surveyKey)
    let parts = text.split(separator: ".")
    #expect(parts.count == 2 && !text.contains("=") && !text.contains("+") && !text.contains("/"))
    var base64 = parts[0].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    let payload = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
    #expect(payload == "hsk-survey-1\ncsat-T-7\nT-7\ncust-siti\n1794000000")
    #expect(try SurveyToken.verified(text, key: surveyKey, now: expiry) == token)

    var tampered = Array(text)
    tampered[3] = tampered[3] == "A" ? "B" : "A"
    for bad in [String(tampered), String(text.dropLast(2)), text + "x", "no-dot", "", "a.b.c"] {
      let error = #expect(throws: HostingSupportError.self) {
        try SurveyToken.verified(bad, key: surveyKey, now: expiry)
      }
      #expect(error?.code == .invalidSurveyToken)
    }
    let wrongKey = #expect(throws: HostingSupportError.self) {
      try SurveyToken.verified(text, key: Array("another-signing-key-0123456789".utf8), now: expiry)
    }
    #expect(wrongKey?.code == .invalidSurveyToken)
    let expired = #expect(throws: HostingSupportError.self) {
      try SurveyToken.verified(text, key: surveyKey, now: expiry + 1)
    }
    #expect(expired?.code == .surveyTokenExpired)
  }

  @Test("a verified rating-only answer is recorded, and the token works once")
  func ratingOnlyOnce() async throws {
    let harness = DeskHarness.withSurveys()
    let token = try await Self.surveyToken(harness)
    let outcome = try await harness.desk.answerSurvey(token: token, score: 4, at: Fixtures.referenceDate + 4 * hour)
    #expect(outcome.feedback.text.isEmpty && outcome.feedback.csatScore == 4)
    #expect(outcome.followUpTicketID == nil && outcome.followUpReasons.isEmpty)
    let answers = try await harness.desk.surveyAnswers()
    #expect(answers.values.map(\.score) == [4] && answers.values.first?.comment == nil)
    let again = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.answerSurvey(token: token, score: 5, at: Fixtures.referenceDate + 5 * hour)
    }
    #expect(again?.code == .surveyAlreadyAnswered)
    #expect(try await harness.desk.surveyAnswers().values.map(\.score) == [4])
  }

  @Test(
    "a low score opens a follow-up even without text; a middling one does not",
    arguments: [
      // (kind, score, followed up)
      ("csat", 1, true), ("csat", 2, true), ("csat", 3, false), ("nps", 6, true), ("nps", 7, false),
      ("nps", 0, true),
    ] as [(String, Int, Bool)])
  func lowScoreFollowUp(kind: String, score: Int, followedUp: Bool) async throws {
    let harness = DeskHarness.withSurveys()
    let feedback = CustomerFeedback(
      id: "F-\(kind)-\(score)", customerID: "cust-aroon", text: "", receivedAt: Fixtures.referenceDate,
      npsScore: kind == "nps" ? score : nil, csatScore: kind == "csat" ? score : nil)
    let outcome = try await harness.desk.recordFeedback(feedback)
    #expect((outcome.followUpTicketID != nil) == followedUp)
    #expect(outcome.followUpReasons == (followedUp ? [.lowScore] : []))
    if let ticketID = outcome.followUpTicketID {
      let ticket = try #require(await harness.store.ticket(ticketID))
      #expect(ticket.subject.hasPrefix("Follow-up: low rating"))
      #expect(await harness.transport.notifications.contains { $0.kind == .feedbackFollowUp })
    }
  }

  @Test("a rating-only survey answer with a low score leads to a follow-up ticket")
  func ratingOnlyLowScore() async throws {
    let harness = DeskHarness.withSurveys()
    let token = try await Self.surveyToken(harness, customer: "cust-lan")
    let outcome = try await harness.desk.answerSurvey(token: token, score: 2, at: Fixtures.referenceDate + 4 * hour)
    let ticketID = try #require(outcome.followUpTicketID)
    #expect(outcome.followUpReasons == [.lowScore])
    let ticket = try #require(await harness.store.ticket(ticketID))
    #expect(ticket.customerID == "cust-lan")
    let follow = try #require(await harness.transport.notifications.first { $0.kind == .feedbackFollowUp })
    #expect(follow.locale == .lao)
    #expect(
      await harness.transport.notifications.contains {
        $0.kind == .negativeFeedback && $0.subject.contains("Low rating")
      })
  }

  @Test("a high score with negative text is still followed up")
  func highScoreNegativeText() async throws {
    let harness = DeskHarness.withSurveys()
    let token = try await Self.surveyToken(harness, customer: "cust-aroon")
    let outcome = try await harness.desk.answerSurvey(
      token: token, score: 5, comment: "Terrible experience, support was very slow and unhelpful.",
      at: Fixtures.referenceDate + 4 * hour)
    #expect(outcome.label == .negative)
    #expect(outcome.followUpTicketID != nil && outcome.followUpReasons == [.negativeText])
    #expect(!outcome.flaggedForReferral)
  }

  @Test(
    "follow-up severity comes from both the score and the text",
    arguments: [
      // (customer, classifier score, csat, expected): one point for strong dissatisfaction in either.
      ("cust-nordic", -0.1, 2, Priority.normal),  // dedicated, mild words, CSAT 2: one point (value)
      ("cust-nordic", -0.1, 1, .high),  // CSAT 1 is strong dissatisfaction
      ("cust-nordic", -0.9, 3, .high),  // strong words with a middling score
      ("cust-aroon", -0.9, 1, .normal),  // cheap plan: never below normal, one point
    ] as [(String, Double, Int, Priority)])
  func severityFromBoth(customer: String, score: Double, csat: Int, expected: Priority) async throws {
    let result = SentimentResult(label: .negative, score: score, confidence: 0.9, language: .english)
    let harness = DeskHarness(classifier: FixedClassifier(result: result))
    let outcome = try await harness.desk.recordFeedback(
      CustomerFeedback(
        id: "S", customerID: CustomerID(customer), text: "whatever", receivedAt: Fixtures.referenceDate,
        csatScore: csat))
    #expect(outcome.followUpPriority == expected)
  }

  @Test("many concurrent answers with one token record exactly one answer")
  func concurrentAnswers() async throws {
    let latency = LatencyDeskStateStore(wrapping: InMemoryDeskStateStore(), latency: SimulatedLatency(seed: 3))
    let harness = DeskHarness.withSurveys(stateStore: latency)
    let token = try await Self.surveyToken(harness)
    let desk = harness.desk
    let results = await concurrently(200) { index in
      try await desk.answerSurvey(token: token, score: 1 + index % 5, at: Fixtures.referenceDate + 4 * hour)
    }
    #expect(results.count { if case .success = $0 { true } else { false } } == 1)
    for case .failure(let error) in results {
      #expect((error as? HostingSupportError)?.code == .surveyAlreadyAnswered)
    }
    #expect(try await harness.desk.surveyAnswers().count == 1)
    #expect(await harness.transport.duplicateKeys.isEmpty)
  }

  @Test("single use and one survey per ticket hold across a restart")
  func restartSafe() async throws {
    let harness = DeskHarness.withSurveys(stateStore: FileDeskStateStore(directory: try scratchDirectory()))
    let token = try await Self.surveyToken(harness)
    _ = try await harness.desk.answerSurvey(token: token, score: 2, at: Fixtures.referenceDate + 4 * hour)
    let restarted = harness.restarted(configuration: loopConfiguration())
    let error = await #expect(throws: HostingSupportError.self) {
      try await restarted.answerSurvey(token: token, score: 5, at: Fixtures.referenceDate + 5 * hour)
    }
    #expect(error?.code == .surveyAlreadyAnswered)
    let report = try await restarted.tick(now: Fixtures.referenceDate + 6 * hour)
    #expect(!report.delivered.contains { $0.kind == .satisfactionSurvey })
  }

  @Test("a token for a survey this desk never sent, or for another customer, is refused and nothing is recorded")
  func foreignTokens() async throws {
    let harness = DeskHarness.withSurveys()
    let real = try await Self.surveyToken(harness)
    let claims = try SurveyToken.verified(real, key: surveyKey, now: Fixtures.referenceDate)
    var otherCustomer = claims
    otherCustomer.customerID = "cust-aroon"
    let unknown = SurveyToken(
      surveyID: "csat-T-999", ticketID: "T-999", customerID: "cust-siti", expiresAt: claims.expiresAt)
    for token in [otherCustomer, unknown] {
      let error = await #expect(throws: HostingSupportError.self) {
        try await harness.desk.answerSurvey(token: token.signed(with: surveyKey), score: 1)
      }
      #expect(error?.code == .invalidSurveyToken)
    }
    let outOfScale = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.answerSurvey(token: real, score: 9)
    }
    #expect(outOfScale?.code == .invalidRequest)
    #expect(try await harness.desk.surveyAnswers().isEmpty)
  }

  @Test("each customer is asked the NPS question every 90 days, not before 30 days of tenure")
  func npsSchedule() async throws {
    let harness = DeskHarness.withSurveys(npsInterval: 90 * day)
    var now = Fixtures.referenceDate
    while now <= Fixtures.referenceDate + 200 * day {
      _ = try await harness.desk.tick(now: now)
      now += day
    }
    let surveys = try await harness.desk.satisfactionSurveys().filter { $0.kind == .nps }
    for customer in Fixtures.customers {
      let asked = surveys.filter { $0.customerID == customer.id }.map(\.requestedAt).sorted()
      #expect((2...3).contains(asked.count), "\(customer.id): \(asked.count)")
      #expect(asked.allSatisfy { $0 >= customer.customerSince + 30 * day })
      // Each request falls on its customer's 90-day slot (a slot that fell due up to 7 days before the desk's
      // first tick is caught up at once), seen by daily ticks.
      for (earlier, later) in zip(asked, asked.dropFirst()) {
        let gap = later.timeIntervalSince(earlier)
        #expect(gap >= 83 * day && gap <= 91 * day, "\(customer.id): \(gap / day) days")
      }
      if asked.count == 3 { #expect(abs(asked[2].timeIntervalSince(asked[1]) - 90 * day) <= day) }
    }
    let firsts = Set(
      Fixtures.customers.compactMap { customer in
        surveys.filter { $0.customerID == customer.id }.map(\.requestedAt).min()
      })
    #expect(firsts.count > 1, "the questions are spread over the interval, not sent all at once")
    let request = try #require(await harness.surveyRequests().first { $0.customerID == "cust-kham" })
    #expect(
      request.metadata["surveyKind"] == "nps" && request.locale == .lao && request.subject.contains("ExampleHost"))
  }

  @Test("response and follow-up rates per period, and the answers as RetentionMetrics survey responses")
  func rates() async throws {
    let harness = DeskHarness.withSurveys()
    for customer in ["cust-aroon", "cust-siti", "cust-kham", "cust-blue"] as [CustomerID] {
      _ = try await harness.resolvedTicket(for: customer)
    }
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 3 * hour)
    let tokens = await harness.surveyRequests().compactMap { $0.metadata["surveyToken"] }
    #expect(tokens.count == 4)
    _ = try await harness.desk.answerSurvey(token: tokens[0], score: 5, at: Fixtures.referenceDate + 4 * hour)
    _ = try await harness.desk.answerSurvey(token: tokens[1], score: 1, at: Fixtures.referenceDate + 4 * hour)
    _ = try await harness.desk.answerSurvey(
      token: tokens[2], score: 4, comment: "Fine, thanks", at: Fixtures.referenceDate + 4 * hour)
    let report = try await harness.desk.surveyReport(period: .month)
    let row = try #require(report.rows.first { $0.kind == .csat })
    #expect(row.period == "2026-11" && row.requested == 4 && row.answered == 3 && row.ratingOnly == 2)
    #expect(row.followedUp == 1)
    #expect(row.responseRatePercent == 75 && abs((row.followUpRatePercent ?? 0) - 100.0 / 3) < 1e-9)
    #expect(abs((row.satisfiedPercent ?? 0) - 200.0 / 3) < 1e-9 && row.netPromoterScore == nil)
    #expect(report.totals.first?.answered == 3)
    let responses = try await harness.desk.surveyResponses()
    #expect(responses.map(\.score).sorted() == [1, 4, 5] && responses.allSatisfy { $0.kind == .csat })
  }

  @Test("NPS answers give the net promoter score: % promoters (9–10) − % detractors (0–6)")
  func netPromoterScore() async throws {
    let harness = DeskHarness.withSurveys(npsInterval: 90 * day)
    var scores = [10, 9, 3]
    var now = Fixtures.referenceDate
    while !scores.isEmpty, now < Fixtures.referenceDate + 90 * day {
      let report = try await harness.desk.tick(now: now)
      for request in report.delivered where request.metadata["surveyKind"] == "nps" && !scores.isEmpty {
        let token = try #require(request.metadata["surveyToken"])
        _ = try await harness.desk.answerSurvey(token: token, score: scores.removeFirst(), at: now + hour)
      }
      now += day
    }
    #expect(scores.isEmpty)
    let nps = try #require(try await harness.desk.surveyReport().totals.first { $0.kind == .nps })
    #expect(nps.answered == 3 && nps.followedUp == 1 && nps.satisfiedPercent == nil)
    #expect(abs((nps.netPromoterScore ?? 0) - 100.0 / 3) < 1e-9)
  }

  @Test("an answer whose follow-up could not be opened is finished by the next tick")
  func unfinishedAnswerIsFinished() async throws {
    let store = SwitchableTicketStore()
    let clock = ManualClock(now: Fixtures.referenceDate)
    let transport = RecordingTransport()
    let desk = SupportDesk(
      store: store, transport: transport, customers: Fixtures.customers, configuration: loopConfiguration(),
      now: clock.provider)
    let opened = try await desk.openTicket(for: "cust-aroon", subject: "Down", body: "Site down")
    _ = try await desk.changeStatus(of: opened.ticket.id, to: .resolved, by: .agent("ana"))
    _ = try await desk.tick(now: Fixtures.referenceDate + 2 * hour)
    let token = try #require(
      await transport.notifications.first { $0.kind == .satisfactionSurvey }?.metadata["surveyToken"])
    store.failsCreates = true
    await #expect(throws: (any Error).self) {
      try await desk.answerSurvey(token: token, score: 1, at: Fixtures.referenceDate + 3 * hour)
    }
    let outcomesBefore = try await desk.feedbackOutcomes()
    let answersBefore = try await desk.surveyAnswers()
    #expect(outcomesBefore.isEmpty && answersBefore.count == 1)
    store.failsCreates = false
    _ = try await desk.tick(now: Fixtures.referenceDate + 4 * hour)
    let outcome = try #require(try await desk.feedbackOutcomes().first)
    #expect(
      outcome.followUpTicketID != nil && outcome.feedback.surveyID?.rawValue == "csat-\(opened.ticket.id.rawValue)")
  }
}

/// An in-memory ticket store whose creates can be made to fail.
final class SwitchableTicketStore: TicketStore, @unchecked Sendable {
  private let base: any TicketStore = InMemoryTicketStore()
  private let lock = NSLock()
  private var failing = false
  var failsCreates: Bool {
    get { lock.withLock { failing } }
    set { lock.withLock { failing = newValue } }
  }

  func create(_ timeline: [TicketEvent]) async throws -> Ticket {
    if failsCreates { throw HostingSupportError.ioFailure("write", path: "tickets", errno: 5) }
    return try await base.create(timeline)
  }
  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    try await base.append(events, to: ticketID, expectedVersion: expectedVersion)
  }
  func ticket(_ id: TicketID) async throws -> Ticket? { try await base.ticket(id) }
  func query(_ query: TicketQuery) async throws -> TicketPage { try await base.query(query) }
}
