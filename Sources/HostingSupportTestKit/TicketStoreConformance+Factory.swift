import Foundation
import SupportTickets

extension TicketStoreConformance {
  /// How the suite gets its stores: a fresh, empty one for every check and, for ``Check/reopening``, a new
  /// instance over what an earlier one wrote.
  ///
  /// A store lives at a *location*: a folder for a file store, a database or schema for a SQL store, or a
  /// shared backing object for an in-memory store that can hand its storage to a new instance. The suite
  /// makes a new, empty location for each check, opens a store there, and reopens by closing that store
  /// and opening the same location again. When the check is over it closes the store and removes the
  /// location.
  ///
  /// ```swift
  /// // A file or database store: reopens from disk.
  /// .reopenable(
  ///   makeLocation: { FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString) },
  ///   open: { folder in try FileTicketStore(directory: folder) },
  ///   close: { store in await store.close() },
  ///   removeLocation: { folder in try FileManager.default.removeItem(at: folder) })
  ///
  /// // An in-memory store that cannot hand over its storage: not reopenable.
  /// .fresh { InMemoryTicketStore() }
  /// ```
  public struct Factory: Sendable {
    /// Whether stores can be reopened, so that ``Check/reopening`` runs.
    public let canReopen: Bool
    let makeInstance: @Sendable () async throws -> any StoreInstance

    /// Stores that cannot be reopened (in-memory stores that keep their data to themselves): each call of
    /// `makeStore` returns a new, empty store. ``Check/reopening`` is skipped.
    /// - Parameter makeStore: Returns a new, empty store each time it is called.
    /// - Returns: The factory.
    public static func fresh(_ makeStore: @escaping @Sendable () async throws -> any TicketStore) -> Factory {
      Factory(canReopen: false) {
        FreshInstance(store: try await makeStore())
      }
    }

    /// Stores kept at a location that a new instance can open again: file and database stores, or
    /// in-memory stores whose backing storage is shared.
    /// - Parameters:
    ///   - makeLocation: Returns a new, empty location (a temporary folder, a new schema) for each check.
    ///   - open: Opens a store at a location: for a new location, an empty store; for one an earlier
    ///     instance was closed on, a store with everything that instance acknowledged.
    ///   - close: Releases a store before its location is opened again or removed (files, locks,
    ///     connections); nothing by default. The suite never uses a store after closing it.
    ///   - removeLocation: Deletes a location after its check; nothing by default.
    /// - Returns: The factory.
    public static func reopenable<Location: Sendable, Store: TicketStore>(
      makeLocation: @escaping @Sendable () async throws -> Location,
      open: @escaping @Sendable (Location) async throws -> Store,
      close: @escaping @Sendable (Store) async throws -> Void = { _ in },
      removeLocation: @escaping @Sendable (Location) async throws -> Void = { _ in }
    ) -> Factory {
      Factory(canReopen: true) {
        let location = try await makeLocation()
        let store: Store
        do {
          store = try await open(location)
        } catch {
          try? await removeLocation(location)
          throw error
        }
        return ReopenableInstance(
          location: location, store: store, open: open, close: close, removeLocation: removeLocation)
      }
    }
  }
}

/// One check's store, as the suite holds it: the current instance, and how to reopen and discard it.
protocol StoreInstance: Sendable {
  /// The store the check uses now.
  var store: any TicketStore { get async }
  /// Closes the current store and opens its location again.
  /// - Returns: The new instance.
  func reopen() async throws -> any TicketStore
  /// Closes the current store and removes its location.
  func finish() async throws
}

private actor FreshInstance: StoreInstance {
  let store: any TicketStore

  init(store: any TicketStore) { self.store = store }

  func reopen() throws -> any TicketStore {
    throw CheckFailed("the factory cannot reopen stores")
  }

  func finish() {}
}

private actor ReopenableInstance<Location: Sendable, Store: TicketStore>: StoreInstance {
  private let location: Location
  private var current: Store
  private let open: @Sendable (Location) async throws -> Store
  private let close: @Sendable (Store) async throws -> Void
  private let removeLocation: @Sendable (Location) async throws -> Void

  init(
    location: Location, store: Store, open: @escaping @Sendable (Location) async throws -> Store,
    close: @escaping @Sendable (Store) async throws -> Void,
    removeLocation: @escaping @Sendable (Location) async throws -> Void
  ) {
    self.location = location
    self.current = store
    self.open = open
    self.close = close
    self.removeLocation = removeLocation
  }

  var store: any TicketStore { current }

  func reopen() async throws -> any TicketStore {
    do {
      try await close(current)
    } catch {
      throw CheckFailed("closing the store before reopening it threw \(error)")
    }
    do {
      current = try await open(location)
    } catch {
      throw CheckFailed("reopening the store threw \(error) (does `close` release everything the store holds?)")
    }
    return current
  }

  func finish() async throws {
    try await close(current)
    try await removeLocation(location)
  }
}
