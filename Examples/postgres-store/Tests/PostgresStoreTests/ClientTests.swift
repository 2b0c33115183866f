import Foundation
import Testing

@testable import PostgresStore

@Suite("The libpq client")
struct ClientTests {
  private func connection(statementTimeout: Duration? = .seconds(60)) throws -> PostgresConnection {
    PostgresConnection(
      configuration: try TestDatabase.configuration(schema: "public", statementTimeout: statementTimeout))
  }

  @Test("a value that looks like SQL travels as a parameter and comes back as text, never run")
  func injectionIsInert() async throws {
    let hostile = "x'); DROP TABLE pg_class; --"
    let echoed = try await connection().run { connection in
      try connection.execute(PostgresStatement("SELECT $1::text"), [.text(hostile)]).single().string(0)
    }
    #expect(echoed == hostile)
  }

  @Test("binary parameters arrive exactly: integers, booleans, instants, arrays with NULLs, JSON, bytes")
  func binaryParameters() async throws {
    let instant = Date(timeIntervalSince1970: 1_795_428_000.123)
    let row = try await connection().run { connection in
      try connection.execute(
        PostgresStatement(
          """
          SELECT $1::bigint::text, $2::integer::text, $3::boolean::text, $4::timestamptz::text, $5::text[]::text,
                 $6::integer[]::text, $7::timestamptz[]::text, $8::jsonb::text, encode($9::bytea, 'hex'),
                 $10::text IS NULL, cardinality($11::text[])
          """),
        [
          .int64(Int64.min), .int32(Int32.min), .bool(true), .timestamp(instant),
          .textArray(["a", nil, "b c", "é\""]), .int32Array([1, -2]), .timestampArray([instant, instant]),
          .jsonb(#"{"b": [1, 2], "a": "ü"}"#), .bytea([0, 255, 16]), .text(nil), .textArray([]),
        ]
      ).single()
    }
    #expect(try row.string(0) == "-9223372036854775808")
    #expect(try row.string(1) == "-2147483648")
    #expect(try row.bool(9))
    #expect(try row.string(2) == "true")
    #expect(try row.string(3) == "2026-11-23 10:00:00.123+00")
    #expect(try row.string(4) == #"{a,NULL,"b c","é\""}"#)
    #expect(try row.string(5) == "{1,-2}")
    #expect(try row.string(6) == #"{"2026-11-23 10:00:00.123+00","2026-11-23 10:00:00.123+00"}"#)
    #expect(try row.string(7) == #"{"a": "ü", "b": [1, 2]}"#)
    #expect(try row.string(8) == "00ff10")
    #expect(try row.int(10) == 0)
  }

  @Test("text-format parameters reach the server as psql would write them")
  func textFormatParameters() async throws {
    let interval = try await connection().run { connection in
      try connection.execute(PostgresStatement("SELECT $1::interval::text"), [.textFormat("1 day 2 hours")])
        .single().string(0)
    }
    #expect(interval == "1 day 02:00:00")
  }

  @Test("NUL cannot end a value early: refused before sending in text format, by the server in binary")
  func nulCharacters() async throws {
    let connection = try connection()
    let refusals = await connection.runCapturing { connection in
      [
        failure { () throws(PostgresError) in
          _ = try connection.execute(PostgresStatement("SELECT $1::text"), [.textFormat("a\u{0}b")])
        },
        failure { () throws(PostgresError) in
          _ = try connection.execute(PostgresStatement("SELECT $1::text"), [.text("a\u{0}b")])
        },
      ]
    }
    #expect(refusals[0]?.code == .invalidParameter)
    #expect(refusals[1]?.code == .serverError && refusals[1]?.sqlState == SQLState.characterNotInRepertoire)
  }

  @Test("reading a column as the wrong type throws unexpectedResult naming the column")
  func typedDecoding() async throws {
    let row = try await connection().run { connection in
      try connection.execute(PostgresStatement("SELECT 'abc' AS word, NULL::text AS nothing, 't' AS flag")).single()
    }
    #expect(throws: PostgresError.self) { try row.int(0) }
    do {
      _ = try row.int(0)
    } catch {
      #expect(error.code == .unexpectedResult && error.context["column"] == "word" && error.context["value"] == "abc")
    }
    #expect(try row.optionalString(1) == nil)
    #expect(throws: PostgresError.self) { try row.string(1) }
    #expect(throws: PostgresError.self) { try row.string(7) }
    #expect(try row.bool(2))
  }

  @Test("a transaction whose body throws writes nothing; one that returns is committed")
  func transactions() async throws {
    let connection = try connection()
    struct Refused: Error {}
    _ = try await connection.run { connection in
      try connection.execute(PostgresStatement("CREATE TEMPORARY TABLE notes (body text)"))
    }
    await #expect(throws: Refused.self) {
      try await connection.transaction { connection in
        try connection.execute(PostgresStatement("INSERT INTO pg_temp.notes VALUES ($1)"), [.text("lost")])
        throw Refused()
      }
    }
    _ = try await connection.transaction { connection in
      try connection.execute(PostgresStatement("INSERT INTO pg_temp.notes VALUES ($1)"), [.text("kept")])
    }
    let bodies = try await connection.run { connection in
      try connection.execute(PostgresStatement("SELECT body FROM pg_temp.notes")).map { try $0.string(0) }
    }
    #expect(bodies == ["kept"])
  }

  @Test("a statement past the timeout throws statementTimeout, and the same session goes on working")
  func statementTimeout() async throws {
    let connection = try connection(statementTimeout: .milliseconds(100))
    let before = try await connection.run { connection in connection.backendProcessID }
    await #expect(throws: PostgresError.self) {
      try await connection.run { connection in try connection.execute(PostgresStatement("SELECT pg_sleep(5)")) }
    }
    let refusal = await connection.runCapturing { connection in
      [failure { () throws(PostgresError) in _ = try connection.execute(PostgresStatement("SELECT pg_sleep(5)")) }]
    }
    #expect(refusal[0]?.code == .statementTimeout)
    let after = try await connection.run { connection in connection.backendProcessID }
    #expect(after == before)
  }

  @Test("instants beyond PostgreSQL's range are sent as infinity")
  func infiniteInstants() async throws {
    let texts = try await connection().run { connection in
      try connection.execute(
        PostgresStatement("SELECT $1::timestamptz::text, $2::timestamptz::text, $3::timestamptz::text"),
        [
          .timestamp(Date(timeIntervalSince1970: 1e16)), .timestamp(Date(timeIntervalSince1970: -1e16)),
          .timestamp(Date(timeIntervalSince1970: .nan)),
        ]
      ).single()
    }
    #expect(try texts.string(0) == "infinity")
    #expect(try texts.string(1) == "-infinity")
    #expect(try texts.string(2) == "-infinity")
  }
}

extension PostgresConnection {
  /// Runs statements whose failures the test inspects; `body` returns one error (or `nil`) per statement.
  fileprivate func runCapturing(
    _ body: @Sendable (isolated PostgresConnection) -> [PostgresError?]
  ) -> [PostgresError?] {
    (try? run(body)) ?? []
  }
}

/// The error a statement threw, or `nil` when it succeeded.
private func failure(_ body: () throws(PostgresError) -> Void) -> PostgresError? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}
