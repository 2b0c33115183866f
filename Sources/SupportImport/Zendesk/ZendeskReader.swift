import Foundation
import SupportTickets

/// What a Zendesk export holds, gathered from every document before any ticket is mapped (comments, audits and
/// ratings may come before or after their tickets).
struct ZendeskExport {
  struct Ticket {
    var id: String
    var requester: String?
    var assignee: String?
    var group: String?
    var subject: String?
    var status: TicketStatus?
    var priority: Priority
    var channel: Channel
    var createdAt: Date
    var updatedAt: Date
    /// Where the ticket was read, for warnings.
    var source: Record
  }

  struct Comment {
    var id: String
    var author: Int64?
    var body: String
    var isPublic: Bool
    var at: Date
  }

  enum Field {
    case status(TicketStatus)
    case priority(Priority)
    case group(String?)
    case assignee(String?)
  }

  struct Change {
    var audit: String
    var event: String
    var author: Int64?
    var at: Date
    var field: Field
    /// Whether it is a value the ticket was created with (an audit event of type `Create`).
    var isInitial: Bool
  }

  struct Rating {
    var id: String
    var ticket: String?
    var requester: String?
    var score: String
    var comment: String?
    var at: Date
    var source: Record
  }

  struct User {
    var role: String?
    var externalID: String?
  }

  var tickets: [String: Ticket] = [:]
  var comments: [String: [String: Comment]] = [:]
  var changes: [String: [String: Change]] = [:]
  var ratings: [String: Rating] = [:]
  var users: [String: User] = [:]
  var groups: [String: String] = [:]
}

/// Reads Zendesk responses into a ``ZendeskExport``.
struct ZendeskReader {
  private(set) var export = ZendeskExport()
  private let statuses: NameTable<TicketStatus>
  private let priorities: NameTable<Priority>
  private let channels = NameTable(builtIn: ZendeskImporter.builtInChannels, custom: [:])

  init(mapping: ImportMapping) {
    statuses = NameTable(builtIn: ZendeskImporter.builtInStatuses, custom: mapping.statuses)
    priorities = NameTable(builtIn: ZendeskImporter.builtInPriorities, custom: mapping.priorities)
  }

  static let expected = "tickets, comments, audits, satisfaction_ratings, users or groups"

  mutating func read(_ source: SourceDocument) throws(ImportError) {
    guard case .object(let object) = source.root else {
      throw ImportError(
        .unrecognisedDocument, "expected a Zendesk API response object (\(Self.expected))", file: source.file,
        line: source.line)
    }
    let record = Record(object, path: "", in: source)
    if object.has("error") || object.has("errors") {
      let message = (try? record.firstText("description", "error")) ?? nil
      throw record.failure(.vendorError, "error", "Zendesk answered with an error", value: message ?? "")
    }
    var recognised = false
    for user in try record.records("users") {
      recognised = true
      guard let id = try user.vendorID("id") else { continue }
      export.users[id] = ZendeskExport.User(
        role: try user.text("role"), externalID: try user.nonEmptyText("external_id"))
    }
    for group in try record.records("groups") {
      recognised = true
      if let id = try group.vendorID("id"), let name = try group.nonEmptyText("name") { export.groups[id] = name }
    }
    if object.has("tickets") || object.has("ticket") {
      recognised = true
      for ticket in try record.records("tickets") + record.records("ticket") { try read(ticket: ticket) }
    }
    if object.has("comments") {
      recognised = true
      let ticket = try ticketOfComments(record, file: source.file)
      for comment in try record.records("comments") { try read(comment: comment, ticket: ticket, at: nil, author: nil) }
    }
    if object.has("audits") || object.has("audit") {
      recognised = true
      for audit in try record.records("audits") + record.records("audit") { try read(audit: audit) }
    }
    if object.has("satisfaction_ratings") || object.has("satisfaction_rating") {
      recognised = true
      for rating in try record.records("satisfaction_ratings") + record.records("satisfaction_rating") {
        try read(rating: rating)
      }
    }
    guard recognised else {
      throw ImportError(
        .unrecognisedDocument, "not a Zendesk response the importer reads (\(Self.expected))", file: source.file,
        line: source.line)
    }
  }

  // MARK: Records

  private mutating func read(ticket record: Record) throws(ImportError) {
    let id = try record.requiredVendorID("id")
    let statusName = try record.requiredText("status")
    let status = statuses.value(for: statusName)
    if status == nil && NameTable<Bool>.normalised(statusName) != "deleted" {
      throw record.failure(
        .unknownStatus, "status", "unknown ticket status; add it to the mapping file", value: statusName)
    }
    var priority = Priority.normal
    if let name = try record.nonEmptyText("priority") {
      guard let known = priorities.value(for: name) else {
        throw record.failure(.unknownPriority, "priority", "unknown priority; add it to the mapping file", value: name)
      }
      priority = known
    }
    var channel = Channel.email
    if let via = try record.nested("via"), let name = try via.nonEmptyText("channel") {
      channel = channels.value(for: name) ?? Channel(rawValue: SafeText.slug(name))
    }
    let createdAt = try instant(record, "created_at")
    export.tickets[id] = ZendeskExport.Ticket(
      id: id, requester: try record.vendorID("requester_id"), assignee: try record.vendorID("assignee_id"),
      group: try record.vendorID("group_id"), subject: try record.firstText("subject", "raw_subject"),
      status: status, priority: priority, channel: channel, createdAt: createdAt,
      updatedAt: try optionalInstant(record, "updated_at") ?? createdAt, source: record)
  }

