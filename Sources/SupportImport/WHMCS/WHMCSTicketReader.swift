import Foundation
import RetentionMetrics
import SupportTickets

/// Maps WHMCS `GetTicket` responses to imported tickets (see <doc:Importing#WHMCS-tickets>).
struct WHMCSTicketReader {
  private let statuses: NameTable<TicketStatus>
  private let priorities: NameTable<Priority>
  private var people: ImportedPeople
  private var clock: LocalTimeConverter
  private let tiers: WHMCSTierTable
  private var tickets: [ImportedTicket] = []
  private var positions: [String: Int] = [:]
  private var ticketServices: [Int: String] = [:]
  /// The reply ratings of each ticket, by the ticket's position (a ticket read again replaces its ratings).
  private var ratings: [[ImportedSurvey]] = []
  private var listed: [(id: String, error: ImportError)] = []
  private var services: [String: ServiceReference] = [:]

  init(importer: WHMCSImporter) {
    statuses = NameTable(builtIn: WHMCSImporter.builtInStatuses, custom: importer.mapping.statuses)
    priorities = NameTable(builtIn: WHMCSImporter.builtInPriorities, custom: importer.mapping.priorities)
    people = ImportedPeople(vendor: "whmcs", departments: importer.mapping.departments)
    clock = LocalTimeConverter(zone: importer.timeZone)
    tiers = WHMCSTierTable(importer.mapping)
  }

  // MARK: GetTicket

  mutating func read(ticket record: Record) throws(ImportError) {
    let number = try record.requiredVendorID("ticketid")
    let ticketID = ImportedID.ticket("whmcs", number)
    let customer = try customerID(of: record, ticket: number)
    let openedAt = try instant(record, "date")
    let status = try mapped(record, "status", statuses, code: .unknownStatus, what: "ticket status")
    var priority = Priority.normal
    if try record.text("priority") != nil {
      priority = try mapped(record, "priority", priorities, code: .unknownPriority, what: "priority")
    }
    var department = Department.technical
    if let name = try record.nonEmptyText("deptname") {
      department = people.department(named: name)
    } else if let id = try record.vendorID("deptid") {
      department = people.department(named: "department-\(id)")
    }

    var openingMessage = try record.text("message")
    var openingAuthor = TicketAuthor.customer(customer)
    var events: [(event: TicketEvent, rank: Int)] = []
    var ticketRatings: [ImportedSurvey] = []
    for reply in try record.records("replies", element: "reply") {
      let replyID = try reply.vendorID("replyid") ?? "0"
      var agent: AgentID?
      if let name = try reply.nonEmptyText("admin") { agent = people.agent(named: name) }
      let body = SafeText.body(
        try reply.text("message"),
        placeholder: try reply.nonEmptyText("attachment") == nil ? "(empty reply)" : "(attachment not imported)")
      if replyID == "0" {
        openingMessage = body
        if let agent { openingAuthor = .agent(agent) }
        continue
      }
      let at = try instant(reply, "date")
      let id = ImportedID.event(ticketID, "r" + replyID)
      if let agent {
        events.append((TicketEvent(id: id, instant: at, author: .agent(agent), kind: .agentReply(body: body)), 0))
        if let rating = try rating(of: reply, replyID: replyID, ticket: ticketID, customer: customer) {
          ticketRatings.append(rating)
        }
      } else {
        events.append(
          (TicketEvent(id: id, instant: at, author: .customer(customer), kind: .customerReply(body: body)), 0))
      }
    }
    for note in try record.records("notes", element: "note") {
      let noteID = try note.requiredVendorID("noteid")
      var author = TicketAuthor.system
      if let name = try note.nonEmptyText("admin") { author = .agent(people.agent(named: name)) }
      let body = SafeText.body(try note.text("message"), placeholder: "(empty note)")
      let id = ImportedID.event(ticketID, "n" + noteID)
      events.append(
        (TicketEvent(id: id, instant: try instant(note, "date"), author: author, kind: .internalNote(body: body)), 1))
    }
    events.sort { $0.event.instant != $1.event.instant ? $0.event.instant < $1.event.instant : $0.rank < $1.rank }
    let lastEvent = events.last?.event.instant ?? openedAt
    let statusAt = max(try record.text("lastreply").flatMap { clock.instant($0) } ?? lastEvent, lastEvent)
    let statusName = try record.requiredText("status")
    let statusSuffix = "s-\(SafeText.slug(statusName))-\(Int64(statusAt.timeIntervalSince1970))"
    events.append(
      (
        TicketEvent(
          id: ImportedID.event(ticketID, statusSuffix), instant: statusAt, author: .system,
          kind: .statusChanged(to: status)), 2
      ))

    let opening = TicketOpening(
      ticketID: ticketID, customerID: customer, subject: SafeText.subject(try record.text("subject")),
      body: SafeText.body(openingMessage, placeholder: SafeText.subject(try record.text("subject"))),
      priority: priority, department: department, channel: .panel)
    let created = TicketEvent(
      id: ImportedID.event(ticketID, "r0"), instant: openedAt, author: openingAuthor, kind: .created(opening))
    let imported = ImportedTicket(opening: created, events: events.map(\.event))
    let position = positions[number] ?? tickets.count
    if position == tickets.count {
      positions[number] = position
      tickets.append(imported)
      ratings.append(ticketRatings)
    } else {
      tickets[position] = imported
      ratings[position] = ticketRatings
    }
    ticketServices[position] = nil
    if let service = try record.nonEmptyText("service"), service.hasPrefix("S") || service.hasPrefix("s") {
      ticketServices[position] = String(service.dropFirst())
    }
  }

