import Foundation

/// An opaque position in a store's stable order, returned with each page.
///
/// Hosts pass a cursor back unchanged. Stores encode in it the *creation sequence number* of the last
/// ticket of a page: a number a store gives each ticket when it is created, ascending in creation order
/// and never reused or changed (an array index, a `BIGSERIAL` column). ``init(afterSequence:)`` writes
/// that number as `s<decimal>` (`s41`), ``sequence()`` reads it back, and
/// ``TicketQuery/startSequence(nextSequence:)`` also checks it against the store's end.
///
/// ## Which cursors a store rejects
/// A store's ``TicketStore/query(_:)`` throws ``StoreError`` `invalidCursor`, and returns nothing, for a
/// cursor it could not have issued:
/// - text that ``init(afterSequence:)`` does not produce: empty, another prefix, a sign, leading zeros,
///   anything after the digits, a number too large for `Int`;
/// - a sequence number the store has not given out yet (at or past the next one it would give).
///
/// A cursor issued for another query of the same store is accepted: it resumes after the same position.
/// A cursor stays valid while the store changes and across restarts, since sequence numbers never change.
public struct TicketCursor: RawRepresentable, Hashable, Sendable, Codable {
  /// The encoded position.
  public let rawValue: String

  /// Wraps an encoded position, as received from a client. Nothing is checked until a store reads it.
  /// - Parameter rawValue: The text of a cursor.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A cursor that resumes after the ticket with creation sequence number `sequence`.
  /// - Parameter sequence: The creation sequence number of the last ticket a page returned; not negative.
  /// - Precondition: `sequence >= 0` (a store's own numbering, never a client's input).
  public init(afterSequence sequence: Int) {
    precondition(sequence >= 0, "creation sequence numbers are not negative")
    rawValue = "s\(sequence)"
  }

  /// The creation sequence number written by ``init(afterSequence:)``.
  /// - Returns: The sequence number of the last ticket of the page that issued the cursor.
  /// - Throws: ``StoreError`` `invalidCursor` for any text ``init(afterSequence:)`` does not produce.
  /// - Complexity: O(n) in the length of the text (at most 20 digits are read).
  public func sequence() throws(StoreError) -> Int {
    let digits = rawValue.utf8.dropFirst()
    guard rawValue.utf8.first == UInt8(ascii: "s"), let first = digits.first,
      first != UInt8(ascii: "0") || digits.count == 1,
      digits.count <= 20, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let value = Int(String(decoding: digits, as: UTF8.self))
    else {
      throw StoreError.invalidCursor("'\(rawValue.prefix(40))' was not issued by this store")
    }
    return value
  }
}
