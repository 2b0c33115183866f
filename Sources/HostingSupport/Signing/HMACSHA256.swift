import Foundation

/// HMAC-SHA256 (RFC 2104 with SHA-256, checked against the RFC 4231 test vectors).
///
/// Public so that a host's webhook receiver written in Swift can verify ``WebhookTransport`` signatures
/// without a crypto dependency (see ``WebhookSignature``).
public enum HMACSHA256 {
  /// The authentication code of `message` under `key`.
  /// - Parameters:
  ///   - message: The bytes to authenticate.
  ///   - key: The secret key (any length; keys longer than 64 bytes are hashed first).
  /// - Returns: The 32-byte MAC.
  /// - Complexity: O(n + k) in the message and key lengths.
  public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
    var keyBytes = Array(key)
    if keyBytes.count > SHA256.blockByteCount { keyBytes = SHA256.hash(keyBytes) }
    keyBytes += [UInt8](repeating: 0, count: SHA256.blockByteCount - keyBytes.count)
    var inner = SHA256()
    inner.update(keyBytes.map { $0 ^ 0x36 })
    inner.update(message)
    let innerDigest = inner.finalize()
    var outer = SHA256()
    outer.update(keyBytes.map { $0 ^ 0x5c })
    outer.update(innerDigest)
    return outer.finalize()
  }

  /// Lower-case hexadecimal of `bytes`.
  /// - Parameter bytes: The bytes to format.
  /// - Returns: Two hex digits per byte.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Compares two byte strings in time that depends only on their lengths, so a signature check does not
  /// leak how many leading bytes matched.
  /// - Returns: `true` when both are equal.
  public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
    return difference == 0
  }
}
