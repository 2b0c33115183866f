import CLibPQ

/// The answer to one statement, copied out of libpq's result (text format) so it owns no C memory.
package struct PostgresRows: Sendable, RandomAccessCollection {
  /// The column names, in order.
  package let columns: [String]
  /// The command tag (`INSERT 0 3`, `SELECT 2`, `COMMIT`…).
  package let commandTag: String
  /// How many rows an `INSERT`, `UPDATE` or `DELETE` changed (or a `SELECT` returned).
  package let affectedRows: Int
  private let values: [[String?]]
  private let statement: String

  /// Copies a successful result.
  init(result: OpaquePointer, statement: PostgresStatement) {
    let rowCount = Int(PQntuples(result))
    let columnCount = Int(PQnfields(result))
    columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
    values = (0..<rowCount).map { row in
      (0..<columnCount).map { column in
        PQgetisnull(result, Int32(row), Int32(column)) == 1
          ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
      }
    }
    commandTag = String(cString: PQcmdStatus(result))
    affectedRows = Int(String(cString: PQcmdTuples(result))) ?? rowCount
    self.statement = statement.description
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { values.count }
  package subscript(position: Int) -> PostgresRow {
    PostgresRow(values: values[position], columns: columns, statement: statement)
  }

  /// The only row of the answer.
  /// - Throws: ``PostgresError`` `unexpectedResult` when there is not exactly one.
  package func single() throws(PostgresError) -> PostgresRow {
    guard count == 1 else {
      throw PostgresError(
        code: .unexpectedResult, message: "expected one row, got \(count)", context: ["statement": statement])
    }
    return self[0]
  }
}

/// One row of an answer, read column by column with typed getters that throw on a mismatch.
package struct PostgresRow: Sendable {
  fileprivate let values: [String?]
  fileprivate let columns: [String]
  fileprivate let statement: String

  /// The column's text, or `nil` for `NULL`.
  package func optionalString(_ column: Int) throws(PostgresError) -> String? {
    guard values.indices.contains(column) else {
      throw problem(column, "the answer has \(values.count) columns, no column \(column)")
    }
    return values[column]
  }

  /// The column's text.
  /// - Throws: ``PostgresError`` `unexpectedResult` for `NULL` or a missing column.
  package func string(_ column: Int) throws(PostgresError) -> String {
    guard let value = try optionalString(column) else { throw problem(column, "is NULL") }
    return value
  }

  /// The column as a whole number (`smallint`, `integer`, `bigint`).
  package func int(_ column: Int) throws(PostgresError) -> Int {
    let text = try string(column)
    guard let value = Int(text) else { throw problem(column, "is not a whole number", value: text) }
    return value
  }

  /// The column as an optional whole number.
  package func optionalInt(_ column: Int) throws(PostgresError) -> Int? {
    guard let text = try optionalString(column) else { return nil }
    guard let value = Int(text) else { throw problem(column, "is not a whole number", value: text) }
    return value
  }

  /// The column as a `boolean` (`t` or `f`).
  package func bool(_ column: Int) throws(PostgresError) -> Bool {
    switch try string(column) {
    case "t": return true
    case "f": return false
    case let text: throw problem(column, "is not a boolean", value: text)
    }
  }

  private func problem(_ column: Int, _ message: String, value: String? = nil) -> PostgresError {
    let name = columns.indices.contains(column) ? columns[column] : String(column)
    var context = ["statement": statement, "column": name]
    if let value { context["value"] = String(value.prefix(40)) }
    return PostgresError(code: .unexpectedResult, message: "column \(name) \(message)", context: context)
  }
}
