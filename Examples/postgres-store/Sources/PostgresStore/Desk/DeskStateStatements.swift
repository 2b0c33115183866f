/// The desk state store's SQL: fixed texts, values only as parameters.
enum DeskStateStatements {
  /// The log's head, locked until the transaction ends: appends and compactions queue here, so positions are
  /// given out, and become visible, in commit order.
  static let lockHead = PostgresStatement(
    "SELECT last_position, compacted_through FROM desk_log_head FOR UPDATE")

  /// `$1` the last position before this append, `$2`…`$5` one array per column (key, kind, instant,
  /// payload): the records get positions `$1 + 1`, `$1 + 2`…; a record whose key is stored is skipped (its
  /// position stays unused). Returns the keys stored.
  static let insertRecords = PostgresStatement(
    """
    INSERT INTO desk_log (position, key, kind, instant, payload)
    SELECT $1 + r.n, r.key, r.kind, r.instant, r.payload
    FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) WITH ORDINALITY AS r (key, kind, instant,
                                                                                             payload, n)
    ORDER BY r.n
    ON CONFLICT (key) DO NOTHING
    RETURNING key
    """)

  /// `$1`: the last position given out, after an append.
  static let advanceHead = PostgresStatement("UPDATE desk_log_head SET last_position = $1")

  /// `$1`: the position a compaction replaced the log through.
  static let markCompacted = PostgresStatement("UPDATE desk_log_head SET compacted_through = $1")

  /// `$1`: deletes the records at or before a position (compaction).
  static let deleteThrough = PostgresStatement("DELETE FROM desk_log WHERE position <= $1")

  /// Makes the transaction read one snapshot (the head and the records agree).
  static let repeatableRead = PostgresStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

  /// The head, unlocked.
  static let head = PostgresStatement("SELECT last_position, compacted_through FROM desk_log_head")

  /// `$1`: the records after a position, in position order, instants as milliseconds since 1970.
  static let recordsAfter = PostgresStatement(
    """
    SELECT position, kind, round(extract(epoch FROM instant) * 1000)::bigint, payload
    FROM desk_log WHERE position > $1 ORDER BY position
    """)

  /// `$1` keys (sorted: concurrent claimers lock rows in one order), `$2` owner, `$3` now, `$4` lease end:
  /// claims each key that is free, held by the owner, or whose lease ended. Returns the keys claimed.
  static let claim = PostgresStatement(
    """
    INSERT INTO desk_delivery_claims AS c (key, owner, lease_until)
    SELECT k, $2, $4 FROM unnest($1::text[]) WITH ORDINALITY AS u (k, n) ORDER BY u.n
    ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
    WHERE c.owner = excluded.owner OR c.lease_until <= $3
    RETURNING key
    """)

  /// `$1` name, `$2` owner, `$3` now, `$4` lease end: takes the lease unless another owner holds it past now.
  static let acquireLease = PostgresStatement(
    """
    INSERT INTO desk_leases AS l (name, owner, lease_until) VALUES ($1, $2, $4)
    ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
    WHERE l.owner = excluded.owner OR l.lease_until <= $3
    RETURNING name
    """)

  /// `$1` name, `$2` owner: ends the lease if the owner holds it.
  static let releaseLease = PostgresStatement("DELETE FROM desk_leases WHERE name = $1 AND owner = $2")

  /// The next ticket number.
  static let nextTicketNumber = PostgresStatement("SELECT nextval('desk_ticket_numbers')")
}
