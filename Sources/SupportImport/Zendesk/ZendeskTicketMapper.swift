import Foundation
import RetentionMetrics
import SupportTickets

/// Maps a gathered Zendesk export to imported tickets and CSAT answers (see <doc:Importing#Zendesk>).
struct ZendeskTicketMapper {
  private let mapping: ImportMapping
  private let export: ZendeskExport
  private var people: ImportedPeople

  init(mapping: ImportMapping, export: ZendeskExport) {
    self.mapping = mapping
    self.export = export
    people = ImportedPeople(vendor: "zendesk", departments: mapping.departments)
  }

  mutating func map() -> TicketImport {
    var result = TicketImport()
    for id in export.tickets.keys.sorted(by: VendorNumber.less) {
      guard let ticket = export.tickets[id] else { continue }
      guard ticket.status != nil else {
        result.warnings.append(ticket.source.failure(.skipped, "status", "ticket \(id) is deleted; not imported"))
        continue
      }
      result.tickets.append(map(ticket))
    }
    let orphans = Set(export.comments.keys).union(export.changes.keys).subtracting(export.tickets.keys)
    for id in orphans.sorted(by: VendorNumber.less) {
      result.warnings.append(
        ImportError(
          code: .skipped, message: "comments or audits of ticket \(id), which is not in the export, were not imported"
        ).about(ticket: ImportedID.ticket("zendesk", id).rawValue))
    }
    for id in export.ratings.keys.sorted(by: VendorNumber.less) {
      guard let rating = export.ratings[id], let survey = survey(of: rating) else { continue }
      result.surveys.append(survey)
    }
    return result
  }

  // MARK: Tickets

  private mutating func map(_ ticket: ZendeskExport.Ticket) -> ImportedTicket {
    let ticketID = ImportedID.ticket("zendesk", ticket.id)
    let customer = customerID(requester: ticket.requester, ticket: ticket.id)
    let comments = (export.comments[ticket.id] ?? [:]).values.sorted {
      $0.at != $1.at ? $0.at < $1.at : VendorNumber.less($0.id, $1.id)
    }
    let changes = export.changes[ticket.id].map { audited in
      audited.values.sorted {
        $0.at != $1.at ? $0.at < $1.at : VendorNumber.less($0.audit + "." + $0.event, $1.audit + "." + $1.event)
      }
    }
    var priority = ticket.priority
    var group = ticket.group
    for change in changes ?? [] where change.isInitial {
      if case .priority(let initial) = change.field { priority = initial }
      if case .group(let initial) = change.field { group = initial }
    }
    var events: [(event: TicketEvent, rank: Int)] = []
    // Zendesk's first comment is the ticket's description; a private one never becomes the public opening.
    var openingID = ImportedID.event(ticketID, "created")
    var openingAuthor = TicketAuthor.customer(customer)
    var body = SafeText.subject(ticket.subject)
    var remaining = comments[...]
    if let first = comments.first, first.isPublic {
      openingID = ImportedID.event(ticketID, "c" + first.id)
      openingAuthor = author(first.author, ticket, customer)
      body = SafeText.body(first.body, placeholder: body)
      remaining = comments.dropFirst()
    }
    for comment in remaining {
      events.append((self.event(comment, ticket, ticketID, customer), 0))
    }
    if let changes {
      for change in changes where !change.isInitial {
        if let event = event(change, ticket, ticketID, customer) { events.append((event, 1)) }
      }
    } else {
      events += currentState(ticket, ticketID).map { ($0, 2) }
    }
    for rating in export.ratings.values where rating.ticket == ticket.id {
      if let note = note(rating, ticketID) { events.append((note, 3)) }
    }
    events.sort { $0.event.instant != $1.event.instant ? $0.event.instant < $1.event.instant : $0.rank < $1.rank }
    let opening = TicketOpening(
      ticketID: ticketID, customerID: customer, subject: SafeText.subject(ticket.subject), body: body,
      priority: priority, department: group.map { department($0) } ?? .technical, channel: ticket.channel)
    return ImportedTicket(
      opening: TicketEvent(id: openingID, instant: ticket.createdAt, author: openingAuthor, kind: .created(opening)),
      events: events.map(\.event))
  }

  private mutating func event(
    _ comment: ZendeskExport.Comment, _ ticket: ZendeskExport.Ticket, _ ticketID: TicketID, _ customer: CustomerID
  ) -> TicketEvent {
    let id = ImportedID.event(ticketID, "c" + comment.id)
    let body = SafeText.body(comment.body, placeholder: "(empty comment)")
    let author = author(comment.author, ticket, customer)
    guard comment.isPublic else {
      // Customers cannot write internal notes in the kit: an end user's private comment is kept as the system's.
      let noteAuthor: TicketAuthor = if case .agent = author { author } else { .system }
      return TicketEvent(id: id, instant: comment.at, author: noteAuthor, kind: .internalNote(body: body))
    }
    switch author {
    case .customer: return TicketEvent(id: id, instant: comment.at, author: author, kind: .customerReply(body: body))
    case .agent: return TicketEvent(id: id, instant: comment.at, author: author, kind: .agentReply(body: body))
    case .system: return TicketEvent(id: id, instant: comment.at, author: .system, kind: .automatedMessage(body: body))
    }
  }

