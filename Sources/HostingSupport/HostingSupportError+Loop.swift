import Foundation

extension HostingSupportError.Code {
  /// A survey token is malformed, its signature does not match, or it names a survey the desk does not know.
  public static let invalidSurveyToken = Self(rawValue: "invalidSurveyToken")
  /// A survey token is past its expiry.
  public static let surveyTokenExpired = Self(rawValue: "surveyTokenExpired")
  /// The survey was already answered: a token works once.
  public static let surveyAlreadyAnswered = Self(rawValue: "surveyAlreadyAnswered")
}

extension HostingSupportError {
  /// A survey token that cannot be trusted.
  /// - Parameter reason: What is wrong with it (never the expected signature).
  public static func invalidSurveyToken(_ reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .invalidSurveyToken,
      message: "The survey link is not valid: \(reason). Ask the customer to use the link from their e-mail.",
      context: ["reason": reason])
  }

  /// A survey token past its expiry.
  /// - Parameters:
  ///   - surveyID: The survey.
  ///   - expiredAt: When the token expired.
  public static func surveyTokenExpired(_ surveyID: String, expiredAt: Date) -> HostingSupportError {
    HostingSupportError(
      code: .surveyTokenExpired,
      message: "The survey link for \(surveyID) expired at \(Timestamp.format(expiredAt)); answers are no longer "
        + "taken for it.",
      context: ["survey": surveyID, "expiredAt": Timestamp.format(expiredAt)])
  }

  /// A survey answered before.
  /// - Parameter surveyID: The survey.
  public static func surveyAlreadyAnswered(_ surveyID: String) -> HostingSupportError {
    HostingSupportError(
      code: .surveyAlreadyAnswered,
      message: "The survey \(surveyID) was already answered; each survey link works once.",
      context: ["survey": surveyID])
  }
}