  /// A WHMCS star rating (1–5) of a staff reply, as a CSAT answer dated the reply's local day; `nil` for 0 (not
  /// rated).
  private func rating(of reply: Record, replyID: String, ticket: TicketID, customer: CustomerID)
    throws(ImportError) -> ImportedSurvey?
  {
    guard let text = try reply.text("rating"), text != "0", !text.isEmpty else { return nil }
    guard let score = Int(text), (1...5).contains(score),
      let local = LocalTimeConverter.localSeconds(try reply.requiredText("date"))
    else { throw reply.failure(.invalidValue, "rating", "expected a rating 0…5", value: text) }
    let day = LocalTimeConverter.day(ofLocalSeconds: local)
    guard let response = try? SurveyResponse(customer: customer, date: day, kind: .csat, score: score) else {
      return nil
    }
    let id = ImportedID.event(ticket, "r" + replyID).rawValue
    return ImportedSurvey(response: response, id: id, ticketID: ticket, comment: nil, vendorScore: text)
  }

  // MARK: GetTickets and GetClientsProducts

  mutating func read(list record: Record) throws(ImportError) {
    for entry in try record.records("tickets", element: "ticket") {
      let number = try entry.requiredVendorID("id")
      let warning = entry.failure(
        .skipped, "id", "ticket \(number) is listed by GetTickets but has no GetTicket response; not imported")
      listed.append((number, warning))
    }
  }

  mutating func read(products record: Record) throws(ImportError) {
    for product in try record.records("products", element: "product") {
      let id = try product.requiredVendorID("id")
      let name = SafeText.name(try product.text("name") ?? "")
      let tier = try tiers.tier(of: product) ?? .other
      services[id] = ServiceReference(
        serviceID: ServiceID(derived: "whmcs-S\(id)"), tier: tier, plan: name.isEmpty ? "(unnamed)" : name,
        domain: try product.nonEmptyText("domain").map(SafeText.name))
    }
  }

  // MARK: Result

  mutating func finish() -> TicketImport {
    for (position, service) in ticketServices {
      guard let reference = services[service], case .created(var opening) = tickets[position].opening.kind else {
        continue
      }
      opening.service = reference
      tickets[position].opening.kind = .created(opening)
    }
    let warnings = listed.filter { positions[$0.id] == nil }.map(\.error)
    return TicketImport(tickets: tickets, surveys: ratings.flatMap { $0 }, warnings: warnings)
  }

  // MARK: Fields

  private mutating func customerID(of record: Record, ticket number: String) throws(ImportError) -> CustomerID {
    if let client = try record.vendorID("userid") { return people.client(client) }
    let email = try record.firstText("requestor_email", "email")
    return people.guest(email: email, ticket: number)
  }

  private mutating func instant(_ record: Record, _ key: String) throws(ImportError) -> Date {
    let text = try record.requiredText(key)
    guard let date = clock.instant(text) else {
      throw record.failure(.invalidValue, key, "expected a local date and time YYYY-MM-DD HH:MM:SS", value: text)
    }
    return date
  }

  private func mapped<Value>(
    _ record: Record, _ key: String, _ table: NameTable<Value>, code: ImportError.Code, what: String
  ) throws(ImportError) -> Value {
    let name = try record.requiredText(key)
    guard let value = table.value(for: name) else {
      throw record.failure(code, key, "unknown \(what); add it to the mapping file", value: name)
    }
    return value
  }
}
