import Foundation
import SupportImport
import Testing

@Suite("Importing the same export again changes nothing")
struct ImportIdempotencyTests {
  /// Every ticket of a store, in creation order.
  static func contents(_ store: some TicketStore) async throws -> [Ticket] { try await store.allTickets() }

  @Test("a WHMCS import run twice leaves the in-memory store as the first run did")
  func whmcsTwice() async throws {
    let read = try SampleExports.whmcs().tickets(from: try SampleExports.documents("whmcs"))
    let store = InMemoryTicketStore()
    let first = try await TicketImportWriter().write(read.tickets, to: store)
    #expect(first.ticketsCreated == 3 && first.ticketsUpdated == 0)
    // 101: opening, 4 messages, resolved; 102: opening, reply, on hold; 103: opening, reply, waiting.
    #expect(first.eventsWritten == 6 + 3 + 3)
    let before = try await Self.contents(store)
    let second = try await TicketImportWriter().write(read.tickets, to: store)
    #expect(second.ticketsCreated == 0 && second.ticketsUpdated == 0 && second.ticketsUnchanged == 3)
    #expect(second.eventsWritten == 0 && second.eventsAlreadyStored == first.eventsWritten - 3)
    #expect(try await Self.contents(store) == before)
  }

  @Test("a Zendesk import run twice into a file store leaves the same tickets, reopened or not")
  func zendeskTwiceIntoFileStore() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let read = try SampleExports.zendesk().tickets(from: try SampleExports.documents("zendesk"))
    var store = try FileTicketStore(directory: folder)
    let first = try await TicketImportWriter().write(read.tickets, to: store)
    let before = try await Self.contents(store)
    await store.close()
    store = try FileTicketStore(directory: folder)
    let second = try await TicketImportWriter().write(read.tickets, to: store)
    #expect(first.ticketsCreated == 2 && second.ticketsUnchanged == 2 && second.eventsWritten == 0)
    #expect(try await Self.contents(store) == before)
    #expect(before.first?.status == .closed)
    await store.close()
  }

  @Test("a later export appends only the new replies, at the version the ticket was read")
  func laterExportAppends() async throws {
    let importer = WHMCSImporter(timeZone: .utc)
    let store = InMemoryTicketStore()
    _ = try await TicketImportWriter().write(try importer.tickets(from: [WHMCSFixtures.ticket()]).tickets, to: store)
    let later = WHMCSFixtures.ticket(
      status: "Customer-Reply", lastReply: "2024-01-03 10:00:00",
      extraReplies: [WHMCSFixtures.reply(id: 9, date: "2024-01-03 10:00:00", message: "Still broken", admin: "")])
    let summary = try await TicketImportWriter().write(try importer.tickets(from: [later]).tickets, to: store)
    #expect(summary.ticketsUpdated == 1 && summary.eventsWritten == 1)
    let ticket = try #require(await store.ticket("whmcs-T1"))
    #expect(ticket.events.last?.id == "whmcs-T1-r9")
    #expect(ticket.status == .open)  // the client's reply reopened the resolved ticket; "Customer-Reply" is open
  }

  @Test("a status the transition table does not allow from resolved is reached by reopening first")
  func reopenRoute() async throws {
    let importer = WHMCSImporter(timeZone: .utc)
    let store = InMemoryTicketStore()
    _ = try await TicketImportWriter().write(try importer.tickets(from: [WHMCSFixtures.ticket()]).tickets, to: store)
    let onHold = WHMCSFixtures.ticket(status: "On Hold", lastReply: "2024-01-04 08:00:00")
    let summary = try await TicketImportWriter().write(try importer.tickets(from: [onHold]).tickets, to: store)
    let ticket = try #require(await store.ticket("whmcs-T1"))
    #expect(summary.eventsWritten == 2)
    #expect(ticket.events.suffix(2).map(\.kind.name) == ["reopened", "statusChanged"])
    #expect(ticket.status == .onHold)
  }

  @Test("events after closed are reported as warnings and left out")
  func afterClosed() async throws {
    let importer = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(statuses: ["Closed": .closed]))
    let store = InMemoryTicketStore()
    _ = try await TicketImportWriter().write(try importer.tickets(from: [WHMCSFixtures.ticket()]).tickets, to: store)
    let later = WHMCSFixtures.ticket(
      lastReply: "2024-01-05 10:00:00",
      extraReplies: [WHMCSFixtures.reply(id: 9, date: "2024-01-05 10:00:00", message: "One more thing", admin: "")])
    let summary = try await TicketImportWriter().write(try importer.tickets(from: [later]).tickets, to: store)
    #expect(summary.eventsWritten == 0 && summary.warningCount == 1)
    #expect(summary.warnings.first?.ticket == "whmcs-T1" && summary.warnings.first?.code == .skipped)
  }

  @Test("a ticket changed by someone else during the import is read again and planned again")
  func concurrentChange() async throws {
    let importer = WHMCSImporter(timeZone: .utc)
    let inner = InMemoryTicketStore()
    _ = try await TicketImportWriter().write(try importer.tickets(from: [WHMCSFixtures.ticket()]).tickets, to: inner)
    let store = InterferingStore(inner: inner)
    let later = WHMCSFixtures.ticket(
      status: "Customer-Reply", lastReply: "2024-01-03 10:00:00",
      extraReplies: [WHMCSFixtures.reply(id: 9, date: "2024-01-03 10:00:00", message: "Still broken", admin: "")])
    let summary = try await TicketImportWriter().write(try importer.tickets(from: [later]).tickets, to: store)
    let ticket = try #require(await inner.ticket("whmcs-T1"))
    #expect(await store.interfered)
    #expect(summary.ticketsUpdated == 1)
    #expect(ticket.events.map(\.id.rawValue).suffix(2) == ["agent-note", "whmcs-T1-r9"])
  }
}

