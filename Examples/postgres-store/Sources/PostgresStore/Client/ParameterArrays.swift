/// The four C arrays `PQexecParams` reads (types, values, lengths, formats), laid out for one call.
///
/// Every pointer of the client is made here, inside ``withArrays(_:)``, and none outlives it: the values
/// are copied into one buffer, and the pointer array points into that buffer for the duration of the
/// closure only.
struct ParameterArrays {
  private var storage: [UInt8] = []
  private var offsets: [Int?] = []
  private var types: [UInt32] = []
  private var lengths: [Int32] = []
  private var formats: [Int32] = []

  /// Lays out the values.
  /// - Throws: ``PostgresError`` `invalidParameter` for a text-format value containing NUL (libpq would end
  ///   it there) or a value larger than the protocol allows.
  init(_ values: [PostgresValue]) throws(PostgresError) {
    for (index, value) in values.enumerated() {
      types.append(value.typeOID)
      formats.append(value.isBinary ? 1 : 0)
      guard let bytes = value.bytes else {
        offsets.append(nil)
        lengths.append(0)
        continue
      }
      guard value.isBinary || !bytes.contains(0) else {
        throw PostgresError(
          code: .invalidParameter, message: "parameter $\(index + 1) is a text-format value containing NUL",
          context: ["parameter": String(index + 1)])
      }
      guard let length = Int32(exactly: bytes.count), length < Int32.max else {
        throw PostgresError(
          code: .invalidParameter, message: "parameter $\(index + 1) is larger than 2 GiB",
          context: ["parameter": String(index + 1)])
      }
      offsets.append(storage.count)
      storage += bytes
      storage.append(0)  // text-format values are C strings; binary ones ignore it
      lengths.append(length)
    }
    storage.append(0)  // never empty, so the buffer always has an address
  }

  /// Calls `body` with the parameter count and the four arrays, valid only during the call.
  func withArrays<Result>(
    _ body: (
      _ count: Int32, _ types: UnsafePointer<UInt32>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?,
      _ lengths: UnsafePointer<Int32>?, _ formats: UnsafePointer<Int32>?
    ) -> Result
  ) -> Result {
    let count = Int32(offsets.count)
    return storage.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { characters in
        let base = characters.baseAddress!
        let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
          offset.map { offset in
            assert(offset < characters.count, "parameter offset past the buffer")
            return base + offset
          }
        }
        return pointers.withUnsafeBufferPointer { values in
          types.withUnsafeBufferPointer { types in
            lengths.withUnsafeBufferPointer { lengths in
              formats.withUnsafeBufferPointer { formats in
                body(count, types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
              }
            }
          }
        }
      }
    }
  }
}
