import Foundation

/// How ``WebhookTransport`` signs its requests, and how a receiver checks them.
///
/// Each request carries two headers:
/// - `X-HostingSupport-Timestamp`: the sending instant in whole seconds since 1970 (UTC);
/// - `X-HostingSupport-Signature`: `v1=` followed by the lower-case hex HMAC-SHA256, under the shared
///   secret, of the timestamp, a full stop, and the exact request body bytes: `"\(timestamp)." + body`.
///
/// A receiver recomputes the MAC over the raw body it received (before parsing the JSON), compares it in
/// constant time, and rejects timestamps too far from its own clock so a captured request cannot be
/// replayed later. Binding the timestamp into the MAC means it cannot be changed without the secret.
public enum WebhookSignature {
  /// The header holding the signature.
  public static let signatureHeader = "X-HostingSupport-Signature"
  /// The header holding the timestamp.
  public static let timestampHeader = "X-HostingSupport-Timestamp"
  /// The header holding the notification's idempotency key.
  public static let idempotencyKeyHeader = "Idempotency-Key"

  /// The signature header value for a body sent at `timestamp`.
  /// - Parameters:
  ///   - body: The exact request body.
  ///   - timestamp: Seconds since 1970, as sent in ``timestampHeader``.
  ///   - secret: The shared secret.
  /// - Returns: `v1=<64 hex digits>`.
  public static func signature(body: Data, timestamp: Int64, secret: some Sequence<UInt8>) -> String {
    "v1="
      + HMACSHA256.hex(HMACSHA256.authenticationCode(for: signedBytes(body: body, timestamp: timestamp), key: secret))
  }

  /// Whether a received request was signed with `secret` recently enough.
  /// - Parameters:
  ///   - signature: The ``signatureHeader`` value (several comma-separated `v1=` values are accepted,
  ///     so a sender can sign with an old and a new secret while rotating).
  ///   - timestamp: The ``timestampHeader`` value as received.
  ///   - body: The raw body as received.
  ///   - secret: The shared secret.
  ///   - now: The receiver's current time.
  ///   - tolerance: How far the timestamp may be from `now`, in seconds (default 5 minutes).
  /// - Returns: `true` if one signature matches and the timestamp is within the tolerance.
  public static func isValid(
    signature: String,
    timestamp: String,
    body: Data,
    secret: some Sequence<UInt8>,
    now: Date,
    tolerance: TimeInterval = 300
  ) -> Bool {
    guard let seconds = Int64(timestamp.trimmingCharacters(in: .whitespaces)),
      abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance
    else { return false }
    let expected = Array(Self.signature(body: body, timestamp: seconds, secret: secret).utf8)
    var matched = false
    for candidate in signature.split(separator: ",") {
      let value = Array(candidate.trimmingCharacters(in: .whitespaces).utf8)
      if HMACSHA256.constantTimeEquals(value, expected) { matched = true }
    }
    return matched
  }

  private static func signedBytes(body: Data, timestamp: Int64) -> Data {
    var bytes = Data("\(timestamp).".utf8)
    bytes.append(body)
    return bytes
  }
}
