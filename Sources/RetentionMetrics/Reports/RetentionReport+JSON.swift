import Foundation

extension RetentionReport {
  /// The report as the documented JSON document (see <doc:JSONSchema>): money as exact decimal numbers in
  /// major units, rates as fractions (0.05 = 5%), `null` where a figure is undefined.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text.
  public func jsonString(pretty: Bool = true) -> String {
    var members: [(String, JSONValue)] = [
      ("currency", .string(currency.code)), ("from", .string(range.lowerBound.description)),
      ("to", .string(range.upperBound.description)), ("report_date", .string(reportDate.description)),
      ("months", .array(zip(months, satisfaction.months).map { Self.json($0, satisfaction: $1.overall) })),
    ]
    if options.segmentedBy != nil {
      members.append(
        (
          "segments",
          .object(
            segmentMonths.map { entry in
              let rows = entry.months.map {
                entry.segment.isStartBased ? Self.startBasedJSON($0) : Self.json($0, satisfaction: nil)
              }
              return (entry.segment.value, .object([("months", .array(rows))]))
            })
        ))
    }
    members += [
      ("cohorts", .array(cohorts.map(Self.json))), ("upgrade_funnel", Self.json(upgradeFunnel)),
      ("satisfaction", json(satisfaction)), ("word_of_mouth", Self.json(wordOfMouth)),
      (
        "survival",
        .object([
          ("unit", .string(lifetimeUnit.rawValue)), ("all", survival.jsonValue),
          ("cumulative_hazard", cumulativeHazard.jsonValue),
          ("by_tier", survivalByTier.jsonValue), ("by_channel", survivalByChannel.jsonValue),
          (
            "customer_lifetime",
            .object([
              ("by_channel", customerSurvivalByChannel.jsonValue), ("by_partner", customerSurvivalByPartner.jsonValue),
            ])
          ),
        ])
      ),
      ("partners", .array(partnerRanking.map(Self.json))),
    ]
    return JSONValue.object(members).rendered(pretty: pretty)
  }

  /// A tier segment's month: only the start-based keys (see ``RetentionSegment``).
  static func startBasedJSON(_ snapshot: MonthlySnapshot) -> JSONValue {
    let c = snapshot.counters
    return .object([
      ("month", .string(snapshot.month.description)), ("customers_start", .int(c.customersStart)),
      ("mrr_start", .money(c.mrrStart, snapshot.currency)), ("churned_customers", .int(c.churnedCustomers)),
      ("customer_churn_rate", .optional(snapshot.customerChurnRate)),
    ])
  }

  static func json(_ row: PartnerRetention) -> JSONValue {
    .object([
      ("rank", .int(row.rank)), ("partner", .string(row.partner.rawValue)), ("customers", .int(row.customers)),
      ("active_customers", .int(row.activeCustomers)), ("renewals_due", .int(row.renewalsDue)),
      ("renewals_renewed", .int(row.renewalsRenewed)), ("renewal_rate", .optional(row.renewalRate)),
      ("nrr_12m", .optional(row.nrr12m)),
    ])
  }

