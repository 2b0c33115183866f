import Foundation
import HostingSupport
import SupportTickets
import Testing

/// Records the waits a transport asked for instead of waiting.
actor RecordedWaits {
  private(set) var delays: [TimeInterval] = []
  func record(_ delay: TimeInterval) { delays.append(delay) }
}

func sampleNotification(key: String = "sla/T-100/firstResponse/breach") -> HostingSupport.OutboundMessage {
  HostingSupport.OutboundMessage(
    idempotencyKey: key,
    audience: .staff,
    kind: .slaBreach,
    subject: "Ticket T-100 breached its first-response target",
    body: "Critical ticket T-100 \"Server down\" has had no reply for 1 h 5 min.",
    createdAt: Date(timeIntervalSince1970: 1_790_000_000),
    ticketID: "T-100",
    metadata: ["priority": "critical"]
  )
}

let webhookSecret = Array("whsec-test-0123456789".utf8)
let signingInstant = Date(timeIntervalSince1970: 1_790_000_100)

func makeTransport(
  _ server: LoopbackHTTPServer,
  secret: [UInt8] = webhookSecret,
  attempts: Int = 4,
  timeout: TimeInterval = 5,
  waits: RecordedWaits = RecordedWaits()
) throws -> WebhookTransport {
  try WebhookTransport(
    url: server.url,
    secret: secret,
    timeout: timeout,
    retryPolicy: WebhookRetryPolicy(maximumAttempts: attempts, initialDelay: 0.25, multiplier: 2, maximumDelay: 10),
    now: { signingInstant },
    sleep: { await waits.record($0) },
    jitter: { $0 }
  )
}

/// What the server side of a test checks: the MAC over "timestamp.body" with the shared secret.
func serverAcceptsSignature(_ request: LoopbackHTTPServer.Request, secret: [UInt8]) -> Bool {
  guard let timestamp = request.headers["x-hostingsupport-timestamp"],
    let signature = request.headers["x-hostingsupport-signature"]
  else { return false }
  var signed = Array("\(timestamp).".utf8)
  signed += request.body
  let expected = "v1=" + HMACSHA256.hex(HMACSHA256.authenticationCode(for: signed, key: secret))
  return signature == expected
}

@Suite("Webhook transport against a real HTTP server on 127.0.0.1", .serialized)
struct WebhookTransportTests {
  @Test("a 2xx answer delivers the notification once, as signed JSON carrying its idempotency key")
  func deliversSignedJSON() async throws {
    let server = try LoopbackHTTPServer { request, _ in
      serverAcceptsSignature(request, secret: webhookSecret) ? .status(204) : .status(401)
    }
    defer { server.stop() }
    let notification = sampleNotification()
    try await makeTransport(server).send(notification)

    let requests = server.requests
    try #require(requests.count == 1)
    let request = requests[0]
    #expect(request.method == "POST")
    #expect(request.path == "/hooks/support")
    #expect(request.headers["content-type"] == "application/json")
    #expect(request.headers["idempotency-key"] == notification.idempotencyKey)
    #expect(request.headers["x-hostingsupport-timestamp"] == "1790000100")
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    #expect(try decoder.decode(HostingSupport.OutboundMessage.self, from: request.body) == notification)
  }

