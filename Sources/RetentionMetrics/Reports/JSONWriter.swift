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
  case object([(String, JSONValue)])

  static func optional(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
  static func optional(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
  static func money(_ money: Money?) -> JSONValue { money.map { .number($0.decimalString) } ?? .null }
  static func money(_ minorUnits: Int64, _ currency: CurrencyCode) -> JSONValue {
    .number(Money(minorUnits: minorUnits, currency: currency).decimalString)
  }
  static func doubles(_ values: [Double]) -> JSONValue { .array(values.map { .double($0) }) }
  static func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }

  /// The JSON text; `pretty` puts each array element and object member on its own line.
  func rendered(pretty: Bool = true) -> String {
    var output = ""
    write(into: &output, indent: pretty ? 0 : nil)
    return output
  }

  private func write(into output: inout String, indent: Int?) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      if value.isFinite {
        output += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
      } else {
        output += "null"
      }
    case .number(let text): output += text
    case .string(let text): JSONValue.escape(text, into: &output)
    case .array(let values):
      let scalarOnly = values.allSatisfy {
        if case .array = $0 { false } else if case .object = $0 { false } else { true }
      }
      write(values.count, open: "[", close: "]", into: &output, indent: scalarOnly ? nil : indent) {
        index, output, inner in values[index].write(into: &output, indent: inner)
      }
    case .object(let members):
      write(members.count, open: "{", close: "}", into: &output, indent: indent) { index, output, inner in
        JSONValue.escape(members[index].0, into: &output)
        output += inner == nil ? ":" : ": "
        members[index].1.write(into: &output, indent: inner)
      }
    }
  }

  private func write(
    _ count: Int, open: String, close: String, into output: inout String, indent: Int?,
    element: (Int, inout String, Int?) -> Void
  ) {
    output += open
    guard count > 0 else {
      output += close
      return
    }
    let inner = indent.map { $0 + 2 }
    for index in 0..<count {
      if index > 0 { output += "," }
      if let inner { output += "\n" + String(repeating: " ", count: inner) }
      element(index, &output, inner)
    }
    if let indent { output += "\n" + String(repeating: " ", count: indent) }
    output += close
  }

  static func escape(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
