import CLibPQ
import Foundation

/// One open `PGconn`: the only type that calls libpq. Closed (`PQfinish`) when released.
///
/// Not `Sendable`: a ``PostgresConnection`` owns it and uses it on its own thread only.
final class LibpqSession {
  private let connection: OpaquePointer

  /// Opens a session with `PQconnectdbParams` (keywords as key/value arrays, never a connection string).
  /// - Throws: ``PostgresError`` `connectionFailed` with libpq's reason.
  init(keywords: [(String, String)]) throws(PostgresError) {
    let keys = keywords.map { strdup($0.0) } + [nil]
    let values = keywords.map { strdup($0.1) } + [nil]
    defer {
      for pointer in keys + values { free(pointer) }
    }
    let opened = PQconnectdbParams(keys.map { UnsafePointer($0) }, values.map { UnsafePointer($0) }, 0)
    guard let opened, PQstatus(opened) == CONNECTION_OK else {
      let reason = opened.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
      if let opened { PQfinish(opened) }
      throw PostgresError(
        code: .connectionFailed, message: "cannot connect: \(reason.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    connection = opened
    // Notices (and the server's farewell to an idle session) would otherwise be printed on stderr.
    PQsetNoticeProcessor(connection, { _, _ in }, nil)
  }

  deinit { PQfinish(connection) }

  /// The server process serving this session.
  var backendProcessID: Int32 { PQbackendPID(connection) }

  /// Whether the session is open and outside any transaction. An idle session receives nothing unless the
  /// server is closing it, so whatever is waiting on the socket is read first: a session the server ended
  /// is noticed here, before anything is sent on it.
  var isHealthyAndIdle: Bool {
    guard PQstatus(connection) == CONNECTION_OK, PQtransactionStatus(connection) == PQTRANS_IDLE else { return false }
    var reads = 0
    while reads < 8, Self.hasInput(on: PQsocket(connection)) {
      if PQconsumeInput(connection) == 0 { return false }
      reads += 1
    }
    return PQstatus(connection) == CONNECTION_OK
  }

  /// Whether the socket has something to read (data or end of stream), without waiting.
  private static func hasInput(on socket: Int32) -> Bool {
    guard socket >= 0 else { return false }
    var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  /// Whether a transaction is open (or failed and awaiting `ROLLBACK`).
  var isInTransaction: Bool { PQtransactionStatus(connection) != PQTRANS_IDLE }

  /// Executes one statement (`PQexecParams`, results in text format).
  /// - Returns: The answer, or the error; a `connectionLost` error means this session is unusable.
  func execute(_ statement: PostgresStatement, _ values: [PostgresValue]) -> Result<PostgresRows, PostgresError> {
    let arrays: ParameterArrays
    do { arrays = try ParameterArrays(values) } catch { return .failure(error) }
    let result = arrays.withArrays { count, types, values, lengths, formats in
      PQexecParams(connection, statement.sql, count, types, values, lengths, formats, 0)
    }
    defer { PQclear(result) }
    let status = PQresultStatus(result)
    if let result, status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
      return .success(PostgresRows(result: result, statement: statement))
    }
    return .failure(failure(of: statement, result: result))
  }

  /// The error for a failed statement: lost session, timeout, or the server's refusal with its SQLSTATE.
  private func failure(of statement: PostgresStatement, result: OpaquePointer?) -> PostgresError {
    func field(_ code: Character) -> String? {
      guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue ?? 0)) else { return nil }
      return String(cString: value)
    }
    let sqlState = field("C")
    let message = (field("M") ?? String(cString: PQerrorMessage(connection)))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    var context = ["statement": statement.description]
    if let sqlState { context["sqlstate"] = sqlState }
    if let constraint = field("n") { context["constraint"] = constraint }
    if PQstatus(connection) != CONNECTION_OK || SQLState.meansConnectionLost(sqlState) {
      return PostgresError(code: .connectionLost, message: "the connection was lost: \(message)", context: context)
    }
    if sqlState == SQLState.queryCanceled {
      return PostgresError(code: .statementTimeout, message: message, context: context)
    }
    return PostgresError(code: .serverError, message: message, context: context)
  }
}
