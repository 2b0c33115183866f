import Foundation
import HostingSupport
import HostingSupportTestKit

/// A desk's view of a shared state store that can hold the desk's next keyed append until the test releases it:
/// the desk has decided and recorded, another desk writes meanwhile, then the held append lands second.
actor HeldAppendStateStore: DeskStateStore {
  let base: any DeskStateStore
  private var armed = false
  private var isHolding = false
  private var arrival: CheckedContinuation<Void, Never>?
  private var release: CheckedContinuation<Void, Never>?

  init(_ base: any DeskStateStore) { self.base = base }

  nonisolated var isShared: Bool { base.isShared }

  /// Holds the next `appendUnique(_:)` call.
  func holdNextAppend() { armed = true }

  /// Returns once an append is held.
  func waitUntilHolding() async {
    if isHolding { return }
    await withCheckedContinuation { arrival = $0 }
  }

  /// Lets the held append go on to the shared store.
  func releaseHeldAppend() {
    isHolding = false
    release?.resume()
    release = nil
  }

  func appendUnique(_ records: [KeyedDeskStateRecord]) async throws -> DeskStateAppendResult {
    if armed {
      armed = false
      isHolding = true
      arrival?.resume()
      arrival = nil
      await withCheckedContinuation { release = $0 }
    }
    return try await base.appendUnique(records)
  }

  func loadRecords() async throws -> [DeskStateRecord] { try await base.loadRecords() }
  func append(_ records: [DeskStateRecord]) async throws { try await base.append(records) }
  func replaceRecords(with records: [DeskStateRecord]) async throws { try await base.replaceRecords(with: records) }
  func records(after position: DeskStateLogPosition?) async throws -> DeskStateLogRead {
    try await base.records(after: position)
  }
  func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord]) async throws
    -> Bool
  {
    try await base.replaceRecords(through: position, with: records)
  }
  func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date) async throws
    -> Set<String>
  {
    try await base.claimDeliveries(keys, for: owner, at: instant, until: leaseEnd)
  }
  func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date) async throws
    -> Bool
  {
    try await base.acquireLease(name, for: owner, at: instant, until: leaseEnd)
  }
  func releaseLease(_ name: DeskStateLease, for owner: String) async throws {
    try await base.releaseLease(name, for: owner)
  }
  func reserveTicketNumber() async throws -> Int? { try await base.reserveTicketNumber() }
}

extension SharedDesks {
  /// Two desks whose second one's appends can be held (``HeldAppendStateStore``).
  static func withHeldSecondDesk(configuration: DeskConfiguration = DeskConfiguration(hostName: "ExampleHost"))
    -> (desks: SharedDesks, held: HeldAppendStateStore)
  {
    let shared = SharedInMemoryDeskStateStore()
    let held = HeldAppendStateStore(shared)
    let desks = SharedDesks(stateStore: shared, configuration: configuration) { index, store in
      index == 1 ? held : store
    }
    return (desks, held)
  }

  /// Runs `second` on the second desk until its write is held, runs `first` on the first desk, then lets the
  /// second desk's write land and returns its result: the two desks made the same change, the first one first.
  func race<Value: Sendable>(
    held: HeldAppendStateStore, second: @escaping @Sendable (SupportDesk) async throws -> Value,
    first: (SupportDesk) async throws -> Void
  ) async throws -> Result<Value, any Error> {
    await held.holdNextAppend()
    let desk = desks[1]
    let task = Task { try await second(desk) }
    await held.waitUntilHolding()
    try await first(desks[0])
    await held.releaseHeldAppend()
    return await task.result
  }
}
