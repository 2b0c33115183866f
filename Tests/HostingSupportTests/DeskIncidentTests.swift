import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk incidents")
struct DeskIncidentTests {
  static let started = Fixtures.referenceDate + 10 * 60
  static let incident = Incident(
    id: "INC-web02", severity: .major, startedAt: started, servers: ["web02"],
    summary: "Websites on web02 return errors after a disk failure.")
  static let affected: Set<CustomerID> = ["cust-siti", "cust-webmy", "cust-lan"]

  @Test("affected customers get a start notice, periodic updates every 30 min and a resolution notice")
  func notices() async throws {
    let harness = DeskHarness()
    try await harness.desk.declareIncident(Self.incident, at: Self.started + 5 * 60)
    let starts = await harness.transport.notifications(of: .incidentStart)
    #expect(Set(starts.compactMap(\.customerID)) == Self.affected && starts.count == 3)
    #expect(starts.first { $0.customerID == "cust-lan" }?.locale == .lao)
    var now = Self.started + 5 * 60
    for _ in 0..<8 {  // two hours of ticks every quarter hour
      now += 15 * 60
      _ = try await harness.desk.tick(now: now)
    }
    let periodic = await harness.transport.notifications(of: .incidentUpdate)
    #expect(periodic.count == 4 * 3, "one every 30 minutes for each affected customer")
    try await harness.desk.resolveIncident(Self.incident.id, summary: "The disk was replaced.", at: now)
    let resolved = await harness.transport.notifications(of: .incidentResolved)
    #expect(Set(resolved.compactMap(\.customerID)) == Self.affected)
    #expect(resolved.allSatisfy { $0.body.contains("The disk was replaced.") })
    _ = try await harness.desk.tick(now: now + hour)
    #expect(await harness.transport.notifications(of: .incidentUpdate).count == 12, "no updates after the resolution")
    let everyone = await harness.transport.notifications.compactMap(\.customerID)
    #expect(Set(everyone).isSubset(of: Self.affected), "customers on other servers hear nothing")
    #expect(await harness.transport.duplicateKeys.isEmpty)
  }

  @Test("a staff update goes out at once and the periodic updates count from it")
  func staffUpdate() async throws {
    let harness = DeskHarness()
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    try await harness.desk.postIncidentUpdate(
      Self.incident.id, message: "We are restoring from the backup.", at: Self.started + 25 * 60)
    let updates = await harness.transport.notifications(of: .incidentUpdate)
    #expect(updates.count == 3 && updates.allSatisfy { $0.body.contains("We are restoring from the backup.") })
    _ = try await harness.desk.tick(now: Self.started + 40 * 60)
    #expect(await harness.transport.notifications(of: .incidentUpdate).count == 3, "30 min not yet passed since")
    _ = try await harness.desk.tick(now: Self.started + 56 * 60)
    #expect(await harness.transport.notifications(of: .incidentUpdate).count == 6)
  }

  @Test("new tickets from affected customers are linked automatically, with a note for the agents")
  func automaticLinks() async throws {
    let harness = DeskHarness()
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    let linked = try await harness.desk.openTicket(
      for: "cust-siti", subject: "Site down", body: "500 errors", at: Self.started + 20 * 60)
    #expect(linked.incidentID == Self.incident.id)
    #expect(linked.ticket.events.contains { $0.visibility == .internal && ($0.body ?? "").contains("INC-web02") })
    #expect(!linked.ticket.customerView.events.contains { ($0.body ?? "").contains("INC-web02") })
    let other = try await harness.desk.openTicket(
      for: "cust-aroon", subject: "Invoice", body: "Question", at: Self.started + 21 * 60)
    #expect(other.incidentID == nil)
    #expect(try await harness.desk.linkedTickets(of: Self.incident.id) == [linked.ticket.id])
    #expect(try await harness.desk.incident(linkedTo: linked.ticket.id)?.id == Self.incident.id)
  }

  @Test("a ticket opened after the start but before the declaration is linked by the next tick")
  func linkedByTick() async throws {
    let harness = DeskHarness()
    let early = try await harness.desk.openTicket(
      for: "cust-lan", subject: "Site down", body: "Errors", at: Self.started + 60)
    let before = try await harness.desk.openTicket(
      for: "cust-webmy", subject: "Old issue", body: "From before", at: Fixtures.referenceDate)
    try await harness.desk.declareIncident(Self.incident, at: Self.started + 5 * 60)
    _ = try await harness.desk.tick(now: Self.started + 6 * 60)
    let linked = try await harness.desk.linkedTickets(of: Self.incident.id)
    #expect(linked == [early.ticket.id], "tickets from before the start are not the incident's")
    #expect(!linked.contains(before.ticket.id))
  }