  @Test("the server verifies the signature with the shared secret and the receiver helper agrees")
  func signatureVerification() async throws {
    let server = try LoopbackHTTPServer { request, _ in
      serverAcceptsSignature(request, secret: webhookSecret) ? .status(200) : .status(401)
    }
    defer { server.stop() }
    try await makeTransport(server).send(sampleNotification())
    let request = try #require(server.requests.first)
    #expect(
      WebhookSignature.isValid(
        signature: request.headers["x-hostingsupport-signature"] ?? "",
        timestamp: request.headers["x-hostingsupport-timestamp"] ?? "",
        body: request.body,
        secret: webhookSecret,
        now: signingInstant.addingTimeInterval(30)
      )
    )
    var tampered = request.body
    tampered[tampered.startIndex] ^= 0x01
    #expect(
      !WebhookSignature.isValid(
        signature: request.headers["x-hostingsupport-signature"] ?? "",
        timestamp: request.headers["x-hostingsupport-timestamp"] ?? "",
        body: tampered,
        secret: webhookSecret,
        now: signingInstant
      )
    )
    #expect(
      !WebhookSignature.isValid(
        signature: request.headers["x-hostingsupport-signature"] ?? "",
        timestamp: "1790000101",
        body: request.body,
        secret: webhookSecret,
        now: signingInstant
      ),
      "the timestamp is part of what is signed"
    )
    #expect(
      !WebhookSignature.isValid(
        signature: request.headers["x-hostingsupport-signature"] ?? "",
        timestamp: request.headers["x-hostingsupport-timestamp"] ?? "",
        body: request.body,
        secret: webhookSecret,
        now: signingInstant.addingTimeInterval(3600)
      ),
      "a replay an hour later is refused"
    )
  }

  @Test("a request signed with the wrong secret is refused by the server and not retried")
  func wrongSecretIsRejected() async throws {
    let server = try LoopbackHTTPServer { request, _ in
      serverAcceptsSignature(request, secret: webhookSecret) ? .status(200) : .status(401)
    }
    defer { server.stop() }
    let transport = try makeTransport(server, secret: Array("another secret".utf8))
    let error = await #expect(throws: HostingSupportError.self) { try await transport.send(sampleNotification()) }
    #expect(error?.code == .webhookRejected)
    #expect(error?.context["status"] == "401")
    #expect(server.requests.count == 1)
  }

  @Test("4xx answers are not retried", arguments: [400, 403, 404, 409, 410, 422, 429])
  func clientErrorsAreNotRetried(status: Int) async throws {
    let server = try LoopbackHTTPServer { _, _ in .status(status) }
    defer { server.stop() }
    let waits = RecordedWaits()
    let transport = try makeTransport(server, waits: waits)
    let error = await #expect(throws: HostingSupportError.self) { try await transport.send(sampleNotification()) }
    #expect(error?.code == .webhookRejected)
    #expect(error?.context["status"] == String(status))
    #expect(server.requests.count == 1)
    #expect(await waits.delays.isEmpty)
  }

  @Test("5xx answers are retried with exponential backoff until one succeeds")
  func serverErrorsAreRetried() async throws {
    let server = try LoopbackHTTPServer { _, number in
      number == 1 ? .status(500) : number == 2 ? .status(503) : .status(200)
    }
    defer { server.stop() }
    let waits = RecordedWaits()
    try await makeTransport(server, waits: waits).send(sampleNotification())
    let requests = server.requests
    #expect(requests.count == 3)
    #expect(Set(requests.map { $0.headers["idempotency-key"] }) == ["sla/T-100/firstResponse/breach"])
    #expect(await waits.delays == [0.25, 0.5])
  }

  @Test("after the last attempt fails the transport throws a typed error naming the attempts")
  func lastAttemptThrows() async throws {
    let server = try LoopbackHTTPServer { _, _ in .status(502) }
    defer { server.stop() }
    let waits = RecordedWaits()
    let transport = try makeTransport(server, attempts: 3, waits: waits)
    let error = await #expect(throws: HostingSupportError.self) { try await transport.send(sampleNotification()) }
    #expect(error?.code == .webhookUnavailable)
    #expect(error?.context["attempts"] == "3")
    #expect(error?.context["lastFailure"] == "HTTP 502")
    #expect(server.requests.count == 3)
    #expect(await waits.delays == [0.25, 0.5])
  }

  @Test("a dropped connection is retried")
  func droppedConnectionIsRetried() async throws {
    let server = try LoopbackHTTPServer { _, number in number == 1 ? .dropConnection : .status(202) }
    defer { server.stop() }
    try await makeTransport(server).send(sampleNotification())
    #expect(server.requests.count == 2)
  }

  @Test("a response slower than the timeout counts as a failed attempt and is retried")
  func slowResponseTimesOut() async throws {
    let server = try LoopbackHTTPServer { _, number in
      number == 1 ? .delayed(seconds: 3, status: 200) : .status(200)
    }
    defer { server.stop() }
    try await makeTransport(server, timeout: 1).send(sampleNotification())
    #expect(server.requests.count == 2)
  }

  @Test("a slow endpoint on every attempt ends in webhookUnavailable saying it timed out")
  func slowEverywhereTimesOut() async throws {
    let server = try LoopbackHTTPServer { _, _ in .delayed(seconds: 3, status: 200) }
    defer { server.stop() }
    let transport = try makeTransport(server, attempts: 2, timeout: 1)
    let error = await #expect(throws: HostingSupportError.self) { try await transport.send(sampleNotification()) }
    #expect(error?.code == .webhookUnavailable)
    #expect(error?.context["lastFailure"]?.contains("timed out") == true)
  }

  @Test("a refused connection is a network error, retried up to the last attempt")
  func refusedConnection() async throws {
    let server = try LoopbackHTTPServer { _, _ in .status(200) }
    server.stop()
    let waits = RecordedWaits()
    let transport = try makeTransport(server, attempts: 3, waits: waits)
    let error = await #expect(throws: HostingSupportError.self) { try await transport.send(sampleNotification()) }
    #expect(error?.code == .webhookUnavailable)
    #expect(await waits.delays.count == 2)
  }

  @Test("an invalid notification is refused before any request is made")
  func invalidNotificationIsRefused() async throws {
    let server = try LoopbackHTTPServer { _, _ in .status(200) }
    defer { server.stop() }
    let error = await #expect(throws: HostingSupportError.self) {
      try await makeTransport(server).send(sampleNotification(key: ""))
    }
    #expect(error?.code == .invalidNotification)
    #expect(server.requests.isEmpty)
  }
}

