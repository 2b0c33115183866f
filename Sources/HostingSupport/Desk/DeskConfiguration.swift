import FeedbackSentiment
import Foundation
import SupportTickets

/// The desk's settings. Every value has a default a small host can run with.
public struct DeskConfiguration: Sendable {
  /// The host's name, used in customer texts (`The {hostName} team`).
  public var hostName: String
  /// How long before a maintenance window starts customers are told (default 72 h and 24 h).
  public var maintenanceLeadTimes: [TimeInterval]
  /// A customer hears from us at least this often while an issue is open and no agent has written publicly
  /// (default 8 h; 0 turns progress updates off).
  public var progressUpdateInterval: TimeInterval
  /// Only tickets open at least this long get progress updates (default 4 h).
  public var progressUpdateMinimumAge: TimeInterval
  /// The customer texts.
  public var templates: MessageTemplateCatalog
  /// Applied to every text before it is stored.
  public var redactor: SensitiveDataRedactor
  /// MRR at or above which a customer counts as high value for follow-up priority (minor units; default
  /// 100.00).
  public var highValueMRRMinorUnits: Int64
  /// Whether promoters' positive feedback raises a referral or testimonial opportunity for staff.
  public var flagsPromotersForReferral: Bool
  /// How far back customer health looks for SLA breaches, feedback and downgrades (default 90 days).
  public var healthLookback: TimeInterval
  /// How long the desk keeps history in its state store: sent marks, feedback and breaches older than this,
  /// and maintenance windows that ended longer ago, are dropped when the log is compacted (default 400 days).
  /// Queued messages are never dropped.
  public var stateRetention: TimeInterval
  /// How many records the state store's log may hold before the desk compacts it, once it holds more than
  /// twice the records of the live state (default 10,000).
  public var stateCompactionThreshold: Int
  /// How long a message waits after its first failed delivery before the next try (default 30 s); each
  /// further failure doubles the wait.
  public var deliveryRetryDelay: TimeInterval
  /// The longest wait between two delivery tries of a message (default 1 h).
  public var deliveryRetryMaximumDelay: TimeInterval
  /// This desk's name among the desks that share a state store (``DeskStateStore/isShared``): what its delivery
  /// claims and leases are held under. Unique per desk process; default `desk-` and a random UUID.
  public var instanceName = "desk-" + UUID().uuidString.lowercased()
  /// How long a desk on a shared store holds its claim on a message it is delivering (default 5 min): another
  /// desk may deliver the message after that if no sent mark arrived. Longer than the slowest delivery (the
  /// transport's retries included) plus the clock difference between the desks' machines.
  public var deliveryClaimLease: TimeInterval = 300
  /// How long a desk on a shared store may hold the SLA scan lease of a tick before another desk may take it
  /// (default 2 min); a desk releases it as soon as its scan is written.
  public var slaScanLease: TimeInterval = 120

  // Closing the loop with customers. Set these on a configuration after creating it.

  /// Satisfaction surveys after each resolve (CSAT) and on a schedule (NPS); off (`nil`) until the host gives a
  /// signing key for their links (see ``SurveySettings``).
  public var surveys: SurveySettings? = nil
  /// How often customers affected by an ongoing incident hear from us when staff post nothing new (default
  /// 30 min, like the periodic update of a critical ticket; 0 turns the periodic updates off).
  public var incidentUpdateInterval: TimeInterval = 30 * 60
  /// How far the first automatic new estimate of an overrunning maintenance window reaches past its planned end
  /// (default 1 h); each later one reaches twice as far as the one before.
  public var maintenanceOverrunExtension: TimeInterval = 3_600
  /// Checks agent replies for jargon, long sentences and a missing next step; the hints go to the agent on an
  /// internal note and in ``TicketUpdate/clarityHints`` (default: the bundled glossaries; `nil` turns it off).
  public var clarityCheck: ReplyClarityCheck? = DeskConfiguration.bundledClarityCheck
  /// Finds feedback that asks for an improvement, for the suggestions board (default: the bundled phrases;
  /// `nil` turns the board off).
  public var suggestionDetector: SuggestionDetector? = DeskConfiguration.bundledSuggestionDetector
  /// The question cues that, with ``suggestionDetector``, tell the intent of feedback (FeedbackSentiment's
  /// `IntentClassifier`): a question is routed to a ticket rather than followed up with an apology (default: the
  /// bundled phrases; empty turns question routing off).
  public var questionPhrases: [QuestionPhrases] = DeskConfiguration.bundledQuestionPhrases

