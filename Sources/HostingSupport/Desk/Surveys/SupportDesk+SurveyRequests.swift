import Foundation
import RetentionMetrics

/// What the desk remembers between ticks about its loop work, in memory only (a restart rebuilds it).
struct DeskLoopMemo: Sendable {
  /// The instant of the last tick whose survey decisions were written: the next scan for solved tickets starts
  /// there (less the survey delay), not at the start of the request window.
  var surveyScanThrough: Date?
  /// Answers whose feedback was not processed yet (a failure), to finish on the next tick.
  var unprocessedAnswers: Set<SurveyID> = []
  /// Whether the answers loaded from the state store were checked for unprocessed ones.
  var answersCheckedAfterLoad = false
}

extension SupportDesk {
  /// The solved tickets a tick may survey: updated since the last tick's scan (less the survey delay), or within
  /// the request window on the first tick. Empty when surveys are off.
  func recentlySolvedTickets(now: Date) async throws -> [Ticket] {
    guard let settings = configuration.surveys else { return [] }
    let windowStart = now - settings.requestWindow - settings.delayAfterResolve
    let since = loopMemo.surveyScanThrough.map { max(windowStart, min($0, now) - settings.delayAfterResolve - 1) }
    return try await store.allTickets(
      matching: TicketQuery(statuses: [.resolved, .closed], updatedSince: since ?? windowStart, limit: 1_000))
  }

  /// Requests the CSAT surveys and NPS questions due at `now`: each survey is recorded and its message queued in
  /// the same step, so a survey is requested once, across restarts too.
  ///
  /// - A **CSAT survey** goes to the customer of each ticket solved (resolved or closed, not merged) at least
  ///   ``SurveySettings/delayAfterResolve`` ago and at most ``SurveySettings/requestWindow`` before that, once per
  ///   ticket ever, unless the ticket is a follow-up the desk opened for feedback.
  /// - An **NPS question** goes to each registered customer every ``SurveySettings/npsInterval``, from
  ///   ``SurveySettings/npsMinimumTenure`` after they became a customer, at a phase derived from their id so the
  ///   questions spread evenly over the interval instead of arriving all at once.
  func requestDueSurveys(solved: [Ticket], now: Date) throws {
    guard let settings = configuration.surveys else { return }
    if !solved.isEmpty {
      let followUps = Set(state.feedback.compactMap(\.followUpTicketID))
      for ticket in solved {
        guard let resolvedAt = ticket.resolvedAt, ticket.mergedInto == nil, !ticket.status.isActive,
          now >= resolvedAt + settings.delayAfterResolve,
          now <= resolvedAt + settings.delayAfterResolve + settings.requestWindow,
          !state.loop.surveyedTickets.contains(ticket.id), !followUps.contains(ticket.id),
          let customer = customers[ticket.customerID]
        else { continue }
        try request(
          SatisfactionSurvey(
            id: SurveyID(derived: "csat-\(ticket.id.rawValue)"), kind: .csat, customerID: customer.id,
            ticketID: ticket.id, requestedAt: now, expiresAt: now + settings.tokenLifetime),
          ticket: ticket, customer: customer, settings: settings)
      }
    }
    guard let interval = settings.npsInterval else { return }
    for customer in registeredCustomers {
      let anchor =
        customer.customerSince + settings.npsMinimumTenure + Self.npsPhase(of: customer.id, interval: interval)
      guard now >= anchor else { continue }
      let slot = Int((now.timeIntervalSince(anchor) / interval).rounded(.down))
      let dueAt = anchor + Double(slot) * interval
      let id = SurveyID(derived: "nps-\(customer.id.rawValue)-\(slot + 1)")
      guard now.timeIntervalSince(dueAt) <= settings.requestWindow, state.loop.surveys[id] == nil else { continue }
      if let last = state.loop.lastNPSRequest[customer.id], now.timeIntervalSince(last) < interval / 2 { continue }
      try request(
        SatisfactionSurvey(
          id: id, kind: .nps, customerID: customer.id, ticketID: nil, requestedAt: now,
          expiresAt: now + settings.tokenLifetime),
        ticket: nil, customer: customer, settings: settings)
    }
  }

  private func request(
    _ survey: SatisfactionSurvey, ticket: Ticket?, customer: CustomerProfile, settings: SurveySettings
  ) throws {
    let key = "survey/\(survey.id.rawValue)/request"
    guard !isKnown(key), state.loop.surveys[survey.id] == nil else { return }
    let token = survey.token.signed(with: settings.signingKey)
    let link = settings.link(for: token, reseller: customer.partners.reseller)
    var values = ["surveyLink": link, "expires": customer.localTime(survey.expiresAt)]
    if let ticket {
      values["ticketID"] = ticket.id.rawValue
      values["ticketSubject"] = ticket.subject
    }
    var message = try customerNotification(
      survey.kind == .nps ? .npsSurvey : .satisfactionSurvey, kind: .satisfactionSurvey,
      key: key, to: customer, values: values, at: survey.requestedAt,
      ticketID: ticket?.id, unclipped: ["surveyLink"])
    message.metadata = [
      "survey": survey.id.rawValue, "surveyKind": survey.kind.rawValue, "surveyToken": token, "surveyLink": link,
      "expiresAt": Timestamp.format(survey.expiresAt),
    ]
    record(.surveyRequested(survey))
    enqueue(message)
  }

  /// A customer's NPS phase within the interval: a stable hash of their id (FNV-1a), so the same customer is
  /// always asked at the same point of each interval.
  static func npsPhase(of customer: CustomerID, interval: TimeInterval) -> TimeInterval {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in customer.rawValue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let seconds = max(1, UInt64(interval.rounded(.down)))
    return TimeInterval(hash % seconds)
  }

  /// Every survey the desk requested, oldest first.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  public func satisfactionSurveys() async throws -> [SatisfactionSurvey] {
    try await ensureCurrent()
    return state.loop.allSurveys
  }

  /// Every verified answer, by survey.
  /// - Throws: As ``satisfactionSurveys()``.
  public func surveyAnswers() async throws -> [SurveyID: SurveyAnswer] {
    try await ensureCurrent()
    return state.loop.answers
  }

  /// The answers as RetentionMetrics' `SurveyResponse`s (customer, day in UTC, kind, score), oldest first, ready
  /// for its satisfaction and word-of-mouth figures.
  /// - Throws: As ``satisfactionSurveys()``.
  public func surveyResponses() async throws -> [SurveyResponse] {
    try await ensureCurrent()
    return state.loop.allSurveys.compactMap { survey in
      guard let answer = state.loop.answers[survey.id] else { return nil }
      return try? SurveyResponse(
        customer: survey.customerID, date: CivilDate(answer.answeredAt), kind: survey.kind, score: answer.score)
    }
  }
}
