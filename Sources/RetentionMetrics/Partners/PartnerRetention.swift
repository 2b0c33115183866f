import Foundation

/// How well one partner's customers renew and grow, over a report's months, with the partner's size beside it
/// so a small partner's rate is not over-read.
public struct PartnerRetention: Hashable, Sendable, Codable {
  /// The partner (customers attributed by their first subscription).
  public var partner: PartnerID
  /// 1 for the best partner.
  public var rank: Int
  /// Customers attributed to the partner whose first subscription started by the report date.
  public var customers: Int
  /// Of those, the customers paying at the end of the last month.
  public var activeCustomers: Int
  /// Renewals due over the report's months.
  public var renewalsDue: Int
  /// Renewals that happened over the report's months.
  public var renewalsRenewed: Int
  /// renewed ÷ due, or `nil` when nothing was due.
  public var renewalRate: Double? { renewalsDue == 0 ? nil : Double(renewalsRenewed) / Double(renewalsDue) }
  /// The 12-month net revenue retention at the last month, or `nil` without 12 months of history or base.
  public var nrr12m: Double?

  /// Ranks partners: by renewal rate (best first; partners with nothing due last), then NRR, then size, then id.
  static func ranking(_ partners: [(partner: PartnerID, customers: Int, months: [MonthlySnapshot])])
    -> [PartnerRetention]
  {
    let rows = partners.map { entry in
      PartnerRetention(
        partner: entry.partner, rank: 0, customers: entry.customers,
        activeCustomers: entry.months.last?.counters.customersEnd ?? 0,
        renewalsDue: entry.months.reduce(0) { $0 + $1.allRenewals.due },
        renewalsRenewed: entry.months.reduce(0) { $0 + $1.allRenewals.renewed }, nrr12m: entry.months.last?.nrr12m)
    }
    let sorted = rows.sorted { lhs, rhs in
      if lhs.renewalRate != rhs.renewalRate { return (lhs.renewalRate ?? -1) > (rhs.renewalRate ?? -1) }
      if lhs.nrr12m != rhs.nrr12m { return (lhs.nrr12m ?? -1) > (rhs.nrr12m ?? -1) }
      if lhs.customers != rhs.customers { return lhs.customers > rhs.customers }
      return lhs.partner < rhs.partner
    }
    return sorted.enumerated().map { position, row in
      var ranked = row
      ranked.rank = position + 1
      return ranked
    }
  }
}
