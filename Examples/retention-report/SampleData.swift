import Foundation
import RetentionMetrics

/// A seeded generator of a realistic small web host's book of business, so the example runs out of the box:
/// shared, VPS, dedicated and reseller plans, monthly and annual billing, direct / affiliate / reseller
/// customers, shared customers moving up to VPS (and some VPS to dedicated) on a renewal date, a price rise,
/// downgrades, cancellations and survey answers. The same seed always writes the same files.
struct SampleData {
  struct Plan {
    var name: String
    var tier: PlanTier
    var monthlyPrice: Int64
  }

  static let plans = [
    Plan(name: "Shared Starter", tier: .shared, monthlyPrice: 399),
    Plan(name: "Shared Plus", tier: .shared, monthlyPrice: 799),
    Plan(name: "Shared Pro", tier: .shared, monthlyPrice: 1299),
    Plan(name: "VPS 2 GB", tier: .vps, monthlyPrice: 1999),
    Plan(name: "VPS 8 GB", tier: .vps, monthlyPrice: 3999),
    Plan(name: "Dedicated E-2388", tier: .dedicated, monthlyPrice: 9900),
    Plan(name: "Dedicated EPYC", tier: .dedicated, monthlyPrice: 17_900),
    Plan(name: "Reseller 50", tier: .reseller, monthlyPrice: 2999),
  ]

  var customers = 1_200
  var seed: UInt64 = 2024
  /// The data covers 2022-01-01 up to this day.
  var lastDay = try! CivilDate(year: 2024, month: 12, day: 31)

  struct Files {
    var subscriptions: String
    var changes: String
    var surveys: String
    /// Tickets as JSON lines (`support-desk export`'s shape), for `retention-report experience`.
    var tickets: String
  }