  // Partners (resellers and affiliates). Set these on a configuration after creating it.

  /// The host's partners: a customer whose ``CustomerProfile/partners`` names a reseller hears from the desk under
  /// that reseller's brand, never under ``hostName`` (see <doc:Resellers>). Empty by default.
  public var partners = PartnerDirectory()
  /// The address the host's own customer messages are sent from (``MessageSender/address``), if the host wants
  /// transports to know it.
  public var hostSenderAddress: String? = nil
  /// The host's support page: customer messages of direct customers end with it (the `supportFooter` template),
  /// as a reseller's customers' end with the reseller's. `nil` (the default) adds no footer to direct customers'
  /// messages.
  public var hostSupportURL: URL? = nil

  /// The bundled reply clarity check, loaded once.
  static let bundledClarityCheck: ReplyClarityCheck? = try? ReplyClarityCheck.bundled()
  /// The bundled suggestion detector, loaded once.
  static let bundledSuggestionDetector: SuggestionDetector? = try? SuggestionDetector.bundled()
  /// The bundled question phrases, loaded once.
  static let bundledQuestionPhrases: [QuestionPhrases] =
    (try? SentimentLanguage.bundled.map(QuestionPhrases.bundled)) ?? []

  /// The intent classifier made of ``suggestionDetector`` and ``questionPhrases``.
  var intentClassifier: IntentClassifier {
    IntentClassifier(suggestions: suggestionDetector ?? SuggestionDetector(phrases: []), questions: questionPhrases)
  }

  /// Settings.
  /// - Parameters:
  ///   - hostName: The host's name in customer texts.
  ///   - maintenanceLeadTimes: Advance notice lead times.
  ///   - progressUpdateInterval: Progress update interval (0 = off).
  ///   - progressUpdateMinimumAge: Minimum ticket age for progress updates.
  ///   - templates: Customer texts.
  ///   - redactor: Redactor for stored texts.
  ///   - highValueMRRMinorUnits: High-value MRR threshold.
  ///   - flagsPromotersForReferral: Whether to flag promoters.
  ///   - healthLookback: Health look-back period.
  ///   - stateRetention: How long history stays in the state store.
  ///   - stateCompactionThreshold: Log records that make a compaction due.
  ///   - deliveryRetryDelay: Wait after the first failed delivery.
  ///   - deliveryRetryMaximumDelay: Longest wait between delivery tries.
  public init(
    hostName: String = "HostingSupportKit",
    maintenanceLeadTimes: [TimeInterval] = [72 * 3_600, 24 * 3_600],
    progressUpdateInterval: TimeInterval = 8 * 3_600,
    progressUpdateMinimumAge: TimeInterval = 4 * 3_600,
    templates: MessageTemplateCatalog = .standard,
    redactor: SensitiveDataRedactor = .standard,
    highValueMRRMinorUnits: Int64 = 10_000,
    flagsPromotersForReferral: Bool = true,
    healthLookback: TimeInterval = 90 * 86_400,
    stateRetention: TimeInterval = 400 * 86_400,
    stateCompactionThreshold: Int = 10_000,
    deliveryRetryDelay: TimeInterval = 30,
    deliveryRetryMaximumDelay: TimeInterval = 3_600
  ) {
    self.hostName = hostName
    self.maintenanceLeadTimes = maintenanceLeadTimes
    self.progressUpdateInterval = progressUpdateInterval
    self.progressUpdateMinimumAge = progressUpdateMinimumAge
    self.templates = templates
    self.redactor = redactor
    self.highValueMRRMinorUnits = highValueMRRMinorUnits
    self.flagsPromotersForReferral = flagsPromotersForReferral
    self.healthLookback = healthLookback
    self.stateRetention = stateRetention
    self.stateCompactionThreshold = max(1, stateCompactionThreshold)
    self.deliveryRetryDelay = max(0, deliveryRetryDelay)
    self.deliveryRetryMaximumDelay = max(0, deliveryRetryMaximumDelay)
  }
}
