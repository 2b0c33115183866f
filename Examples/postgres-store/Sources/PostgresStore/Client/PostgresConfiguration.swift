import Foundation

/// Where the database is and how the stores use it.
///
/// ```swift
/// let configuration = PostgresConfiguration(
///   connection: ["host": "/run/postgresql", "dbname": "billing", "user": "support"],
///   schema: "hosting_support", maximumConnections: 8, statementTimeout: .seconds(5))
/// ```
///
/// Connection keywords are libpq's (`host`, `port`, `dbname`, `user`, `password`, `sslmode`,
/// `connect_timeout`…) and are handed to libpq as key/value pairs, never assembled into a connection
/// string. Keywords left out come from libpq's environment variables (`PGHOST`, `PGPORT`, `PGDATABASE`,
/// `PGUSER`, `PGPASSWORD`…) and then its defaults, as with `psql`.
public struct PostgresConfiguration: Hashable, Sendable {
  /// libpq connection keywords and their values.
  public var connection: [String: String]
  /// The schema that holds the kit's tables. Created on open if missing; every connection of the store
  /// works in it alone (its `search_path`), so two schemas of one database are two independent stores.
  public var schema: String
  /// The most connections a store opens at once (its pool). Calls beyond that wait for a free connection.
  public var maximumConnections: Int
  /// How long one statement may run before the server cancels it, or `nil` for no limit. A cancelled
  /// statement throws ``PostgresError/Code/statementTimeout`` and its transaction writes nothing.
  public var statementTimeout: Duration?
  /// The name connections show in `pg_stat_activity` (libpq's `application_name`), unless `connection`
  /// sets one.
  public var applicationName: String

  /// Creates a configuration.
  /// - Parameters:
  ///   - connection: libpq connection keywords; empty to take everything from the environment.
  ///   - schema: The schema of the kit's tables; `hosting_support` by default.
  ///   - maximumConnections: The pool's size, at least 1; 8 by default.
  ///   - statementTimeout: The longest a statement may run; 30 seconds by default, `nil` for no limit.
  ///   - applicationName: The name shown in `pg_stat_activity`.
  public init(
    connection: [String: String] = [:],
    schema: String = "hosting_support",
    maximumConnections: Int = 8,
    statementTimeout: Duration? = .seconds(30),
    applicationName: String = "hosting-support-kit"
  ) {
    self.connection = connection
    self.schema = schema
    self.maximumConnections = maximumConnections
    self.statementTimeout = statementTimeout
    self.applicationName = applicationName
  }

  /// The longest schema name PostgreSQL keeps (longer names are silently cut, so two would collide).
  static let maximumSchemaBytes = 63

  /// Checks what the server would otherwise refuse later, or misread.
  /// - Throws: ``PostgresError`` `invalidConfiguration` naming the setting.
  func validate() throws(PostgresError) {
    guard !schema.isEmpty, schema.utf8.count <= Self.maximumSchemaBytes, !schema.utf8.contains(0) else {
      throw invalid("schema", "the schema name must be 1 to \(Self.maximumSchemaBytes) bytes without NUL")
    }
    guard maximumConnections >= 1 else {
      throw invalid("maximumConnections", "a pool needs at least one connection, not \(maximumConnections)")
    }
    if let statementTimeout, statementTimeout <= .zero {
      throw invalid("statementTimeout", "the statement timeout must be positive, or nil for none")
    }
    for (keyword, value) in connection where keyword.isEmpty || keyword.utf8.contains(0) || value.utf8.contains(0) {
      throw invalid("connection", "connection keywords and values cannot be empty or contain NUL ('\(keyword)')")
    }
  }

  /// The statement timeout as PostgreSQL's `statement_timeout` setting: whole milliseconds, `0` for none.
  var statementTimeoutMilliseconds: String {
    guard let statementTimeout else { return "0" }
    let (seconds, attoseconds) = statementTimeout.components
    return String(max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
  }

  /// The keywords handed to libpq: `connection` plus the application name, a 10-second connect timeout
  /// unless set, and the client encoding (always UTF-8).
  var libpqKeywords: [(String, String)] {
    var keywords = connection
    if keywords["application_name"] == nil { keywords["application_name"] = applicationName }
    if keywords["connect_timeout"] == nil { keywords["connect_timeout"] = "10" }
    keywords["client_encoding"] = "UTF8"
    return keywords.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  private func invalid(_ setting: String, _ message: String) -> PostgresError {
    PostgresError(code: .invalidConfiguration, message: message, context: ["setting": setting])
  }
}
