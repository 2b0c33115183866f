/// One session with the server: an actor that owns its `PGconn` and runs on a thread of its own.
///
/// Work is handed over as a closure isolated to the connection (``run(_:)`` or ``transaction(_:)``) and
/// runs from start to end without another task's statements in between: a transaction is never
/// interleaved, and no `await` happens inside it. libpq blocks that thread while the server works, which
/// blocks no other task (see ``DedicatedThreadExecutor``).
///
/// A broken session is found before work starts (an idle connection the server closed is replaced
/// silently) or during it (``PostgresError/Code/connectionLost``); either way the next call opens a new
/// session.
package actor PostgresConnection {
  private let executor: DedicatedThreadExecutor
  private let configuration: PostgresConfiguration
  private var session: LibpqSession?

  /// Runs this actor's work on its own thread.
  package nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

  /// Creates a connection; the session opens on first use.
  /// - Parameters:
  ///   - configuration: Where to connect and the session's settings.
  ///   - name: The thread's name.
  package init(configuration: PostgresConfiguration, name: String = "postgres-connection") {
    self.configuration = configuration
    executor = DedicatedThreadExecutor(name: name)
  }

  deinit { executor.shutdown() }

  /// The server process serving this session (`pg_stat_activity.pid`), or `nil` when not connected.
  package var backendProcessID: Int32? { session?.backendProcessID }

  /// Runs `body` on an open session, outside any transaction (each statement commits on its own).
  /// - Throws: ``PostgresError`` `connectionFailed` when no session can be opened, or what `body` throws.
  package func run<Result: Sendable>(
    _ body: @Sendable (isolated PostgresConnection) throws -> Result
  ) throws -> Result {
    try openIfNeeded()
    return try body(self)
  }

  /// Runs `body` in one transaction: committed when `body` returns, rolled back when it throws.
  ///
  /// When the session breaks before `COMMIT` is sent, the server rolls the transaction back and this throws
  /// `connectionLost`. When it breaks while committing, the outcome is unknown: the error's context has
  /// `phase` = `commit`, and the caller should re-read before retrying.
  /// - Throws: ``PostgresError`` or what `body` throws; nothing is written then (but see above).
  package func transaction<Result: Sendable>(
    _ body: @Sendable (isolated PostgresConnection) throws -> Result
  ) throws -> Result {
    try openIfNeeded()
    try execute(PostgresStatement("BEGIN"))
    let result: Result
    do {
      result = try body(self)
    } catch {
      rollBack()
      throw error
    }
    let answer: PostgresRows
    do {
      answer = try execute(PostgresStatement("COMMIT"))
    } catch {
      throw Self.commitFailure(error)
    }
    guard answer.commandTag == "COMMIT" else {
      throw PostgresError(
        code: .serverError, message: "the transaction was rolled back instead of committed",
        context: ["statement": "COMMIT"])
    }
    return result
  }

  /// Executes one statement with its parameters.
  /// - Parameters:
  ///   - statement: The SQL text, with `$1`, `$2`… for the values.
  ///   - values: The parameters, in order.
  /// - Returns: The rows and command tag.
  /// - Throws: ``PostgresError``: `connectionLost`, `statementTimeout`, `serverError` (with `sqlstate`),
  ///   `invalidParameter`.
  @discardableResult
  package func execute(_ statement: PostgresStatement, _ values: [PostgresValue] = []) throws(PostgresError)
    -> PostgresRows
  {
    guard let session else {
      throw PostgresError(
        code: .connectionLost, message: "the session is closed", context: ["statement": statement.description])
    }
    switch session.execute(statement, values) {
    case .success(let rows):
      return rows
    case .failure(let error):
      if error.code == .connectionLost { close() }
      throw error
    }
  }

  /// A failed `COMMIT`: when the session broke, whether the transaction was committed is unknown.
  private static func commitFailure(_ error: PostgresError) -> PostgresError {
    guard error.code == .connectionLost else { return error }
    var lost = error
    lost.context["phase"] = "commit"
    lost.message += "; the transaction may or may not have been committed: re-read before retrying"
    return lost
  }

  private func rollBack() {
    guard let session, session.isInTransaction else { return }
    do { try execute(PostgresStatement("ROLLBACK")) } catch { close() }
  }

  /// Closes the session; the next call opens a new one.
  package func close() {
    session = nil
  }

  /// Opens a session unless a healthy, idle one is open. An idle session the server closed (a restart,
  /// `pg_terminate_backend`) is noticed here, by reading what the server sent meanwhile, and replaced.
  private func openIfNeeded() throws(PostgresError) {
    if let session {
      if session.isHealthyAndIdle { return }
      close()
    }
    session = try LibpqSession(keywords: configuration.libpqKeywords)
    try execute(
      PostgresStatement(
        """
        SELECT set_config('search_path', quote_ident($1), false), set_config('statement_timeout', $2, false),
               set_config('TimeZone', 'UTC', false), set_config('client_min_messages', 'warning', false)
        """),
      [.text(configuration.schema), .text(configuration.statementTimeoutMilliseconds)])
  }
}
