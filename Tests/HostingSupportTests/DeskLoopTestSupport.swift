import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets

/// The survey signing key of the loop tests.
let surveyKey = Array("loop-tests-signing-key-0123456789".utf8)

/// The harness configuration with surveys on (NPS off unless asked for).
func loopConfiguration(npsInterval: TimeInterval? = nil) -> DeskConfiguration {
  var configuration = DeskConfiguration(hostName: "ExampleHost")
  configuration.surveys = try! SurveySettings(
    signingKey: surveyKey, answerLink: "https://panel.example.com/rate?token={token}", npsInterval: npsInterval)
  return configuration
}

extension DeskHarness {
  /// A harness with surveys on.
  static func withSurveys(
    stateStore: any DeskStateStore = InMemoryDeskStateStore(), classifier: (any SentimentClassifier)? = nil,
    npsInterval: TimeInterval? = nil
  ) -> DeskHarness {
    DeskHarness(
      stateStore: stateStore, classifier: classifier, configuration: loopConfiguration(npsInterval: npsInterval))
  }

  /// Another desk over the same stores with the same configuration: what a restart looks like.
  func restarted(configuration: DeskConfiguration, transport: RecordingTransport = RecordingTransport()) -> SupportDesk
  {
    SupportDesk(
      store: store, classifier: nil, transport: transport, stateStore: stateStore, customers: Fixtures.customers,
      configuration: configuration, now: clock.provider)
  }

  /// Opens a ticket for a customer, answers it and resolves it two hours after the reference date.
  func resolvedTicket(for customer: CustomerID, subject: String = "Mail bounces") async throws -> TicketID {
    let opened = try await desk.openTicket(
      for: customer, subject: subject, body: "Messages bounce.", at: Fixtures.referenceDate)
    _ = try await desk.addAgentReply(
      "Fixed the mailbox quota. I will check again tomorrow morning.", to: opened.ticket.id, by: "ana",
      at: Fixtures.referenceDate + hour)
    _ = try await desk.changeStatus(
      of: opened.ticket.id, to: .resolved, by: .agent("ana"), at: Fixtures.referenceDate + 2 * hour)
    return opened.ticket.id
  }

  /// The survey requests delivered so far.
  func surveyRequests() async -> [HostingSupport.OutboundMessage] {
    await transport.notifications.filter { $0.kind == .satisfactionSurvey }
  }
}
