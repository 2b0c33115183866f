import Foundation
import HostingSupport

/// Everything the demo measured; `--json` prints it as is.
struct DemoReport: Codable {
  struct Scenario: Codable {
    var seed: UInt64
    var days: Int
    var customers: Int
    var start: Date
    var end: Date
    var tiers: [String: Int]
    var channels: [String: Int]
    var languages: [String: Int]
    var ticketsOpened: Int
  }
  struct SLARow: Codable {
    var priority: String
    var tickets: Int
    var firstResponseAttainmentPercent: Double?
    var resolutionAttainmentPercent: Double?
    var breachedTickets: Int
    var breaches: Int
  }
  struct Notifications: Codable {
    var total: Int
    var slaWarnings: Int
    var slaBreaches: Int
    var escalations: Int
    var openPastAgeLimit: Int
    var progressUpdates: Int
    var progressUpdatesWhileOnHold: Int
    var maintenanceByKind: [String: Int]
    var maintenanceRecipients: Int
    var customersNotAffectedByMaintenance: Int
    var incidentByKind: [String: Int]
    var surveyRequests: Int
    var suggestionDone: Int
    var feedbackFollowUps: Int
    var referralOpportunities: Int
    var byLanguage: [String: Int]
    var outbox: String
    /// SLA warnings, breaches and age-limit alerts per simulated day (UTC).
    var slaAlertsByDay: [DayAlerts]
  }
  struct DayAlerts: Codable {
    var day: String
    var warnings: Int
    var breaches: Int
    var openPastAgeLimit: Int
  }
  /// The 24-hour rule: alerts for tickets open past the limit, whatever their pauses.
  struct AgeGuard: Codable {
    struct Example: Codable {
      var ticket: String
      var status: String
      var ageHours: Double
      var onHoldHours: Double
      var waitingOnCustomerHours: Double
    }
    var limitHours: Double
    var alertsSent: Int
    var alertsWithPausedTime: Int
    var examples: [Example]
    var openPastLimitAtEnd: Int
    var openPastLimitTickets: [String]
  }
  struct FollowUp: Codable {
    var ticket: String
    var customer: String
    var language: String
    var priority: String
    var aspect: String?
    var reasons: [String]
    var feedback: String
  }
  struct Sentiment: Codable {
    var responses: Int
    var byLabel: [String: Int]
    var byLanguage: [String: [String: Int]]
    /// Per hosting aspect the feedback criticised or praised, the feedback's labels.
    var byAspect: [String: [String: Int]]
    var followUps: [FollowUp]
    var promotersFlagged: Int
  }
  struct SurveyFigures: Codable {
    var period: String?
    var kind: String
    var requested: Int
    var answered: Int
    var ratingOnly: Int
    var followedUp: Int
    var responseRatePercent: Double?
    var followUpRatePercent: Double?
    var averageScore: Double?
    var satisfiedPercent: Double?
    var netPromoterScore: Double?
  }
  struct SurveyFollowUp: Codable {
    var survey: String
    var customer: String
    var kind: String
    var score: Int
    var followUpTicket: String
    var priority: String
  }
  struct Surveys: Codable {
    var totals: [SurveyFigures]
    var byWeek: [SurveyFigures]
    var ratingOnlyAnswers: Int
    var ratingOnlyFollowUps: [SurveyFollowUp]
  }
  struct SuggestionGroup: Codable {
    var aspect: String
    var count: Int
    var new: Int
    var planned: Int
    var done: Int
    var examples: [String]
  }
  struct Suggestions: Codable {
    var total: Int
    var groups: [SuggestionGroup]
    var customersToldDone: Int
  }
  struct IncidentFigures: Codable {
    var id: String
    var severity: String
    var durationMinutes: Double
    var affectedCustomers: Int
    var ticketsOpenedByAffectedCustomers: Int
    var linkedTickets: Int
    var bulkUpdatedTickets: Int
    var updatesPosted: Int
    var startNotices: Int
    var updateNotices: Int
    var periodicUpdateNotices: Int
    var resolutionNotices: Int
  }
  struct MaintenanceFigures: Codable {
    var id: String
    var plannedEnd: Date
    var completedAt: Date?
    var overrunMinutes: Double?
    var estimates: [Date]
    var overrunNotices: Int
    var completionNotices: Int
  }
  struct QualityRow: Codable {
    var name: String
    var tickets: Int
    var solved: Int
    var reopenRatePercent: Double?
    var firstContactResolutionPercent: Double?
    var answeredOnTimeResolvedLate: Int
    var resolutionAttainmentPercent: Double?
  }
  struct Quality: Codable {
    var overall: QualityRow
    var byAgent: [QualityRow]
    var byDepartment: [QualityRow]
  }
  struct ClarityExample: Codable {
    var ticket: String
    var language: String
    var kind: String
    var excerpt: String
    var explanation: String
  }
  struct Clarity: Codable {
    var repliesChecked: Int
    var repliesWithHints: Int
    var byKind: [String: Int]
    var examples: [ClarityExample]
    var hintsInCustomerMessages: Int
  }
  struct Rate: Codable {
    var percent: Double?
    var count: Int
    var base: Int
    var measures: String
  }
  struct FunnelWindow: Codable {
    var months: Int
    var eligible: Int
    var upgraded: Int
    var ratePercent: Double?
    var measures: String
  }
  struct Expectation: Codable {
    var probabilityPercent: Double
    var typicalUpgradeMRR: String
    var measuredStarters: Int
  }
  struct Retention: Codable {
    var month: String
    var activeAtStart: Int
    var activeAtEnd: Int
    var customerChurn: Rate
    var renewals: Rate
    var netRevenueRetentionPercent: Double?
    var grossRevenueRetentionPercent: Double?
    var upgradeFunnel: [FunnelWindow]
    var sharedStarters: Int
    var everUpgraded: Int
    var upgradeExpectation: Expectation?
    var nps: Double?
    var npsResponses: Int
    var wordOfMouthPositiveReach: Double
    var wordOfMouthNegativeReach: Double
    var wordOfMouthNetReach: Double
  }
  struct Risk: Codable {
    var customer: String
    var name: String
    var tier: String
    var monthlyRevenue: String
    var health: Int
    var revenueAtRisk: String
    var expectedUpgradeMRR: String?
    var billingPeriod: String?
    var nextRenewal: Date?
    var renewalWeight: Double
    var expectedValueAtRisk: String
    /// The expected value at risk as a plain decimal in the currency's major unit, e.g. `"120.00"`.
    var expectedValueAtRiskAmount: String
    var reasons: [String]
    var valueReasons: [String]
  }

  var scenario: Scenario
  var sla: [SLARow]
  var notifications: Notifications
  var ageGuard: AgeGuard
  var sentiment: Sentiment
  var surveys: Surveys
  var suggestions: Suggestions
  var incidents: [IncidentFigures]
  var maintenance: [MaintenanceFigures]
  var resolutionQuality: Quality
  var clarity: Clarity
  var retention: Retention
  var churnRisks: [Risk]
  var partners: Partners
  var retentionBySegment: SegmentRetention
  /// Does support experience drive retention? The analysis of a seeded archive of the host's customers.
  var experience: SupportExperienceReport
}
