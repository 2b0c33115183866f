/// The SQL text of a statement: always a literal written in the source, with `$1`, `$2`… where values go.
///
/// The initializer takes a `StaticString`, so SQL cannot be assembled from input at run time; values
/// travel separately as ``PostgresValue``s.
package struct PostgresStatement: Hashable, Sendable, CustomStringConvertible {
  /// The SQL text.
  package let sql: String

  /// Wraps a literal SQL text.
  /// - Parameter sql: The statement, with numbered parameters.
  package init(_ sql: StaticString) {
    self.sql = sql.description
  }

  /// The statement's first words, for error messages (never a value: values are not part of the text).
  package var description: String {
    let words = sql.split(whereSeparator: \.isWhitespace).prefix(6).joined(separator: " ")
    return words.count > 60 ? String(words.prefix(60)) + "…" : words
  }
}
