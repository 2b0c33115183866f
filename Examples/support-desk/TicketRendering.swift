import CommandLineSupport
import Foundation
import SupportTickets

/// How the store commands print tickets.
enum TicketRendering {
  /// `T-1  open  high  cust-1  Subject`, with control characters in the text escaped (``TerminalText``), so a
  /// subject cannot forge a second line or drive the terminal.
  static func listLine(_ ticket: Ticket) -> String {
    TerminalText.escaped(
      [
        ticket.id.rawValue, ticket.status.rawValue, ticket.priority.rawValue, ticket.customerID.rawValue,
        ticket.subject,
      ]
      .joined(separator: "  "))
  }

  /// The staff view: every event, internal ones marked.
  static func staffText(_ ticket: Ticket, json: Bool) throws -> String {
    if json { return String(decoding: try TicketJSON.makeEncoder(pretty: true).encode(ticket), as: UTF8.self) }
    var lines = header(
      id: ticket.id, subject: ticket.subject, status: ticket.status, priority: ticket.priority,
      department: ticket.department, customer: ticket.customerID)
    if let assignee = ticket.assignee { lines.append("assignee: \(assignee.rawValue)") }
    lines += ticket.events.flatMap(eventLines)
    return TerminalText.escapedLines(lines)
  }

  /// The customer's view: built from ``Ticket/customerView``, so internal events never appear.
  static func customerText(_ ticket: Ticket, json: Bool) throws -> String {
    let view = ticket.customerView
    if json { return String(decoding: try TicketJSON.makeEncoder(pretty: true).encode(view), as: UTF8.self) }
    let lines = header(
      id: view.id, subject: view.subject, status: view.status, priority: view.priority, department: view.department,
      customer: view.customerID)
    return TerminalText.escapedLines(lines + view.events.flatMap(eventLines))
  }

  private static func header(
    id: TicketID, subject: String, status: TicketStatus, priority: Priority, department: Department,
    customer: CustomerID
  ) -> [String] {
    [
      "\(id.rawValue): \(subject)",
      "status: \(status.rawValue)  priority: \(priority.rawValue)  department: \(department.rawValue)  "
        + "customer: \(customer.rawValue)",
    ]
  }

  /// The event's line, then its body's lines indented by four spaces (each escaped by the caller).
  private static func eventLines(_ event: TicketEvent) -> [String] {
    let author: String
    switch event.author {
    case .customer(let id): author = "customer \(id.rawValue)"
    case .agent(let id): author = "agent \(id.rawValue)"
    case .system: author = "system"
    }
    var line = "  \(Timestamp.format(event.instant))  \(event.kind.name)  \(author)"
    if event.visibility == .internal { line += "  [internal]" }
    switch event.kind {
    case .statusChanged(let status): line += ": \(status.rawValue)"
    case .priorityChanged(let priority): line += ": \(priority.rawValue)"
    case .departmentChanged(let department): line += ": \(department.rawValue)"
    case .assigneeChanged(let agent): line += ": \(agent?.rawValue ?? "nobody")"
    case .merged(let target): line += ": \(target.rawValue)"
    case .mergedFrom(let source): line += ": \(source.rawValue)"
    default: break
    }
    let body =
      event.body?.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { "    " + $0 } ?? []
    return [line] + body
  }
}
