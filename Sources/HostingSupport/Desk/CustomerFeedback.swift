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
  /// The CSAT answer given with it (1–5), if any.
  public var csatScore: Int?
  /// The ticket it is about, if any.
  public var ticketID: TicketID?
  /// The satisfaction survey it answers, if any.
  public var surveyID: SurveyID?

  /// Feedback.
  /// - Parameters:
  ///   - id: Unique id.
  ///   - customerID: The author.
  ///   - text: The text; may be empty when a score is given (a rating-only answer).
  ///   - receivedAt: When it arrived.
  ///   - npsScore: NPS answer 0–10.
  ///   - csatScore: CSAT answer 1–5.
  ///   - ticketID: The ticket concerned.
  ///   - surveyID: The survey answered.
  public init(
    id: String,
    customerID: CustomerID,
    text: String,
    receivedAt: Date,
    npsScore: Int? = nil,
    csatScore: Int? = nil,
    ticketID: TicketID? = nil,
    surveyID: SurveyID? = nil
  ) {
    self.id = id
    self.customerID = customerID
    self.text = text
    self.receivedAt = receivedAt
    self.npsScore = npsScore
    self.csatScore = csatScore
    self.ticketID = ticketID
    self.surveyID = surveyID
  }

  /// Whether a score says the customer is unhappy: CSAT 1–2 or NPS 0–6 (a detractor).
  public var hasLowScore: Bool {
    (csatScore.map { $0 <= 2 } ?? false) || (npsScore.map { $0 <= 6 } ?? false)
  }

  /// Whether it carries a score.
  public var hasScore: Bool { csatScore != nil || npsScore != nil }

  /// The scores as text: `CSAT 2/5`, `NPS 4/10`, or both; empty without scores.
  var scoreText: String {
    [csatScore.map { "CSAT \($0)/5" }, npsScore.map { "NPS \($0)/10" }].compactMap { $0 }.joined(separator: ", ")
  }
}

/// Why feedback was followed up.
public enum FollowUpReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// A low score: CSAT 1–2 or NPS 0–6, whatever the text says (or with no text at all).
  case lowScore
  /// The text reads negative, whatever the score.
  case negativeText
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
  /// Whether the author is a promoter (NPS 9–10 or CSAT 5 without negative text, or positive feedback with high
  /// confidence when no score was given) and was flagged for a referral or testimonial request.
  public var flaggedForReferral: Bool
  /// Why a follow-up ticket was opened: a low score, negative text, or both; empty when none was.
  public var followUpReasons: [FollowUpReason]
  /// The suggestion it put on the board, when it asked for an improvement.
  public var suggestionID: SuggestionID?
  /// What the feedback is for (complaint, suggestion, praise, question, other); `nil` for a rating-only answer,
  /// without an intent classifier, and in outcomes recorded before intents existed.
  public var intent: FeedbackIntent?
  /// The ticket a question was routed to (see ``SupportDesk/recordFeedback(_:)``).
  public var questionTicketID: TicketID?

  private enum CodingKeys: String, CodingKey {
    case feedback, label, score, confidence, language, criticisedAspects, praisedAspects, followUpTicketID
    case followUpPriority, staffAlerted, flaggedForReferral, followUpReasons, suggestionID, intent, questionTicketID
  }

  /// Decodes an outcome; outcomes recorded before follow-up reasons existed read as followed up for negative text
  /// when they have a follow-up ticket.
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for an outcome that does not decode.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    feedback = try container.decode(CustomerFeedback.self, forKey: .feedback)
    label = try container.decode(SentimentLabel.self, forKey: .label)
    score = try container.decode(Double.self, forKey: .score)
    confidence = try container.decode(Double.self, forKey: .confidence)
    language = try container.decode(String.self, forKey: .language)
    criticisedAspects = try container.decode([HostingAspect].self, forKey: .criticisedAspects)
    praisedAspects = try container.decode([HostingAspect].self, forKey: .praisedAspects)
    followUpTicketID = try container.decodeIfPresent(TicketID.self, forKey: .followUpTicketID)
    followUpPriority = try container.decodeIfPresent(Priority.self, forKey: .followUpPriority)
    staffAlerted = try container.decode(Bool.self, forKey: .staffAlerted)
    flaggedForReferral = try container.decode(Bool.self, forKey: .flaggedForReferral)
    followUpReasons =
      try container.decodeIfPresent([FollowUpReason].self, forKey: .followUpReasons)
      ?? (followUpTicketID == nil ? [] : [.negativeText])
    suggestionID = try container.decodeIfPresent(SuggestionID.self, forKey: .suggestionID)
    intent = try container.decodeIfPresent(FeedbackIntent.self, forKey: .intent)
    questionTicketID = try container.decodeIfPresent(TicketID.self, forKey: .questionTicketID)
  }

  init(feedback: CustomerFeedback, result: SentimentResult, language: String) {
    self.feedback = feedback
    label = result.label
    score = result.score
    confidence = result.confidence
    self.language = language
    criticisedAspects = result.aspects.filter { $0.label == .negative }.sorted { $0.score < $1.score }.map(\.aspect)
    praisedAspects = result.aspects.filter { $0.label == .positive }.sorted { $0.score > $1.score }.map(\.aspect)
    followUpTicketID = nil
    followUpPriority = nil
    staffAlerted = false
    flaggedForReferral = false
    followUpReasons = []
    suggestionID = nil
    intent = nil
    questionTicketID = nil
  }
}
