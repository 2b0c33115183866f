import FeedbackSentiment
import Foundation
import SupportTickets

extension SupportDesk {
  /// Routes a question found in feedback: a ticket `FQ-<feedback id>` in the department of the first aspect it
  /// names (billing for pricing, else technical), normal priority, the question as its body. No apology and no
  /// negative-feedback alert: the customer gets an answer through the ticket.
  func routeQuestion(_ outcome: inout FeedbackOutcome, customer: CustomerProfile, aspect: HostingAspect?) async throws {
    let feedback = outcome.feedback
    let ticketID = TicketID(derived: "FQ-\(feedback.id)")
    if try await store.ticket(ticketID) == nil {
      let opening = TicketOpening(
        ticketID: ticketID,
        customerID: feedback.customerID,
        subject: "Question from feedback" + (aspect.map { " about \($0.displayName(in: .english))" } ?? ""),
        body: feedback.text,
        priority: .normal,
        department: aspect == .pricing ? .billing : .technical,
        channel: customer.preferredChannel,
        resellerID: customer.partners.reseller
      )
      do {
        _ = try await openTicket(opening, at: feedback.receivedAt)
      } catch let error as StoreError where error.code == .duplicateTicket {
        // Another desk on the same stores routed the same question first.
      }
    }
    outcome.questionTicketID = ticketID
  }
}
