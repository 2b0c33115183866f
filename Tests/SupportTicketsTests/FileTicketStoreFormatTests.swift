import Foundation
import Testing

@testable import SupportTickets

@Suite("FileTicketStore record format")
struct FileTicketStoreFormatTests {
  @Test("CRC-32C of \"123456789\" is the published check value 0xE3069283")
  func crcCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
  }

  @Test(
    "CRC-32C matches the RFC 3720 B.4 test vectors",
    arguments: [
      ([UInt8](repeating: 0, count: 32), UInt32(0x8A91_36AA)),
      ([UInt8](repeating: 0xFF, count: 32), UInt32(0x62A8_AB43)),
      ((0..<32).map { UInt8($0) }, UInt32(0x46DD_794E)),
      ((0..<32).map { UInt8(31 - $0) }, UInt32(0x113F_DB5C)),
    ])
  func crcVectors(bytes: [UInt8], expected: UInt32) {
    #expect(CRC32C.checksum(bytes) == expected)
  }

  @Test("the sliced CRC equals a bit-by-bit CRC for every length and alignment")
  func crcMatchesBitwiseReference() {
    func reference(_ bytes: ArraySlice<UInt8>) -> UInt32 {
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      }
      return ~crc
    }
    var random = SeededRandom(seed: 7)
    let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
    for start in 0..<9 {
      for end in stride(from: start, through: data.count, by: 7) {
        #expect(CRC32C.checksum(data[start..<end]) == reference(data[start..<end]))
      }
    }
  }

  @Test("every event kind survives the binary codec unchanged")
  func eventRoundTrip() throws {
    let events = StoreFixtures.everyKind("T-1")
    var writer = ByteWriter()
    for event in events { EventBinaryCodec.encode(event, into: &writer) }
    let decoded = try writer.bytes.withUnsafeBytes { buffer in
      var reader = ByteReader(buffer)
      var result: [TicketEvent] = []
      while reader.remaining > 0 { result.append(try EventBinaryCodec.decode(from: &reader)) }
      return result
    }
    #expect(decoded == events)
  }

  @Test("varints round-trip at their boundaries and overlong ones are refused")
  func varints() throws {
    let values: [UInt64] = [0, 1, 127, 128, 16_383, 16_384, UInt64(UInt32.max), UInt64.max]
    var writer = ByteWriter()
    for value in values { writer.write(varint: value) }
    for value in [Int64.min, -1, 0, 1, Int64.max] { writer.write(signed: value) }
    try writer.bytes.withUnsafeBytes { (buffer) throws -> Void in
      var reader = ByteReader(buffer)
      for value in values { #expect(try reader.readVarint() == value) }
      for value in [Int64.min, -1, 0, 1, Int64.max] { #expect(try reader.readSigned() == value) }
    }
    let overlong = [UInt8](repeating: 0xFF, count: 11)
    overlong.withUnsafeBytes { buffer in
      var reader = ByteReader(buffer)
      #expect(throws: ByteDecodingError.self) { try reader.readVarint() }
    }
  }

  @Test("random bytes never make the event decoder trap")
  func decoderFuzz() {
    var random = SeededRandom(seed: 42)
    var valid = ByteWriter()
    for event in StoreFixtures.everyKind("T-9") { EventBinaryCodec.encode(event, into: &valid) }
    var decodedEvents = 0
    for round in 0..<3_000 {
      var bytes: [UInt8]
      if round % 2 == 0 {
        bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      } else {
        bytes = valid.bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
          bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
      }
      bytes.withUnsafeBytes { buffer in
        var reader = ByteReader(buffer)
        while reader.remaining > 0, (try? EventBinaryCodec.decode(from: &reader)) != nil { decodedEvents += 1 }
      }
    }
    // The mutated valid streams still decode up to their first damaged event.
    #expect(decodedEvents > 1_500)
  }

  @Test("a record whose length field is damaged is damage, not a torn tail")
  func damagedLengthIsDamage() {
    var bytes = RecordFraming.journalMagic
    RecordFraming.append(payload: [1, 2, 3], to: &bytes)
    RecordFraming.append(payload: [4, 5, 6], to: &bytes)
    bytes[8] = 200  // the first record claims 200 bytes
    let scanned = bytes.withUnsafeBytes { Array(RecordScanner($0, start: 8)) }
    #expect(scanned == [.damaged(offset: 8, reason: "the record header fails its check")])
  }

  @Test("a record cut short at the end of the file is a torn tail")
  func shortRecordIsTorn() {
    var bytes = RecordFraming.journalMagic
    RecordFraming.append(payload: [1, 2, 3], to: &bytes)
    RecordFraming.append(payload: [4, 5, 6, 7], to: &bytes)
    bytes.removeLast(2)
    let scanned = bytes.withUnsafeBytes { Array(RecordScanner($0, start: 8)) }
    #expect(scanned.count == 2)
    #expect(scanned.first == .record(offset: 8, payload: 20..<23))
    guard case .tornTail(let offset, _) = scanned.last else {
      Issue.record("expected a torn tail, got \(scanned)")
      return
    }
    #expect(offset == 23)
  }

  @Test(
    "texts must be valid UTF-8: ASCII and multi-byte text decode, malformed sequences are refused",
    arguments: [
      ([UInt8]("plain ascii text, longer than eight bytes".utf8), true),
      ([UInt8]("ລະຫັດຜ່ານ ✓ 👍".utf8), true),
      ([0x41, 0xC3, 0x28], false),  // a lead byte followed by ASCII
      ([0xF0, 0x9F, 0x98], false),  // a truncated four-byte sequence
      ([0xED, 0xA0, 0x80], false),  // an encoded surrogate
      ([0xFF], false),
    ])
  func utf8Validation(bytes: [UInt8], valid: Bool) {
    var framed: [UInt8] = [UInt8(bytes.count)]
    framed += bytes
    framed.withUnsafeBytes { buffer in
      var reader = ByteReader(buffer)
      let text = try? reader.readString()
      #expect((text != nil) == valid)
      if let text { #expect(Array(text.utf8) == bytes) }
    }
  }
}
