import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

/// Collects text written by a ConsoleTransport.
final class TextBuffer: @unchecked Sendable {
  private let lock = NSLock()
  private var blocks: [String] = []
  func append(_ block: String) { lock.withLock { blocks.append(block) } }
  var all: [String] { lock.withLock { blocks } }
}

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("hs-testkit-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

let conformanceChecks = NotificationTransportConformance.checkNames

@Suite("Every shipped transport passes the NotificationTransport conformance suite", .serialized)
struct TransportConformanceTests {
  static let fileOutbox = NotificationTransportConformance {
    let file = try temporaryDirectory().appendingPathComponent("outbox.jsonl")
    return .init(transport: FileOutboxTransport(fileURL: file)) {
      try FileOutboxTransport.notifications(in: file).map { .init(idempotencyKey: $0.idempotencyKey, notification: $0) }
    }
  }

  static let console = NotificationTransportConformance {
    let buffer = TextBuffer()
    return .init(transport: ConsoleTransport(write: buffer.append)) {
      buffer.all.compactMap { block in
        guard let header = block.split(separator: "\n").first, let range = header.range(of: " key=") else { return nil }
        return .init(idempotencyKey: String(header[range.upperBound...]))
      }
    }
  }

  static let recording = NotificationTransportConformance {
    let transport = RecordingTransport()
    return .init(transport: transport) {
      await transport.notifications.map { .init(idempotencyKey: $0.idempotencyKey, notification: $0) }
    }
  }

  @Test("FileOutboxTransport conforms", arguments: conformanceChecks)
  func fileOutboxConforms(check name: String) async throws {
    try await Self.fileOutbox.run(checkNamed: name)
  }

  @Test("ConsoleTransport conforms", arguments: conformanceChecks)
  func consoleConforms(check name: String) async throws {
    try await Self.console.run(checkNamed: name)
  }

  @Test("RecordingTransport conforms", arguments: conformanceChecks)
  func recordingConforms(check name: String) async throws {
    try await Self.recording.run(checkNamed: name)
  }

  @Test("WebhookTransport conforms against a real HTTP server", arguments: conformanceChecks)
  func webhookConforms(check name: String) async throws {
    let server = try LoopbackHTTPServer { _, _ in .status(200) }
    defer { server.stop() }
    let suite = NotificationTransportConformance {
      let transport = try WebhookTransport(
        url: server.url,
        secret: Array("conformance".utf8),
        now: { Fixtures.referenceDate },
        sleep: { _ in },
        jitter: { $0 }
      )
      return .init(transport: transport) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try server.requests.map { request in
          let notification = try decoder.decode(HostingSupport.OutboundMessage.self, from: request.body)
          return .init(idempotencyKey: request.headers["idempotency-key"] ?? "", notification: notification)
        }
      }
    }
    try await suite.run(checkNamed: name)
  }
}

/// A transport that breaks the contract in a chosen way, to show the suite notices.
struct BrokenTransport: NotificationTransport {
  enum Fault: String, CaseIterable, Sendable {
    case acceptsInvalid
    case rewritesKeys
    case dropsEveryOther
    case altersText
  }

  let fault: Fault
  let inner: RecordingTransport

  func send(_ notification: HostingSupport.OutboundMessage) async throws {
    var copy = notification
    switch fault {
    case .acceptsInvalid:
      if notification.idempotencyKey.isEmpty { copy.idempotencyKey = "generated" }
      if notification.customerID == nil && notification.audience == .customer { copy.audience = .staff }
    case .rewritesKeys:
      copy.idempotencyKey = String(notification.idempotencyKey.prefix(40))
    case .dropsEveryOther:
      if await inner.notifications.count % 2 == 1 { return }
    case .altersText:
      copy.body = copy.body.replacingOccurrences(of: "\n", with: " ")
    }
    try await inner.send(copy)
  }
}

@Suite("The conformance suite catches broken transports")
struct ConformanceSuiteCatchesFaultsTests {
  @Test("each kind of contract violation makes at least one check fail", arguments: BrokenTransport.Fault.allCases)
  func violationsAreReported(fault: BrokenTransport.Fault) async {
    let suite = NotificationTransportConformance {
      let inner = RecordingTransport()
      return .init(transport: BrokenTransport(fault: fault, inner: inner)) {
        await inner.notifications.map { .init(idempotencyKey: $0.idempotencyKey, notification: $0) }
      }
    }
    let failures = await suite.failures()
    #expect(!failures.isEmpty)
    #expect(failures.allSatisfy { !$0.message.isEmpty })
  }

  @Test("run() throws the first failure as a NotificationTransportConformanceFailure")
  func runThrows() async {
    let suite = NotificationTransportConformance {
      let inner = RecordingTransport()
      return .init(transport: BrokenTransport(fault: .rewritesKeys, inner: inner)) {
        await inner.notifications.map { .init(idempotencyKey: $0.idempotencyKey, notification: $0) }
      }
    }
    await #expect(throws: NotificationTransportConformanceFailure.self) { try await suite.run() }
  }
}
