import Foundation
import HostingSupport

/// A check of ``NotificationTransportConformance`` did not hold.
public struct NotificationTransportConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The check that failed.
  public var check: String
  /// What was expected and what happened.
  public var message: String

  /// A failure.
  /// - Parameters:
  ///   - check: The check's name.
  ///   - message: What went wrong.
  public init(check: String, message: String) {
    self.check = check
    self.message = message
  }

  /// `check: message`.
  public var description: String { "\(check): \(message)" }
}

/// The contract of `NotificationTransport` as executable checks, for a host's own transport.
///
/// Framework-agnostic: each check throws ``NotificationTransportConformanceFailure``; call ``run()`` from an
/// XCTest or Swift Testing test, or iterate ``checks`` to report them one by one.
///
/// The suite needs to see what arrived at the receiving end, so the host supplies, per check, a fresh
/// transport and a way to read what it delivered:
///
/// ```swift
/// @Test func myMailQueueHonoursTheTransportContract() async throws {
///   try await NotificationTransportConformance {
///     let queue = try TestMailQueue()
///     return .init(transport: MailQueueTransport(queue: queue)) {
///       try queue.rows().map { .init(idempotencyKey: $0.key, notification: $0.decodedNotification) }
///     }
///   }.run()
/// }
/// ```
public struct NotificationTransportConformance: Sendable {
  /// One notification as observed at the receiving end.
  public struct Received: Hashable, Sendable {
    /// The idempotency key that arrived.
    public var idempotencyKey: String
    /// The whole notification, when the receiver can decode it (content checks are skipped otherwise).
    public var notification: HostingSupport.OutboundMessage?

    /// An observation.
    /// - Parameters:
    ///   - idempotencyKey: The key that arrived.
    ///   - notification: The decoded notification, if available.
    public init(idempotencyKey: String, notification: HostingSupport.OutboundMessage? = nil) {
      self.idempotencyKey = idempotencyKey
      self.notification = notification
    }
  }

  /// A transport under test and a view of its receiving end.
  public struct Subject: Sendable {
    /// The transport.
    public var transport: any NotificationTransport
    /// Everything delivered so far, in any order.
    public var received: @Sendable () async throws -> [Received]

    /// A subject.
    /// - Parameters:
    ///   - transport: The transport.
    ///   - received: Reads what was delivered.
    public init(
      transport: any NotificationTransport,
      received: @escaping @Sendable () async throws -> [Received]
    ) {
      self.transport = transport
      self.received = received
    }
  }

  /// One named check.
  public struct Check: Sendable, CustomStringConvertible {
    /// What the check establishes, as a sentence.
    public var name: String
    var body: @Sendable (Subject) async throws -> Void
    /// The check's name.
    public var description: String { name }
  }

  private let makeSubject: @Sendable () async throws -> Subject

  /// A suite for the transports `makeSubject` builds (called once per check, so checks do not interfere).
  /// - Parameter makeSubject: Builds a fresh transport and its observer.
  public init(_ makeSubject: @escaping @Sendable () async throws -> Subject) {
    self.makeSubject = makeSubject
  }

  /// Every check of the contract.
  public var checks: [Check] { Self.allChecks }

  /// The names of every check, e.g. to parameterize a test over them.
  public static var checkNames: [String] { allChecks.map(\.name) }

  /// Runs the check with that name on a fresh subject.
  /// - Parameter name: One of ``checkNames``.
  /// - Throws: ``NotificationTransportConformanceFailure``, also for an unknown name.
  public func run(checkNamed name: String) async throws {
    guard let check = checks.first(where: { $0.name == name }) else {
      throw NotificationTransportConformanceFailure(check: name, message: "no check has this name")
    }
    try await run(check)
  }

  /// Runs one check on a fresh subject.
  /// - Parameter check: One of ``checks``.
  /// - Throws: ``NotificationTransportConformanceFailure``.
  public func run(_ check: Check) async throws {
    let subject: Subject
    do {
      subject = try await makeSubject()
    } catch {
      throw NotificationTransportConformanceFailure(
        check: check.name, message: "could not build the transport: \(error)")
    }
    try await check.body(subject)
  }

  /// Runs every check.
  /// - Throws: The first ``NotificationTransportConformanceFailure``.
  public func run() async throws {
    for check in checks { try await run(check) }
  }

  /// Runs every check and collects the failures instead of stopping at the first.
  /// - Returns: The failures; empty when the transport conforms.
  public func failures() async -> [NotificationTransportConformanceFailure] {
    var result: [NotificationTransportConformanceFailure] = []
    for check in checks {
      do {
        try await run(check)
      } catch let failure as NotificationTransportConformanceFailure {
        result.append(failure)
      } catch {
        result.append(NotificationTransportConformanceFailure(check: check.name, message: "\(error)"))
      }
    }
    return result
  }
}
