import Foundation
import Testing

@testable import SupportTickets

@Suite("Ticket position index")
struct TicketPositionIndexTests {
  @Test("the index finds every inserted id and nothing else, like a dictionary, through many growths")
  func agreesWithDictionary() {
    var generator = SeededGenerator(seed: 404)
    var index = TicketPositionIndex()
    var ids: [TicketID] = []
    var reference: [TicketID: Int] = [:]
    for position in 0..<20_000 {
      let id = TicketID("T-\(UInt32.random(in: 0...UInt32.max, using: &generator))-\(position)")
      index.insert(id, at: position)
      ids.append(id)
      reference[id] = position
    }
    #expect(index.count == 20_000)
    for (id, position) in reference {
      #expect(index.position(of: id) { ids[$0] } == position)
    }
    for probe in 0..<2_000 {
      #expect(index.position(of: TicketID("absent-\(probe)")) { ids[$0] } == nil)
    }
  }

  @Test("an empty index finds nothing")
  func empty() {
    let index = TicketPositionIndex()
    #expect(index.position(of: "T-1") { _ in "T-1" } == nil)
  }
}