  private mutating func read(comment record: Record, ticket: String, at: Date?, author: Int64?) throws(ImportError) {
    let id = try record.requiredVendorID("id")
    let created: Date
    if let own = try optionalInstant(record, "created_at") {
      created = own
    } else if let at {
      created = at
    } else {
      throw record.failure(.missingField, "created_at", "is missing")
    }
    export.comments[ticket, default: [:]][id] = ZendeskExport.Comment(
      id: id, author: try record.integer("author_id") ?? author, body: try record.firstText("body", "plain_body") ?? "",
      isPublic: try record.bool("public") ?? true, at: created)
  }

  private mutating func read(audit record: Record) throws(ImportError) {
    let id = try record.requiredVendorID("id")
    let ticket = try record.requiredVendorID("ticket_id")
    let at = try instant(record, "created_at")
    let author = try record.integer("author_id")
    if export.changes[ticket] == nil { export.changes[ticket] = [:] }
    for event in try record.records("events") {
      let type = try event.text("type") ?? ""
      switch type {
      case "Comment", "VoiceComment":
        // A comments page, when given, has the same comment; the last one read wins, with the same id.
        if export.comments[ticket]?[try event.requiredVendorID("id")] == nil {
          try read(comment: event, ticket: ticket, at: at, author: author)
        }
      case "Create", "Change":
        guard let field = try change(event) else { continue }
        let eventID = try event.requiredVendorID("id")
        export.changes[ticket, default: [:]][eventID] = ZendeskExport.Change(
          audit: id, event: eventID, author: try event.integer("author_id") ?? author, at: at, field: field,
          isInitial: type == "Create")
      default: continue
      }
    }
  }

  /// The field an audit event changes, or `nil` for fields the kit does not keep (tags, custom fields…).
  private func change(_ event: Record) throws(ImportError) -> ZendeskExport.Field? {
    switch try event.text("field_name") {
    case "status"?:
      let name = try event.requiredText("value")
      guard let status = statuses.value(for: name) else {
        if NameTable<Bool>.normalised(name) == "deleted" { return nil }
        throw event.failure(.unknownStatus, "value", "unknown ticket status; add it to the mapping file", value: name)
      }
      return .status(status)
    case "priority"?:
      guard let name = try event.nonEmptyText("value") else { return .priority(.normal) }
      guard let priority = priorities.value(for: name) else {
        throw event.failure(.unknownPriority, "value", "unknown priority; add it to the mapping file", value: name)
      }
      return .priority(priority)
    case "group_id"?: return .group(try event.vendorID("value"))
    case "assignee_id"?: return .assignee(try event.vendorID("value"))
    default: return nil
    }
  }

  private mutating func read(rating record: Record) throws(ImportError) {
    let id = try record.requiredVendorID("id")
    let score = try record.requiredText("score")
    guard ["good", "bad", "offered", "unoffered"].contains(score) else {
      throw record.failure(.invalidValue, "score", "expected good, bad, offered or unoffered", value: score)
    }
    let at: Date
    if let updated = try optionalInstant(record, "updated_at") {
      at = updated
    } else {
      at = try instant(record, "created_at")
    }
    export.ratings[id] = ZendeskExport.Rating(
      id: id, ticket: try record.vendorID("ticket_id"), requester: try record.vendorID("requester_id"), score: score,
      comment: try record.nonEmptyText("comment"), at: at, source: record)
  }

  // MARK: Fields

  /// The ticket a comments page belongs to: its `ticket_id`, else the last number in the file's name.
  private func ticketOfComments(_ record: Record, file: String) throws(ImportError) -> String {
    if let id = try record.vendorID("ticket_id") { return id }
    let name = (file as NSString).lastPathComponent
    let runs = name.split { !$0.isASCII || !$0.isNumber }
    if let last = runs.last, let id = VendorNumber.canonicalID(String(last)), id != "0" { return id }
    throw record.failure(
      .missingField, "ticket_id",
      "a comments page does not name its ticket: add \"ticket_id\" or name the file comments-<ticket id>.json")
  }

  private func instant(_ record: Record, _ key: String) throws(ImportError) -> Date {
    guard let date = try optionalInstant(record, key) else { throw record.failure(.missingField, key, "is missing") }
    return date
  }

  private func optionalInstant(_ record: Record, _ key: String) throws(ImportError) -> Date? {
    guard let text = try record.nonEmptyText(key) else { return nil }
    guard let date = Timestamp.parse(text) else {
      throw record.failure(.invalidValue, key, "expected an RFC 3339 time such as 2024-05-01T09:30:00Z", value: text)
    }
    return date
  }
}
