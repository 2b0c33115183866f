import Foundation
import SupportTickets

/// Writes imported tickets into any `TicketStore`, so that importing the same export twice leaves the store as
/// the first import did.
///
/// For each ticket the writer reads the stored one: a new ticket is created with its whole timeline; a stored
/// ticket gets only the events it does not have yet, appended with the version it was read at (the store's
/// optimistic concurrency: if someone else changed the ticket meanwhile, the writer reads it again and plans
/// again, up to three times). Tickets are written in batches through the store's `create(timelines:)` and
/// `append(_:)`, which the file store turns into one journal write each.
///
/// The store redacts every body and subject before it keeps them (see `SensitiveDataRedactor`); the importers
/// have already made ids and names safe.
public struct TicketImportWriter: Sendable {
  /// How many tickets go to the store per call.
  public var batchSize: Int
  /// The most warnings a summary lists (all are counted).
  public var maximumWarnings: Int

  /// Creates a writer.
  /// - Parameters:
  ///   - batchSize: Tickets per store call (at least 1); 256 by default.
  ///   - maximumWarnings: The most warnings a summary lists; 1000 by default.
  public init(batchSize: Int = 256, maximumWarnings: Int = 1_000) {
    self.batchSize = max(1, batchSize)
    self.maximumWarnings = max(0, maximumWarnings)
  }

  /// Writes the tickets of an import.
  /// - Parameters:
  ///   - tickets: The tickets, usually ``TicketImport/tickets``.
  ///   - store: The store to write into.
  /// - Returns: What was created, appended, already there or left out.
  /// - Throws: The store's error when it fails for another reason than a concurrent change (a damaged or
  ///   locked file store, an I/O failure); tickets of earlier batches stay written, and running the import again
  ///   completes it.
  /// - Complexity: O(n) in the events imported, plus one store read per ticket and two store writes per batch.
  public func write(_ tickets: [ImportedTicket], to store: some TicketStore) async throws -> TicketImportSummary {
    var summary = TicketImportSummary()
    var start = 0
    while start < tickets.count {
      let end = min(start + batchSize, tickets.count)
      var pending = Array(tickets[start..<end])
      var attempt = 0
      while !pending.isEmpty {
        attempt += 1
        pending = try await writeBatch(pending, to: store, into: &summary, finalAttempt: attempt >= 3)
      }
      start = end
    }
    return summary
  }

  /// Writes one batch; returns the tickets that met a concurrent change and must be planned again.
  private func writeBatch(
    _ batch: [ImportedTicket], to store: some TicketStore, into summary: inout TicketImportSummary,
    finalAttempt: Bool
  ) async throws -> [ImportedTicket] {
    var creations: [(ImportedTicket, TimelinePlanner.Plan)] = []
    var updates: [(ImportedTicket, TimelinePlanner.Plan, Int)] = []
    for imported in batch {
      if let stored = try await store.ticket(imported.id) {
        let plan = TimelinePlanner.planUpdate(imported, stored: stored)
        if plan.events.isEmpty {
          summary.record(plan, created: false, maximumWarnings: maximumWarnings)
          summary.ticketsUnchanged += 1
        } else {
          updates.append((imported, plan, stored.version))
        }
      } else {
        let plan = TimelinePlanner.planNew(imported)
        if plan.events.isEmpty {
          summary.record(plan, created: false, maximumWarnings: maximumWarnings)
        } else {
          creations.append((imported, plan))
        }
      }
    }
    var retry: [ImportedTicket] = []
    let created = await store.create(timelines: creations.map(\.1.events))
    for ((imported, plan), result) in zip(creations, created) {
      switch result {
      case .success:
        summary.record(plan, created: true, maximumWarnings: maximumWarnings)
        summary.ticketsCreated += 1
      case .failure(let error as StoreError) where error.code == .duplicateTicket && !finalAttempt:
        retry.append(imported)
      case .failure(let error as TicketError):
        summary.refused(imported, error, maximumWarnings: maximumWarnings)
      case .failure(let error):
        throw error
      }
    }
    let appended = await store.append(
      updates.map { TicketAppend(events: $0.1.events, ticketID: $0.0.id, expectedVersion: $0.2) })
    for ((imported, plan, _), result) in zip(updates, appended) {
      switch result {
      case .success:
        summary.record(plan, created: true, maximumWarnings: maximumWarnings)
        summary.ticketsUpdated += 1
      case .failure(let error as StoreError) where error.code == .versionConflict && !finalAttempt:
        retry.append(imported)
      case .failure(let error as TicketError):
        summary.refused(imported, error, maximumWarnings: maximumWarnings)
      case .failure(let error):
        throw error
      }
    }
    return retry
  }
}

/// What an import did to a store.
public struct TicketImportSummary: Hashable, Sendable, Codable {
  /// Tickets that were not in the store and now are.
  public var ticketsCreated = 0
  /// Stored tickets that received new events.
  public var ticketsUpdated = 0
  /// Stored tickets that already had every event.
  public var ticketsUnchanged = 0
  /// Events written (including each new ticket's opening).
  public var eventsWritten = 0
  /// Events left out because the store already had them.
  public var eventsAlreadyStored = 0
  /// Events whose instant was moved up to keep the timeline in order.
  public var eventsAdjusted = 0
  /// How many events or tickets were left out (see ``warnings``).
  public var warningCount = 0
  /// Events or tickets left out, and why (code `skipped`, with the ticket and event in the context); at most
  /// the writer's `maximumWarnings`.
  public var warnings: [ImportError] = []

  /// An empty summary.
  public init() {}

  mutating func record(_ plan: TimelinePlanner.Plan, created: Bool, maximumWarnings: Int) {
    if created { eventsWritten += plan.events.count }
    eventsAlreadyStored += plan.alreadyStored
    eventsAdjusted += plan.adjusted
    warningCount += plan.warnings.count
    for warning in plan.warnings where warnings.count < maximumWarnings { warnings.append(warning) }
  }

  /// Records a ticket the store refused as a whole.
  mutating func refused(_ ticket: ImportedTicket, _ error: TicketError, maximumWarnings: Int) {
    warningCount += 1
    guard warnings.count < maximumWarnings else { return }
    warnings.append(
      ImportError(code: .skipped, message: "ticket \(ticket.id) not imported: \(error.message)").about(
        ticket: ticket.id.rawValue))
  }
}
