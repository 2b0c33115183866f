import Foundation
import RetentionMetrics

/// Marks ``SurveyID``.
public enum SurveyTag: Sendable {}
/// Identifies a satisfaction survey: `csat-<ticket>` for the rating of a resolved ticket, `nps-<customer>-<n>` for
/// a customer's n-th scheduled NPS question.
public typealias SurveyID = Identifier<SurveyTag>

/// A rating the desk asked a customer for.
public struct SatisfactionSurvey: Hashable, Sendable, Codable, Identifiable {
  /// The survey's id.
  public var id: SurveyID
  /// CSAT (1–5, after a resolve) or NPS (0–10, on a schedule); RetentionMetrics' `SurveyKind`.
  public var kind: SurveyKind
  /// Who was asked.
  public var customerID: CustomerID
  /// The resolved ticket rated, for CSAT.
  public var ticketID: TicketID?
  /// When the request was produced.
  public var requestedAt: Date
  /// When its link stops working (whole seconds).
  public var expiresAt: Date

  /// A survey.
  /// - Parameters:
  ///   - id: Its id.
  ///   - kind: CSAT or NPS.
  ///   - customerID: Who is asked.
  ///   - ticketID: The ticket rated, for CSAT.
  ///   - requestedAt: When it is requested.
  ///   - expiresAt: When its link stops working.
  public init(
    id: SurveyID, kind: SurveyKind, customerID: CustomerID, ticketID: TicketID?, requestedAt: Date, expiresAt: Date
  ) {
    self.id = id
    self.kind = kind
    self.customerID = customerID
    self.ticketID = ticketID
    self.requestedAt = requestedAt
    self.expiresAt = expiresAt
  }

  /// The token its link carries.
  public var token: SurveyToken {
    SurveyToken(surveyID: id, ticketID: ticketID, customerID: customerID, expiresAt: expiresAt)
  }
}

/// A customer's verified answer to a survey: the single use of its token.
public struct SurveyAnswer: Hashable, Sendable, Codable {
  /// The survey answered.
  public var surveyID: SurveyID
  /// The rating, on the survey kind's scale.
  public var score: Int
  /// The optional comment, redacted; `nil` for a rating-only answer.
  public var comment: String?
  /// When it was given.
  public var answeredAt: Date

  /// An answer.
  /// - Parameters:
  ///   - surveyID: The survey.
  ///   - score: The rating.
  ///   - comment: The comment, if any.
  ///   - answeredAt: When.
  public init(surveyID: SurveyID, score: Int, comment: String?, answeredAt: Date) {
    self.surveyID = surveyID
    self.score = score
    self.comment = comment
    self.answeredAt = answeredAt
  }
}
