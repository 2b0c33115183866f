import Foundation
import SupportTickets

/// `support-desk demo`: opens, updates and resolves a handful of tickets in an in-memory store and prints
/// a readable summary.
func runDemoCommand(_ arguments: [String]) async -> Int32 {
  guard arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: support-desk demo\n".utf8))
    return 2
  }
  do {
    let store = InMemoryTicketStore()
    let script = DemoScript(start: Date(timeIntervalSince1970: 1_795_000_000))
    for ticketScript in script.tickets {
      var ticket = try await store.create(opening: ticketScript.opening)
      for event in ticketScript.followUps {
        ticket = try await store.append([event], to: ticket.id, expectedVersion: ticket.version)
      }
    }
    let tickets = try await store.allTickets()
    print("HostingSupportKit demo — \(tickets.count) tickets in an in-memory store\n")
    for ticket in tickets {
      let id = ticket.id.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      let priority = ticket.priority.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
      let status = ticket.status.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
      print("\(id) \(priority) \(status) \(ticket.subject)")
    }
    let resolved = tickets.filter { $0.status.isSolved }.count
    print("\nresolved or closed: \(resolved) of \(tickets.count)")
    if let first = tickets.first {
      let view = first.customerView
      print(
        "\nwhat customer \(first.customerID) sees of \(first.id) (\(view.events.count) of \(first.events.count) events):"
      )
      for event in view.events {
        print("  \(event.author.role): \(event.body ?? event.kind.name)")
      }
    }
    if let billing = tickets.first(where: { $0.department == .billing }), let body = billing.events.first?.body {
      print("\nstored opening message of \(billing.id), after redaction:\n  \(body)")
    }
    return 0
  } catch {
    FileHandle.standardError.write(Data("support-desk demo: \(error)\n".utf8))
    return 1
  }
}

/// A fixed little story: an outage, a billing question, a migration.
struct DemoScript {
  struct TicketScript {
    var opening: TicketEvent
    var followUps: [TicketEvent]
  }

  var tickets: [TicketScript]

  init(start: Date) {
    var counter = 0
    func event(_ minutes: Double, _ author: TicketAuthor, _ kind: TicketEvent.Kind) -> TicketEvent {
      counter += 1
      return TicketEvent(
        id: EventID("e\(counter)"), instant: start.addingTimeInterval(minutes * 60), author: author, kind: kind)
    }
    func opening(
      _ id: String, _ customer: String, _ subject: String, _ body: String, _ priority: Priority,
      _ department: Department, _ service: ServiceReference
    ) -> TicketEvent {
      let details = TicketOpening(
        ticketID: TicketID(id), customerID: CustomerID(customer), subject: subject, body: body,
        priority: priority, department: department, channel: .panel, service: service)
      return event(0, .customer(CustomerID(customer)), .created(details))
    }
    let ana: TicketAuthor = .agent("ana")
    tickets = [
      TicketScript(
        opening: opening(
          "T-1001", "cust-7", "Website down", "My shop returns 503 since 03:00.", .critical, .technical,
          ServiceReference(tier: .shared, plan: "Starter", domain: "kedai-batik.my", server: "sh12")),
        followUps: [
          event(4, ana, .internalNote(body: "sh12 PHP-FPM pool exhausted; restarting.")),
          event(6, ana, .agentReply(body: "We found the cause and are restarting the service now.")),
          event(25, ana, .statusChanged(to: .resolved)),
        ]),
      TicketScript(
        opening: opening(
          "T-1002", "cust-9", "Card charged twice",
          "I was charged twice. My card is 4111 1111 1111 1111, please refund one.", .high, .billing,
          ServiceReference(tier: .vps, plan: "VPS 4 GB", server: "vps-203")),
        followUps: [
          event(30, ana, .statusChanged(to: .inProgress)),
          event(31, ana, .agentReply(body: "Refund issued; it reaches your card in 3–5 days.")),
          event(32, ana, .statusChanged(to: .resolved)),
        ]),
      TicketScript(
        opening: opening(
          "T-1003", "cust-7", "Move to a VPS", "We outgrew shared hosting. Can you migrate us?", .normal, .sales,
          ServiceReference(tier: .shared, plan: "Starter", domain: "kedai-batik.my")),
        followUps: [
          event(60, ana, .agentReply(body: "Yes: a VPS 2 GB fits. Which weekend suits you?")),
          event(61, ana, .statusChanged(to: .waitingOnCustomer)),
          event(200, .customer("cust-7"), .customerReply(body: "Saturday night, please.")),
        ]),
    ]
  }
}