@Suite("Webhook configuration and backoff")
struct WebhookConfigurationTests {
  @Test("backoff doubles from the initial delay and stops growing at the cap")
  func exponentialBackoff() {
    let policy = WebhookRetryPolicy(maximumAttempts: 8, initialDelay: 0.5, multiplier: 2, maximumDelay: 5)
    #expect((2...8).map { policy.nominalDelay(beforeAttempt: $0) } == [0.5, 1, 2, 4, 5, 5, 5])
  }

  @Test("the default jitter waits between half and all of the nominal delay")
  func jitterBounds() {
    for nominal in [0.1, 1, 7.5, 30] {
      for _ in 0..<500 {
        let delay = WebhookTransport.equalJitter(nominal)
        #expect(delay >= nominal / 2 && delay <= nominal)
      }
    }
    #expect(WebhookTransport.equalJitter(0) == 0)
  }

  @Test("unusable settings are refused with invalidConfiguration")
  func invalidSettings() {
    let good = URL(string: "https://panel.example.net/hook")!
    let cases: [(URL, [UInt8], TimeInterval, WebhookRetryPolicy, String)] = [
      (URL(string: "ftp://panel.example.net/hook")!, webhookSecret, 5, WebhookRetryPolicy(), "url"),
      (good, [], 5, WebhookRetryPolicy(), "secret"),
      (good, webhookSecret, 0, WebhookRetryPolicy(), "timeout"),
      (good, webhookSecret, 5, WebhookRetryPolicy(maximumAttempts: 0), "maximumAttempts"),
      (good, webhookSecret, 5, WebhookRetryPolicy(multiplier: 0.5), "multiplier"),
    ]
    for (url, secret, timeout, policy, field) in cases {
      let error = #expect(throws: HostingSupportError.self) {
        _ = try WebhookTransport(url: url, secret: secret, timeout: timeout, retryPolicy: policy, now: { .distantPast })
      }
      #expect(error?.code == .invalidConfiguration)
      #expect(error?.context["path"] == field)
    }
  }
}
