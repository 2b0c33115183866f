import Foundation
import SupportTickets
import Testing

/// Copies the fixture store written before tickets knew their reseller into a fresh folder.
private func copyOldFormatStore() throws -> (TemporaryStoreDirectory, [Ticket]) {
  guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
    throw CocoaError(.fileNoSuchFile)
  }
  let folder = try TemporaryStoreDirectory()
  let source = fixtures.appendingPathComponent("store-before-partners")
  for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
    try FileManager.default.copyItem(
      at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
  }
  let json = try Data(contentsOf: fixtures.appendingPathComponent("store-before-partners.json"))
  return (folder, try JSONDecoder().decode([Ticket].self, from: json))
}

@Suite("File store: partners")
struct FileTicketStorePartnerTests {
  @Test("a store written before tickets knew their reseller opens unchanged, read-only, without a change")
  func oldFormatOpensReadOnly() async throws {
    let (folder, expected) = try copyOldFormatStore()
    defer { folder.cleanUp() }
    let before = try folder.entries()
    let store = try FileTicketStore(directory: folder.url, access: .readOnly)
    let tickets = try await store.allTickets()
    #expect(tickets == expected)
    #expect(tickets.count == 7 && tickets.allSatisfy { $0.resellerID == nil })
    #expect(try await store.query(TicketQuery(partnerID: "acme")).tickets.isEmpty)
    await store.close()
    #expect(try folder.entries() == before)
  }

  @Test("an old-format store takes partner tickets, moves and compaction, and reopens with its partner index")
  func oldFormatTakesPartners() async throws {
    let (folder, expected) = try copyOldFormatStore()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    let opening = TicketOpening(ticketID: "NEW-1", customerID: "cust-1", subject: "Hi", body: "New", resellerID: "acme")
    _ = try await store.create([
      TicketEvent(id: "e1", instant: StoreFixtures.start, author: .customer("cust-1"), kind: .created(opening))
    ])
    // cust-1's old tickets move to acme: OLD-1 (reopened by a reply after being resolved) and OLD-4.
    let moved = try await store.moveTickets(
      ofCustomer: "cust-1", toReseller: "acme", at: StoreFixtures.start.addingTimeInterval(86_400))
    #expect(moved.map(\.id) == ["OLD-1", "OLD-4"])
    let partnerIDs: [TicketID] = ["OLD-1", "OLD-4", "NEW-1"]
    #expect(try await store.allTickets(matching: TicketQuery(partnerID: "acme", limit: 1)).map(\.id) == partnerIDs)
    await store.close()
    for compacting in [false, true] {
      let reopened = try FileTicketStore(directory: folder.url)
      #expect(try await reopened.allTickets(matching: TicketQuery(partnerID: "acme")).map(\.id) == partnerIDs)
      #expect(try await reopened.allTickets().prefix(expected.count).map(\.id) == expected.map(\.id))
      if compacting { try await reopened.compact() }
      await reopened.close()
    }
    let compacted = try FileTicketStore(directory: folder.url, access: .readOnly)
    #expect(try await compacted.allTickets(matching: TicketQuery(partnerID: "acme")).map(\.id) == partnerIDs)
    await compacted.close()
  }

  @Test("the partner index follows tickets that change reseller, in creation order", arguments: [1, 3, 50])
  func partnerIndexFollowsMoves(limit: Int) async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    var generator = SeededGenerator(seed: 17)
    var owners: [TicketID: PartnerID?] = [:]
    var order: [TicketID] = []
    let partners: [PartnerID?] = ["acme", "globex", nil]
    for index in 0..<40 {
      let id = TicketID("M-\(index)")
      let reseller = partners.randomElement(using: &generator)!
      _ = try await store.create([StoreFixtures.opening(id.rawValue, at: Double(index), reseller: reseller)])
      owners[id] = reseller
      order.append(id)
    }
    for round in 0..<30 {
      let id = order.randomElement(using: &generator)!
      let next = partners.randomElement(using: &generator)!
      guard let ticket = try await store.ticket(id), ticket.resellerID != next else { continue }
      let event = TicketEvent(
        id: EventID("move-\(round)"), instant: ticket.updatedAt.addingTimeInterval(1), author: .system,
        kind: .resellerChanged(to: next))
      _ = try await store.append([event], to: id, expectedVersion: ticket.version)
      owners[id] = next
    }
    for partner in partners.compactMap({ $0 }) {
      let expected = order.filter { owners[$0] == partner }
      let found = try await store.allTickets(matching: TicketQuery(partnerID: partner, limit: limit)).map(\.id)
      #expect(found == expected)
    }
    await store.close()
  }
}
