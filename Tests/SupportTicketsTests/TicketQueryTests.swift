import Foundation
import SupportTickets
import Testing

/// What the fixture set on each ticket, recorded as the tickets are built (the expected results of the
/// queries below come from this record, not from `TicketQuery.matches`).
private struct Facts {
  var id: TicketID
  var customer: CustomerID
  var status: TicketStatus
  var priority: Priority
  var department: Department
  var assignee: AgentID?
  var updatedAt: Date
  var subject: String
  var publicText: String
  var internalText: String
}

private func fixture() async throws -> (InMemoryTicketStore, [Facts]) {
  let store = InMemoryTicketStore()
  var facts: [Facts] = []
  let subjects = ["Café menu broken", "SSL renewal", "Mailbox full", "DNS propagation"]
  let notes = ["customer on legacy PHP", "check backup server", "refund approved", "escalated to NOC"]
  for index in 0..<48 {
    var builder = TimelineBuilder(
      ticketID: TicketID("T-\(index)"), customerID: CustomerID("cust-\(index % 4)"),
      start: referenceInstant.addingTimeInterval(Double(index) * 3600), subject: subjects[index % 4],
      body: "Opening message \(index)", priority: Priority.allCases[index % 4])
    let status = TicketStatus.allCases[(index / 4) % 5]  // every status but closed
    if status != .open { builder.add(.statusChanged(to: status)) }
    let department: Department = index % 3 == 0 ? .billing : .technical
    if department != .technical { builder.add(.departmentChanged(to: department)) }
    let assignee: AgentID? = index % 5 == 0 ? nil : AgentID("agent-\(index % 2)")
    if let assignee { builder.add(.assigneeChanged(to: assignee)) }
    builder.add(.internalNote(body: notes[index % 4]))
    _ = try await store.create(builder.events)
    facts.append(
      Facts(
        id: TicketID("T-\(index)"), customer: CustomerID("cust-\(index % 4)"), status: status,
        priority: Priority.allCases[index % 4], department: department, assignee: assignee,
        updatedAt: builder.instant, subject: subjects[index % 4], publicText: "Opening message \(index)",
        internalText: notes[index % 4]))
  }
  return (store, facts)
}

@Suite("Ticket queries")
struct TicketQueryTests {
  private func ids(_ store: InMemoryTicketStore, _ query: TicketQuery) async throws -> [TicketID] {
    try await store.allTickets(matching: query).map(\.id)
  }

  @Test("each criterion alone returns exactly the tickets that have it, in creation order")
  func eachCriterion() async throws {
    let (store, facts) = try await fixture()
    let cutoff = referenceInstant.addingTimeInterval(20 * 3600)
    let cases: [(TicketQuery, (Facts) -> Bool)] = [
      (TicketQuery(customerID: "cust-2"), { $0.customer == "cust-2" }),
      (TicketQuery(statuses: [.onHold, .resolved]), { [.onHold, .resolved].contains($0.status) }),
      (TicketQuery(priorities: [.critical]), { $0.priority == .critical }),
      (TicketQuery(departments: [.billing]), { $0.department == .billing }),
      (TicketQuery(assignee: "agent-1"), { $0.assignee == "agent-1" }),
      (TicketQuery(updatedSince: cutoff), { $0.updatedAt >= cutoff }),
      (TicketQuery(text: "cafe"), { $0.subject.hasPrefix("Café") }),
      (TicketQuery(text: "MESSAGE 17"), { $0.publicText.hasSuffix("message 17") }),
      (TicketQuery(text: "backup"), { _ in false }),
      (TicketQuery(text: "backup", searchesInternalNotes: true), { $0.internalText.contains("backup") }),
      (TicketQuery(), { _ in true }),
    ]
    for (query, expected) in cases {
      let want = facts.filter(expected).map(\.id)
      #expect(try await ids(store, query) == want, "\(query)")
    }
  }

  @Test("criteria combine with AND")
  func combined() async throws {
    let (store, facts) = try await fixture()
    let query = TicketQuery(
      customerID: "cust-1", statuses: [.open, .inProgress, .waitingOnCustomer], departments: [.technical],
      limit: 3)
    let want = facts.filter {
      $0.customer == "cust-1" && [.open, .inProgress, .waitingOnCustomer].contains($0.status)
        && $0.department == .technical
    }.map(\.id)
    #expect(!want.isEmpty)
    #expect(try await ids(store, query) == want)
  }

  @Test("a customer-scoped query never returns another customer's ticket (random stores and queries)")
  func customerScoping() async throws {
    var generator = SeededGenerator(seed: 31)
    for round in 0..<20 {
      let store = InMemoryTicketStore()
      var owners: [TicketID: CustomerID] = [:]
      for index in 0..<Int.random(in: 1...120, using: &generator) {
        let customer = CustomerID("c\(Int.random(in: 0..<6, using: &generator))")
        let id = TicketID("R\(round)-\(index)")
        owners[id] = customer
        var builder = TimelineBuilder(ticketID: id, customerID: customer)
        if Bool.random(using: &generator) { builder.add(.statusChanged(to: .inProgress)) }
        _ = try await store.create(builder.events)
      }
      for _ in 0..<10 {
        let customer = CustomerID("c\(Int.random(in: 0..<7, using: &generator))")
        let statuses: Set<TicketStatus>? = Bool.random(using: &generator) ? [.open] : nil
        let query = TicketQuery(
          customerID: customer, statuses: statuses, limit: Int.random(in: 1...15, using: &generator))
        let found = try await store.allTickets(matching: query)
        #expect(found.allSatisfy { $0.customerID == customer && owners[$0.id] == customer })
        let expected = owners.filter { $0.value == customer }.count
        if statuses == nil { #expect(found.count == expected) }
      }
    }
  }

  @Test("matches agrees with the store for single tickets")
  func matchesSingleTicket() throws {
    var builder = TimelineBuilder(subject: "Ünïcode Sübject")
    builder.add(.internalNote(body: "hidden words"))
    let ticket = try builder.ticket()
    #expect(TicketQuery(text: "unicode subject").matches(ticket))
    #expect(!TicketQuery(text: "hidden").matches(ticket))
    #expect(TicketQuery(text: "hidden", searchesInternalNotes: true).matches(ticket))
    #expect(TicketQuery(text: "").matches(ticket))
    #expect(!TicketQuery(assignee: "ana").matches(ticket))
  }
}
