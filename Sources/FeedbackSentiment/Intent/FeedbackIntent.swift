import Foundation

/// What a piece of feedback is for: one dominant intent per text, beside its sentiment label.
public enum FeedbackIntent: String, Sendable, Hashable, Codable, CaseIterable {
  /// Expresses dissatisfaction without mainly asking for a feature ("Is anyone going to fix this?" included).
  case complaint
  /// Asks for an improvement or a feature, whatever its sentiment ("Love it, please add 2FA").
  case suggestion
  /// Expresses satisfaction, thanks that carry a judgement included.
  case praise
  /// Asks for information ("When will my refund arrive?"), also when impatient: it is routed to someone who can
  /// answer, not apologised to.
  case question
  /// A statement of fact, a status update or a plain acknowledgement ("The ticket was closed.").
  case other
}
