import Foundation
import SupportTickets
import Testing

/// A reference Luhn check digit, written from the algorithm's definition (ISO/IEC 7812-1, annex B).
private func luhnCheckDigit(for payload: String) -> Int {
  var sum = 0
  for (offset, character) in payload.reversed().enumerated() {
    var value = character.wholeNumberValue!
    if offset % 2 == 0 {  // doubled: every second digit counting from the check digit's left neighbour
      value *= 2
      if value > 9 { value -= 9 }
    }
    sum += value
  }
  return (10 - sum % 10) % 10
}

private func luhnValid(_ payload: String) -> String { payload + String(luhnCheckDigit(for: payload)) }
private func luhnInvalid(_ payload: String) -> String { payload + String((luhnCheckDigit(for: payload) + 1) % 10) }

/// Groups digits as `4 4 4 …` with a separator.
private func grouped(_ digits: String, by separator: String) -> String {
  var parts: [String] = []
  var rest = Substring(digits)
  while !rest.isEmpty {
    parts.append(String(rest.prefix(4)))
    rest = rest.dropFirst(4)
  }
  return parts.joined(separator: separator)
}

@Suite("Card number redaction")
struct CardNumberRedactionTests {
  let redactor = SensitiveDataRedactor.standard

  @Test(
    "well-known test card numbers are masked, keeping the last four digits",
    arguments: [
      ("4111111111111111", "1111"), ("5555 5555 5555 4444", "4444"), ("3782-822463-10005", "0005"),
      ("6011 1111 1111 1117", "1117"), ("3530111333300000", "0000"), ("4222222222222", "2222"),
    ])
  func knownCards(card: String, lastFour: String) {
    let text = "Please charge my card \(card) for the renewal."
    #expect(redactor.redact(text) == "Please charge my card [redacted card ending \(lastFour)] for the renewal.")
  }

  @Test("Luhn-valid runs of 13 to 19 digits are masked with spaces, dashes or nothing between groups")
  func everyLengthAndSeparator() {
    var generator = SeededGenerator(seed: 13)
    for length in 13...19 {
      for separator in ["", " ", "-"] {
        for _ in 0..<20 {
          let payload = "4" + (0..<(length - 2)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
          let card = luhnValid(payload)
          let text = "card: \(grouped(card, by: separator)) exp 12/29"
          let redacted = redactor.redact(text)
          #expect(redacted == "card: [redacted card ending \(card.suffix(4))] exp 12/29", "\(text)")
        }
      }
    }
  }

  @Test("Luhn-invalid runs stay untouched")
  func luhnInvalidRuns() {
    var generator = SeededGenerator(seed: 14)
    for length in 13...19 {
      for _ in 0..<20 {
        let payload = "5" + (0..<(length - 2)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        let text = "number \(grouped(luhnInvalid(payload), by: " "))"
        #expect(redactor.redact(text) == text)
      }
    }
  }

  @Test(
    "near misses stay untouched",
    arguments: [
      "Order #4111111111 was paid",  // order number, 10 digits
      "Invoice INV-2026-000123456789 is overdue",  // order reference with a long run after a dash
      "Call me on +60 12-345 6789 or +60 3-2161 1234",  // Malaysian phone numbers
      "Our office: +856 20 5555 1234, +856 21 412 345",  // Lao phone numbers
      "Server 203.0.113.42 and 192.168.100.200 are down",  // IP addresses
      "Since 2026-11-23 14:05 and 23/11/2026 10:00, also 2026-11-23T14:05:09Z",  // dates
      "Run of 12: \(luhnValid("41111111111"))",  // 12 digits, Luhn-valid
      "Run of 20: \(luhnValid("4111111111111111111"))",  // 20 digits, Luhn-valid
      "Tracking 1Z999AA10123456784",  // mixed letters and digits
      "Version 4.1111111111111111",  // decimal number
    ])
  func nearMisses(text: String) {
    #expect(redactor.redact(text) == text)
  }

  @Test("a Luhn-valid phone number with a + country code is still a phone number")
  func internationalPhoneNumber() {
    let phone = luhnValid("628123456789")  // +62 (Indonesia) 812 3456 789X: 13 digits, starts like UnionPay
    let text =
      "WhatsApp +\(phone.prefix(2)) \(phone.dropFirst(2).prefix(3)) \(phone.dropFirst(5).prefix(4)) \(phone.suffix(4))"
    #expect(redactor.redact(text) == text)
  }

  @Test("a 13–19 digit Luhn-valid run that no card network issues stays untouched")
  func noIssuerPrefix() {
    let text = "Ticket ref \(luhnValid("100000000000000"))"
    #expect(redactor.redact(text) == text)
  }

  @Test("two cards in one message are both masked")
  func twoCards() {
    let text = "Old 4111 1111 1111 1111, new 5555-5555-5555-4444."
    #expect(redactor.redact(text) == "Old [redacted card ending 1111], new [redacted card ending 4444].")
  }

  @Test("a redactor without card numbers leaves them")
  func kindsAreRespected() {
    let text = "4111 1111 1111 1111"
    #expect(SensitiveDataRedactor(kinds: [.passwords]).redact(text) == text)
    #expect(SensitiveDataRedactor.disabled.redact(text) == text)
    #expect(redactor.containsSecrets(text))
  }
}
