import Foundation

/// How one comparison sorts customers into groups, and how its summary names them.
struct ExperienceGrouping {
  var kind: ExperienceComparison.Kind
  var title: String
  var exposed: String
  var reference: String
  /// Further groups shown beside the two compared (passives).
  var others: [String] = []
  var exposedPhrase: String
  var referencePhrase: String
  /// The group of a customer, or `nil` to leave them out of this comparison.
  var group: @Sendable (CustomerExperience?) -> String?

  /// The five standard comparisons.
  static func standard(ageLimit: TimeInterval, followUpWindow: TimeInterval) -> [ExperienceGrouping] {
    let age = hours(ageLimit)
    let window = followUpWindow == 86_400 ? "a day" : hours(followUpWindow)
    return [
      ticketGrouping(
        .slaBreach, title: "Any SLA breach vs none", exposed: "SLA breach", reference: "no breach",
        phrases: ("customers with an SLA breach", "customers with tickets but no breach"), when: \.hadSLABreach),
      ticketGrouping(
        .criticalBreach, title: "A breached critical ticket vs none", exposed: "critical breach",
        reference: "no critical breach",
        phrases: ("customers with a breached critical ticket", "customers with tickets but none")
      ) { $0.criticalBreachedTickets > 0 },
      ticketGrouping(
        .openPastAgeLimit, title: "A ticket open past \(age) vs none", exposed: "open past \(age)",
        reference: "none past \(age)",
        phrases: ("customers with a ticket open past \(age)", "customers with tickets but none open that long")
      ) { $0.ticketsOpenPastAgeLimit > 0 },
      ExperienceGrouping(
        kind: .npsCategory, title: "Promoters (NPS 9–10), passives (7–8) and detractors (0–6)", exposed: "detractors",
        reference: "promoters",
        others: ["passives"], exposedPhrase: "detractors", referencePhrase: "promoters"
      ) { experience in
        switch experience?.npsCategory {
        case .promoter?: "promoters"
        case .passive?: "passives"
        case .detractor?: "detractors"
        case nil: nil
        }
      },
      ExperienceGrouping(
        kind: .feedbackFollowUp, title: "Negative feedback followed up within \(window) or not",
        exposed: "not followed up", reference: "followed up",
        exposedPhrase: "customers whose negative feedback was not followed up within \(window)",
        referencePhrase: "customers whose negative feedback was"
      ) { experience in
        experience?.negativeFeedbackAllFollowedUp.map { $0 ? "followed up" : "not followed up" }
      },
    ]
  }

  /// A grouping of the customers who opened a ticket: exposed when `isExposed` holds.
  static func ticketGrouping(
    _ kind: ExperienceComparison.Kind, title: String, exposed: String, reference: String,
    phrases: (exposed: String, reference: String), when isExposed: @escaping @Sendable (CustomerExperience) -> Bool
  ) -> ExperienceGrouping {
    ExperienceGrouping(
      kind: kind, title: title, exposed: exposed, reference: reference, exposedPhrase: phrases.exposed,
      referencePhrase: phrases.reference
    ) { experience in
      guard let experience, experience.tickets > 0 else { return nil }
      return isExposed(experience) ? exposed : reference
    }
  }

  /// `24 h` for whole hours, else the desk's short duration text.
  static func hours(_ seconds: TimeInterval) -> String {
    seconds.truncatingRemainder(dividingBy: 3_600) == 0 ? "\(Int(seconds / 3_600)) h" : DurationText.format(seconds)
  }

  /// Sorts the customers, measures each group and compares the exposed group with the reference group.
  func compare(
    _ customers: [(outcome: CustomerOutcome, experience: CustomerExperience?)], options: SupportExperienceOptions
  ) -> ExperienceComparison {
    let names = [exposed, reference] + others
    var members = [[CustomerOutcome]](repeating: [], count: names.count)
    for customer in customers {
      guard let name = group(customer.experience), let index = names.firstIndex(of: name) else { continue }
      members[index].append(customer.outcome)
    }
    let groups = zip(names, members).map { name, outcomes in
      Self.measure(name: name, outcomes, options: options)
    }
    var test: LogRankTest?
    var hazard: HazardComparison?
    if groups[0].isLargeEnough, groups[1].isLargeEnough {
      test = try? LogRankTest(groups: [
        (name: exposed, table: Self.table(members[0])), (name: reference, table: Self.table(members[1])),
      ])
      hazard = HazardComparison(exposed: groups[0], reference: groups[1], confidenceLevel: options.confidenceLevel)
    }
    let pair = ExperienceSummary.Pair(
      exposed: groups[0], reference: groups[1], exposedPhrase: exposedPhrase, referencePhrase: referencePhrase)
    var churnRatio: Double?
    if test != nil, let exposedRate = groups[0].churnRate, let referenceRate = groups[1].churnRate, referenceRate > 0 {
      churnRatio = exposedRate / referenceRate
    }
    return ExperienceComparison(
      kind: kind, title: title, groups: groups, exposedGroup: exposed, referenceGroup: reference, logRank: test,
      hazard: hazard, churnRatio: churnRatio, isSignificant: test.map { $0.pValue < options.significanceLevel },
      summary: ExperienceSummary.sentence(for: pair, test: test, options: options))
  }

  static func measure(name: String, _ outcomes: [CustomerOutcome], options: SupportExperienceOptions)
    -> ExperienceGroup
  {
    let large = outcomes.count >= options.minimumGroupSize
    let survival =
      large
      ? try? KaplanMeierEstimate(
        durations: outcomes.map(\.lifetime), observed: outcomes.map(\.churned), confidenceLevel: options.confidenceLevel
      )
      : nil
    return ExperienceGroup(
      name: name, customers: outcomes.count, churned: outcomes.filter(\.churned).count,
      renewalsDue: outcomes.reduce(0) { $0 + $1.renewalsDue }, renewed: outcomes.reduce(0) { $0 + $1.renewed },
      exposureDays: outcomes.reduce(0) { $0 + $1.lifetime }, isLargeEnough: large, survival: survival)
  }

  static func table(_ outcomes: [CustomerOutcome]) -> SurvivalTable {
    (try? SurvivalTable(durations: outcomes.map(\.lifetime), observed: outcomes.map(\.churned))) ?? SurvivalTable()
  }
}
