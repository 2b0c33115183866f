import FeedbackSentiment
import Foundation
import SupportTickets

extension SupportDesk {
  /// A customer's health at `now`: 100 minus what is going wrong, plus what holds them, clamped to 0…100.
  ///
  /// | factor | points |
  /// |---|---|
  /// | SLA breaches suffered (distinct tickets, in the look-back) | −10 each, at most −30 |
  /// | oldest open ticket | −8 past 24 h, −15 past 72 h; −5 more with three or more open |
  /// | sentiment trend (mean feedback score in the look-back) | mean × 20, from −20 to +10; −5 more if the latest is below the mean |
  /// | tier | shared −5 (cheap to leave), VPS 0, dedicated and reseller +5 (costly to move) |
  /// | tenure | under 90 days −10, under a year −5, three years or more +5 |
  /// | recent downgrades (in the look-back) | −15 each, at most −30 |
  ///
  /// The look-back is ``DeskConfiguration/healthLookback`` (90 days). The health also carries the customer's
  /// expected value at risk, as ``churnRisks(now:options:)`` ranks it.
  /// - Parameters:
  ///   - customerID: A registered customer.
  ///   - now: The instant.
  ///   - options: The upgrade expectation and renewal horizon of the value at risk.
  /// - Returns: The score with its factors.
  /// - Throws: ``HostingSupportError`` `notFound` for an unregistered customer; store errors.
  public func health(of customerID: CustomerID, now: Date, options: ChurnRiskOptions = ChurnRiskOptions())
    async throws -> CustomerHealth
  {
    try await ensureCurrent()
    guard let customer = customers[customerID] else {
      throw HostingSupportError.notFound("customer", id: customerID.rawValue)
    }
    let open = try await store.allTickets(
      matching: TicketQuery(customerID: customerID, statuses: Set(TicketStatus.allCases.filter(\.isActive)))
    )
    return health(of: customer, openTickets: open, now: now, options: options)
  }

  /// Customers whose health is at or below ``ChurnRiskOptions/maximumScore``, ordered by expected value at risk
  /// (largest first), then by score (lowest first).
  ///
  /// The expected value at risk is `(100 − score) / 100 × value at stake × renewal weight`:
  /// - **value at stake**: the MRR, plus for a shared-plan customer the MRR they are expected to add by moving up
  ///   within a year (``ChurnRiskOptions/upgradeExpectation``: measured upgrade probability × typical upgrade MRR),
  ///   so the cheapest plans are not underestimated;
  /// - **renewal weight**: 1 when the plan renews within ``ChurnRiskOptions/renewalHorizon`` (30 days), is
  ///   overdue, or has no known renewal date (a customer who can leave any month); 0.5 within three horizons;
  ///   0.25 later — so among equal values, renewals due within 30 days come first.
  ///
  /// Each customer's ``CustomerHealth/valueFactors`` explain the value, as its factors explain the score.
  /// - Parameters:
  ///   - now: The instant.
  ///   - options: Threshold, upgrade expectation and renewal horizon.
  /// - Returns: The at-risk customers with their explanations.
  /// - Complexity: O(c log c + t) for c customers and t open tickets.
  public func churnRisks(now: Date, options: ChurnRiskOptions = ChurnRiskOptions()) async throws -> [CustomerHealth] {
    let scored = try await scoredCustomers(now: now, options: options).healths
    return Self.atRisk(scored, options: options)
  }

  /// Every registered customer's health, with the open tickets it was computed from, by customer.
  func scoredCustomers(now: Date, options: ChurnRiskOptions) async throws -> (
    healths: [CustomerHealth], openByCustomer: [CustomerID: [Ticket]]
  ) {
    try await ensureCurrent()
    let open = try await store.allTickets(
      matching: TicketQuery(statuses: Set(TicketStatus.allCases.filter(\.isActive)), limit: 1_000)
    )
    let openByCustomer = Dictionary(grouping: open, by: \.customerID)
    let healths = registeredCustomers.map {
      health(of: $0, openTickets: openByCustomer[$0.id] ?? [], now: now, options: options)
    }
    return (healths, openByCustomer)
  }

