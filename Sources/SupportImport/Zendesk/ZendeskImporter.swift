import Foundation
import SupportTickets

/// Reads Zendesk Support API responses and maps them to the kit's tickets and satisfaction answers.
///
/// Give it any mix of saved responses (see <doc:Importing#Zendesk>):
/// - incremental ticket export pages (`/api/v2/incremental/tickets/cursor.json`), optionally with users and
///   groups sideloaded (`include=users,groups`);
/// - ticket comments (`/api/v2/tickets/{id}/comments.json`) — a comments page does not say which ticket it
///   belongs to, so save it with `ticket_id` added at the top level, or in a file whose name ends with the
///   ticket's number (`comments-123.json`);
/// - ticket audits (`/api/v2/tickets/{id}/audits.json`): status, priority, group and assignee changes with
///   their times (and comments, when no comments page is given);
/// - satisfaction ratings (`/api/v2/satisfaction_ratings.json`), which become CSAT answers (`good` → 5,
///   `bad` → 1 by default) and an internal note on the ticket rated.
///
/// Zendesk times are UTC (RFC 3339), so no time zone is needed.
public struct ZendeskImporter: Sendable {
  /// The host's statuses, priorities, departments, satisfaction scores and customer ids.
  public var mapping: ImportMapping

  /// The built-in status table: Zendesk's six statuses. `new` and `open` are both `open` (the host owes the
  /// next move); a custom status reports its category in `status`, so it is covered too.
  public static let builtInStatuses: [String: TicketStatus] = [
    "new": .open, "open": .open, "pending": .waitingOnCustomer, "hold": .onHold, "solved": .resolved,
    "closed": .closed,
  ]

  /// The built-in priority table; `urgent` is the kit's `critical`, and a ticket without a priority is `normal`.
  public static let builtInPriorities: [String: Priority] = [
    "low": .low, "normal": .normal, "high": .high, "urgent": .critical,
  ]

  /// How `via.channel` maps to a channel; other channels keep their own name (`api`, `twitter`…).
  public static let builtInChannels: [String: Channel] = [
    "email": .email, "web": .panel, "mobile": .panel, "chat": .chat, "native_messaging": .chat,
    "messaging": .chat, "voice": .phone,
  ]

  /// Creates an importer.
  /// - Parameter mapping: The host's own names; the built-in tables by default.
  public init(mapping: ImportMapping = ImportMapping()) {
    self.mapping = mapping
  }

  /// Reads tickets, comments, audits, ratings, users and groups from the documents, in any order, and maps
  /// them to tickets and CSAT answers.
  /// - Parameter documents: The saved responses.
  /// - Returns: The tickets (ordered by Zendesk id), the CSAT answers, and records not imported (deleted
  ///   tickets, comments or ratings of tickets not in the export).
  /// - Throws: ``ImportError`` naming the file, line and JSON path of the first problem: malformed JSON, a
  ///   missing or mistyped field, a status or priority neither table knows, a comments page without a ticket.
  /// - Complexity: O(n log n) in the records read.
  public func tickets(from documents: [ImportDocument]) throws(ImportError) -> TicketImport {
    var reader = ZendeskReader(mapping: mapping)
    for document in documents {
      try document.forEachValue { (source) throws(ImportError) in try reader.read(source) }
    }
    var mapper = ZendeskTicketMapper(mapping: mapping, export: reader.export)
    return mapper.map()
  }
}
