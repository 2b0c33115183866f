import FeedbackSentiment
import Foundation
import SupportTickets

extension SupportDesk {
  /// Classifies feedback and acts on it.
  ///
  /// - **Negative**: opens a follow-up ticket `FB-<feedback id>` (department billing when pricing is the
  ///   criticised aspect, else technical) with the classifier's explanation as an internal note, alerts staff,
  ///   and tells the customer in their language that someone will contact them. The ticket's priority is
  ///   ``followUpPriority(for:customer:)``.
  /// - **Positive from a promoter** (NPS 9–10, or no score and a positive result with confidence ≥ 0.6):
  ///   flagged, and staff get a referral or testimonial opportunity when
  ///   ``DeskConfiguration/flagsPromotersForReferral`` is on.
  ///
  /// Recording the same feedback id again returns the first outcome and does nothing new, also when both calls
  /// run at once (the second awaits the first).
  /// - Parameter feedback: The feedback.
  /// - Returns: What the desk made of it.
  /// - Throws: ``HostingSupportError`` `invalidRequest` for empty text or an NPS outside 0–10, `corruptState` when
  ///   the desk's stored state is damaged; store errors.
  public func recordFeedback(_ feedback: CustomerFeedback) async throws -> FeedbackOutcome {
    try await ensureCurrent()
    try requireText(feedback.text, field: "feedback text")
    try requireText(feedback.id, field: "feedback id")
    if let score = feedback.npsScore, !(0...10).contains(score) {
      throw HostingSupportError.invalidRequest(field: "npsScore", reason: "\(score) is outside 0–10")
    }
    if let existing = state.feedback(id: feedback.id) { return existing }
    if let running = feedbackInFlight[feedback.id] { return try await running.value }
    let task = Task { try await self.act(on: feedback) }
    feedbackInFlight[feedback.id] = task
    defer { feedbackInFlight[feedback.id] = nil }
    let outcome = try await task.value
    _ = try await deliver(at: clock())
    return outcome
  }

  private func act(on feedback: CustomerFeedback) async throws -> FeedbackOutcome {
    let result = classifier.classify(feedback.text)
    let criticised = result.aspects.filter { $0.label == .negative }.sorted { $0.score < $1.score }.map(\.aspect)
    let praised = result.aspects.filter { $0.label == .positive }.sorted { $0.score > $1.score }.map(\.aspect)
    let customer = profile(for: feedback.customerID)
    var outcome = FeedbackOutcome(
      feedback: feedback,
      label: result.label,
      score: result.score,
      confidence: result.confidence,
      language: result.language.rawValue,
      criticisedAspects: criticised,
      praisedAspects: praised,
      followUpTicketID: nil,
      followUpPriority: nil,
      staffAlerted: false,
      flaggedForReferral: false
    )
    if result.label == .negative {
      try await followUp(&outcome, customer: customer, explanation: result)
    } else if result.label == .positive, Self.isPromoter(feedback, result: result) {
      outcome.flaggedForReferral = true
      if configuration.flagsPromotersForReferral {
        enqueue(referralNotification(outcome, customer: customer))
      }
    }
    record(.feedback(outcome))
    try await commit()
    return outcome
  }

  /// Every feedback outcome recorded, oldest first.
  public func feedbackOutcomes() async throws -> [FeedbackOutcome] {
    try await ensureCurrent()
    return state.feedback
  }

  /// The priority of the follow-up ticket for negative feedback.
  ///
  /// One point for strong dissatisfaction (score ≤ −0.5, or NPS 0–3), one for a high-value customer (a
  /// dedicated or reseller plan, or MRR ≥ ``DeskConfiguration/highValueMRRMinorUnits``), one for a repeat
  /// (another negative feedback from the same customer in ``DeskConfiguration/healthLookback``):
  /// 0–1 point → normal, 2 → high, 3 → critical. Never below normal, so the cheapest plans are not
  /// deprioritised.
  /// - Parameters:
  ///   - outcome: The classified feedback.
  ///   - customer: Its author.
  /// - Returns: The priority.
  public func followUpPriority(for outcome: FeedbackOutcome, customer: CustomerProfile) -> Priority {
    var points = 0
    if outcome.score <= -0.5 || (outcome.feedback.npsScore.map { $0 <= 3 } ?? false) { points += 1 }
    if customer.tier == .dedicated || customer.tier == .reseller
      || customer.monthlyRevenue.minorUnits >= configuration.highValueMRRMinorUnits
    {
      points += 1
    }
    let since = outcome.feedback.receivedAt.addingTimeInterval(-configuration.healthLookback)
    if state.feedback.contains(where: {
      $0.feedback.customerID == customer.id && $0.label == .negative && $0.feedback.receivedAt >= since
        && $0.feedback.id != outcome.feedback.id
    }) {
      points += 1
    }
    switch points {
    case ...1: return .normal
    case 2: return .high
    default: return .critical
    }
  }

