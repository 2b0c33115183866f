import Foundation

/// One parameter of a statement, `$1`, `$2`…: its PostgreSQL type and its bytes in text or binary format.
///
/// Values travel beside the SQL text, never inside it, so no value can change what a statement does.
/// Numbers, instants and arrays go in PostgreSQL's binary format (exact, no parsing on the server); texts
/// and JSON go as UTF-8 text.
package struct PostgresValue: Hashable, Sendable {
  /// The type's object id in `pg_type`.
  package let typeOID: UInt32
  /// The encoded value; `nil` for SQL `NULL`.
  package let bytes: [UInt8]?
  /// Whether ``bytes`` is in binary format (otherwise text).
  package let isBinary: Bool

  private init(typeOID: UInt32, bytes: [UInt8]?, isBinary: Bool) {
    self.typeOID = typeOID
    self.bytes = bytes
    self.isBinary = isBinary
  }

  /// A `text` value, or `NULL`. Sent in binary format (the UTF-8 bytes with their length), so a NUL
  /// character reaches the server, which refuses it, instead of silently ending the text.
  package static func text(_ value: String?) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.text, bytes: value.map { Array($0.utf8) }, isBinary: true)
  }

  /// A `jsonb` value from its JSON text (binary format: a version byte, then the text).
  package static func jsonb(_ json: String) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.jsonb, bytes: [1] + Array(json.utf8), isBinary: true)
  }

  /// A value of any type in PostgreSQL's text format, as `psql` would write it (`'1 day'` for an
  /// `interval`, `'12.50'` for a `numeric`), for types without a binary encoder here.
  /// - Parameters:
  ///   - text: The value's text; it cannot contain NUL (libpq ends text-format values at the first NUL),
  ///     and executing a statement with such a value throws ``PostgresError/Code/invalidParameter``.
  ///   - typeOID: The type's object id, or `0` to let the server infer it from the statement.
  package static func textFormat(_ text: String, typeOID: UInt32 = 0) -> PostgresValue {
    PostgresValue(typeOID: typeOID, bytes: Array(text.utf8), isBinary: false)
  }

  /// A `bigint` (binary).
  package static func int64(_ value: Int64) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.int8, bytes: bigEndian(value), isBinary: true)
  }

  /// An `integer` (binary).
  package static func int32(_ value: Int32) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.int4, bytes: bigEndian(value), isBinary: true)
  }

  /// A `boolean` (binary).
  package static func bool(_ value: Bool) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.bool, bytes: [value ? 1 : 0], isBinary: true)
  }

  /// A `bytea` (binary).
  package static func bytea(_ value: [UInt8]) -> PostgresValue {
    PostgresValue(typeOID: TypeOID.bytea, bytes: value, isBinary: true)
  }

  /// A `timestamptz` (binary: microseconds since 2000-01-01 UTC), or `NULL`.
  /// - Parameters:
  ///   - value: The instant.
  ///   - rounding: How a fraction of a microsecond is rounded; instants past PostgreSQL's range become
  ///     `infinity` or `-infinity`.
  package static func timestamp(
    _ value: Date?, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) -> PostgresValue {
    PostgresValue(
      typeOID: TypeOID.timestamptz, bytes: value.map { bigEndian(postgresMicroseconds($0, rounding: rounding)) },
      isBinary: true)
  }

  /// A one-dimensional `text[]` (binary); `nil` elements are `NULL`s. A `nil` array is `NULL`.
  package static func textArray(_ values: [String?]?) -> PostgresValue {
    array(values, arrayOID: TypeOID.textArray, elementOID: TypeOID.text) { Array($0.utf8) }
  }

  /// A one-dimensional `integer[]` (binary).
  package static func int32Array(_ values: [Int32]) -> PostgresValue {
    array(values, arrayOID: TypeOID.int4Array, elementOID: TypeOID.int4, encode: bigEndian)
  }

  /// A one-dimensional `timestamptz[]` (binary).
  package static func timestampArray(_ values: [Date]) -> PostgresValue {
    array(values, arrayOID: TypeOID.timestamptzArray, elementOID: TypeOID.timestamptz) { value in
      bigEndian(postgresMicroseconds(value, rounding: .toNearestOrAwayFromZero))
    }
  }

  /// PostgreSQL's binary array layout: dimensions, a has-nulls flag, the element type, then each element as
  /// a length (−1 for `NULL`) and its bytes.
  private static func array<Element>(
    _ values: [Element?]?, arrayOID: UInt32, elementOID: UInt32, encode: (Element) -> [UInt8]
  ) -> PostgresValue {
    guard let values else { return PostgresValue(typeOID: arrayOID, bytes: nil, isBinary: true) }
    var bytes: [UInt8] = []
    bytes.appendBigEndian(Int32(values.isEmpty ? 0 : 1))
    bytes.appendBigEndian(Int32(values.contains { $0 == nil } ? 1 : 0))
    bytes.appendBigEndian(elementOID)
    if !values.isEmpty {
      bytes.appendBigEndian(Int32(values.count))
      bytes.appendBigEndian(Int32(1))  // lower bound
    }
    for value in values {
      guard let value else {
        bytes.appendBigEndian(Int32(-1))
        continue
      }
      let element = encode(value)
      bytes.appendBigEndian(Int32(element.count))
      bytes += element
    }
    return PostgresValue(typeOID: arrayOID, bytes: bytes, isBinary: true)
  }

  private static func array<Element>(
    _ values: [Element], arrayOID: UInt32, elementOID: UInt32, encode: (Element) -> [UInt8]
  ) -> PostgresValue {
    array(values.map { Optional($0) }, arrayOID: arrayOID, elementOID: elementOID, encode: encode)
  }
}

/// Object ids of the built-in types the client sends (`pg_type.oid`; fixed since PostgreSQL 7).
enum TypeOID {
  static let bool: UInt32 = 16
  static let bytea: UInt32 = 17
  static let int8: UInt32 = 20
  static let int4: UInt32 = 23
  static let text: UInt32 = 25
  static let jsonb: UInt32 = 3802
  static let timestamptz: UInt32 = 1184
  static let int4Array: UInt32 = 1007
  static let textArray: UInt32 = 1009
  static let timestamptzArray: UInt32 = 1185
}

/// Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 UTC.
private let postgresEpochOffset: Double = 946_684_800

/// An instant as PostgreSQL's binary `timestamptz`: microseconds since 2000-01-01 UTC, with `Int64.max` and
/// `Int64.min` (PostgreSQL's `infinity` and `-infinity`) for instants beyond its range.
func postgresMicroseconds(_ date: Date, rounding: FloatingPointRoundingRule) -> Int64 {
  let microseconds = ((date.timeIntervalSince1970 - postgresEpochOffset) * 1_000_000).rounded(rounding)
  // PostgreSQL's timestamps run from 4713 BC to the year 294276 (its MIN_TIMESTAMP and END_TIMESTAMP).
  if microseconds.isNaN || microseconds < -211_813_488_000_000_000 { return Int64.min }
  if microseconds >= 9_223_371_331_200_000_000 { return Int64.max }
  return Int64(microseconds)
}

/// An integer's bytes, most significant first (network order, as PostgreSQL's binary formats want).
func bigEndian<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
  var bytes: [UInt8] = []
  bytes.appendBigEndian(value)
  return bytes
}

extension [UInt8] {
  mutating func appendBigEndian<Integer: FixedWidthInteger>(_ value: Integer) {
    for shift in stride(from: Integer.bitWidth - 8, through: 0, by: -8) {
      append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}
