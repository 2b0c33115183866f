import FeedbackSentiment
import Foundation

extension SupportDesk {
  /// Each partner's customers' health and churn risk, so a reseller with several at-risk customers is seen as the
  /// risk it is.
  ///
  /// A customer counts for their reseller and for their referring affiliate (``CustomerProfile/partners``); every
  /// partner of ``DeskConfiguration/partners`` is listed, with no customers if none is registered, and so is any
  /// partner customers name that the directory lacks (its ``PartnerHealth/name`` is `nil`). At-risk customers are
  /// those ``churnRisks(now:options:)`` lists; breaches and negative feedback are counted over
  /// ``DeskConfiguration/healthLookback``. Flagged partners come first, then the most at-risk customers, then the
  /// partner id.
  /// - Parameters:
  ///   - now: The instant.
  ///   - options: What makes a customer at risk (as for ``churnRisks(now:options:)``).
  ///   - rule: What makes a partner a risk (``PartnerRiskRule``).
  /// - Returns: One summary per partner.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; store errors.
  /// - Complexity: O(*c* log *c* + *t* + *b* + *f* + *p* log *p*) for *c* customers, *t* open tickets, *b* breaches,
  ///   *f* feedback and *p* partners.
  public func partnerHealth(
    now: Date, options: ChurnRiskOptions = ChurnRiskOptions(), rule: PartnerRiskRule = PartnerRiskRule()
  ) async throws -> [PartnerHealth] {
    let scored = try await scoredCustomers(now: now, options: options)
    let since = now.addingTimeInterval(-configuration.healthLookback)
    var breached: [CustomerID: Set<TicketID>] = [:]
    for breach in state.breaches where breach.at >= since && breach.at <= now {
      breached[breach.customerID, default: []].insert(breach.ticketID)
    }
    var negative: [CustomerID: Int] = [:]
    for outcome in state.feedback
    where outcome.label == .negative && outcome.feedback.receivedAt >= since && outcome.feedback.receivedAt <= now {
      negative[outcome.feedback.customerID, default: 0] += 1
    }
    let atRiskOrder = Self.atRisk(scored.healths, options: options).map(\.customerID)
    var members: [PartnerID: [CustomerHealth]] = [:]
    for partner in configuration.partners.partners { members[partner.id] = [] }
    for health in scored.healths {
      guard let links = customers[health.customerID]?.partners else { continue }
      for partner in Set([links.reseller, links.affiliate].compactMap { $0 }) {
        members[partner, default: []].append(health)
      }
    }
    let summaries = members.map { id, healths in
      let ids = Set(healths.map(\.customerID))
      let directoryEntry = configuration.partners.partner(id)
      var summary = PartnerHealth(
        partnerID: id, name: directoryEntry?.name, kind: directoryEntry?.kind, customers: healths.count,
        atRiskCustomers: atRiskOrder.filter(ids.contains),
        meanHealthScore: healths.isEmpty ? nil : Double(healths.map(\.score).reduce(0, +)) / Double(healths.count),
        openTickets: ids.reduce(0) { $0 + (scored.openByCustomer[$1]?.count ?? 0) },
        slaBreaches: ids.reduce(0) { $0 + (breached[$1]?.count ?? 0) },
        negativeFeedback: ids.reduce(0) { $0 + (negative[$1] ?? 0) }, isFlagged: false, flagReasons: [])
      summary.flagReasons = rule.reasons(for: summary)
      summary.isFlagged = !summary.flagReasons.isEmpty
      return summary
    }
    return summaries.sorted {
      if $0.isFlagged != $1.isFlagged { return $0.isFlagged }
      if $0.atRiskCount != $1.atRiskCount { return $0.atRiskCount > $1.atRiskCount }
      return $0.partnerID < $1.partnerID
    }
  }
}
