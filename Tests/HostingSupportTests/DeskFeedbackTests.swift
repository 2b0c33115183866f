import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk feedback")
struct DeskFeedbackTests {
  func feedback(_ id: String, _ customer: CustomerID, _ text: String, nps: Int? = nil, at offset: TimeInterval = 0)
    -> CustomerFeedback
  {
    CustomerFeedback(
      id: id, customerID: customer, text: text, receivedAt: Fixtures.referenceDate + offset, npsScore: nps)
  }

  @Test("negative feedback opens a follow-up ticket, alerts staff and tells the customer")
  func negativeFeedbackOpensFollowUp() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      feedback("F1", "cust-aroon", "Terrible support, very slow response, my site was down for two days!", nps: 2))
    try #require(outcome.label == .negative)
    let ticketID = try #require(outcome.followUpTicketID)
    let ticket = try #require(await harness.store.ticket(ticketID))
    #expect(ticket.customerID == "cust-aroon" && ticket.priority == outcome.followUpPriority)
    #expect(ticket.events.contains { $0.visibility == .internal })
    let sent = await harness.transport.notifications
    #expect(sent.contains { $0.kind == .negativeFeedback && $0.audience == .staff && $0.ticketID == ticketID })
    #expect(sent.contains { $0.kind == .feedbackFollowUp && $0.customerID == "cust-aroon" })
    #expect(outcome.staffAlerted)
  }

  @Test(
    "a neutral statement of fact opens no follow-up",
    arguments: ["The ticket was closed.", "I renewed today.", "Tiket itu sudah ditutup.", "ຄຳຮ້ອງຖືກປິດແລ້ວ"])
  func factOpensNoFollowUp(_ text: String) async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(feedback("F-fact", "cust-aroon", text))
    #expect(outcome.label == .neutral)
    #expect(outcome.followUpTicketID == nil && outcome.followUpReasons.isEmpty && !outcome.staffAlerted)
    #expect(try await harness.store.allTickets().isEmpty)
    #expect(!(await harness.transport.notifications.contains { $0.kind == .feedbackFollowUp }))
  }

  @Test("the outcome records which aspect was criticised")
  func criticisedAspect() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      feedback("F2", "cust-blue", "The support response was very slow and unhelpful.", nps: 3))
    try #require(outcome.label == .negative)
    #expect(!outcome.criticisedAspects.isEmpty)
  }

  @Test("negative feedback in Malay and Lao is followed up in the customer's language")
  func otherLanguages() async throws {
    let harness = DeskHarness()
    for sample in Fixtures.feedback where sample.expectedLabel == "negative" && sample.locale != .english {
      let outcome = try await harness.desk.recordFeedback(
        feedback("F-\(sample.customerID.rawValue)", sample.customerID, sample.text, nps: sample.npsScore))
      try #require(outcome.label == .negative, "\(sample.text)")
      let note = try #require(
        await harness.transport.notifications.first {
          $0.kind == .feedbackFollowUp && $0.customerID == sample.customerID
        })
      #expect(note.locale == sample.locale)
    }
  }

  @Test("recording the same feedback twice does nothing new")
  func idempotentFeedback() async throws {
    let harness = DeskHarness()
    let text = "Awful service, slow and rude support."
    let first = try await harness.desk.recordFeedback(feedback("F3", "cust-aroon", text, nps: 1))
    let second = try await harness.desk.recordFeedback(feedback("F3", "cust-aroon", text, nps: 1))
    #expect(first == second)
    #expect(await harness.transport.duplicateKeys.isEmpty)
    #expect(try await harness.store.allTickets().count == 1)
  }

  @Test("promoters' positive feedback is flagged for a referral request")
  func promotersFlagged() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      feedback("F4", "cust-nordic", "Excellent support, fast and very helpful. Thank you!", nps: 10))
    try #require(outcome.label == .positive)
    #expect(outcome.flaggedForReferral && outcome.followUpTicketID == nil)
    #expect(await harness.transport.notifications.map(\.kind) == [.referralOpportunity])
    let passive = try await harness.desk.recordFeedback(
      feedback("F5", "cust-blue", "Good support, thank you.", nps: 7))
    #expect(!passive.flaggedForReferral)
  }

  static func negative(score: Double) -> SentimentResult {
    SentimentResult(label: .negative, score: score, confidence: 0.9, language: .english)
  }

  @Test(
    "follow-up priority comes from severity, customer value and tier; never below normal",
    arguments: [
      // (customer, score, nps, expected)
      ("cust-aroon", -0.2, 6, Priority.normal),  // mild, cheap shared plan: still normal
      ("cust-aroon", -0.8, 1, .normal),  // severe, cheap plan: one point
      ("cust-nordic", -0.2, 6, .normal),  // mild, dedicated: one point
      ("cust-nordic", -0.8, 6, .high),  // severe and dedicated
      ("cust-webmy", -0.3, 2, .high),  // NPS 2 and reseller with 150.00 MRR
    ] as [(String, Double, Int, Priority)])
  func followUpPriority(customer: String, score: Double, nps: Int, expected: Priority) async throws {
    let harness = DeskHarness(classifier: FixedClassifier(result: Self.negative(score: score)))
    let outcome = try await harness.desk.recordFeedback(
      feedback("P", CustomerID(customer), "whatever the classifier says", nps: nps))
    #expect(outcome.followUpPriority == expected)
  }

  @Test("a repeat complaint from a high-value customer becomes critical")
  func repeatComplaint() async throws {
    let harness = DeskHarness(classifier: FixedClassifier(result: Self.negative(score: -0.9)))
    _ = try await harness.desk.recordFeedback(feedback("R1", "cust-harta", "first", nps: 1))
    let second = try await harness.desk.recordFeedback(feedback("R2", "cust-harta", "second", nps: 1, at: day))
    #expect(second.followUpPriority == .critical)
  }

  @Test("feedback with empty text or an NPS outside 0–10 is refused")
  func invalidFeedback() async throws {
    let harness = DeskHarness()
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.recordFeedback(feedback("X", "cust-aroon", "   "))
    }
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.recordFeedback(feedback("Y", "cust-aroon", "fine", nps: 11))
    }
  }
}
