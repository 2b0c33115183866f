import FeedbackSentiment
import Foundation
import SupportTickets

extension SupportDesk {
  /// Classifies feedback and acts on it.
  ///
  /// - **Follow-up**: a low score (CSAT 1–2 or NPS 0–6) **or** negative text opens a follow-up ticket
  ///   `FB-<feedback id>` (department billing when pricing is the criticised aspect, else technical) with the
  ///   classifier's explanation as an internal note, alerts staff, and tells the customer in their language that
  ///   someone will contact them. A high score with negative text is followed up too; so is a rating-only answer
  ///   with a low score. The ticket's priority is ``followUpPriority(for:customer:)``; the outcome's
  ///   ``FeedbackOutcome/followUpReasons`` say which rule applied.
  /// - **Promoter** (NPS 9–10 or CSAT 5 without negative text, or no score and a positive result with
  ///   confidence ≥ 0.6): flagged, and staff get a referral or testimonial opportunity when
  ///   ``DeskConfiguration/flagsPromotersForReferral`` is on.
  /// - **Question**: text whose intent is a question (``DeskConfiguration/questionPhrases``) is routed, not
  ///   apologised to: without a low score it opens a ticket `FQ-<feedback id>` in the department of its first
  ///   aspect (billing for pricing, else technical) with the question as its body, and negative wording does not
  ///   count as negative text ("a month on, when will my refund arrive?" needs an answer, not a follow-up).
  /// - **Suggestion**: text whose intent is a suggestion — it asks for an improvement
  ///   (``DeskConfiguration/suggestionDetector``) — joins the suggestions board (``suggestionBoard()``), whatever
  ///   its sentiment.
  ///
  /// Recording the same feedback id again returns the first outcome and does nothing new, also when both calls
  /// run at once (the second awaits the first).
  /// - Parameter feedback: The feedback; its text may be empty when it carries a score (a rating-only answer).
  /// - Returns: What the desk made of it.
  /// - Throws: ``HostingSupportError`` `invalidRequest` for empty text without a score, an NPS outside 0–10 or a
  ///   CSAT outside 1–5, `corruptState` when the desk's stored state is damaged; store errors.
  public func recordFeedback(_ feedback: CustomerFeedback) async throws -> FeedbackOutcome {
    try await ensureCurrent()
    try Self.validate(feedback)
    let outcome = try await process(feedback)
    _ = try await deliver(at: clock())
    return outcome
  }

  /// Acts on feedback once: returns the recorded outcome, joins the call acting on the same id, or acts.
  func process(_ feedback: CustomerFeedback) async throws -> FeedbackOutcome {
    if let existing = state.feedback(id: feedback.id) { return existing }
    if let running = feedbackInFlight[feedback.id] { return try await running.value }
    let task = Task { try await self.act(on: feedback) }
    feedbackInFlight[feedback.id] = task
    defer { feedbackInFlight[feedback.id] = nil }
    return try await task.value
  }

  static func validate(_ feedback: CustomerFeedback) throws {
    if !feedback.hasScore && !TextCheck.hasVisibleText(feedback.text) {
      throw HostingSupportError.invalidRequest(field: "feedback text", reason: "is empty and no score was given")
    }
    if !TextCheck.hasVisibleText(feedback.id) {
      throw HostingSupportError.invalidRequest(field: "feedback id", reason: "is empty")
    }
    if let score = feedback.npsScore, !(0...10).contains(score) {
      throw HostingSupportError.invalidRequest(field: "npsScore", reason: "\(score) is outside 0–10")
    }
    if let score = feedback.csatScore, !(1...5).contains(score) {
      throw HostingSupportError.invalidRequest(field: "csatScore", reason: "\(score) is outside 1–5")
    }
  }

