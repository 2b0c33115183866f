/// The ticket store's SQL: fixed texts, values only as parameters.
enum TicketStatements {
  /// `$1` lock key, `$2` schema: serialises ticket creation until commit (see ``PostgresTicketStore``).
  static let lockCreation = PostgresStatement("SELECT pg_advisory_xact_lock($1, hashtext($2))")

  /// `$1`…`$11`: a new ticket's row; no row is inserted (and none returned) when the id is taken.
  static let insertTicket = PostgresStatement(
    """
    INSERT INTO tickets (id, customer_id, subject, status, priority, department, assignee, created_at, updated_at,
                         version, partner_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    ON CONFLICT (id) DO NOTHING
    RETURNING seq
    """)

  /// `$1` ticket id, `$2`…`$9` one array per column: the events of one call, in one statement.
  static let insertEvents = PostgresStatement(
    """
    INSERT INTO ticket_events (ticket_id, sequence, event_id, instant, author_role, author_id, visibility, kind,
                               payload)
    SELECT $1, e.sequence, e.event_id, e.instant, e.author_role, e.author_id, e.visibility, e.kind, e.payload::jsonb
    FROM unnest($2::integer[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[]) AS e (sequence, event_id, instant, author_role, author_id, visibility, kind, payload)
    """)

  /// `$1` ticket id: its version, locking the row until the transaction ends (appends queue here).
  static let lockTicket = PostgresStatement(
    "SELECT version FROM tickets WHERE id = $1 FOR NO KEY UPDATE")

  /// `$1` ticket id: the timeline as one JSON array (oldest first), read after the row lock is held.
  static let timeline = PostgresStatement(
    "SELECT json_agg(payload ORDER BY sequence)::text FROM ticket_events WHERE ticket_id = $1")

  /// `$1` ticket id, `$2`…`$9`: the row's summary after an append (`$9`: the reseller, which a
  /// `resellerChanged` event moves).
  static let updateTicket = PostgresStatement(
    """
    UPDATE tickets
    SET subject = $2, status = $3, priority = $4, department = $5, assignee = $6, updated_at = $7, version = $8,
        partner_id = $9
    WHERE id = $1
    """)

  /// `$1` ticket id: its version and timeline, read in one snapshot.
  static let ticket = PostgresStatement(
    """
    SELECT t.version,
           (SELECT json_agg(e.payload ORDER BY e.sequence) FROM ticket_events e WHERE e.ticket_id = t.id)::text
    FROM tickets t
    WHERE t.id = $1
    """)

  /// The last creation sequence number given to a ticket (0 when there is none).
  static let lastSequence = PostgresStatement("SELECT coalesce(max(seq), 0) FROM tickets")

  /// One batch of query candidates after `$1` in creation order: `seq`, id, version and timeline.
  ///
  /// `$2` customer, `$3` statuses, `$4` priorities, `$5` departments, `$6` assignee, `$7` updated since,
  /// `$8` partner (the reseller, on `tickets_by_partner`); a `NULL` parameter leaves its filter out (the
  /// planner drops the branch: the values are known when an unnamed statement is planned). `$9` is the batch
  /// size.
  static let candidates = PostgresStatement(
    """
    SELECT t.seq, t.id, t.version,
           (SELECT json_agg(e.payload ORDER BY e.sequence) FROM ticket_events e WHERE e.ticket_id = t.id)::text
    FROM tickets t
    WHERE t.seq > $1
      AND ($2::text IS NULL OR t.customer_id = $2)
      AND ($3::text[] IS NULL OR t.status = ANY ($3))
      AND ($4::text[] IS NULL OR t.priority = ANY ($4))
      AND ($5::text[] IS NULL OR t.department = ANY ($5))
      AND ($6::text IS NULL OR t.assignee = $6)
      AND ($7::timestamptz IS NULL OR t.updated_at >= $7)
      AND ($8::text IS NULL OR t.partner_id = $8)
    ORDER BY t.seq
    LIMIT $9
    """)
}
