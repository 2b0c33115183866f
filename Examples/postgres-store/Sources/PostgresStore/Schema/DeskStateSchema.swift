/// The desk state tables, as numbered steps (component `desk_state` in `schema_version`).
///
/// - `desk_log`: the desks' shared state log, one row per `DeskStateRecord` (`kind`, `instant`, `payload` kept
///   as given, the payload as `text`, character for character), with its `position` (commit order) and its
///   `key` (unique: two desks that make the same change store it once).
/// - `desk_log_head`: one row, the last position given out and the position the last compaction replaced
///   the log through. Appends and compactions lock it, so positions become visible in commit order.
/// - `desk_delivery_claims`: which desk delivers which message (by idempotency key), until when.
/// - `desk_leases`: named try-locks with an owner and an end (the SLA scan of a tick).
/// - `desk_ticket_numbers`: the sequence generated ticket ids (`T-<n>`) are drawn from.
/// - Views for operators: `desk_sent_marks` (what was delivered, when) and `desk_pending_notifications` (what
///   is queued and not yet sent or withdrawn).
package enum DeskStateSchema {
  /// The component's name in `schema_version`.
  package static let component = "desk_state"

  /// The steps, oldest first.
  package static let migrations: [Migration] = [
    Migration(
      version: 1, description: "desk state log, delivery claims, leases and ticket numbers",
      statements: [
        PostgresStatement(
          """
          CREATE TABLE desk_log (
            position bigint PRIMARY KEY,
            key      text UNIQUE,
            kind     text NOT NULL,
            instant  timestamptz NOT NULL,
            payload  text NOT NULL
          )
          """),
        PostgresStatement("CREATE INDEX desk_log_by_instant ON desk_log (instant)"),
        PostgresStatement(
          """
          CREATE TABLE desk_log_head (
            single            boolean PRIMARY KEY DEFAULT true CHECK (single),
            last_position     bigint NOT NULL,
            compacted_through bigint
          )
          """),
        PostgresStatement("INSERT INTO desk_log_head (last_position) VALUES (0)"),
        PostgresStatement(
          """
          CREATE TABLE desk_delivery_claims (
            key         text PRIMARY KEY,
            owner       text NOT NULL,
            lease_until timestamptz NOT NULL
          )
          """),
        PostgresStatement(
          """
          CREATE TABLE desk_leases (
            name        text PRIMARY KEY,
            owner       text NOT NULL,
            lease_until timestamptz NOT NULL
          )
          """),
        PostgresStatement("CREATE SEQUENCE desk_ticket_numbers AS bigint START 1"),
        PostgresStatement(
          """
          CREATE VIEW desk_sent_marks AS
          SELECT substr(key, 6) AS idempotency_key, instant AS sent_at, position
          FROM desk_log WHERE kind = 'sent' AND key LIKE 'sent/%'
          """),
        PostgresStatement(
          """
          CREATE VIEW desk_pending_notifications AS
          SELECT substr(q.key, 8) AS idempotency_key, q.instant AS queued_at, q.payload AS message, q.position
          FROM desk_log q
          WHERE q.kind = 'queued' AND q.key LIKE 'queued/%'
            AND NOT EXISTS (
              SELECT 1 FROM desk_log d
              WHERE d.key IN ('sent/' || substr(q.key, 8), 'withdrawn/' || substr(q.key, 8)))
          """),
      ])
  ]
}
