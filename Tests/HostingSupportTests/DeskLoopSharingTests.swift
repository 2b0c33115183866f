import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

/// Surveys, incidents, suggestions and maintenance changes made on one desk are seen by the other, and two desks
/// that make the same change at once store it once: the second learns it lost and says so.
@Suite("Desks sharing one state store: surveys, incidents, suggestions, maintenance")
struct DeskLoopSharingTests {
  @Test("a survey requested through one desk is answered once across desks, and its follow-up opened once")
  func surveyAnsweredOnce() async throws {
    let (shared, held) = SharedDesks.withHeldSecondDesk(configuration: loopConfiguration())
    let opened = try await shared.desks[0].openTicket(
      for: "cust-siti", subject: "Mail bounces", body: "Messages bounce.", at: Fixtures.referenceDate)
    let ticketID = opened.ticket.id
    _ = try await shared.desks[1].changeStatus(
      of: ticketID, to: .resolved, by: .agent("ana"), at: Fixtures.referenceDate + 2 * hour)
    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 3 * hour, Fixtures.referenceDate + 4 * hour])
    let requests = await shared.delivered().filter { $0.kind == .satisfactionSurvey }
    #expect(requests.count == 1, "one survey for the ticket, whichever desk ticked")
    let token = try #require(requests.first?.metadata["surveyToken"])
    let surveyID = SurveyID(derived: "csat-\(ticketID.rawValue)")
    for desk in shared.desks { #expect(try await desk.satisfactionSurveys().map(\.id) == [surveyID]) }

    // Both desks answer with the token at once; the second desk's answer reaches the store second.
    let answeredAt = Fixtures.referenceDate + 5 * hour
    let second = try await shared.race(
      held: held, second: { try await $0.answerSurvey(token: token, score: 5, at: answeredAt) },
      first: { _ = try await $0.answerSurvey(token: token, score: 1, comment: "Still slow.", at: answeredAt) })
    #expect(throws: HostingSupportError.self) { try second.get() }
    if case .failure(let error as HostingSupportError) = second { #expect(error.code == .surveyAlreadyAnswered) }
    for desk in shared.desks {
      #expect(try await desk.surveyAnswers()[surveyID]?.score == 1, "the stored answer is the first one")
      let outcomes = try await desk.feedbackOutcomes()
      #expect(outcomes.count == 1 && outcomes.first?.followUpTicketID == TicketID(derived: "FB-\(surveyID.rawValue)"))
    }
    let third = await #expect(throws: HostingSupportError.self) {
      try await shared.desks[1].answerSurvey(token: token, score: 4, at: answeredAt + 60)
    }
    #expect(third?.code == .surveyAlreadyAnswered)

    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 6 * hour])
    let followUps = try await shared.tickets.allTickets(matching: TicketQuery(customerID: "cust-siti"))
      .filter { $0.id.rawValue.hasPrefix("FB-") }
    #expect(followUps.count == 1)
    let deliveries = await shared.deliveries()
    #expect(deliveries.values.allSatisfy { $0 == 1 }, "\(deliveries.filter { $0.value > 1 }.keys.sorted())")
    #expect(deliveries.keys.contains("feedback/\(surveyID.rawValue)/follow-up"))
  }

  @Test("an incident declared on one desk is updated, linked and resolved from the other; a racing update is refused")
  func incidentAcrossDesks() async throws {
    let (shared, held) = SharedDesks.withHeldSecondDesk()
    let incident = DeskIncidentTests.incident
    let started = DeskIncidentTests.started
    try await shared.desks[0].declareIncident(incident, at: started + 5 * 60)
    let again = await #expect(throws: HostingSupportError.self) {
      try await shared.desks[1].declareIncident(incident, at: started + 6 * 60)
    }
    #expect(again?.code == .invalidRequest)
    let linked = try await shared.desks[1].openTicket(
      for: "cust-siti", subject: "Site down", body: "500 errors", at: started + 20 * 60)
    #expect(linked.incidentID == incident.id, "the second desk links to the first desk's incident")
    #expect(try await shared.desks[0].linkedTickets(of: incident.id) == [linked.ticket.id])

    let second = try await shared.race(
      held: held,
      second: { try await $0.postIncidentUpdate(incident.id, message: "Update from desk one.", at: started + 25 * 60) },
      first: { try await $0.postIncidentUpdate(incident.id, message: "Update from desk zero.", at: started + 25 * 60) })
    #expect(throws: HostingSupportError.self) { try second.get() }
    for desk in shared.desks {
      let record = try #require(try await desk.incidents().first)
      #expect(record.updates.map(\.message) == ["Update from desk zero."])
    }
    try await shared.desks[1].resolveIncident(incident.id, summary: "The disk was replaced.", at: started + hour)
    #expect(try await shared.desks[0].incidents().first?.resolvedAt == started + hour)
    _ = try await shared.tickAll(at: [started + 2 * hour])

    let delivered = await shared.delivered()
    let updates = delivered.filter { $0.kind == .incidentUpdate }
    #expect(updates.count == DeskIncidentTests.affected.count)
    #expect(updates.allSatisfy { $0.body.contains("Update from desk zero.") })
    #expect(!delivered.contains { $0.body.contains("Update from desk one.") }, "the losing update reached nobody")
    let resolved = delivered.filter { $0.kind == .incidentResolved }
    #expect(Set(resolved.compactMap(\.customerID)) == DeskIncidentTests.affected)
    #expect(await shared.deliveries().values.allSatisfy { $0 == 1 })
  }

  @Test("the suggestions board is the same on both desks; a status change racing another desk's is refused")
  func suggestionsAcrossDesks() async throws {
    let (shared, held) = SharedDesks.withHeldSecondDesk()
    let outcome = try await shared.desks[0].recordFeedback(
      CustomerFeedback(
        id: "F1", customerID: "cust-aroon", text: "Great support. Please add two-factor login to the control panel.",
        receivedAt: Fixtures.referenceDate))
    let id = try #require(outcome.suggestionID)
    #expect(try await shared.desks[1].suggestions().map(\.id) == [id])

    let second = try await shared.race(
      held: held, second: { try await $0.markSuggestions([id], as: .planned, at: Fixtures.referenceDate + hour) },
      first: {
        try await $0.markSuggestions([id], as: .done, note: "In the security page.", at: Fixtures.referenceDate + hour)
      })
    #expect(throws: HostingSupportError.self) { try second.get() }
    for desk in shared.desks { #expect(try await desk.suggestions().first?.status == .done) }
    // Read again, the second desk moves it on.
    try await shared.desks[1].markSuggestions([id], as: .planned, at: Fixtures.referenceDate + 2 * hour)
    #expect(try await shared.desks[0].suggestionBoard().groups.first?.planned == 1)
    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 3 * hour])
    let deliveries = await shared.deliveries()
    #expect(deliveries["suggestion/\(id.rawValue)/done"] == 1, "the author is told once")
    #expect(deliveries.values.allSatisfy { $0 == 1 })
  }

  @Test("an overrun estimate and a completion made on the other desk are stored, seen after a restart, sent once")
  func maintenanceChangesAcrossDesks() async throws {
    let shared = SharedDesks()
    let start = Fixtures.referenceDate + 80 * hour
    let window = MaintenanceWindow(
      id: "MW-web02", start: start, end: start + 2 * hour, servers: ["web02"], description: "Kernel upgrade")
    try await shared.desks[0].scheduleMaintenance(window)
    _ = try await shared.tickAll(at: [start - 23 * hour, start + hour])
    try await shared.desks[1].estimateMaintenanceEnd(window.id, newEnd: start + 4 * hour, at: start + 90 * 60)
    #expect(try await shared.desks[0].maintenanceWindows().first?.overrunEstimates == [start + 4 * hour])
    try await shared.desks[0].completeMaintenance(window.id, at: start + 3 * hour)
    #expect(try await shared.desks[1].maintenanceWindows().first?.completedAt == start + 3 * hour)
    let restarted = SupportDesk(
      store: shared.tickets, transport: RecordingTransport(), stateStore: shared.stateStore,
      customers: Fixtures.customers, configuration: DeskConfiguration(hostName: "ExampleHost"),
      now: { Fixtures.referenceDate })
    let stored = try #require(try await restarted.maintenanceWindows().first)
    #expect(stored.overrunEstimates == [start + 4 * hour] && stored.completedAt == start + 3 * hour)
    _ = try await shared.tickAll(at: [start + 5 * hour])
    let delivered = await shared.delivered()
    #expect(delivered.contains { $0.kind == .maintenanceOverrun })
    #expect(delivered.contains { $0.kind == .maintenanceCompletion })
    #expect(await shared.deliveries().values.allSatisfy { $0 == 1 })
  }
}