/// A store that, on the first batch append, lets another writer append a note first (the import's expected
/// version is then stale).
actor InterferingStore: TicketStore {
  let inner: InMemoryTicketStore
  private(set) var interfered = false

  init(inner: InMemoryTicketStore) { self.inner = inner }

  func create(_ timeline: [TicketEvent]) async throws -> Ticket { try await inner.create(timeline) }

  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    if !interfered, let current = await inner.ticket(ticketID) {
      interfered = true
      let note = TicketEvent(
        id: "agent-note", instant: current.updatedAt, author: .agent("ana"), kind: .internalNote(body: "Looking"))
      _ = try await inner.append([note], to: ticketID, expectedVersion: current.version)
    }
    return try await inner.append(events, to: ticketID, expectedVersion: expectedVersion)
  }

  func ticket(_ id: TicketID) async throws -> Ticket? { await inner.ticket(id) }

  func query(_ query: TicketQuery) async throws -> TicketPage { try await inner.query(query) }
}

/// Small WHMCS `GetTicket` responses built in code.
enum WHMCSFixtures {
  static func reply(id: Int, date: String, message: String, admin: String, rating: Int = 0) -> String {
    """
    {"replyid":"\(id)","userid":"5","date":"\(date)","message":\(quoted(message)),"admin":"\(admin)","rating":"\(rating)"}
    """
  }

  static func ticket(
    id: Int = 1, status: String = "Closed", priority: String = "High", date: String = "2024-01-02 09:00:00",
    lastReply: String = "2024-01-02 10:00:00", subject: String = "Site down", extraReplies: [String] = [],
    notes: [String] = []
  ) -> ImportDocument {
    let replies =
      [
        reply(id: 0, date: date, message: "My site is down", admin: ""),
        reply(id: 2, date: "2024-01-02 10:00:00", message: "Fixed", admin: "Ana"),
      ] + extraReplies
    let json = """
      {"result":"success","ticketid":"\(id)","deptname":"Technical Support","userid":"5","date":"\(date)",
       "subject":\(quoted(subject)),"status":"\(status)","priority":"\(priority)","lastreply":"\(lastReply)",
       "replies":{"reply":[\(replies.joined(separator: ","))]},"notes":{"note":[\(notes.joined(separator: ","))]}}
      """
    return SampleExports.document(json, name: "ticket-\(id).json")
  }

  static func quoted(_ text: String) -> String {
    String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
  }
}
