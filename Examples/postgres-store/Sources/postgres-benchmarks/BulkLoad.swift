import Foundation
import HostingSupport
import PostgresStore

/// Fills a PostgreSQL ticket schema on the server side: `count` tickets of one event each, the event JSON being
/// the kit's own (encoded here once, with the ids filled in by SQL). Creating a million tickets one transaction
/// at a time would measure the loader, not the query.
enum BulkLoad {
  static func fill(_ configuration: PostgresConfiguration, count: Int, customers: Int, priority: Priority) async throws
  {
    let template = try String(
      decoding: TicketJSON.makeEncoder().encode(
        Workloads.opening("QTICKETQ", customer: "QCUSTOMERQ", priority: priority)),
      as: UTF8.self)
    let connection = PostgresConnection(configuration: configuration, name: "bulk-load")
    try await connection.run { connection in
      try connection.execute(PostgresStatement("SELECT set_config('statement_timeout', '0', false)"))
      try connection.execute(
        PostgresStatement(
          """
          INSERT INTO tickets (id, customer_id, subject, status, priority, department, created_at, updated_at,
                               version)
          SELECT 'Q-' || g, 'C' || lpad((g % $2)::text, 5, '0'), 'Website returns 500 after update', 'open', $4,
                 'technical', $3, $3, 1
          FROM generate_series(1, $1) AS g ORDER BY g
          """),
        [.int64(Int64(count)), .int64(Int64(customers)), .timestamp(Workloads.start), .text(priority.rawValue)])
      try connection.execute(
        PostgresStatement(
          """
          INSERT INTO ticket_events (ticket_id, sequence, event_id, instant, author_role, author_id, visibility,
                                     kind, payload)
          SELECT t.id, 1, t.id || '-e1', t.created_at, 'customer', t.customer_id, 'public', 'created',
                 replace(replace($1, 'QTICKETQ', t.id), 'QCUSTOMERQ', t.customer_id)::jsonb
          FROM tickets t
          """),
        [.text(template)])
      try connection.execute(PostgresStatement("ANALYZE tickets"))
      try connection.execute(PostgresStatement("ANALYZE ticket_events"))
    }
    await connection.close()
  }

  /// The server's version line.
  static func serverVersion(_ configuration: PostgresConfiguration) async throws -> String {
    let connection = PostgresConnection(configuration: configuration, name: "version")
    defer { Task { await connection.close() } }
    return try await connection.run { connection in
      try connection.execute(PostgresStatement("SELECT version()")).single().string(0)
    }
  }
}
