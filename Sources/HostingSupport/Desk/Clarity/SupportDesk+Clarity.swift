import FeedbackSentiment
import Foundation

extension SupportDesk {
  /// Stores an agent's reply with its clarity hints: checked in the customer's language, the hints on an internal
  /// note (author system) in the same append, and in the returned update. Never blocks the reply.
  func appendAgentReply(_ body: String, to ticketID: TicketID, by agent: AgentID, at instant: Date?) async throws
    -> TicketUpdate
  {
    var hints: [ClarityHint] = []
    var result = try await append(.agentReply(body: body), by: .agent(agent), to: ticketID, at: instant) {
      ticket, reply in
      hints = clarityHints(for: reply.body ?? "", customer: ticket.customerID)
      guard !hints.isEmpty else { return [] }
      return [
        TicketEvent(
          id: EventID(derived: "\(reply.id.rawValue)-clarity"), instant: reply.instant, author: .system,
          kind: .internalNote(body: Self.clarityNote(hints, reply: reply.id)))
      ]
    }
    result.clarityHints = hints
    return result
  }

  /// The hints on a reply, in the customer's language (identified from the text for an unknown customer).
  func clarityHints(for reply: String, customer: CustomerID) -> [ClarityHint] {
    guard let check = configuration.clarityCheck else { return [] }
    let language = customers[customer].map { SentimentLanguage(rawValue: $0.locale.rawValue) }
    return check.check(reply, language: language)
  }

  /// The internal note that carries the hints, naming the reply they are about.
  static func clarityNote(_ hints: [ClarityHint], reply: EventID) -> String {
    var lines = ["Clarity hints for reply \(reply.rawValue) (for the agent; not shown to the customer):"]
    for hint in hints {
      switch hint.kind {
      case .jargon:
        lines.append("- jargon \"\(hint.excerpt ?? hint.term ?? "")\": explain it, e.g. \(hint.explanation)")
      case .longSentence:
        let excerpt = hint.excerpt.map { String($0.prefix(60)) + ($0.count > 60 ? "…" : "") } ?? ""
        lines.append("- long sentence \"\(excerpt)\": \(hint.explanation)")
      default:
        lines.append("- \(hint.kind.rawValue): \(hint.explanation)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