  func act(on feedback: CustomerFeedback) async throws -> FeedbackOutcome {
    let customer = profile(for: feedback.customerID)
    let hasText = TextCheck.hasVisibleText(feedback.text)
    let result =
      hasText
      ? classifier.classify(feedback.text) : .unknown(language: SentimentLanguage(rawValue: customer.locale.rawValue))
    var outcome = FeedbackOutcome(feedback: feedback, result: result, language: result.language.rawValue)
    outcome.intent = hasText ? configuration.intentClassifier.intent(of: feedback.text, sentiment: result) : nil
    if feedback.hasLowScore { outcome.followUpReasons.append(.lowScore) }
    if result.label == .negative && outcome.intent != .question { outcome.followUpReasons.append(.negativeText) }
    if !outcome.followUpReasons.isEmpty {
      try await followUp(&outcome, customer: customer, explanation: result)
    } else if outcome.intent == .question {
      try await routeQuestion(&outcome, customer: customer, aspect: result.aspects.first?.aspect)
    } else if Self.isPromoter(feedback, result: result) {
      outcome.flaggedForReferral = true
      if configuration.flagsPromotersForReferral {
        enqueue(referralNotification(outcome, customer: customer))
      }
    }
    if hasText, let suggestion = suggestion(in: feedback, result: result, intent: outcome.intent) {
      if state.loop.suggestions[suggestion.id] == nil { record(.suggestion(suggestion)) }
      outcome.suggestionID = suggestion.id
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
  /// One point for strong dissatisfaction in the words or the score (sentiment ≤ −0.5, NPS 0–3 or CSAT 1), one
  /// for a high-value customer (a
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
    let feedback = outcome.feedback
    if outcome.score <= -0.5 || (feedback.npsScore.map { $0 <= 3 } ?? false) || feedback.csatScore == 1 {
      points += 1
    }
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
    guard result.label != .negative else { return false }
    if let nps = feedback.npsScore { return nps >= 9 }
    if let csat = feedback.csatScore { return csat == 5 }
    return result.label == .positive && result.confidence >= 0.6
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
        subject: Self.followUpSubject(outcome, aspect: aspect),
        body: TextCheck.hasVisibleText(feedback.text)
          ? feedback.text
          : "Rating only, no comment: \(feedback.scoreText)"
            + (feedback.ticketID.map { " for ticket \($0.rawValue)" } ?? "") + ".",
        priority: priority,
        department: aspect == .pricing ? .billing : .technical,
        channel: customer.preferredChannel,
        resellerID: customer.partners.reseller
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
        subject: "[\(priority.rawValue)] "
          + (outcome.followUpReasons.contains(.negativeText) ? "Negative feedback" : "Low rating")
          + " from \(TemplateFormat.plainText.escapeValue(customer.name))"
          + (aspect.map { " about \($0.rawValue)" } ?? ""),
        body: """
          \(customer.name) (\(customer.tier.rawValue), \(customer.monthlyRevenue) MRR)\
          \(feedback.hasScore ? " rated \(feedback.scoreText) and" : "") wrote:
          \(TextCheck.hasVisibleText(feedback.text) ? configuration.redactor.redact(feedback.text) : "(no comment)")
          Follow-up ticket \(ticketID.rawValue) opened with priority \(priority.rawValue).
          """,
        createdAt: feedback.receivedAt,
        ticketID: ticketID,
        metadata: [
          "customer": customer.id.rawValue, "aspect": aspect?.rawValue ?? "", "priority": priority.rawValue,
          "reasons": outcome.followUpReasons.map(\.rawValue).joined(separator: ","),
        ]
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
      + (feedback.hasScore ? " \(feedback.scoreText)." : "")
      + " Followed up for: \(outcome.followUpReasons.map(\.rawValue).joined(separator: ", "))."
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
        \(feedback.hasScore ? " with \(feedback.scoreText)" : ""):
        \(TextCheck.hasVisibleText(feedback.text) ? configuration.redactor.redact(feedback.text) : "(no comment)")
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

  private static func followUpSubject(_ outcome: FeedbackOutcome, aspect: HostingAspect?) -> String {
    if outcome.followUpReasons.contains(.negativeText) {
      return "Follow-up: negative feedback" + (aspect.map { " about \($0.displayName(in: .english))" } ?? "")
    }
    return "Follow-up: low rating (\(outcome.feedback.scoreText))"
  }
}
