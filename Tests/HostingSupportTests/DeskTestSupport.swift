import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets

/// A desk over fixtures, with a manual clock and a recording transport.
struct DeskHarness {
  let clock = ManualClock(now: Fixtures.referenceDate)
  let transport = RecordingTransport()
  let store = InMemoryTicketStore()
  let stateStore: any DeskStateStore
  let desk: SupportDesk

  init(
    stateStore: any DeskStateStore = InMemoryDeskStateStore(),
    classifier: (any SentimentClassifier)? = nil,
    configuration: DeskConfiguration = DeskConfiguration(hostName: "ExampleHost")
  ) {
    self.stateStore = stateStore
    desk = SupportDesk(
      store: store,
      classifier: classifier,
      transport: transport,
      stateStore: stateStore,
      customers: Fixtures.customers,
      configuration: configuration,
      now: clock.provider
    )
  }

  /// A second desk over the same ticket store and state store: what a restart looks like.
  func restarted(transport: RecordingTransport) -> SupportDesk {
    SupportDesk(
      store: store,
      transport: transport,
      stateStore: stateStore,
      customers: Fixtures.customers,
      configuration: DeskConfiguration(hostName: "ExampleHost"),
      now: clock.provider
    )
  }
}

/// A classifier that returns what the test says, to pin down rules that depend on the verdict.
struct FixedClassifier: SentimentClassifier {
  var result: SentimentResult
  func classify(_ text: String) -> SentimentResult { result }
}

let hour: TimeInterval = 3_600
let day: TimeInterval = 86_400
