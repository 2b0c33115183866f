import Foundation

/// One customer's support experience, as the experience analysis groups customers by it: their tickets, the SLA
/// breaches and tickets left open past the age limit among them, their survey answers, and whether their negative
/// feedback was followed up in time.
///
/// Built by ``SupportExperienceAnalysis`` from ticket timelines and survey answers; Codable so a host can keep or
/// export it.
public struct CustomerExperience: Hashable, Sendable, Codable {
  /// The customer.
  public var customer: CustomerID
  /// Tickets the customer opened.
  public var tickets = 0
  /// Tickets with at least one breached SLA target (any cycle, any metric) under the policy that covers them (chosen
  /// by the ticket's priority, department, plan tier and reseller).
  public var breachedTickets = 0
  /// Breached tickets whose priority is critical.
  public var criticalBreachedTickets = 0
  /// Tickets that were still unsolved (not resolved or closed) once their wall-clock age reached the age limit.
  public var ticketsOpenPastAgeLimit = 0
  /// The customer's latest NPS answer (0–10) on or before the report date.
  public var latestNPS: Int?
  /// The mean of the customer's CSAT answers (1–5), `nil` without any.
  public var meanCSAT: Double?
  /// Negative survey answers: NPS 0–6 or CSAT 1–2 (the desk's follow-up rule).
  public var negativeFeedback = 0
  /// Negative answers followed up in time: an agent replied publicly to the customer on the answer's day or
  /// within the follow-up window after it.
  public var negativeFeedbackFollowedUp = 0

  /// A customer with no tickets and no answers yet.
  /// - Parameter customer: The customer.
  public init(customer: CustomerID) { self.customer = customer }

  /// The category of ``latestNPS``.
  public var npsCategory: NPSCategory? { latestNPS.map(NPSCategory.init(score:)) }
  /// Whether any of the customer's tickets breached an SLA target.
  public var hadSLABreach: Bool { breachedTickets > 0 }
  /// Whether every negative answer was followed up in time; `nil` without negative feedback.
  public var negativeFeedbackAllFollowedUp: Bool? {
    negativeFeedback == 0 ? nil : negativeFeedbackFollowedUp == negativeFeedback
  }
}
