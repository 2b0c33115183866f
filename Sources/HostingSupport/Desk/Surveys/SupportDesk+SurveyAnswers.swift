import Foundation
import RetentionMetrics

extension SupportDesk {
  /// The longest survey comment accepted, in characters.
  static let maximumSurveyCommentLength = 10_000

  /// Records a customer's answer to a survey, from the token in their link: verified, once, even without a
  /// comment (a rating-only answer).
  ///
  /// The token's signature is checked in constant time, then its expiry, then that it names a survey this desk
  /// sent and that the survey was not answered before. The answer (the token's single use) is recorded and
  /// written before anything else happens, so two concurrent answers with one token record one and refuse the
  /// other. The answer then goes through the feedback rules of ``recordFeedback(_:)`` as feedback with the
  /// survey's id: a low score (CSAT 1–2, NPS 0–6) or a negative comment opens a follow-up ticket. If that step
  /// fails (the ticket store is down), the answer stays recorded and the next ``tick(now:)`` finishes it.
  /// - Parameters:
  ///   - token: The token from the link (``SurveyToken``).
  ///   - score: CSAT 1–5 or NPS 0–10, as the survey asks.
  ///   - comment: What the customer wrote, if anything (redacted before it is stored).
  ///   - instant: When it was answered (default: the desk's date provider).
  /// - Returns: What the desk made of the answer.
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` when surveys are off, `invalidSurveyToken`,
  ///   `surveyTokenExpired`, `surveyAlreadyAnswered`, `invalidRequest` for a score outside the survey's scale or a
  ///   comment longer than 10,000 characters; `corruptState`; store errors.
  public func answerSurvey(token: String, score: Int, comment: String? = nil, at instant: Date? = nil)
    async throws -> FeedbackOutcome
  {
    try await ensureCurrent()
    guard let settings = configuration.surveys else {
      throw HostingSupportError.invalidConfiguration(field: "surveys", reason: "are off: no signing key is set")
    }
    let at = instant ?? clock()
    let claims = try SurveyToken.verified(token, key: settings.signingKey, now: at)
    guard let survey = state.loop.surveys[claims.surveyID], survey.token == claims else {
      throw HostingSupportError.invalidSurveyToken("it names a survey this desk did not send")
    }
    guard survey.kind.scale.contains(score) else {
      let scale = survey.kind.scale
      throw HostingSupportError.invalidRequest(
        field: "score", reason: "\(score) is outside \(survey.kind.rawValue)'s \(scale.lowerBound)–\(scale.upperBound)")
    }
    let text = comment.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    guard text.count <= Self.maximumSurveyCommentLength else {
      throw HostingSupportError.invalidRequest(
        field: "comment", reason: "is longer than \(Self.maximumSurveyCommentLength) characters")
    }
    guard state.loop.answers[survey.id] == nil else {
      throw HostingSupportError.surveyAlreadyAnswered(survey.id.rawValue)
    }
    let answer = SurveyAnswer(
      surveyID: survey.id, score: score, comment: text.isEmpty ? nil : configuration.redactor.redact(text),
      answeredAt: at)
    let change = DeskChange.surveyAnswered(answer)
    record(change)
    // Another desk that recorded an answer with the same token first used it.
    try await commitFirst(change, orThrow: .surveyAlreadyAnswered(survey.id.rawValue))
    do {
      let outcome = try await process(feedback(answering: survey, with: answer))
      _ = try await deliver(at: at)
      return outcome
    } catch {
      loopMemo.unprocessedAnswers.insert(survey.id)
      throw error
    }
  }

  /// The feedback an answer is: id and survey = the survey's id, the score as CSAT or NPS, the comment as text.
  func feedback(answering survey: SatisfactionSurvey, with answer: SurveyAnswer) -> CustomerFeedback {
    CustomerFeedback(
      id: survey.id.rawValue, customerID: survey.customerID, text: answer.comment ?? "", receivedAt: answer.answeredAt,
      npsScore: survey.kind == .nps ? answer.score : nil, csatScore: survey.kind == .csat ? answer.score : nil,
      ticketID: survey.ticketID, surveyID: survey.id)
  }

  /// Acts on answers recorded without their feedback outcome (a failure after the answer was written, or a crash):
  /// after a restart, every such answer; then only those that failed here. Failures wait for the next tick.
  func finishUnprocessedAnswers() async {
    // On a shared store, first read what other desks wrote: their outcomes, and answers that lost a race here.
    guard (try? await catchUpWithSharedLog()) != nil else { return }
    if !loopMemo.answersCheckedAfterLoad {
      loopMemo.answersCheckedAfterLoad = true
      for id in state.loop.answers.keys where state.feedback(id: id.rawValue) == nil {
        loopMemo.unprocessedAnswers.insert(id)
      }
    }
    guard !loopMemo.unprocessedAnswers.isEmpty else { return }
    for id in loopMemo.unprocessedAnswers.sorted() {
      guard let survey = state.loop.surveys[id], let answer = state.loop.answers[id],
        state.feedback(id: id.rawValue) == nil
      else {
        loopMemo.unprocessedAnswers.remove(id)
        continue
      }
      if (try? await process(feedback(answering: survey, with: answer))) != nil {
        loopMemo.unprocessedAnswers.remove(id)
      }
    }
  }
}
