import Foundation
import SupportTickets

/// The ticket commands that open the store: open, list, show, reply, note, status, resolve, export.
struct StoreDesk {
  let folder: URL
  let command: String
  let options: [String]
  let lockTimeout: Duration

  init(folder: URL, command: String, options: [String], lockTimeout: Duration = .seconds(5)) throws {
    self.folder = folder
    self.command = command
    self.options = options
    self.lockTimeout = lockTimeout
  }

  func run() async throws -> Int32 {
    // Parse before opening, so a typo never creates a store folder.
    let action = try parse()
    // Reading commands never modify, create or cut anything, and work on a read-only store.
    let readOnly = ["list", "show", "export"].contains(command)
    let store = try FileTicketStore(
      directory: folder, access: readOnly ? .readOnly : .readWrite, lockTimeout: lockTimeout)
    do {
      try await action(store)
    } catch {
      await store.close()
      throw error
    }
    await store.close()
    return 0
  }

  private func parse() throws -> (FileTicketStore) async throws -> Void {
    switch command {
    case "open":
      let arguments = try ParsedArguments(
        options, valueOptions: ["--customer", "--subject", "--body", "--priority", "--department"])
      _ = try arguments.positionals(exactly: 0, "no positional arguments")
      let customer = try inputIdentifier(
        try arguments.required("--customer"), as: CustomerID.self, option: "--customer")
      let subject = try arguments.required("--subject")
      let body = try arguments.required("--body")
      let priority = try arguments.values["--priority"].map {
        try parseValue($0, as: Priority.self, option: "--priority")
      }
      let department = arguments.values["--department"].map(Department.init(rawValue:))
      return { store in
        let id = try await openTicket(store, customer, subject, body, priority ?? .normal, department ?? .technical)
        printNow(id.rawValue)
      }
    case "list":
      let arguments = try ParsedArguments(options, valueOptions: ["--customer", "--status"])
      _ = try arguments.positionals(exactly: 0, "no positional arguments")
      let statuses = try arguments.repeated["--status"].map { names in
        Set(try names.map { try parseValue($0, as: TicketStatus.self, option: "--status") })
      }
      let customer = try arguments.values["--customer"].map {
        try inputIdentifier($0, as: CustomerID.self, option: "--customer")
      }
      let query = TicketQuery(customerID: customer, statuses: statuses)
      return { store in
        for ticket in try await store.allTickets(matching: query) { print(TicketRendering.listLine(ticket)) }
      }
    case "show":
      let arguments = try ParsedArguments(options, flagOptions: ["--as-customer", "--json"])
      let id = try inputIdentifier(
        try arguments.positionals(exactly: 1, "a ticket id")[0], as: TicketID.self, option: "ticket id")
      let asCustomer = arguments.flags.contains("--as-customer")
      let json = arguments.flags.contains("--json")
      return { store in
        let ticket = try await existing(store, id)
        print(
          try asCustomer
            ? TicketRendering.customerText(ticket, json: json) : TicketRendering.staffText(ticket, json: json))
      }
    case "export":
      let arguments = try ParsedArguments(options, flagOptions: ["--jsonl"])
      _ = try arguments.positionals(exactly: 0, "no positional arguments")
      return { store in
        let encoder = TicketJSON.makeEncoder()
        var output = Data()
        for ticket in try await store.allTickets() {
          output.append(try encoder.encode(ticket))
          output.append(0x0A)
        }
        FileHandle.standardOutput.write(output)
      }
    default:
      return try parseChange()
    }
  }

  /// reply, note, status and resolve: events appended to one ticket.
  private func parseChange() throws -> (FileTicketStore) async throws -> Void {
    let arguments = try ParsedArguments(
      options, valueOptions: ["--body", "--agent"], flagOptions: command == "reply" ? ["--from-customer"] : [])
    let agent = try inputIdentifier(arguments.values["--agent"] ?? "support", as: AgentID.self, option: "--agent")
    let fromCustomer = arguments.flags.contains("--from-customer")
    let id: TicketID
    var makeKinds: (Ticket) -> [(TicketAuthor, TicketEvent.Kind)]
    switch command {
    case "reply", "note":
      id = try inputIdentifier(
        try arguments.positionals(exactly: 1, "a ticket id")[0], as: TicketID.self, option: "ticket id")
      let body = try arguments.required("--body")
      let isNote = command == "note"
      makeKinds = { ticket in
        if isNote { return [(.agent(agent), .internalNote(body: body))] }
        return fromCustomer
          ? [(.customer(ticket.customerID), .customerReply(body: body))] : [(.agent(agent), .agentReply(body: body))]
      }
    case "status":
      let positionals = try arguments.positionals(exactly: 2, "a ticket id and a status")
      id = try inputIdentifier(positionals[0], as: TicketID.self, option: "ticket id")
      let status = try parseValue(positionals[1], as: TicketStatus.self, option: "status")
      makeKinds = { _ in [(.agent(agent), .statusChanged(to: status))] }
    default:  // resolve
      id = try inputIdentifier(
        try arguments.positionals(exactly: 1, "a ticket id")[0], as: TicketID.self, option: "ticket id")
      let body = arguments.values["--body"]
      makeKinds = { _ in
        (body.map { [(.agent(agent), .agentReply(body: $0))] } ?? []) + [(.agent(agent), .statusChanged(to: .resolved))]
      }
    }
    return { store in
      let ticket = try await existing(store, id)
      let instant = max(Date(), ticket.updatedAt)
      let events = makeKinds(ticket).enumerated().map { index, change in
        TicketEvent(
          id: EventID("\(id.rawValue)-e\(ticket.version + index + 1)"), instant: instant, author: change.0,
          kind: change.1)
      }
      let updated = try await store.append(events, to: id, expectedVersion: ticket.version)
      print("\(id.rawValue) \(updated.status.rawValue) (version \(updated.version))")
    }
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

/// Reads an identifier typed by the user, as a usage error when it breaks the identifier rules.
func inputIdentifier<Tag>(_ text: String, as type: Identifier<Tag>.Type, option: String) throws -> Identifier<Tag> {
  do { return try Identifier<Tag>(validating: text) } catch { throw UsageError(message: "\(option): \(error.message)") }
}
