import Foundation

/// One question of the experience analysis — e.g. "did customers with an SLA breach stay as long as those
/// without?" — answered with the groups' churn, renewals and survival, the log-rank test and the hazard of the
/// exposed group against the reference group, and a plain-language summary.
public struct ExperienceComparison: Hashable, Sendable, Codable {
  /// Which experience customers are grouped by. Open for hosts' own groupings.
  public struct Kind: RawRepresentable, Hashable, Sendable, Codable {
    /// The kind's stable name.
    public let rawValue: String
    /// Creates a kind from its name.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Customers with tickets: any ticket with a breached SLA target vs none.
    public static let slaBreach = Kind(rawValue: "slaBreach")
    /// Customers with tickets: a breached critical ticket vs no breached critical ticket.
    public static let criticalBreach = Kind(rawValue: "criticalBreach")
    /// Customers with tickets: any ticket left unsolved past the age limit (24 h) vs none.
    public static let openPastAgeLimit = Kind(rawValue: "openPastAgeLimit")
    /// Customers with an NPS answer, by their latest: detractors vs promoters (passives shown beside them).
    public static let npsCategory = Kind(rawValue: "npsCategory")
    /// Customers with negative feedback: some not followed up within the window vs all followed up.
    public static let feedbackFollowUp = Kind(rawValue: "feedbackFollowUp")
  }

  /// The grouping.
  public var kind: Kind
  /// A title, e.g. `"SLA breach vs none"`.
  public var title: String
  /// The groups, the exposed group first, then the reference group, then any others (passives).
  public var groups: [ExperienceGroup]
  /// The name of the group suspected of churning more (e.g. `"SLA breach"`).
  public var exposedGroup: String
  /// The name of the group it is compared with (e.g. `"no breach"`).
  public var referenceGroup: String
  /// The log-rank test of the exposed against the reference group; `nil` when either is too small or nobody in
  /// them churned.
  public var logRank: LogRankTest?
  /// The churn hazard of the exposed against the reference group; `nil` when either is too small.
  public var hazard: HazardComparison?
  /// The exposed group's churn rate over the reference group's, when both are large enough and the reference
  /// group's rate is above zero ("churned 2.1× as often").
  public var churnRatio: Double?
  /// Whether the log-rank p-value is under the significance level; `nil` without a test.
  public var isSignificant: Bool?
  /// The finding in one or two sentences; it states counts instead of a claim when a group is too small, and
  /// speaks of association, never cause.
  public var summary: String

  /// The group named ``exposedGroup``.
  public var exposed: ExperienceGroup? { groups.first { $0.name == exposedGroup } }
  /// The group named ``referenceGroup``.
  public var reference: ExperienceGroup? { groups.first { $0.name == referenceGroup } }
}
