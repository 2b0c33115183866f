import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Posts each notification as JSON to a host's HTTPS endpoint, signed with HMAC-SHA256.
///
/// The body is the ``OutboundMessage`` JSON; the headers carry the idempotency key and the signature described
/// in ``WebhookSignature``. A 2xx answer is success. HTTP 5xx answers, timeouts and network errors are
/// retried with exponential backoff and jitter (``WebhookRetryPolicy``); a 4xx answer is not retried and
/// throws ``HostingSupportError`` `webhookRejected`; when the last attempt fails the transport throws
/// `webhookUnavailable` naming the attempts and the last failure.
///
/// ```swift
/// let transport = try WebhookTransport(
///   url: URL(string: "https://panel.example.net/hooks/support")!,
///   secret: Array("s3cr3t".utf8),
///   now: { Date() }
/// )
/// ```
public final class WebhookTransport: NotificationTransport, Sendable {
  /// Waits between attempts; injectable so tests need not really wait.
  public typealias Sleep = @Sendable (TimeInterval) async throws -> Void
  /// Turns a nominal backoff delay into the delay actually waited.
  public typealias Jitter = @Sendable (TimeInterval) -> TimeInterval

  /// The endpoint.
  public let url: URL
  /// The per-request timeout, in seconds.
  public let timeout: TimeInterval
  /// When to retry.
  public let retryPolicy: WebhookRetryPolicy
  private let secret: [UInt8]
  private let now: @Sendable () -> Date
  private let sleep: Sleep
  private let jitter: Jitter
  private let extraHeaders: [String: String]
  private let session: URLSession

  /// A webhook transport.
  /// - Parameters:
  ///   - url: The `http` or `https` endpoint.
  ///   - secret: The shared signing secret (non-empty).
  ///   - timeout: How long one request may take, in seconds (default 10; rounded up to whole seconds on
  ///     Linux, where FoundationNetworking does not honour fractions).
  ///   - retryPolicy: When to retry (default: 5 attempts, 0.5 s doubling up to 30 s).
  ///   - headers: Extra headers for every request (e.g. an API token of the host's gateway).
  ///   - now: The clock for the signature timestamp.
  ///   - sleep: How to wait between attempts (default `Task.sleep`).
  ///   - jitter: Maps the nominal wait to the real one (default: uniform in 50–100 % of it).
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` for a bad URL, secret, timeout or policy.
  public init(
    url: URL,
    secret: [UInt8],
    timeout: TimeInterval = 10,
    retryPolicy: WebhookRetryPolicy = WebhookRetryPolicy(),
    headers: [String: String] = [:],
    now: @escaping @Sendable () -> Date,
    sleep: @escaping Sleep = WebhookTransport.taskSleep,
    jitter: @escaping Jitter = WebhookTransport.equalJitter
  ) throws {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
      throw HostingSupportError.invalidConfiguration(field: "url", reason: "must be an http or https URL with a host")
    }
    guard !secret.isEmpty else {
      throw HostingSupportError.invalidConfiguration(field: "secret", reason: "must not be empty")
    }
    guard timeout > 0, timeout.isFinite else {
      throw HostingSupportError.invalidConfiguration(field: "timeout", reason: "must be a positive number of seconds")
    }
    try retryPolicy.validate()
    self.url = url
    self.secret = secret
    self.timeout = timeout
    self.retryPolicy = retryPolicy
    self.extraHeaders = headers
    self.now = now
    self.sleep = sleep
    self.jitter = jitter
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = Self.effectiveTimeout(timeout)
    configuration.timeoutIntervalForResource = Self.effectiveTimeout(timeout)
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpShouldSetCookies = false
    self.session = URLSession(configuration: configuration)
  }

  /// FoundationNetworking on Linux truncates timeouts to whole seconds (0.5 s would become "time out at
  /// once"), so there the timeout is rounded up to the next second.
  private static func effectiveTimeout(_ timeout: TimeInterval) -> TimeInterval {
    #if canImport(FoundationNetworking)
      return timeout.rounded(.up)
    #else
      return timeout
    #endif
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// Waits with `Task.sleep`.
  public static let taskSleep: Sleep = { seconds in
    guard seconds > 0 else { return }
    try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }

  /// Picks the wait uniformly between half the nominal delay and the whole of it.
  public static let equalJitter: Jitter = { nominal in
    nominal <= 0 ? 0 : Double.random(in: (nominal / 2)...nominal)
  }

  /// Posts the notification, retrying as the policy says.
  /// - Parameter notification: The message.
  /// - Throws: ``HostingSupportError`` `invalidNotification`, `webhookRejected` (4xx, not retried) or
  ///   `webhookUnavailable` (every attempt failed); `CancellationError` if the task is cancelled.
  public func send(_ notification: OutboundMessage) async throws {
    try notification.validate()
    let body = try Self.encoder.encode(notification)
    var lastFailure = "no attempt"
    for attempt in 1...retryPolicy.maximumAttempts {
      if attempt > 1 {
        try await sleep(max(0, jitter(retryPolicy.nominalDelay(beforeAttempt: attempt))))
      }
      try Task.checkCancellation()
      switch await post(body, key: notification.idempotencyKey) {
      case .delivered:
        return
      case .rejected(let status):
        throw HostingSupportError.webhookRejected(status: status, url: url, attempts: attempt)
      case .retryable(let failure):
        lastFailure = failure
      }
    }
    throw HostingSupportError.webhookUnavailable(
      url: url,
      attempts: retryPolicy.maximumAttempts,
      lastFailure: lastFailure
    )
  }

  private enum Outcome {
    case delivered
    case rejected(status: Int)
    case retryable(String)
  }

  private func post(_ body: Data, key: String) async -> Outcome {
    let timestamp = Int64(now().timeIntervalSince1970.rounded(.down))
    var request = URLRequest(
      url: url,
      cachePolicy: .reloadIgnoringLocalCacheData,
      timeoutInterval: Self.effectiveTimeout(timeout)
    )
    request.httpMethod = "POST"
    for (name, value) in extraHeaders { request.setValue(value, forHTTPHeaderField: name) }
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(key, forHTTPHeaderField: WebhookSignature.idempotencyKeyHeader)
    request.setValue(String(timestamp), forHTTPHeaderField: WebhookSignature.timestampHeader)
    request.setValue(
      WebhookSignature.signature(body: body, timestamp: timestamp, secret: secret),
      forHTTPHeaderField: WebhookSignature.signatureHeader
    )
    request.httpBody = body
    do {
      let status = try await statusCode(of: request)
      switch status {
      case 200..<300: return .delivered
      case 500..<600: return .retryable("HTTP \(status)")
      default: return .rejected(status: status)
      }
    } catch let error as URLError {
      return .retryable(
        error.code == .timedOut ? "timed out after \(timeout) s" : "network error \(error.code.rawValue)")
    } catch {
      return .retryable("network error: \(error)")
    }
  }

  private func statusCode(of request: URLRequest) async throws -> Int {
    try await withCheckedThrowingContinuation { continuation in
      let task = session.dataTask(with: request) { _, response, error in
        if let error {
          continuation.resume(throwing: error)
        } else if let response = response as? HTTPURLResponse {
          continuation.resume(returning: response.statusCode)
        } else {
          continuation.resume(throwing: URLError(.badServerResponse))
        }
      }
      task.resume()
    }
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()
}