  func generate() -> Files {
    var random = SplitMix64(seed: seed)
    let first = try! CivilDate(year: 2022, month: 1, day: 1).dayNumber
    let span = lastDay.dayNumber - first
    var subscriptions = [CSVWriting.subscriptionsHeader]
    var changes = ["subscription_id,effective_date,new_mrr"]
    var surveys = [CSVWriting.surveysHeader]
    var counter = 0
    let priceRise = try! CivilDate(year: 2024, month: 3, day: 1)
    var lifetimes: [(customer: String, start: CivilDate, end: CivilDate, unhappy: Bool)] = []
    for index in 1...customers {
      let customer = String(format: "CUS-%05d", index)
      let channel: AcquisitionChannel = random.chance(0.6) ? .direct : random.chance(0.62) ? .affiliate : .reseller
      let partner = Self.partner(of: index, channel: channel)
      // Sign-ups grow over time: later days are more likely.
      var day = CivilDate(dayNumber: first + Int(Double(span) * random.unit().squareRoot()))
      var plan = random.chance(0.8) ? Self.plans[random.below(3)] : Self.plans[3 + random.below(5)]
      var unhappy = random.chance(channel == .affiliate ? 0.25 : 0.15)
      var steps = 0
      while day <= lastDay && steps < 4 {
        steps += 1
        counter += 1
        let id = String(format: "SUB-%06d", counter)
        let period: BillingPeriod = random.chance(plan.tier == .shared ? 0.45 : 0.25) ? .annual : .monthly
        let mrr = period == .annual ? plan.monthlyPrice * 10 / 12 : plan.monthlyPrice  // two months free yearly
        // Monthly churn hazard: higher on shared monthly plans, for affiliates and for unhappy customers.
        var hazard = plan.tier == .shared ? 0.035 : plan.tier == .dedicated ? 0.015 : 0.022
        if channel == .affiliate { hazard *= 1.4 }
        if unhappy { hazard *= 2.2 }
        if period == .annual { hazard *= 0.5 }
        let months = random.geometric(hazard)
        let upgrade = plan.tier == .shared && random.chance(0.3) || plan.tier == .vps && random.chance(0.15)
        var lengthMonths = months
        var movesUp = false
        if upgrade {
          // Move up at the first renewal date after 3–14 months, unless the customer has left by then.
          let at = ((3 + random.below(12) + period.months - 1) / period.months) * period.months
          if at <= months {
            lengthMonths = at
            movesUp = true
          }
        }
        var end: CivilDate? =
          period == .annual && !movesUp
          ? day.addingMonths(((lengthMonths + 11) / 12) * 12) : day.addingMonths(lengthMonths)
        if !movesUp && random.chance(0.04) { end = CivilDate(dayNumber: day.dayNumber + 3 + random.below(20)) }
        if let stop = end, stop > lastDay { end = nil }
        lifetimes.append((customer, day, end ?? lastDay, unhappy))
        subscriptions.append(
          [
            customer, id, plan.name, plan.tier.rawValue, channel.rawValue, period.rawValue, day.description,
            end?.description ?? "", Money(minorUnits: mrr, currency: "USD").decimalString, "USD",
            channel == .reseller ? partner : "", channel == .affiliate ? partner : "",
          ].map(CSVWriting.field).joined(separator: ","))
        if day < priceRise && (end.map { $0 > priceRise } ?? true) && plan.tier == .shared && random.chance(0.7) {
          changes.append("\(id),\(priceRise),\(Money(minorUnits: mrr + 100, currency: "USD").decimalString)")
        }
        if plan.tier == .vps && random.chance(0.1), let change = Optional(day.addingMonths(2 + random.below(6))),
          change <= lastDay, end.map({ change < $0 }) ?? true
        {
          changes.append("\(id),\(change),\(Money(minorUnits: mrr * 3 / 4, currency: "USD").decimalString)")
        }
        for _ in 0..<random.below(3) {
          let answered = CivilDate(dayNumber: day.dayNumber + random.below(300))
          guard answered <= lastDay, end.map({ answered < $0 }) ?? true else { continue }
          let kind = [SurveyKind.nps, .nps, .csat, .ces][random.below(4)]
          surveys.append("\(customer),\(answered),\(kind.rawValue),\(score(kind, unhappy: unhappy, random: &random))")
        }
        guard let stop = end else { break }
        guard movesUp else {
          // Some customers who left come back a few months later (a reactivation).
          guard random.chance(0.1) else { break }
          day = stop.addingMonths(2 + random.below(9))
          continue
        }
        // Move up on the day the old plan ends: a renewal by plan change.
        day = stop
        plan = plan.tier == .shared ? Self.plans[3 + random.below(2)] : Self.plans[5 + random.below(2)]
        unhappy = unhappy && random.chance(0.5)
      }
    }
    return Files(
      subscriptions: subscriptions.joined(separator: "\n") + "\n", changes: changes.joined(separator: "\n") + "\n",
      surveys: surveys.joined(separator: "\n") + "\n", tickets: SampleTickets.jsonLines(for: lifetimes, seed: seed))
  }

  /// The sample's 50 partners: 20 resellers (`RES-01`…) and 30 affiliates (`AFF-01`…), a few large and many
  /// small. A customer's partner is derived from its number (no draw from the generator), so the rest of the
  /// sample does not depend on it.
  static func partner(of customer: Int, channel: AcquisitionChannel) -> String {
    var mix = SplitMix64(seed: UInt64(customer))
    let share = mix.unit()
    switch channel {
    case .reseller: return String(format: "RES-%02d", 1 + Int(share * share * 20))
    case .affiliate: return String(format: "AFF-%02d", 1 + Int(share * share * 30))
    default: return ""
    }
  }

  private func score(_ kind: SurveyKind, unhappy: Bool, random: inout SplitMix64) -> Int {
    let mood = unhappy ? random.unit() * 0.6 : 0.6 + random.unit() * 0.4
    let scale = kind.scale
    return scale.lowerBound + Int((mood * Double(scale.count - 1)).rounded())
  }
}

extension SplitMix64 {
  /// Months until the first success with this monthly probability (at least 1).
  mutating func geometric(_ probability: Double) -> Int {
    1 + Int((log(1 - unit()) / log(1 - probability)).rounded(.down))
  }
}
