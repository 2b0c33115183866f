import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk suggestions board")
struct DeskSuggestionTests {
  static func feedback(_ id: String, _ customer: CustomerID, _ text: String, at offset: TimeInterval = 0)
    -> CustomerFeedback
  {
    CustomerFeedback(id: id, customerID: customer, text: text, receivedAt: Fixtures.referenceDate + offset)
  }

  @Test(
    "feedback that asks for an improvement joins the board whatever its sentiment",
    arguments: [
      ("cust-aroon", "Excellent support, thank you! Please add two-factor login to the control panel."),
      ("cust-blue", "The control panel is terrible and slow. Kindly improve it."),
      ("cust-siti", "Tolong tambah sokongan PHP 8.3 pada panel kawalan."),
      ("cust-kham", "ຂໍໃຫ້ເພີ່ມການສຳຮອງຂໍ້ມູນທຸກມື້"),
      ("cust-webmy", "Mohon ditambahkan fitur backup harian."),
    ] as [(String, String)])
  func suggestionsWhateverSentiment(customer: String, text: String) async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(Self.feedback("F1", CustomerID(customer), text))
    let id = try #require(outcome.suggestionID)
    let suggestion = try #require(try await harness.desk.suggestions().first)
    #expect(suggestion.id == id && suggestion.status == .new && suggestion.customerID.rawValue == customer)
    if outcome.label == .negative { #expect(outcome.followUpTicketID != nil, "a complaint is still followed up") }
  }

  @Test("feedback that asks for nothing is not a suggestion")
  func notSuggestions() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      Self.feedback("F1", "cust-aroon", "Great service, my site is fast. Thank you!"))
    #expect(outcome.suggestionID == nil)
    #expect(try await harness.desk.suggestionBoard().total == 0)
  }

  @Test("the board groups suggestions by aspect with counts, examples and status")
  func board() async throws {
    let harness = DeskHarness()
    let texts: [(CustomerID, String)] = [
      ("cust-aroon", "Please add dark mode to the control panel."),
      ("cust-blue", "Kindly improve the control panel search."),
      ("cust-siti", "Tolong tambah pilihan e-mel dalam panel kawalan."),
      ("cust-nordic", "It would be nice if invoices showed the server name, the price is confusing."),
      ("cust-kham", "ຂໍໃຫ້ມີບໍລິການຫຼາຍຂຶ້ນ"),
    ]
    for (index, entry) in texts.enumerated() {
      _ = try await harness.desk.recordFeedback(Self.feedback("F\(index)", entry.0, entry.1, at: Double(index) * 60))
    }
    let all = try await harness.desk.suggestions()
    #expect(all.count == 5)
    try await harness.desk.markSuggestions([all[0].id], as: .planned)
    try await harness.desk.markSuggestions([all[1].id], as: .done)
    let board = try await harness.desk.suggestionBoard()
    #expect(board.total == 5)
    let panel = try #require(board.groups.first)
    #expect(panel.aspect == .controlPanel && panel.count >= 2)
    #expect(panel.new + panel.planned + panel.done == panel.count && panel.planned == 1 && panel.done == 1)
    #expect(
      panel.examples.count <= 3
        && panel.examples.first
          == panel.suggestionIDs.last.flatMap { id in
            all.first { $0.id == id }?.text
          }
    )
    #expect(board.groups.map(\.count).reduce(0, +) == 5)
    #expect(board.groups.map(\.count) == board.groups.map(\.count).sorted(by: >))
  }

  @Test("a customer whose suggestion is marked done is told so, once, in their language")
  func doneTellsCustomer() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(
      Self.feedback("F1", "cust-siti", "Tolong tambah sokongan PHP 8.3, terima kasih."))
    let id = try #require(outcome.suggestionID)
    try await harness.desk.markSuggestions([id], as: .planned)
    #expect(await harness.transport.notifications(of: .suggestionDone).isEmpty)
    let done = try await harness.desk.markSuggestions([id], as: .done, note: "PHP 8.3 is in the panel now.")
    #expect(done.first?.status == .done && done.first?.note == "PHP 8.3 is in the panel now.")
    let told = await harness.transport.notifications(of: .suggestionDone)
    #expect(told.count == 1)
    #expect(told.first?.customerID == "cust-siti" && told.first?.locale == .malay)
    #expect(told.first?.body.contains("Tolong tambah sokongan PHP 8.3") == true)
    #expect(told.first?.body.contains("PHP 8.3 is in the panel now.") == true)
    try await harness.desk.markSuggestions([id], as: .planned)
    try await harness.desk.markSuggestions([id], as: .done)
    #expect(await harness.transport.notifications(of: .suggestionDone).count == 1)
  }

  @Test("an unknown suggestion id is refused and nothing changes")
  func unknownID() async throws {
    let harness = DeskHarness()
    let outcome = try await harness.desk.recordFeedback(Self.feedback("F1", "cust-aroon", "Please add Node.js 22."))
    let id = try #require(outcome.suggestionID)
    let error = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.markSuggestions([id, "SG-nope"], as: .done)
    }
    #expect(error?.code == .notFound)
    #expect(try await harness.desk.suggestions().first?.status == .new)
    #expect(await harness.transport.notifications(of: .suggestionDone).isEmpty)
  }

  @Test("suggestions and their status survive a restart")
  func restart() async throws {
    let harness = DeskHarness(stateStore: FileDeskStateStore(directory: try scratchDirectory()))
    let outcome = try await harness.desk.recordFeedback(Self.feedback("F1", "cust-aroon", "Please add Node.js 22."))
    let id = try #require(outcome.suggestionID)
    try await harness.desk.markSuggestions([id], as: .done)
    let transport = RecordingTransport()
    let restarted = harness.restarted(transport: transport)
    #expect(try await restarted.suggestions().map(\.status) == [.done])
    try await restarted.markSuggestions([id], as: .done)
    #expect(await transport.notifications.isEmpty)
  }
}
