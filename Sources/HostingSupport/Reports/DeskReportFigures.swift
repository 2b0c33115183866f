/// What the desk's part of the HTML report shows, as plain values a caller gathers from the desk (the
/// `support-desk demo --html` command does) and ``htmlSections(idPrefix:)`` renders: SLA attainment by priority,
/// tickets open past the age limit, SLA alerts over time, feedback sentiment by language and aspect, the
/// suggestions board, churn risks, and (when given) the support-experience comparison.
package struct DeskReportFigures: Sendable {
  /// SLA attainment of one priority.
  package struct SLARow: Sendable {
    package var priority: String
    package var tickets: Int
    /// Share of decided first-response cycles achieved, 0…1; `nil` when none was decided.
    package var firstResponseAttainment: Double?
    /// Share of decided resolution cycles achieved, 0…1; `nil` when none was decided.
    package var resolutionAttainment: Double?
    package var breachedTickets: Int

    package init(
      priority: String, tickets: Int, firstResponseAttainment: Double?, resolutionAttainment: Double?,
      breachedTickets: Int
    ) {
      self.priority = priority
      self.tickets = tickets
      self.firstResponseAttainment = firstResponseAttainment
      self.resolutionAttainment = resolutionAttainment
      self.breachedTickets = breachedTickets
    }
  }

  /// A ticket that was open past the age limit, with where its time went.
  package struct AgedTicket: Sendable {
    package var ticket: String
    package var status: String
    package var ageHours: Double
    package var onHoldHours: Double
    package var waitingOnCustomerHours: Double

    package init(ticket: String, status: String, ageHours: Double, onHoldHours: Double, waitingOnCustomerHours: Double)
    {
      self.ticket = ticket
      self.status = status
      self.ageHours = ageHours
      self.onHoldHours = onHoldHours
      self.waitingOnCustomerHours = waitingOnCustomerHours
    }
  }

  /// The SLA alerts of one day.
  package struct DayAlerts: Sendable {
    /// The day, `YYYY-MM-DD`.
    package var day: String
    package var warnings: Int
    package var breaches: Int
    package var openPastAgeLimit: Int

    package init(day: String, warnings: Int, breaches: Int, openPastAgeLimit: Int) {
      self.day = day
      self.warnings = warnings
      self.breaches = breaches
      self.openPastAgeLimit = openPastAgeLimit
    }
  }

  /// Feedback counted by sentiment for one language or aspect.
  package struct SentimentCounts: Sendable {
    package var name: String
    package var negative: Int
    package var neutral: Int
    package var positive: Int

    package init(name: String, negative: Int, neutral: Int, positive: Int) {
      self.name = name
      self.negative = negative
      self.neutral = neutral
      self.positive = positive
    }
  }

  /// One group of the suggestions board.
  package struct SuggestionGroup: Sendable {
    package var aspect: String
    package var count: Int
    package var new: Int
    package var planned: Int
    package var done: Int
    package var examples: [String]

    package init(aspect: String, count: Int, new: Int, planned: Int, done: Int, examples: [String]) {
      self.aspect = aspect
      self.count = count
      self.new = new
      self.planned = planned
      self.done = done
      self.examples = examples
    }
  }

  /// A customer at risk, most value at stake first.
  package struct ChurnRisk: Sendable {
    package var customer: String
    package var name: String
    package var tier: String
    package var health: Int
    package var monthlyRevenue: String
    /// The expected value at risk as text (`"USD 120.00"`) and as a number of major units for the chart.
    package var expectedValueAtRisk: String
    package var expectedValueAtRiskAmount: Double
    package var nextRenewal: String?
    package var reasons: [String]

    package init(
      customer: String, name: String, tier: String, health: Int, monthlyRevenue: String, expectedValueAtRisk: String,
      expectedValueAtRiskAmount: Double, nextRenewal: String?, reasons: [String]
    ) {
      self.customer = customer
      self.name = name
      self.tier = tier
      self.health = health
      self.monthlyRevenue = monthlyRevenue
      self.expectedValueAtRisk = expectedValueAtRisk
      self.expectedValueAtRiskAmount = expectedValueAtRiskAmount
      self.nextRenewal = nextRenewal
      self.reasons = reasons
    }
  }

  package var sla: [SLARow] = []
  package var ageLimitHours: Double = 24
  package var ageAlertsSent = 0
  /// Tickets still open past the limit when the report was made.
  package var openPastAgeLimit: [String] = []
  /// Tickets that went past the limit, with where their time went (a sample is fine).
  package var agedTickets: [AgedTicket] = []
  package var alertsByDay: [DayAlerts] = []
  package var sentimentByLanguage: [SentimentCounts] = []
  package var sentimentByAspect: [SentimentCounts] = []
  package var suggestions: [SuggestionGroup] = []
  package var churnRisks: [ChurnRisk] = []
  /// The currency of ``ChurnRisk/expectedValueAtRiskAmount``.
  package var currency: String = "USD"
  /// Does support experience drive retention? Rendered as its own section when present.
  package var experience: ExperienceComparisonFigures?

  package init() {}
}
