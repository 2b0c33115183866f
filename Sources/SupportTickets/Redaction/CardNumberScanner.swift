/// Finds payment card numbers in text, however they are typed: contiguous, or in groups separated by
/// spaces, tabs, line breaks, dots, dashes, slashes or underscores, and glued to a word or sign before them
/// (`card-4111…`, `cc#4111…`, `cc/4111…`).
///
/// A *chain* is a maximal sequence of digit groups joined by separators (a run of up to four blanks, or one
/// of `-` `.` `/` `_` with at most one blank on each side). Within a chain, a card is either the whole
/// chain, when it holds 13–19 digits in a card's shape, or — only when the whole chain is not one — a run
/// of consecutive groups in a card's shape: one group of 13–19 digits, groups of four with a last group of
/// one to four (`4-4-4-4`, `4-4-4-4-3`, `4-4-4-1`), or the American Express and Diners shapes `4-6-5` and
/// `4-6-4`. Every candidate must pass the Luhn check and start with a card network's prefix. A chain right
/// after `+` is a phone number, and a group after a decimal point is a fraction: neither is a card.
enum CardNumberScanner {
  /// The UTF-8 ranges of the card numbers in `text`, each with its last four digits.
  static func cards(in text: String) -> [(range: Range<Int>, lastFour: String)] {
    var text = text
    return text.withUTF8 { bytes in
      var found: [(range: Range<Int>, lastFour: String)] = []
      var index = 0
      while index < bytes.count {
        guard isDigit(bytes[index]) else {
          index += 1
          continue
        }
        let chain = Chain(bytes, from: index)
        let isPhone = index > 0 && bytes[index - 1] == UInt8(ascii: "+")
        if !isPhone { found += chain.cards(bytes) }
        index = chain.end
      }
      return found
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Digit groups joined by separators.
  private struct Chain {
    /// Each group's byte range.
    var groups: [Range<Int>] = []
    /// Whether the separator before each group is a decimal point (`false` for the first).
    var afterPoint: [Bool] = []
    /// Where the chain ends.
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
      var index = start
      var pointBefore = false
      while true {
        let groupStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        groups.append(groupStart..<index)
        afterPoint.append(pointBefore)
        guard let (next, point) = Self.separator(bytes, at: index) else { break }
        index = next
        pointBefore = point
      }
      end = groups.last!.upperBound
    }

    /// The index of the digit after a separator at `index`, and whether the separator is a single `.`.
    static func separator(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, Bool)? {
      func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
      var index = start
      var blanks = 0
      while index < bytes.count, isBlank(bytes[index]), blanks < 4 {
        index += 1
        blanks += 1
      }
      var mark: UInt8?
      if index < bytes.count,
        [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_")].contains(bytes[index]),
        blanks <= 1
      {
        mark = bytes[index]
        index += 1
        if index < bytes.count, isBlank(bytes[index]) { index += 1 }
      }
      guard index > start, index < bytes.count, isDigit(bytes[index]) else { return nil }
      return (index, mark == UInt8(ascii: ".") && blanks == 0 && index == start + 1)
    }

    func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ groups: ArraySlice<Range<Int>>) -> [Int] {
      groups.flatMap { $0.map { Int(bytes[$0] - 0x30) } }
    }

    /// Whether consecutive groups of these lengths are shaped like a card number.
    static func isCardShape(_ lengths: ArraySlice<Int>) -> Bool {
      let total = lengths.reduce(0, +)
      guard total >= 13, total <= 19 else { return false }
      if lengths.count == 1 { return true }
      if Array(lengths) == [4, 6, 5] || Array(lengths) == [4, 6, 4] { return true }
      return lengths.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(lengths.last!)
    }

    func cards(_ bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, lastFour: String)] {
      let lengths = groups.map(\.count)
      func card(_ window: Range<Int>) -> (range: Range<Int>, lastFour: String)? {
        // A single group after a decimal point is a fraction; followed by one, an integer part.
        if window.count == 1,
          afterPoint[window.lowerBound] || (window.upperBound < groups.count && afterPoint[window.upperBound])
        {
          return nil
        }
        guard Self.isCardShape(lengths[window]) else { return nil }
        let values = digits(bytes, groups[window])
        guard CardNumber.hasCardPrefix(values), CardNumber.passesLuhn(values) else { return nil }
        let lastFour = values.suffix(4).map(String.init).joined()
        return (groups[window.lowerBound].lowerBound..<groups[window.upperBound - 1].upperBound, lastFour)
      }
      if Self.isCardShape(lengths[...]) {
        return card(0..<groups.count).map { [$0] } ?? []
      }
      var found: [(range: Range<Int>, lastFour: String)] = []
      var start = 0
      while start < groups.count {
        var best: (range: Range<Int>, lastFour: String, end: Int)?
        var end = start + 1
        var total = 0
        while end <= groups.count {
          total += lengths[end - 1]
          if total > 19 { break }
          if let match = card(start..<end) { best = (match.range, match.lastFour, end) }
          end += 1
        }
        if let best {
          found.append((best.range, best.lastFour))
          start = best.end
        } else {
          start += 1
        }
      }
      return found
    }
  }
}

/// Luhn and issuer checks for card numbers.
enum CardNumber {
  /// The Luhn (mod 10) check.
  static func passesLuhn(_ values: [Int]) -> Bool {
    var sum = 0
    for (offset, value) in values.reversed().enumerated() {
      if offset % 2 == 1 {
        let doubled = value * 2
        sum += doubled > 9 ? doubled - 9 : doubled
      } else {
        sum += value
      }
    }
    return sum % 10 == 0
  }

  /// Issuer identification prefixes of the major card networks.
  static func hasCardPrefix(_ values: [Int]) -> Bool {
    func prefix(_ count: Int) -> Int { values.prefix(count).reduce(0) { $0 * 10 + $1 } }
    let one = prefix(1)
    let two = prefix(2)
    let three = prefix(3)
    let four = prefix(4)
    let six = prefix(6)
    if one == 4 { return true }  // Visa
    if (51...55).contains(two) || (2221...2720).contains(four) { return true }  // Mastercard
    if two == 34 || two == 37 { return true }  // American Express
    if four == 6011 || two == 65 || (644...649).contains(three) || (622_126...622_925).contains(six) { return true }
    if (3528...3589).contains(four) { return true }  // JCB
    if (300...305).contains(three) || two == 36 || two == 38 || two == 39 { return true }  // Diners
    if two == 62 || two == 50 || (56...69).contains(two) { return true }  // UnionPay, Maestro
    return false
  }
}