  static func isPromoter(_ feedback: CustomerFeedback, result: SentimentResult) -> Bool {
    if let nps = feedback.npsScore { return nps >= 9 }
    return result.confidence >= 0.6
  }

  private func followUp(_ outcome: inout FeedbackOutcome, customer: CustomerProfile, explanation: SentimentResult)
    async throws
  {
    let feedback = outcome.feedback
    let priority = followUpPriority(for: outcome, customer: customer)
    let aspect = outcome.criticisedAspects.first
    let ticketID = TicketID(derived: "FB-\(feedback.id)")
    if try await store.ticket(ticketID) == nil {
      let opening = TicketOpening(
        ticketID: ticketID,
        customerID: feedback.customerID,
        subject: "Follow-up: negative feedback" + (aspect.map { " about \($0.displayName(in: .english))" } ?? ""),
        body: feedback.text,
        priority: priority,
        department: aspect == .pricing ? .billing : .technical,
        channel: customer.preferredChannel
      )
      do {
        _ = try await openTicket(opening, at: feedback.receivedAt)
        try await addExplanationNote(explanation, about: outcome, to: ticketID)
      } catch let error as StoreError where error.code == .duplicateTicket {
        // Another desk on the same stores acts on the same feedback and opened (and notes) the ticket first.
      }
    }
    outcome.followUpTicketID = ticketID
    outcome.followUpPriority = priority
    outcome.staffAlerted = true
    enqueue(
      OutboundMessage(
        idempotencyKey: "feedback/\(feedback.id)/staff-alert",
        audience: .staff,
        kind: .negativeFeedback,
        subject: "[\(priority.rawValue)] Negative feedback from \(TemplateFormat.plainText.escapeValue(customer.name))"
          + (aspect.map { " about \($0.rawValue)" } ?? ""),
        body: """
          \(customer.name) (\(customer.tier.rawValue), \(customer.monthlyRevenue) MRR) wrote:
          \(configuration.redactor.redact(feedback.text))
          Follow-up ticket \(ticketID.rawValue) opened with priority \(priority.rawValue).
          """,
        createdAt: feedback.receivedAt,
        ticketID: ticketID,
        metadata: ["customer": customer.id.rawValue, "aspect": aspect?.rawValue ?? "", "priority": priority.rawValue]
      )
    )
    enqueue(
      try customerNotification(
        .feedbackFollowUp,
        kind: .feedbackFollowUp,
        key: "feedback/\(feedback.id)/follow-up",
        to: customer,
        values: [
          "ticketID": ticketID.rawValue,
          "aspect": aspect?.displayName(in: customer.locale) ?? Self.generalAspect(customer.locale),
        ],
        at: feedback.receivedAt,
        ticketID: ticketID
      )
    )
  }

  private func addExplanationNote(_ explanation: SentimentResult, about outcome: FeedbackOutcome, to ticketID: TicketID)
    async throws
  {
    let feedback = outcome.feedback
    let moved = explanation.explanation.prefix(8).map {
      "\($0.token) (\($0.rule.rawValue) \(Self.signed($0.amount)))"
    }
    let note =
      "Feedback \(feedback.id): \(explanation.label.rawValue), score \(Self.signed(explanation.score)), "
      + "confidence \(String(format: "%.2f", explanation.confidence)), language \(explanation.language.rawValue)."
      + (outcome.criticisedAspects.isEmpty
        ? "" : " Criticised: \(outcome.criticisedAspects.map(\.rawValue).joined(separator: ", ")).")
      + (moved.isEmpty ? "" : " Moved by: \(moved.joined(separator: ", ")).")
      + (feedback.npsScore.map { " NPS \($0)." } ?? "")
    _ = try await addInternalNote(note, to: ticketID, by: "feedback-triage", at: feedback.receivedAt)
  }

  private func referralNotification(_ outcome: FeedbackOutcome, customer: CustomerProfile) -> OutboundMessage {
    let feedback = outcome.feedback
    return OutboundMessage(
      idempotencyKey: "feedback/\(feedback.id)/referral",
      audience: .staff,
      kind: .referralOpportunity,
      subject: "Promoter: ask \(TemplateFormat.plainText.escapeValue(customer.name)) for a referral or testimonial",
      body: """
        \(customer.name) (\(customer.tier.rawValue), via \(customer.acquisition.rawValue)) left positive feedback\
        \(feedback.npsScore.map { " with NPS \($0)" } ?? ""):
        \(configuration.redactor.redact(feedback.text))
        """,
      createdAt: feedback.receivedAt,
      metadata: [
        "customer": customer.id.rawValue, "praised": outcome.praisedAspects.map(\.rawValue).joined(separator: ","),
      ]
    )
  }

  private static func generalAspect(_ locale: MessageLocale) -> String {
    switch locale {
    case .english: return "our service"
    case .malay: return "perkhidmatan kami"
    case .lao: return "ບໍລິການຂອງພວກເຮົາ"
    }
  }

  static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }
}
