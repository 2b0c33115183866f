import Foundation
import SupportTickets

@discardableResult
func requireStoreError(
  _ code: StoreError.Code, _ action: String, _ body: () async throws -> Void
) async throws -> StoreError {
  do {
    try await body()
  } catch let error as StoreError {
    guard error.code == code else { throw CheckFailed("\(action) threw \(error.code), expected \(code)") }
    return error
  } catch {
    throw CheckFailed("\(action) threw \(error), expected StoreError \(code)")
  }
  throw CheckFailed("\(action) succeeded, expected StoreError \(code)")
}

/// Builds a valid timeline with one-minute steps.
struct ConformanceTimeline {
  private(set) var events: [TicketEvent]
  private var instant: Date

  init(
    ticket: TicketID, customer: CustomerID, offset: TimeInterval = 0, subject: String = "Mail bounce",
    body: String = "Mail to my domain bounces."
  ) {
    instant = conformanceStart.addingTimeInterval(offset)
    let opening = TicketOpening(ticketID: ticket, customerID: customer, subject: subject, body: body)
    events = [TicketEvent(id: "e0", instant: instant, author: .customer(customer), kind: .created(opening))]
  }

  mutating func next(_ kind: TicketEvent.Kind) -> TicketEvent {
    instant.addTimeInterval(60)
    var author: TicketAuthor = .agent("ana")
    if case .customerReply = kind, case .created(let opening) = events[0].kind {
      author = .customer(opening.customerID)
    }
    return TicketEvent(id: EventID("e\(events.count)"), instant: instant, author: author, kind: kind)
  }

  @discardableResult
  mutating func add(_ kind: TicketEvent.Kind) -> TicketEvent {
    let event = next(kind)
    events.append(event)
    return event
  }
}
