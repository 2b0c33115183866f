import Foundation

/// How the desk asks customers to rate it: after each resolved ticket (CSAT) and on a schedule (NPS).
///
/// Surveys are off until a host gives a signing key (``DeskConfiguration/surveys``): every survey link carries a
/// ``SurveyToken`` signed with it, and a link without a trustworthy signature is refused.
///
/// ```swift
/// var configuration = DeskConfiguration(hostName: "Example Hosting")
/// configuration.surveys = try SurveySettings(
///   signingKey: Array(secret.utf8), answerLink: "https://panel.example.com/rate?token={token}")
/// ```
public struct SurveySettings: Sendable {
  /// The HMAC-SHA256 key that signs survey tokens (at least 16 bytes; 32 random bytes recommended). Keep it
  /// secret and stable: changing it invalidates every link sent.
  public var signingKey: [UInt8]
  /// The link to the host's panel page that takes the answer, with `{token}` where the token goes
  /// (`https://panel.example.com/rate?token={token}`). The token is base64url text, safe in a URL as it is.
  public var answerLink: String
  /// How long after a ticket is resolved its CSAT survey is requested (default 1 hour), so that a customer who
  /// replies "it is still broken" reopens the ticket before being asked for a rating.
  public var delayAfterResolve: TimeInterval
  /// How long a survey link works (default 14 days).
  public var tokenLifetime: TimeInterval
  /// Tickets solved longer ago than this when the desk first sees them get no survey (default 7 days), so a
  /// desk that starts on old data does not survey its whole history.
  public var requestWindow: TimeInterval
  /// How often each customer is asked the NPS question (default every 90 days; `nil` turns NPS off).
  public var npsInterval: TimeInterval?
  /// How long someone must have been a customer before their first NPS question (default 30 days).
  public var npsMinimumTenure: TimeInterval
  /// A reseller's own answer page, by reseller, each with `{token}`: a reseller's customers get links to their
  /// reseller's panel (white label), which passes the answer to the host. A reseller without one uses
  /// ``answerLink``. Empty by default; set it after creating the settings.
  public var answerLinksByReseller: [PartnerID: String] = [:]

  /// Survey settings.
  /// - Parameters:
  ///   - signingKey: The token signing key (at least 16 bytes).
  ///   - answerLink: The panel link with a `{token}` placeholder.
  ///   - delayAfterResolve: Delay between the resolve and the CSAT request (default 1 h).
  ///   - tokenLifetime: How long a link works (default 14 days).
  ///   - requestWindow: How old a solve may be and still be surveyed (default 7 days).
  ///   - npsInterval: NPS interval per customer (default 90 days; `nil`: no NPS).
  ///   - npsMinimumTenure: Tenure before the first NPS question (default 30 days).
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` for a short key, a link without `{token}` or a
  ///   duration that is not positive.
  public init(
    signingKey: some Sequence<UInt8>,
    answerLink: String,
    delayAfterResolve: TimeInterval = 3_600,
    tokenLifetime: TimeInterval = 14 * 86_400,
    requestWindow: TimeInterval = 7 * 86_400,
    npsInterval: TimeInterval? = 90 * 86_400,
    npsMinimumTenure: TimeInterval = 30 * 86_400
  ) throws {
    self.signingKey = Array(signingKey)
    self.answerLink = answerLink
    self.delayAfterResolve = delayAfterResolve
    self.tokenLifetime = tokenLifetime
    self.requestWindow = requestWindow
    self.npsInterval = npsInterval
    self.npsMinimumTenure = npsMinimumTenure
    try validate()
  }

  /// Checks the settings can be used.
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` naming the setting.
  public func validate() throws {
    if signingKey.count < 16 {
      throw HostingSupportError.invalidConfiguration(field: "surveys.signingKey", reason: "needs at least 16 bytes")
    }
    if !answerLink.contains("{token}") {
      throw HostingSupportError.invalidConfiguration(field: "surveys.answerLink", reason: "has no {token} placeholder")
    }
    for (reseller, link) in answerLinksByReseller where !link.contains("{token}") {
      throw HostingSupportError.invalidConfiguration(
        field: "surveys.answerLinksByReseller[\(reseller.rawValue)]", reason: "has no {token} placeholder")
    }
    let durations: [(String, TimeInterval?)] = [
      ("delayAfterResolve", delayAfterResolve), ("tokenLifetime", tokenLifetime), ("requestWindow", requestWindow),
      ("npsInterval", npsInterval),
    ]
    for case (let name, let value?) in durations where !(value.isFinite && value > 0) {
      throw HostingSupportError.invalidConfiguration(field: "surveys.\(name)", reason: "must be a positive duration")
    }
    if !(npsMinimumTenure.isFinite && npsMinimumTenure >= 0) {
      throw HostingSupportError.invalidConfiguration(field: "surveys.npsMinimumTenure", reason: "must not be negative")
    }
  }

  /// The answer link for a signed token.
  /// - Parameter token: A token from ``SurveyToken/signed(with:)``.
  /// - Returns: ``answerLink`` with the token in place of `{token}`.
  public func link(for token: String) -> String {
    answerLink.replacingOccurrences(of: "{token}", with: token)
  }

  /// The answer link for a signed token sent to a reseller's customer.
  /// - Parameters:
  ///   - token: A token from ``SurveyToken/signed(with:)``.
  ///   - reseller: The customer's reseller, or `nil` for the host's own customer.
  /// - Returns: The reseller's answer page (``answerLinksByReseller``) when it has one, else ``answerLink``, with
  ///   the token in place of `{token}`. A reseller page without `{token}` (which ``validate()`` reports) is not
  ///   used: a link that cannot carry the answer is worse than the host's page.
  public func link(for token: String, reseller: PartnerID?) -> String {
    let own = reseller.flatMap { answerLinksByReseller[$0] }.flatMap { $0.contains("{token}") ? $0 : nil }
    let page = own ?? answerLink
    return page.replacingOccurrences(of: "{token}", with: token)
  }
}
