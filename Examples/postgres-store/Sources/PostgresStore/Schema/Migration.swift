/// One numbered step of a component's schema: fixed SQL, applied once, in order, in one transaction.
///
/// Each component of the schema (the ticket tables, later the desk's state) has its own numbering, kept in
/// the `schema_version` table (`component`, `version`, `description`, `applied_at`). Steps are never edited
/// once released: a change is a new step.
package struct Migration: Sendable {
  /// The step's number, 1, 2, 3… within its component.
  package let version: Int
  /// What the step does, stored beside its number.
  package let description: String
  /// The statements, run in order.
  package let statements: [PostgresStatement]

  /// Describes a step.
  package init(version: Int, description: String, statements: [PostgresStatement]) {
    self.version = version
    self.description = description
    self.statements = statements
  }
}

/// Brings a component's tables to the newest version, safely while other processes do the same.
package enum SchemaMigrator {
  /// Applies the steps of `migrations` that the schema lacks, all in one transaction.
  ///
  /// The transaction first takes a transaction-scoped advisory lock for the schema, so concurrent openers
  /// (two desk processes starting together) queue: the first applies the steps, the others find them
  /// applied. It creates the schema and the `schema_version` table when missing. The configured statement
  /// timeout does not apply inside it (an index on a large table takes what it takes).
  /// - Parameters:
  ///   - migrations: The component's steps, numbered 1, 2, 3… in order.
  ///   - component: The component's name in `schema_version` (`tickets`).
  ///   - schema: The schema the connection works in (its `search_path`).
  ///   - connection: The connection to use.
  /// - Returns: The schema's version of the component afterwards.
  /// - Throws: ``PostgresError``; `unexpectedResult` when the database holds a newer version than these
  ///   steps know (a newer release of the kit migrated it): nothing is changed then.
  package static func migrate(
    _ migrations: [Migration], component: String, schema: String, on connection: PostgresConnection
  ) async throws -> Int {
    precondition(migrations.map(\.version) == Array(1...migrations.count), "migrations are numbered 1, 2, 3…")
    return try await connection.transaction { connection in
      // Building an index on a large table may take longer than the per-call timeout: none while migrating.
      try connection.execute(PostgresStatement("SELECT set_config('statement_timeout', '0', true)"))
      try connection.execute(
        PostgresStatement("SELECT pg_advisory_xact_lock($1, hashtext($2))"),
        [.int32(AdvisoryLockKey.migration), .text(schema)])
      try connection.execute(
        PostgresStatement("SELECT set_config('hosting_support.schema', $1, true)"), [.text(schema)])
      // The schema's name is quoted by the server (format's %I), never pasted into the SQL text here.
      try connection.execute(
        PostgresStatement(
          """
          DO $$ BEGIN
            EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', current_setting('hosting_support.schema'));
          END $$
          """))
      try connection.execute(
        PostgresStatement(
          """
          CREATE TABLE IF NOT EXISTS schema_version (
            component   text NOT NULL,
            version     integer NOT NULL,
            description text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (component, version)
          )
          """))
      let current = try connection.execute(
        PostgresStatement("SELECT coalesce(max(version), 0) FROM schema_version WHERE component = $1"),
        [.text(component)]
      ).single().int(0)
      guard current <= migrations.count else {
        throw PostgresError(
          code: .unexpectedResult,
          message:
            "the schema \(schema) holds version \(current) of \(component), newer than this build knows "
            + "(\(migrations.count)): update the library",
          context: ["component": component, "version": String(current)])
      }
      for migration in migrations.dropFirst(current) {
        for statement in migration.statements { try connection.execute(statement) }
        try connection.execute(
          PostgresStatement("INSERT INTO schema_version (component, version, description) VALUES ($1, $2, $3)"),
          [.text(component), .int32(Int32(migration.version)), .text(migration.description)])
      }
      return max(current, migrations.count)
    }
  }
}

/// The first key of the kit's advisory locks (`pg_advisory_xact_lock(key, hashtext(schema))`): the bytes
/// "HSK" and a number per purpose, so they do not collide with a host's own locks on other keys.
package enum AdvisoryLockKey {
  /// Held while migrating a schema.
  package static let migration: Int32 = 0x4853_4B01
  /// Held while creating a ticket, so that creation order and commit order agree (see the ticket store).
  package static let ticketCreation: Int32 = 0x4853_4B02
}
