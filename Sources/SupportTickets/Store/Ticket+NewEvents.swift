import Foundation

extension Ticket {
  /// Checks that `events` may be appended as far as their ids go: none repeats an id of this ticket's
  /// timeline or of an earlier element of `events`.
  ///
  /// A store's ``TicketStore/append(_:to:expectedVersion:)`` calls it on the stored ticket before folding
  /// the events, so a repeated id is reported as the contract says, with ``StoreError`` `duplicateEvent`
  /// (``apply(_:)`` would refuse it too, but as a ``TicketError``).
  /// - Parameter events: The events about to be appended, oldest first.
  /// - Throws: ``StoreError`` `duplicateEvent` naming the first repeated id.
  /// - Complexity: O(k) on average for k events.
  public func requireNewEventIDs(_ events: [TicketEvent]) throws(StoreError) {
    if events.count == 1 {
      if containsEvent(events[0].id) { throw StoreError.duplicateEvent(events[0].id, in: id) }
      return
    }
    var seen = Set<EventID>(minimumCapacity: events.count)
    for event in events where containsEvent(event.id) || !seen.insert(event.id).inserted {
      throw StoreError.duplicateEvent(event.id, in: id)
    }
  }
}