  @Test("one call posts an agent reply and a status to every linked ticket, once")
  func bulkUpdate() async throws {
    let harness = DeskHarness()
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    var tickets: [TicketID] = []
    for customer in Self.affected.sorted() {
      tickets.append(
        try await harness.desk.openTicket(
          for: customer, subject: "Down", body: "Errors", at: Self.started + 15 * 60
        ).ticket.id)
    }
    _ = try await harness.desk.changeStatus(
      of: tickets[0], to: .resolved, by: .agent("ana"), at: Self.started + 16 * 60)
    _ = try await harness.desk.changeStatus(of: tickets[0], to: .closed, by: .agent("ana"), at: Self.started + 17 * 60)
    let result = try await harness.desk.updateLinkedTickets(
      of: Self.incident.id, reply: "The disk was replaced and your site is back. Please check it and tell us.",
      status: .resolved, by: "ben", at: Self.started + hour)
    #expect(Set(result.updated) == Set(tickets.dropFirst()) && result.skipped[tickets[0]] == "closed")
    for id in tickets.dropFirst() {
      let ticket = try #require(await harness.store.ticket(id))
      #expect(ticket.status == .resolved)
      #expect(ticket.events.filter { $0.isPublicAgentReply }.count == 1)
    }
    let second = try await harness.desk.updateLinkedTickets(
      of: Self.incident.id, reply: "Monitoring closely.", by: "ben", at: Self.started + 2 * hour)
    #expect(Set(second.updated) == Set(tickets.dropFirst()))
    for id in tickets.dropFirst() {
      #expect(try #require(await harness.store.ticket(id)).events.filter { $0.isPublicAgentReply }.count == 2)
    }
  }

  @Test("the incident report shows duration, reach, linked tickets and notices")
  func report() async throws {
    let harness = DeskHarness()
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    _ = try await harness.desk.openTicket(for: "cust-siti", subject: "Down", body: "Errors", at: Self.started + 60)
    _ = try await harness.desk.tick(now: Self.started + 31 * 60)
    try await harness.desk.resolveIncident(Self.incident.id, at: Self.started + 90 * 60)
    let report = try await harness.desk.incidentReport(now: Self.started + 3 * hour)
    let row = try #require(report.incidents.first)
    #expect(row.durationSeconds == 90 * 60 && row.resolvedAt == Self.started + 90 * 60)
    #expect(row.affectedCustomers == 3 && row.linkedTickets == 1)
    #expect(row.startNotices == 3 && row.periodicUpdateNotices == 3 && row.resolutionNotices == 3)
    #expect(report.ongoing == 0 && report.linkedTickets == 1 && report.totalDurationSeconds == 90 * 60)
  }

  @Test("incidents, their links and their notices survive a restart")
  func restart() async throws {
    let harness = DeskHarness(stateStore: FileDeskStateStore(directory: try scratchDirectory()))
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    let ticket = try await harness.desk.openTicket(
      for: "cust-siti", subject: "Down", body: "Errors", at: Self.started + 60)
    _ = try await harness.desk.tick(now: Self.started + 31 * 60)
    let transport = RecordingTransport()
    let restarted = harness.restarted(transport: transport)
    _ = try await restarted.tick(now: Self.started + 32 * 60)
    #expect(await transport.notifications.isEmpty, "nothing already sent goes out again")
    #expect(try await restarted.linkedTickets(of: Self.incident.id) == [ticket.ticket.id])
    _ = try await restarted.tick(now: Self.started + 61 * 60)
    #expect(await transport.notifications(of: .incidentUpdate).count == 3)
  }

  @Test("invalid incidents and unknown ids are refused")
  func invalid() async throws {
    let harness = DeskHarness()
    var empty = Self.incident
    empty.summary = " "
    await #expect(throws: HostingSupportError.self) { try await harness.desk.declareIncident(empty) }
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.declareIncident(Self.incident, at: Self.started - 60)
    }
    try await harness.desk.declareIncident(Self.incident, at: Self.started)
    await #expect(throws: HostingSupportError.self) { try await harness.desk.declareIncident(Self.incident) }
    let error = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.postIncidentUpdate("INC-nope", message: "x")
    }
    #expect(error?.code == .notFound)
    try await harness.desk.resolveIncident(Self.incident.id, at: Self.started + hour)
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.resolveIncident(Self.incident.id, at: Self.started + 2 * hour)
    }
  }
}
