import Foundation
import SupportCore
import SupportTickets

/// One line of a desk state file: `<CRC-32C of the JSON, 8 hex digits> <JSON>\n`, the JSON being
/// `{"at":"<RFC 3339>","kind":"<kind>","payload":"<the record's JSON text>"}` with sorted keys.
///
/// The checksum catches damage that still parses (a flipped digit in a key); the shape of a torn final line
/// (hex digits, a space, the start of a JSON object, printable text only) tells a crash tail from garbage.
enum DeskStateLine {
  private struct Envelope: Codable {
    var at: String
    var kind: DeskStateRecord.Kind
    var payload: String
  }

  /// The header, the first line of a snapshot file.
  struct Header: Codable, Equatable {
    var format: String
    var version: Int
    var generation: Int

    static let formatName = "hosting-support-desk-state"

    init(generation: Int) {
      self.format = Self.formatName
      self.version = 1
      self.generation = generation
    }
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  private static let decoder = JSONDecoder()

  /// A record as a line, newline included.
  static func encode(_ record: DeskStateRecord) throws -> Data {
    try frame(
      encoder.encode(Envelope(at: Timestamp.format(record.instant), kind: record.kind, payload: record.payload)))
  }

  /// A snapshot header as a line, newline included.
  static func encode(_ header: Header) throws -> Data { try frame(encoder.encode(header)) }

  private static func frame(_ json: Data) -> Data {
    var line = Data(hex(CRC32C.checksum(json)).utf8)
    line.append(UInt8(ascii: " "))
    line.append(json)
    line.append(UInt8(ascii: "\n"))
    return line
  }

  /// Reads a record from a line without its newline.
  /// - Returns: The record, or why the line is not one.
  static func decodeRecord(_ line: Data.SubSequence) -> Result<DeskStateRecord, LineDamage> {
    checkedJSON(line).flatMap { json in
      guard let envelope = try? decoder.decode(Envelope.self, from: json) else {
        return .failure(LineDamage("the checksum matches but the JSON is not a record"))
      }
      guard let instant = Timestamp.parse(envelope.at) else {
        return .failure(LineDamage("'\(envelope.at.prefix(40))' is not an RFC 3339 instant"))
      }
      return .success(DeskStateRecord(kind: envelope.kind, instant: instant, payload: envelope.payload))
    }
  }

  /// Reads a snapshot header from a line without its newline.
  static func decodeHeader(_ line: Data.SubSequence) -> Result<Header, LineDamage> {
    checkedJSON(line).flatMap { json in
      guard let header = try? decoder.decode(Header.self, from: json), header.format == Header.formatName else {
        return .failure(LineDamage("not a desk state snapshot header"))
      }
      guard header.version == 1 else {
        return .failure(LineDamage("snapshot format version \(header.version) is not supported by this version"))
      }
      guard header.generation >= 1 else { return .failure(LineDamage("snapshot generation \(header.generation)")) }
      return .success(header)
    }
  }

  private static func checkedJSON(_ line: Data.SubSequence) -> Result<Data, LineDamage> {
    let bytes = Data(line)
    guard bytes.count > 10, bytes[bytes.startIndex + 8] == UInt8(ascii: " "),
      let expected = UInt32(String(decoding: bytes.prefix(8), as: UTF8.self), radix: 16)
    else { return .failure(LineDamage("not a desk state line (no checksum)")) }
    let json = bytes.dropFirst(9)
    guard CRC32C.checksum(json) == expected else { return .failure(LineDamage("checksum mismatch")) }
    return .success(Data(json))
  }

  /// Whether an unterminated final line can be what a crash left of an append: the start of a line of this
  /// format (hex digits, then a space and a JSON object), printable text only. Zeros and garbage are damage.
  static func isPlausibleTornTail(_ fragment: Data.SubSequence) -> Bool {
    guard let first = fragment.first else { return true }
    let isHex: (UInt8) -> Bool = { byte in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
    guard isHex(first) else { return false }
    for (offset, byte) in fragment.enumerated() {
      if byte < 0x20 || byte == 0x7F { return false }
      if offset < 8, !isHex(byte) { return false }
      if offset == 8, byte != UInt8(ascii: " ") { return false }
      if offset == 9, byte != UInt8(ascii: "{") { return false }
    }
    return true
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}

/// Why a line of a desk state file cannot be read.
struct LineDamage: Error, Hashable {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
