import CommandLineSupport
import Foundation
import SupportTickets

/// The ticket commands that open the store: open, list, show, reply, note, status, resolve, export.
///
/// Each parses and checks its arguments before opening the store, so a typo never creates a store folder.
enum StoreDesk {
  static func open(_ arguments: ParsedArguments) async throws -> ExitStatus {
    let customer = try inputIdentifier(try arguments.required("--customer"), as: CustomerID.self, option: "--customer")
    let subject = try arguments.required("--subject")
    let body = try arguments.required("--body")
    let priority = try arguments.choice("--priority", as: Priority.self) ?? .normal
    let department = arguments.value("--department").map(Department.init(rawValue:)) ?? .technical
    return try await withStore(arguments) { store in
      let id = try await openTicket(store, customer, subject, body, priority, department)
      Console.print(id.rawValue)
    }
  }

  static func list(_ arguments: ParsedArguments) async throws -> ExitStatus {
    let names = arguments.all("--status")
    let statuses =
      names.isEmpty
      ? nil : Set(try names.map { try ParsedArguments.choice($0, as: TicketStatus.self, for: "--status") })
    let customer = try arguments.value("--customer").map {
      try inputIdentifier($0, as: CustomerID.self, option: "--customer")
    }
    let query = TicketQuery(customerID: customer, statuses: statuses)
    return try await withStore(arguments, access: .readOnly) { store in
      let lines = try await store.allTickets(matching: query).map { TicketRendering.listLine($0) + "\n" }
      Console.write(lines.joined())
    }
  }

  static func show(_ arguments: ParsedArguments) async throws -> ExitStatus {
    let id = try inputIdentifier(arguments.positionals[0], as: TicketID.self, option: "ID")
    let asCustomer = arguments.flag("--as-customer")
    let json = arguments.flag("--json")
    return try await withStore(arguments, access: .readOnly) { store in
      let ticket = try await existing(store, id)
      Console.print(
        try asCustomer
          ? TicketRendering.customerText(ticket, json: json) : TicketRendering.staffText(ticket, json: json))
    }
  }

  static func export(_ arguments: ParsedArguments) async throws -> ExitStatus {
    try await withStore(arguments, access: .readOnly) { store in
      let writer = JSONLinesWriter()
      defer { writer.flush() }
      let encoder = TicketJSON.makeEncoder()
      for ticket in try await store.allTickets() {
        writer.write(json: String(decoding: try encoder.encode(ticket), as: UTF8.self))
      }
    }
  }

  /// reply, note, status and resolve: events appended to one ticket.
  static func change(_ arguments: ParsedArguments) async throws -> ExitStatus {
    let agent = try inputIdentifier(arguments.value("--agent") ?? "support", as: AgentID.self, option: "--agent")
    let fromCustomer = arguments.flag("--from-customer")
    let id = try inputIdentifier(arguments.positionals[0], as: TicketID.self, option: "ID")
    let makeKinds: @Sendable (Ticket) -> [(TicketAuthor, TicketEvent.Kind)]
    switch arguments.command {
    case "reply", "note":
      let body = try arguments.required("--body")
      let isNote = arguments.command == "note"
      makeKinds = { ticket in
        if isNote { return [(.agent(agent), .internalNote(body: body))] }
        return fromCustomer
          ? [(.customer(ticket.customerID), .customerReply(body: body))] : [(.agent(agent), .agentReply(body: body))]
      }
    case "status":
      let status = try ParsedArguments.choice(arguments.positionals[1], as: TicketStatus.self, for: "STATUS")
      makeKinds = { _ in [(.agent(agent), .statusChanged(to: status))] }
    default:  // resolve
      let body = arguments.value("--body")
      makeKinds = { _ in
        (body.map { [(.agent(agent), .agentReply(body: $0))] } ?? []) + [(.agent(agent), .statusChanged(to: .resolved))]
      }
    }
    return try await withStore(arguments) { store in
      let ticket = try await existing(store, id)
      let instant = max(Date(), ticket.updatedAt)
      let events = makeKinds(ticket).enumerated().map { index, change in
        TicketEvent(
          id: EventID("\(id.rawValue)-e\(ticket.version + index + 1)"), instant: instant, author: change.0,
          kind: change.1)
      }
      let updated = try await store.append(events, to: id, expectedVersion: ticket.version)
      Console.print("\(id.rawValue) \(updated.status.rawValue) (version \(updated.version))")
    }
  }

  /// Opens the store, runs `action`, and closes the store whatever happens. The reading commands (list, show,
  /// export) open it read-only: they never create, modify or cut anything, and work on a read-only store.
  private static func withStore(
    _ arguments: ParsedArguments, access: FileTicketStore.Access = .readWrite,
    _ action: (FileTicketStore) async throws -> Void
  ) async throws -> ExitStatus {
    let store = try FileTicketStore(
      directory: try storeFolder(arguments), access: access, lockTimeout: try lockTimeout(arguments))
    do {
      try await action(store)
    } catch {
      await store.close()
      throw error
    }
    await store.close()
    return .success
  }
}

private func existing(_ store: FileTicketStore, _ id: TicketID) async throws -> Ticket {
  guard let ticket = try await store.ticket(id) else { throw StoreError.ticketNotFound(id) }
  return ticket
}

private func openTicket(
  _ store: FileTicketStore, _ customer: CustomerID, _ subject: String, _ body: String, _ priority: Priority,
  _ department: Department
) async throws -> TicketID {
  var number = await store.count + 1
  while true {
    let id = TicketID("T-\(number)")
    let opening = TicketEvent(
      id: EventID("\(id.rawValue)-e1"), instant: Date(), author: .customer(customer),
      kind: .created(
        TicketOpening(
          ticketID: id, customerID: customer, subject: subject, body: body, priority: priority, department: department,
          channel: .panel)))
    do {
      // `create` returns only once the ticket is synced to disk (the store's default durability).
      return try await store.create(opening: opening).id
    } catch let error as StoreError where error.code == .duplicateTicket {
      number += 1
    }
  }
}