  /// The healths at or below the options' maximum score, largest expected value at risk first, then lowest score.
  static func atRisk(_ healths: [CustomerHealth], options: ChurnRiskOptions) -> [CustomerHealth] {
    healths.filter { $0.score <= options.maximumScore }.sorted {
      let (left, right) = ($0.expectedValueAtRisk.minorUnits, $1.expectedValueAtRisk.minorUnits)
      if left != right { return left > right }
      if $0.score != $1.score { return $0.score < $1.score }
      return $0.customerID < $1.customerID
    }
  }

  func health(of customer: CustomerProfile, openTickets: [Ticket], now: Date, options: ChurnRiskOptions)
    -> CustomerHealth
  {
    let since = now.addingTimeInterval(-configuration.healthLookback)
    var factors: [CustomerHealth.Factor] = []

    let breached = Set(state.breaches.filter { $0.customerID == customer.id && $0.at >= since }.map(\.ticketID))
    if !breached.isEmpty {
      factors.append(
        .init(
          name: "slaBreaches", points: -min(30, 10 * breached.count),
          detail: "\(breached.count) ticket(s) breached their SLA in the last \(lookbackDays) days"))
    }

    if let oldest = openTickets.map(\.createdAt).min() {
      let age = now.timeIntervalSince(oldest)
      var points = age > 72 * 3_600 ? -15 : age > 24 * 3_600 ? -8 : 0
      if openTickets.count >= 3 { points -= 5 }
      if points != 0 {
        factors.append(
          .init(
            name: "openTicketAge", points: points,
            detail: "\(openTickets.count) open ticket(s), oldest open for \(DurationText.format(age))"))
      }
    }

    let recent = state.feedback.filter { $0.feedback.customerID == customer.id && $0.feedback.receivedAt >= since }
      .sorted { $0.feedback.receivedAt < $1.feedback.receivedAt }
    if !recent.isEmpty {
      let mean = recent.map(\.score).reduce(0, +) / Double(recent.count)
      var points = max(-20, min(10, Int((mean * 20).rounded())))
      var detail = "feedback sentiment averages \(Self.signed(mean)) over \(recent.count) response(s)"
      if recent.count >= 2, let latest = recent.last, latest.score < mean - 0.1 {
        points -= 5
        detail += ", and the latest is worse"
      }
      if points != 0 { factors.append(.init(name: "sentimentTrend", points: points, detail: detail)) }
    }

    switch customer.tier {
    case .shared: factors.append(.init(name: "tier", points: -5, detail: "shared plan, easy to move away from"))
    case .dedicated, .reseller:
      factors.append(.init(name: "tier", points: 5, detail: "\(customer.tier.rawValue) plan, costly to move"))
    case .vps, .other: break
    }

    let tenure = now.timeIntervalSince(customer.customerSince)
    if tenure < 90 * 86_400 {
      factors.append(.init(name: "tenure", points: -10, detail: "customer for \(Int(max(0, tenure) / 86_400)) days"))
    } else if tenure < 365 * 86_400 {
      factors.append(.init(name: "tenure", points: -5, detail: "customer for less than a year"))
    } else if tenure >= 3 * 365 * 86_400 {
      factors.append(.init(name: "tenure", points: 5, detail: "customer for \(Int(tenure / (365 * 86_400))) years"))
    }

    let downgrades = customer.downgrades.filter { $0 >= since && $0 <= now }.count
    if downgrades > 0 {
      factors.append(
        .init(
          name: "recentDowngrades", points: -min(30, 15 * downgrades),
          detail: "\(downgrades) downgrade(s) in the last \(lookbackDays) days"))
    }

    let score = max(0, min(100, 100 + factors.map(\.points).reduce(0, +)))
    factors.sort { abs($0.points) > abs($1.points) }
    let atRisk = customer.monthlyRevenue.minorUnits * Int64(100 - score) / 100
    let value = ValueAtStake(customer, score: score, now: now, options: options)
    return CustomerHealth(
      customerID: customer.id,
      score: score,
      factors: factors,
      monthlyRevenue: customer.monthlyRevenue,
      revenueAtRisk: Money(minorUnits: atRisk, currency: customer.monthlyRevenue.currency),
      expectedUpgradeMRR: value.upgrade,
      nextRenewal: customer.nextRenewal,
      renewalWeight: value.renewalWeight,
      expectedValueAtRisk: value.expectedAtRisk,
      valueFactors: value.factors
    )
  }

  private var lookbackDays: Int { Int(configuration.healthLookback / 86_400) }
}
