import Foundation
import SupportTickets
import Testing

/// The documented transition table, written out by hand (not read from `TicketStatus.allowedTransitions`).
private let documentedMoves: Set<String> = [
  "open→inProgress", "open→waitingOnCustomer", "open→onHold", "open→resolved", "open→closed",
  "inProgress→open", "inProgress→waitingOnCustomer", "inProgress→onHold", "inProgress→resolved", "inProgress→closed",
  "waitingOnCustomer→open", "waitingOnCustomer→inProgress", "waitingOnCustomer→onHold", "waitingOnCustomer→resolved",
  "waitingOnCustomer→closed",
  "onHold→open", "onHold→inProgress", "onHold→waitingOnCustomer", "onHold→resolved", "onHold→closed",
  "resolved→open", "resolved→inProgress", "resolved→closed",
]

private let everyPair: [(TicketStatus, TicketStatus)] = TicketStatus.allCases.flatMap { from in
  TicketStatus.allCases.map { (from, $0) }
}

@Suite("Status transitions")
struct StatusTransitionTests {
  @Test("every pair of statuses follows the documented table", arguments: everyPair)
  func everyPairFollowsTheTable(from: TicketStatus, to: TicketStatus) throws {
    let allowed = documentedMoves.contains("\(from.rawValue)→\(to.rawValue)")
    let (start, builder) = try ticket(in: from)
    var copy = builder
    let move = copy.next(.statusChanged(to: to))
    var ticket = start
    if allowed {
      try ticket.apply(move)
      #expect(ticket.status == to)
      #expect(ticket.version == start.version + 1)
    } else {
      let error = #expect(throws: TicketError.self) { try ticket.apply(move) }
      #expect(error?.code == .invalidTransition)
      #expect(error?.context["from"] == from.rawValue)
      #expect(error?.context["to"] == to.rawValue)
      #expect(error?.message.contains(from.rawValue) == true)
      #expect(error?.message.contains(to.rawValue) == true)
      #expect(ticket == start, "a refused move leaves the ticket unchanged")
    }
    #expect(from.canTransition(to: to) == allowed)
  }

  @Test("the transition table has exactly the documented moves")
  func tableMatchesDocumentation() {
    var listed: Set<String> = []
    for (from, targets) in TicketStatus.allowedTransitions {
      for to in targets { listed.insert("\(from.rawValue)→\(to.rawValue)") }
    }
    #expect(listed == documentedMoves)
    #expect(TicketStatus.allowedTransitions.count == TicketStatus.allCases.count)
  }

  @Test("a status never moves to itself", arguments: TicketStatus.allCases)
  func noSelfMoves(status: TicketStatus) {
    #expect(!status.canTransition(to: status))
  }

  @Test("a refused move inside a timeline makes the whole fold throw")
  func refusedMoveInTimeline() throws {
    var builder = TimelineBuilder()
    builder.add(.statusChanged(to: .resolved))
    builder.add(.statusChanged(to: .onHold))
    let error = #expect(throws: TicketError.self) { try builder.ticket() }
    #expect(error?.code == .invalidTransition)
    #expect(error?.context["from"] == "resolved" && error?.context["to"] == "onHold")
  }
}
