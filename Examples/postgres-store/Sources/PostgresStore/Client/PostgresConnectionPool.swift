/// Up to ``PostgresConfiguration/maximumConnections`` connections, lent to one task at a time.
///
/// Connections open lazily, on first use. A task that finds every connection lent waits in line (first
/// come, first served) until one is returned. A returned connection whose session broke reopens on its
/// next use, so one lost session costs only the call that was using it.
package actor PostgresConnectionPool {
  private let configuration: PostgresConfiguration
  private var idle: [PostgresConnection] = []
  private var created = 0
  private var waiting: [CheckedContinuation<PostgresConnection, any Error>] = []
  private var isClosed = false

  /// Creates a pool; no connection opens until one is needed.
  /// - Parameter configuration: Where to connect, and the pool's size.
  package init(configuration: PostgresConfiguration) {
    self.configuration = configuration
  }

  /// Takes a connection, waiting for one when all are lent.
  /// - Throws: ``PostgresError`` `connectionFailed` once the pool is closed.
  package func acquire() async throws -> PostgresConnection {
    guard !isClosed else { throw Self.closedError }
    if let connection = idle.popLast() { return connection }
    if created < configuration.maximumConnections {
      created += 1
      return PostgresConnection(configuration: configuration, name: "postgres-\(configuration.schema)-\(created)")
    }
    return try await withCheckedThrowingContinuation { waiting.append($0) }
  }

  /// Returns a connection taken with ``acquire()``: to the first waiting task, or to the idle set.
  package func release(_ connection: PostgresConnection) {
    guard !isClosed else { return }
    if waiting.isEmpty {
      idle.append(connection)
    } else {
      waiting.removeFirst().resume(returning: connection)
    }
  }

  /// Closes the idle connections and refuses new work; lent connections close when they come back.
  package func close() async {
    isClosed = true
    let closing = idle
    idle = []
    for waiter in waiting { waiter.resume(throwing: Self.closedError) }
    waiting = []
    for connection in closing { await connection.close() }
  }

  private static var closedError: PostgresError {
    PostgresError(code: .connectionFailed, message: "the store was closed")
  }
}

extension PostgresConnectionPool {
  /// Lends a connection to `body` and takes it back afterwards, also when `body` throws.
  /// - Parameter body: The work; it must not keep the connection.
  /// - Returns: What `body` returns.
  package nonisolated func withConnection<Result: Sendable>(
    _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    let connection = try await acquire()
    do {
      let result = try await body(connection)
      await release(connection)
      return result
    } catch {
      await release(connection)
      throw error
    }
  }

  /// Runs `body` in one transaction on a lent connection. See ``PostgresConnection/transaction(_:)``.
  package nonisolated func transaction<Result: Sendable>(
    _ body: @escaping @Sendable (isolated PostgresConnection) throws -> Result
  ) async throws -> Result {
    try await withConnection { connection in try await connection.transaction(body) }
  }

  /// Runs `body` outside a transaction on a lent connection. See ``PostgresConnection/run(_:)``.
  package nonisolated func run<Result: Sendable>(
    _ body: @escaping @Sendable (isolated PostgresConnection) throws -> Result
  ) async throws -> Result {
    try await withConnection { connection in try await connection.run(body) }
  }
}
