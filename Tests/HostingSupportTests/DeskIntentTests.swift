import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk feedback intent")
struct DeskIntentTests {
  func feedback(_ id: String, _ text: String, nps: Int? = nil) -> CustomerFeedback {
    CustomerFeedback(id: id, customerID: "cust-aroon", text: text, receivedAt: Fixtures.referenceDate, npsScore: nps)
  }

  @Test("a question is routed to a ticket in its aspect's department, not apologised to")
  func questionRouted() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      feedback("Q1", "It has been a month since you promised my refund, when will it arrive?"))
    #expect(outcome.intent == .question)
    #expect(outcome.followUpTicketID == nil && outcome.followUpReasons.isEmpty && !outcome.staffAlerted)
    let ticketID = try #require(outcome.questionTicketID)
    let ticket = try #require(await harness.store.ticket(ticketID))
    #expect(ticket.department == .billing && ticket.priority == .normal)
    let sent = await harness.transport.notifications
    #expect(!sent.contains { $0.kind == .feedbackFollowUp || $0.kind == .negativeFeedback })
  }

  @Test("a question with a low score is still followed up for the score")
  func questionWithLowScore() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(feedback("Q2", "How do I set up email on my phone?", nps: 2))
    #expect(outcome.intent == .question && outcome.followUpReasons == [.lowScore])
    #expect(outcome.followUpTicketID != nil && outcome.questionTicketID == nil)
  }

  @Test("a complaint, a suggestion and praise carry their intent; only the suggestion joins the board")
  func otherIntents() async throws {
    let harness = DeskHarness()
    let complaint = try await harness.desk.recordFeedback(feedback("I1", "Your support is painfully slow."))
    let suggestion = try await harness.desk.recordFeedback(feedback("I2", "Please add a dark mode to the panel."))
    let praise = try await harness.desk.recordFeedback(feedback("I3", "Brilliant host, everything just works!"))
    #expect(complaint.intent == .complaint && complaint.followUpReasons == [.negativeText])
    #expect(suggestion.intent == .suggestion && suggestion.suggestionID != nil)
    #expect(praise.intent == .praise && praise.suggestionID == nil && complaint.suggestionID == nil)
    #expect(try await harness.desk.suggestions().map(\.feedbackID) == ["I2"])
  }

  @Test("without question phrases a negative question is followed up as negative text")
  func questionRoutingOff() async throws {
    var configuration = DeskConfiguration(hostName: "ExampleHost")
    configuration.questionPhrases = []
    let harness = DeskHarness(configuration: configuration)
    let outcome = try await harness.desk.recordFeedback(feedback("Q3", "Why is my site still down"))
    #expect(outcome.intent == .complaint && outcome.followUpReasons.contains(.negativeText))
  }

  @Test("outcomes recorded before intents existed decode without one")
  func oldOutcomeDecodes() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(feedback("O1", "Thanks, all good."))
    var object = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(outcome)) as? [String: Any])
    object["intent"] = nil
    object["questionTicketID"] = nil
    let decoded = try JSONDecoder().decode(FeedbackOutcome.self, from: JSONSerialization.data(withJSONObject: object))
    #expect(decoded.intent == nil && decoded.questionTicketID == nil && decoded.feedback == outcome.feedback)
  }
}
