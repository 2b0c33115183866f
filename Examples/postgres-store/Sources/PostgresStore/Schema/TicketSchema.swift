/// The ticket tables, as numbered steps (component `tickets` in `schema_version`).
///
/// - `tickets`: one row per ticket, the columns every ``TicketQuery`` filter reads, kept in step with the
///   timeline by the store (`version` is the number of events). `seq` is the creation sequence number that
///   cursors carry; `partner_id` is the ticket's reseller (`Ticket.resellerID`), `NULL` for a direct
///   customer's ticket (step 2 adds it and its index where an older step 1 lacked them).
/// - `ticket_events`: the timeline, one row per event; `payload` is the event in the kit's documented JSON
///   (`TicketEvent`'s `Codable` form), the other columns repeat what reports and SQL users filter on.
///
/// Every `TicketQuery` filter has an index that ends with `seq`, so a filtered page is read in creation
/// order from the index; a text search reads the candidates the other filters leave.
package enum TicketSchema {
  /// The component's name in `schema_version`.
  package static let component = "tickets"

  /// The steps, oldest first.
  package static let migrations: [Migration] = [
    Migration(
      version: 1, description: "tickets and their event timelines",
      statements: [
        PostgresStatement(
          """
          CREATE TABLE tickets (
            seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id          text PRIMARY KEY,
            customer_id text NOT NULL,
            partner_id  text,
            subject     text NOT NULL,
            status      text NOT NULL,
            priority    text NOT NULL,
            department  text NOT NULL,
            assignee    text,
            created_at  timestamptz NOT NULL,
            updated_at  timestamptz NOT NULL,
            version     integer NOT NULL CHECK (version >= 1)
          )
          """),
        PostgresStatement(
          """
          CREATE TABLE ticket_events (
            ticket_id   text NOT NULL REFERENCES tickets (id),
            sequence    integer NOT NULL CHECK (sequence >= 1),
            event_id    text NOT NULL,
            instant     timestamptz NOT NULL,
            author_role text NOT NULL,
            author_id   text,
            visibility  text NOT NULL,
            kind        text NOT NULL,
            payload     jsonb NOT NULL,
            PRIMARY KEY (ticket_id, sequence),
            UNIQUE (ticket_id, event_id)
          )
          """),
        PostgresStatement("CREATE INDEX tickets_by_customer ON tickets (customer_id, seq)"),
        PostgresStatement("CREATE INDEX tickets_by_partner ON tickets (partner_id, seq) WHERE partner_id IS NOT NULL"),
        PostgresStatement("CREATE INDEX tickets_by_status ON tickets (status, seq)"),
        PostgresStatement("CREATE INDEX tickets_by_priority ON tickets (priority, seq)"),
        PostgresStatement("CREATE INDEX tickets_by_department ON tickets (department, seq)"),
        PostgresStatement("CREATE INDEX tickets_by_assignee ON tickets (assignee, seq) WHERE assignee IS NOT NULL"),
        PostgresStatement("CREATE INDEX tickets_by_update ON tickets (updated_at, seq)"),
      ]),
    partnerMigration,
  ]
}