  static func json(_ snapshot: MonthlySnapshot, satisfaction: SatisfactionCounts?) -> JSONValue {
    let c = snapshot.counters
    let currency = snapshot.currency
    var members: [(String, JSONValue)] = [
      ("month", .string(snapshot.month.description)), ("customers_start", .int(c.customersStart)),
      ("customers_end", .int(c.customersEnd)), ("new_customers", .int(c.newCustomers)),
      ("churned_customers", .int(c.churnedCustomers)), ("reactivated_customers", .int(c.reactivatedCustomers)),
      ("customer_churn_rate", .optional(snapshot.customerChurnRate)),
      ("gross_mrr_churn_rate", .optional(snapshot.grossMRRChurnRate)),
      ("mrr_start", .money(c.mrrStart, currency)), ("mrr_end", .money(c.mrrEnd, currency)),
      ("new_mrr", .money(c.newMRR, currency)), ("expansion_mrr", .money(c.expansionMRR, currency)),
      ("contraction_mrr", .money(c.contractionMRR, currency)), ("churned_mrr", .money(c.churnedMRR, currency)),
      ("reactivation_mrr", .money(c.reactivationMRR, currency)),
      (
        "net_new_mrr",
        .money(c.newMRR + c.reactivationMRR + c.expansionMRR - c.contractionMRR - c.churnedMRR, currency)
      ),
      ("arpa", .money(snapshot.arpa)), ("ltv", .money(snapshot.ltv)), ("nrr_12m", .optional(snapshot.nrr12m)),
      ("grr_12m", .optional(snapshot.grr12m)),
    ]
    for period in BillingPeriod.allCases {
      members.append(("renewal_rate_\(period.rawValue)", .optional(snapshot.renewals(for: period).rate)))
    }
    members.append(("renewal_rate_all", .optional(snapshot.allRenewals.rate)))
    members.append(("renewals_due", .int(snapshot.allRenewals.due)))
    members.append(("renewals_renewed", .int(snapshot.allRenewals.renewed)))
    if let satisfaction {
      members += [
        ("nps", .optional(satisfaction.nps)), ("csat", .optional(satisfaction.csat)),
        ("ces", .optional(satisfaction.ces)),
      ]
    }
    return .object(members)
  }

  static func json(_ table: CohortTable) -> JSONValue {
    .object([
      ("segment", .string(table.segment.description)),
      (
        "rows",
        .array(
          table.rows.map { row in
            .object([
              ("cohort", .string(row.cohort.description)), ("customers", .ints(row.customers)),
              ("mrr", .array(row.mrr.map { .money($0, table.currency) })),
              ("customer_retention", .array(row.customers.indices.map { .optional(row.customerRetention(atAge: $0)) })),
              ("revenue_retention", .array(row.mrr.indices.map { .optional(row.revenueRetention(atAge: $0)) })),
            ])
          })
      ),
    ])
  }

  static func json(_ funnel: UpgradeFunnel) -> JSONValue {
    .object([
      ("shared_starters", .int(funnel.sharedStarters)), ("ever_upgraded", .int(funnel.everUpgraded)),
      ("median_days_to_upgrade", .optional(funnel.medianDaysToUpgrade)),
      ("mean_days_to_upgrade", .optional(funnel.meanDaysToUpgrade)),
      (
        "windows",
        .array(
          funnel.windows.map { window in
            .object([
              ("months", .int(window.months)), ("eligible", .int(window.eligible)), ("upgraded", .int(window.upgraded)),
              ("moved_to_vps", .int(window.movedToVPS)), ("moved_to_dedicated", .int(window.movedToDedicated)),
              ("rate", .optional(window.rate)),
            ])
          })
      ),
    ])
  }

  static func json(_ counts: SatisfactionCounts) -> JSONValue {
    .object([
      ("nps", .optional(counts.nps)), ("nps_responses", .int(counts.npsResponses)),
      ("promoters", .int(counts.promoters)),
      ("passives", .int(counts.passives)), ("detractors", .int(counts.detractors)), ("csat", .optional(counts.csat)),
      ("csat_responses", .int(counts.csatResponses)), ("ces", .optional(counts.ces)),
      ("ces_responses", .int(counts.cesResponses)),
    ])
  }

  func json(_ report: SatisfactionReport) -> JSONValue {
    .object([
      ("overall", Self.json(report.overall)),
      ("segments", .object(report.segments.keys.sorted().map { ($0, Self.json(report.segments[$0]!)) })),
      (
        "months",
        .array(
          report.months.map { month in
            .object([
              ("month", .string(month.month.description)), ("overall", Self.json(month.overall)),
              ("segments", .object(month.segments.keys.sorted().map { ($0, Self.json(month.segments[$0]!)) })),
            ])
          })
      ),
    ])
  }

  static func json(_ reach: WordOfMouthReach) -> JSONValue {
    .object([
      ("happy", .int(reach.happy)), ("neutral", .int(reach.neutral)), ("unhappy", .int(reach.unhappy)),
      ("positive_reach", .double(reach.positive)), ("negative_reach", .double(reach.negative)),
      ("net_reach", .double(reach.net)), ("happy_per_unhappy", .optional(reach.happyPerUnhappy)),
    ])
  }
}
