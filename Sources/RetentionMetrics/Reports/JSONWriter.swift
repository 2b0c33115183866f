import Foundation

/// A minimal JSON value used to write reports with exact money amounts (JSON numbers written from minor units,
/// never through `Double`) and keys in a fixed order.
enum JSONValue {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  /// A number written verbatim (already valid JSON number text, e.g. an exact money amount).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// An array of numbers, written inline without a `JSONValue` per element.
  case doubleArray([Double])
  /// An array of whole numbers, written inline without a `JSONValue` per element.
  case intArray([Int])
  case object([(String, JSONValue)])

  static func optional(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
  static func optional(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
  static func money(_ money: Money?) -> JSONValue { money.map { .number($0.decimalString) } ?? .null }
  static func money(_ minorUnits: Int64, _ currency: CurrencyCode) -> JSONValue {
    .number(Money(minorUnits: minorUnits, currency: currency).decimalString)
  }
  static func doubles(_ values: [Double]) -> JSONValue { .doubleArray(values) }
  static func ints(_ values: [Int]) -> JSONValue { .intArray(values) }

  /// The JSON text; `pretty` puts each array element and object member on its own line.
  func rendered(pretty: Bool = true) -> String { renderedBytes(pretty: pretty).text }

  /// The JSON text as UTF-8 bytes, built in one buffer.
  func renderedBytes(pretty: Bool = true, capacity: Int = 1 << 16) -> ByteOutput {
    var output = ByteOutput(capacity: capacity)
    write(into: &output, indent: pretty ? 0 : nil)
    return output
  }

  private func write(into output: inout ByteOutput, indent: Int?) {
    switch self {
    case .null: output.append("null")
    case .bool(let value): output.append(value ? "true" : "false")
    case .int(let value): output.append(integer: value)
    case .double(let value): JSONValue.write(value, into: &output)
    case .number(let text): output.append(text)
    case .string(let text): JSONValue.escape(text, into: &output)
    case .array(let values):
      let scalarOnly = values.allSatisfy {
        if case .array = $0 { false } else if case .object = $0 { false } else { true }
      }
      write(
        values.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &output,
        indent: scalarOnly ? nil : indent
      ) {
        index, output, inner in values[index].write(into: &output, indent: inner)
      }
    case .doubleArray(let values):
      write(values.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &output, indent: nil) {
        index, output, _ in
        JSONValue.write(values[index], into: &output)
      }
    case .intArray(let values):
      write(values.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &output, indent: nil) {
        index, output, _ in
        output.append(integer: values[index])
      }
    case .object(let members):
      write(members.count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), into: &output, indent: indent) {
        index, output, inner in
        JSONValue.escape(members[index].0, into: &output)
        output.append(inner == nil ? ":" : ": ")
        members[index].1.write(into: &output, indent: inner)
      }
    }
  }

  /// A number: whole values below 10¹⁵ without a fraction (`3`), others in their shortest round-trip form
  /// (`0.857142857142857`, `1e-05`); `null` for infinities and NaN.
  @inline(__always)
  static func write(_ value: Double, into output: inout ByteOutput) {
    if !value.isFinite {
      output.append("null")
    } else if value == value.rounded() && abs(value) < 1e15 {
      output.append(integer: Int(value))
    } else {
      output.append(double: value)
    }
  }

  private func write(
    _ count: Int, open: UInt8, close: UInt8, into output: inout ByteOutput, indent: Int?,
    element: (Int, inout ByteOutput, Int?) -> Void
  ) {
    output.append(open)
    guard count > 0 else {
      output.append(close)
      return
    }
    let inner = indent.map { $0 + 2 }
    for index in 0..<count {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      if let inner { output.appendLineBreak(indent: inner) }
      element(index, &output, inner)
    }
    if let indent { output.appendLineBreak(indent: indent) }
    output.append(close)
  }

  static func escape(_ text: String, into output: inout ByteOutput) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append("\\\"")
      case UInt8(ascii: "\\"): output.append("\\\\")
      case UInt8(ascii: "\n"): output.append("\\n")
      case UInt8(ascii: "\r"): output.append("\\r")
      case UInt8(ascii: "\t"): output.append("\\t")
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension ByteOutput {
  /// A line break and `indent` spaces.
  mutating func appendLineBreak(indent: Int) {
    append(UInt8(ascii: "\n"))
    for _ in 0..<indent { append(UInt8(ascii: " ")) }
  }
}
