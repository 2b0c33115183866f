import Foundation

/// Folds ticket timelines and survey answers into one ``CustomerExperience`` per customer.
struct ExperienceCollector {
  var evaluator: SLAEvaluator
  var ageLimit: TimeInterval
  var followUpWindow: TimeInterval
  var now: Date

  /// The experiences by customer.
  /// - Throws: ``HostingSupportError/Code/invalidRequest`` when two tickets share an id (`tickets[i]`).
  func collect(tickets: [Ticket], surveys: [SurveyResponse]) throws(HostingSupportError) -> [CustomerID:
    CustomerExperience]
  {
    var experiences: [CustomerID: CustomerExperience] = [:]
    var replies: [CustomerID: [Date]] = [:]
    var seen = Set<TicketID>()
    seen.reserveCapacity(tickets.count)
    for (index, ticket) in tickets.enumerated() {
      guard seen.insert(ticket.id).inserted else {
        var error = HostingSupportError.invalidRequest(
          field: "tickets[\(index)]", reason: "the ticket id \(ticket.id) appears more than once")
        error.context["ticket"] = ticket.id.rawValue
        throw error
      }
      guard ticket.createdAt <= now else { continue }
      var experience = experiences[ticket.customerID] ?? CustomerExperience(customer: ticket.customerID)
      experience.tickets += 1
      if let status = evaluator.evaluate(SLASubject(ticket, reseller: ticket.resellerID), now: now), status.hasBreach {
        experience.breachedTickets += 1
        if ticket.priority == .critical { experience.criticalBreachedTickets += 1 }
      }
      if Self.wasOpen(ticket, pastAge: ageLimit, now: now) { experience.ticketsOpenPastAgeLimit += 1 }
      experiences[ticket.customerID] = experience
      for event in ticket.events where event.isPublicAgentReply && event.instant <= now {
        replies[ticket.customerID, default: []].append(event.instant)
      }
    }
    for key in replies.keys { replies[key]!.sort() }
    addSurveys(surveys, replies: replies, to: &experiences)
    return experiences
  }

  private func addSurveys(
    _ surveys: [SurveyResponse], replies: [CustomerID: [Date]], to experiences: inout [CustomerID: CustomerExperience]
  ) {
    let reportDate = CivilDate(now)
    var latestNPSDate: [CustomerID: CivilDate] = [:]
    var csat: [CustomerID: (sum: Int, count: Int)] = [:]
    for response in surveys where response.date <= reportDate {
      var experience = experiences[response.customer] ?? CustomerExperience(customer: response.customer)
      let negative: Bool
      switch response.kind {
      case .nps:
        if latestNPSDate[response.customer].map({ response.date >= $0 }) ?? true {
          latestNPSDate[response.customer] = response.date
          experience.latestNPS = response.score
        }
        negative = response.score <= 6
      case .csat:
        csat[response.customer, default: (0, 0)].sum += response.score
        csat[response.customer, default: (0, 0)].count += 1
        negative = response.score <= 2
      case .ces:
        negative = false
      }
      if negative {
        experience.negativeFeedback += 1
        let from = response.date.date
        let until = response.date.adding(days: 1).date.addingTimeInterval(followUpWindow)
        if Self.contains(replies[response.customer] ?? [], from: from, before: until) {
          experience.negativeFeedbackFollowedUp += 1
        }
      }
      experiences[response.customer] = experience
    }
    for (customer, sums) in csat { experiences[customer]?.meanCSAT = Double(sums.sum) / Double(sums.count) }
  }

  /// Whether a sorted list of instants has one in `from..<before`.
  static func contains(_ instants: [Date], from: Date, before: Date) -> Bool {
    var low = 0
    var high = instants.count
    while low < high {
      let middle = (low + high) / 2
      if instants[middle] < from { low = middle + 1 } else { high = middle }
    }
    return low < instants.count && instants[low] < before
  }

  /// Whether the ticket was unsolved (not resolved, closed or merged away) at some instant from its creation plus
  /// the limit up to `now` — the age guard's rule, applied to the whole history.
  static func wasOpen(_ ticket: Ticket, pastAge limit: TimeInterval, now: Date) -> Bool {
    let threshold = ticket.createdAt.addingTimeInterval(limit)
    guard threshold <= now else { return false }
    var unsolvedSince: Date? = ticket.createdAt  // the start of the current unsolved stretch, if any
    for event in ticket.events.dropFirst() where event.instant <= now {
      let solves: Bool?
      switch event.kind {
      case .statusChanged(let status): solves = status.isSolved
      case .merged: solves = true
      case .reopened: solves = false
      case .customerReply: solves = unsolvedSince == nil ? false : nil
      default: solves = nil
      }
      switch solves {
      case true?:
        if unsolvedSince != nil, event.instant > threshold { return true }
        unsolvedSince = nil
      case false?:
        if unsolvedSince == nil { unsolvedSince = event.instant }
      case nil:
        break
      }
    }
    return unsolvedSince != nil
  }
}
