import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

@Suite("Secrets never reach the server")
struct RedactionTests {
  /// A Mastercard test number (passes the Luhn check), written three ways.
  static let card = ["5500 0000 0000 0004", "5500-0000-0000-0004", "5500000000000004"]
  static let password = "Tr0ub4dor&3x"
  static let token = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210"

  @Test("a card number, a password and a token pasted into a ticket are redacted before any statement is sent")
  func redactedBeforeSending() async throws {
    let store = try await TestDatabase.openTicketStore("redaction")
    var timeline = TimelineBuilder(
      ticket: "R-1", subject: "Charge card \(Self.card[1]) again",
      body: "Please charge \(Self.card[0]) for the renewal. My panel password: \(Self.password)")
    _ = try await store.create(timeline.events)
    let reply = timeline.next(.customerReply(body: "Use token=\(Self.token) for the API"))
    _ = try await store.append([reply], to: "R-1", expectedVersion: 1)
    let note = timeline.next(.internalNote(body: "Customer also sent \(Self.card[2]) by phone"), id: "e2")
    _ = try await store.append([note], to: "R-1", expectedVersion: 2)

    // Every row of both tables, as text: what a database administrator or a backup would see.
    let admin = try TestDatabase.adminConnection(schema: store.configuration.schema)
    let stored = try await admin.run { connection in
      let tickets = try connection.execute(PostgresStatement("SELECT t::text FROM tickets t"))
      let events = try connection.execute(PostgresStatement("SELECT e::text FROM ticket_events e"))
      return try (tickets.map { try $0.string(0) } + events.map { try $0.string(0) }).joined(separator: "\n")
    }
    #expect(stored.contains("Please charge"), "the rows were not read")
    #expect(stored.contains("[redacted card ending 0004]"))
    for secret in Self.card + [Self.password, Self.token] {
      #expect(!stored.contains(secret), "the table holds \(secret)")
    }

    // The throwaway server of run-tests.sh logs every writing statement with its parameters.
    guard let logPath = ProcessInfo.processInfo.environment["POSTGRES_STORE_SERVER_LOG"] else { return }
    let log = try String(contentsOfFile: logPath, encoding: .utf8)
    #expect(log.contains("Please charge"), "the server log does not show the store's parameters")
    for secret in Self.card + [Self.password, Self.token] {
      #expect(!log.contains(secret), "the server received \(secret)")
    }
  }

  @Test("a text search for a redacted secret finds nothing, for staff too")
  func redactedSecretsAreNotSearchable() async throws {
    let store = try await TestDatabase.openTicketStore("redaction")
    _ = try await store.create(
      TimelineBuilder(ticket: "R-2", body: "card \(Self.card[0]), password: \(Self.password)").events)
    for secret in [Self.card[0], Self.password] {
      let found = try await store.query(TicketQuery(text: secret, searchesInternalNotes: true))
      #expect(found.tickets.isEmpty)
    }
    #expect(try await store.query(TicketQuery(text: "redacted card ending 0004")).tickets.map(\.id) == ["R-2"])
  }
}
