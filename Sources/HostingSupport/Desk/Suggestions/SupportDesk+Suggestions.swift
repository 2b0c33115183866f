import FeedbackSentiment
import Foundation

extension SupportDesk {
  /// The suggestion a piece of feedback makes, if its intent is a suggestion (it asks for an improvement): `SG-<feedback id>`, about the first
  /// aspect the text mentions (the classifier's, else the detector's term lookup), with the text redacted.
  func suggestion(in feedback: CustomerFeedback, result: SentimentResult, intent: FeedbackIntent?) -> Suggestion? {
    guard intent == .suggestion, let detector = configuration.suggestionDetector,
      let cue = detector.detect(feedback.text)
    else { return nil }
    return Suggestion(
      id: SuggestionID(derived: "SG-\(feedback.id)"), customerID: feedback.customerID, feedbackID: feedback.id,
      text: configuration.redactor.redact(feedback.text), aspect: result.aspects.first?.aspect ?? cue.aspect, cue: cue,
      receivedAt: feedback.receivedAt)
  }

  /// The suggestions board: every suggestion grouped by the aspect it is about, with counts per status and the
  /// newest examples, most asked-for first.
  /// - Returns: The board.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  public func suggestionBoard() async throws -> SuggestionBoard {
    try await ensureCurrent()
    return SuggestionBoard(state.loop.allSuggestions)
  }

  /// Every suggestion, oldest first.
  /// - Throws: As ``suggestionBoard()``.
  public func suggestions() async throws -> [Suggestion] {
    try await ensureCurrent()
    return state.loop.allSuggestions
  }

  /// Moves suggestions to a status. Marking one done tells its author, in their language, once (with `note`
  /// when given); a later move back and forth sends nothing more.
  /// - Parameters:
  ///   - ids: The suggestions.
  ///   - status: New, planned or done.
  ///   - note: What to tell the authors when it is done ("Two-factor login is in the panel's security page"),
  ///     plain text.
  ///   - instant: When (default: the desk's date provider).
  /// - Returns: The suggestions as they now stand.
  /// - Throws: ``HostingSupportError`` `notFound` for an unknown id (nothing is changed then); `invalidRequest` naming
  ///   the suggestions another desk changed meanwhile (on a shared state store: those keep the other desk's change,
  ///   the others are moved); state store errors.
  @discardableResult
  public func markSuggestions(
    _ ids: [SuggestionID], as status: SuggestionStatus, note: String? = nil, at instant: Date? = nil
  ) async throws -> [Suggestion] {
    try await ensureCurrent()
    let at = instant ?? clock()
    var changed: [Suggestion] = []
    for id in ids {
      guard var suggestion = state.loop.suggestions[id] else {
        throw HostingSupportError.notFound("suggestion", id: id.rawValue)
      }
      suggestion.status = status
      suggestion.statusChangedAt = max(at, suggestion.receivedAt)
      if let note, TextCheck.hasVisibleText(note) { suggestion.note = configuration.redactor.redact(note) }
      suggestion.revision += 1
      changed.append(suggestion)
    }
    for suggestion in changed {
      record(.suggestion(suggestion))
      if suggestion.status == .done { try enqueueSuggestionDone(suggestion, at: at) }
    }
    let lost = try await commitReportingLostChanges(changed.map { .suggestion($0) })
    if !lost.isEmpty {
      let ids = lost.compactMap { change -> String? in
        guard case .suggestion(let suggestion) = change else { return nil }
        return suggestion.id.rawValue
      }
      throw HostingSupportError.invalidRequest(
        field: "suggestions \(ids.joined(separator: ", "))",
        reason: "were changed by another desk meanwhile (the others were moved): read them again")
    }
    _ = try await deliver(at: at)
    return changed
  }

  private func enqueueSuggestionDone(_ suggestion: Suggestion, at instant: Date) throws {
    let key = "suggestion/\(suggestion.id.rawValue)/done"
    guard !isKnown(key), let customer = customers[suggestion.customerID] else { return }
    enqueue(
      try customerNotification(
        .suggestionDone, kind: .suggestionDone, key: key, to: customer,
        values: ["suggestion": suggestion.text, "note": suggestion.note ?? ""], at: instant))
  }
}
