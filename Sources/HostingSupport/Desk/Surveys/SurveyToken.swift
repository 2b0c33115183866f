import Foundation

/// What a survey link carries: which survey, ticket and customer it is for, until when it works, and an
/// HMAC-SHA256 signature under the host's key, so that nobody can forge or alter it.
///
/// ## Format
/// ```
/// token     = base64url(payload) "." base64url(signature)
/// payload   = "hsk-survey-1" LF survey-id LF ticket-id LF customer-id LF expiry
/// signature = HMAC-SHA256(signing key, payload bytes)          (32 bytes)
/// ```
/// `base64url` is RFC 4648 §5 without padding; `LF` is one line feed (identifiers contain no control characters);
/// the ticket id is empty for an NPS survey; the expiry is whole seconds since 1970 (UTC). The token is URL-safe
/// as it is. Verification checks the signature first (in constant time), then the expiry; the desk then checks
/// that the survey exists, matches the token and was not answered before (single use, recorded in the desk's
/// state log).
public struct SurveyToken: Hashable, Sendable {
  /// The version tag that starts every payload.
  public static let version = "hsk-survey-1"

  /// The survey.
  public var surveyID: SurveyID
  /// The ticket rated (CSAT), or `nil` (NPS).
  public var ticketID: TicketID?
  /// The customer asked.
  public var customerID: CustomerID
  /// When the token stops working (whole seconds).
  public var expiresAt: Date

  /// A token.
  /// - Parameters:
  ///   - surveyID: The survey.
  ///   - ticketID: The ticket rated, if any.
  ///   - customerID: The customer.
  ///   - expiresAt: The expiry (rounded down to the second).
  public init(surveyID: SurveyID, ticketID: TicketID?, customerID: CustomerID, expiresAt: Date) {
    self.surveyID = surveyID
    self.ticketID = ticketID
    self.customerID = customerID
    self.expiresAt = Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down))
  }

  /// The token as link text, signed.
  /// - Parameter key: The signing key.
  /// - Returns: `base64url(payload).base64url(signature)`.
  /// - Complexity: O(*n* + *k*) in the payload and key lengths.
  public func signed(with key: some Sequence<UInt8>) -> String {
    let payload = Array(payloadText.utf8)
    let signature = HMACSHA256.authenticationCode(for: payload, key: key)
    return Base64URL.encode(payload) + "." + Base64URL.encode(signature)
  }

  /// Reads and checks a token from a link.
  /// - Parameters:
  ///   - text: The token as received.
  ///   - key: The signing key.
  ///   - now: The instant of the check.
  /// - Returns: The token's claims.
  /// - Throws: ``HostingSupportError`` `invalidSurveyToken` for a malformed token or a signature that does not
  ///   match (nothing in it is trusted then), `surveyTokenExpired` past its expiry.
  public static func verified(_ text: String, key: some Sequence<UInt8>, now: Date) throws -> SurveyToken {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].utf8.count <= 2_048,
      let payload = Base64URL.decode(parts[0]), let signature = Base64URL.decode(parts[1]), signature.count == 32
    else { throw HostingSupportError.invalidSurveyToken("it is not a survey token") }
    let expected = HMACSHA256.authenticationCode(for: payload, key: key)
    guard HMACSHA256.constantTimeEquals(expected, signature) else {
      throw HostingSupportError.invalidSurveyToken("its signature does not match")
    }
    let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard fields.count == 5, fields[0] == Self.version, let survey = SurveyID(rawValue: String(fields[1])),
      let customer = CustomerID(rawValue: String(fields[3])), let seconds = Int64(fields[4])
    else { throw HostingSupportError.invalidSurveyToken("its content is not a survey token of this version") }
    let ticket = fields[2].isEmpty ? nil : TicketID(rawValue: String(fields[2]))
    if !fields[2].isEmpty && ticket == nil { throw HostingSupportError.invalidSurveyToken("its ticket id is invalid") }
    let token = SurveyToken(
      surveyID: survey, ticketID: ticket, customerID: customer,
      expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
    guard now <= token.expiresAt else {
      throw HostingSupportError.surveyTokenExpired(survey.rawValue, expiredAt: token.expiresAt)
    }
    return token
  }

  private var payloadText: String {
    [
      Self.version, surveyID.rawValue, ticketID?.rawValue ?? "", customerID.rawValue,
      String(Int64(expiresAt.timeIntervalSince1970)),
    ].joined(separator: "\n")
  }
}

/// RFC 4648 §5 base64url without padding.
enum Base64URL {
  static func encode(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func decode(_ text: Substring) -> [UInt8]? {
    guard
      text.utf8.allSatisfy({ byte in
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "_")
      }), text.utf8.count % 4 != 1
    else { return nil }
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
    return Data(base64Encoded: base64).map { Array($0) }
  }
}