  private mutating func event(
    _ change: ZendeskExport.Change, _ ticket: ZendeskExport.Ticket, _ ticketID: TicketID, _ customer: CustomerID
  ) -> TicketEvent? {
    let id = ImportedID.event(ticketID, "a\(change.audit)-e\(change.event)")
    var author = author(change.author, ticket, customer)
    let kind: TicketEvent.Kind
    switch change.field {
    case .status(let status): kind = .statusChanged(to: status)
    case .priority(let priority): kind = .priorityChanged(to: priority)
    case .group(let group?): kind = .departmentChanged(to: department(group))
    case .group(nil): return nil
    case .assignee(let agent): kind = .assigneeChanged(to: agent.map { people.agent(number: $0) })
    }
    // Only staff and the system change priorities, departments and assignees in the kit.
    if case .customer = author, kind.name != "statusChanged" { author = .system }
    return TicketEvent(id: id, instant: change.at, author: author, kind: kind)
  }

  /// Without audits, the ticket's current status (and assignee) as changes at its last update.
  private mutating func currentState(_ ticket: ZendeskExport.Ticket, _ ticketID: TicketID) -> [TicketEvent] {
    guard let status = ticket.status else { return [] }
    let stamp = Int64(ticket.updatedAt.timeIntervalSince1970)
    var events = [
      TicketEvent(
        id: ImportedID.event(ticketID, "s-\(status.rawValue)-\(stamp)"), instant: ticket.updatedAt, author: .system,
        kind: .statusChanged(to: status))
    ]
    if let assignee = ticket.assignee {
      events.insert(
        TicketEvent(
          id: ImportedID.event(ticketID, "assignee-\(assignee)"), instant: ticket.updatedAt, author: .system,
          kind: .assigneeChanged(to: people.agent(number: assignee))), at: 0)
    }
    return events
  }

  // MARK: Ratings

  private func note(_ rating: ZendeskExport.Rating, _ ticketID: TicketID) -> TicketEvent? {
    guard rating.score == "good" || rating.score == "bad" else { return nil }
    var text = "Satisfaction rating: \(rating.score)"
    if let comment = rating.comment { text += "\nComment: " + comment }
    return TicketEvent(
      id: ImportedID.event(ticketID, "rating-\(rating.id)"), instant: rating.at, author: .system,
      kind: .internalNote(body: SafeText.body(text, placeholder: text)))
  }

  private mutating func survey(of rating: ZendeskExport.Rating) -> ImportedSurvey? {
    let score: Int
    switch rating.score {
    case "good": score = mapping.satisfaction.good
    case "bad": score = mapping.satisfaction.bad
    default: return nil
    }
    let requester = rating.requester ?? rating.ticket.flatMap { export.tickets[$0]?.requester }
    guard let requester,
      let response = try? SurveyResponse(
        customer: customerID(requester: requester, ticket: rating.ticket ?? ""), date: CivilDate(rating.at),
        kind: .csat, score: score)
    else { return nil }
    return ImportedSurvey(
      response: response, id: "zendesk-R\(rating.id)", ticketID: rating.ticket.map { ImportedID.ticket("zendesk", $0) },
      comment: rating.comment.map { SafeText.redactor.redact($0) }, vendorScore: rating.score)
  }

  // MARK: People

  private mutating func customerID(requester: String?, ticket: String) -> CustomerID {
    guard let requester else { return people.guest(email: nil, ticket: ticket) }
    if mapping.zendeskExternalIDs, let external = export.users[requester]?.externalID,
      let id = people.external(external)
    {
      return id
    }
    return people.customer("U", requester)
  }

  private mutating func author(_ id: Int64?, _ ticket: ZendeskExport.Ticket, _ customer: CustomerID) -> TicketAuthor {
    guard let id, id > 0 else { return .system }
    let key = String(id)
    if key == ticket.requester { return .customer(customer) }
    if export.users[key]?.role == "end-user" { return .customer(customer) }
    return .agent(people.agent(number: key))
  }

  private mutating func department(_ group: String) -> Department {
    if let mapped = people.mappedDepartment(group) { return mapped }
    if let name = export.groups[group] { return people.department(named: name) }
    return Department(rawValue: "group-\(group)")
  }
}
