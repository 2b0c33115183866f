import FeedbackSentiment
import Foundation
import SupportTickets

/// Feedback a customer left: a survey comment, a review, a reply to a satisfaction e-mail.
public struct CustomerFeedback: Hashable, Sendable, Codable, Identifiable {
  /// Unique id (used to derive the follow-up ticket id and notification keys, so recording the same feedback
  /// twice does nothing new).
  public var id: String
  /// Who wrote it.
  public var customerID: CustomerID
  /// The text, in any language.
  public var text: String
  /// When it was received.
  public var receivedAt: Date
  /// The NPS answer given with it (0–10), if any.
  public var npsScore: Int?
  /// The ticket it is about, if any.
  public var ticketID: TicketID?

  /// Feedback.
  /// - Parameters:
  ///   - id: Unique id.
  ///   - customerID: The author.
  ///   - text: The text.
  ///   - receivedAt: When it arrived.
  ///   - npsScore: NPS answer 0–10.
  ///   - ticketID: The ticket concerned.
  public init(
    id: String,
    customerID: CustomerID,
    text: String,
    receivedAt: Date,
    npsScore: Int? = nil,
    ticketID: TicketID? = nil
  ) {
    self.id = id
    self.customerID = customerID
    self.text = text
    self.receivedAt = receivedAt
    self.npsScore = npsScore
    self.ticketID = ticketID
  }
}

/// What the desk made of a piece of feedback.
public struct FeedbackOutcome: Hashable, Sendable, Codable {
  /// The feedback.
  public var feedback: CustomerFeedback
  /// The classifier's verdict.
  public var label: SentimentLabel
  /// The score, −1…1.
  public var score: Double
  /// The classifier's confidence, 0…1.
  public var confidence: Double
  /// The language detected.
  public var language: String
  /// The aspects criticised (negative aspect sentiment), most negative first.
  public var criticisedAspects: [HostingAspect]
  /// The aspects praised.
  public var praisedAspects: [HostingAspect]
  /// The follow-up ticket opened for negative feedback.
  public var followUpTicketID: TicketID?
  /// Its priority.
  public var followUpPriority: Priority?
  /// Whether staff were alerted.
  public var staffAlerted: Bool
  /// Whether the author is a promoter (NPS 9–10, or positive feedback with high confidence when no score
  /// was given) and was flagged for a referral or testimonial request.
  public var flaggedForReferral: Bool
}
