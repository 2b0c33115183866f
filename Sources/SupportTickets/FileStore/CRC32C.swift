/// CRC-32C (Castagnoli): the checksum of every journal and snapshot record.
///
/// Reflected polynomial `0x82F63B78`, initial value and final XOR `0xFFFFFFFF` — the parameters of
/// RFC 3720 (iSCSI) §B.4, whose published check value for the ASCII bytes `123456789` is `0xE3069283`.
/// Computed eight bytes at a time with precomputed tables ("slicing-by-8").
package enum CRC32C {
  private static let polynomial: UInt32 = 0x82F6_3B78

  /// Eight 256-entry tables: `tables[0]` is the classic byte table, `tables[k]` advances k more zero bytes.
  private static let tables: [[UInt32]] = {
    var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
      tables[0][byte] = crc
    }
    for byte in 0..<256 {
      var crc = tables[0][byte]
      for slice in 1..<8 {
        crc = (crc >> 8) ^ tables[0][Int(crc & 0xFF)]
        tables[slice][byte] = crc
      }
    }
    return tables
  }()

  private static let flatTable: [UInt32] = tables.flatMap { $0 }

  /// The CRC-32C of some bytes.
  /// - Parameter bytes: The data.
  /// - Returns: The checksum.
  /// - Complexity: O(n).
  package static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    if let result = bytes.withContiguousStorageIfAvailable({ update(0, UnsafeRawBufferPointer($0)) }) {
      return result
    }
    return Array(bytes).withUnsafeBytes { update(0, $0) }
  }

  /// Continues a checksum over more bytes: `update(checksum(a), b) == checksum(a + b)`.
  /// - Parameters:
  ///   - crc: The checksum of the bytes before (0 to start).
  ///   - buffer: The next bytes.
  /// - Returns: The checksum of everything so far.
  package static func update(_ crc: UInt32, _ buffer: UnsafeRawBufferPointer) -> UInt32 {
    var value = ~crc
    var index = 0
    let count = buffer.count
    flatTable.withUnsafeBufferPointer { table in
      while count - index >= 8 {
        let low = buffer.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ value
        let high = buffer.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
        value =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        value = (value >> 8) ^ table[Int((value ^ UInt32(buffer[index])) & 0xFF)]
        index += 1
      }
    }
    return ~value
  }
}
