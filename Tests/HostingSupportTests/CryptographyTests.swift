import Foundation
import Testing

@testable import HostingSupport

/// Hex string → bytes, for test vectors.
func bytes(hex: String) -> [UInt8] {
  var result: [UInt8] = []
  var index = hex.startIndex
  while index < hex.endIndex {
    let next = hex.index(index, offsetBy: 2)
    result.append(UInt8(hex[index..<next], radix: 16)!)
    index = next
  }
  return result
}

@Suite("SHA-256 (FIPS 180-4 examples)")
struct SHA256Tests {
  static let vectors: [(message: String, digest: String)] = [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ]

  @Test("hashes the FIPS 180 example messages to their published digests", arguments: vectors)
  func publishedVectors(message: String, digest: String) {
    #expect(HMACSHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test("hashes one million 'a' to the published digest")
  func millionA() {
    let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(HMACSHA256.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("feeding a message in random chunks gives the same digest as one update")
  func chunkedEqualsOneShot() {
    var generator = SplitMix(seed: 42)
    for _ in 0..<200 {
      let length = Int.random(in: 0...300, using: &generator)
      let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      var hasher = SHA256()
      var offset = 0
      while offset < message.count {
        let step = Int.random(in: 1...70, using: &generator)
        hasher.update(message[offset..<min(message.count, offset + step)])
        offset += step
      }
      #expect(hasher.finalize() == SHA256.hash(message))
    }
  }
}

@Suite("HMAC-SHA256 (RFC 4231 test cases)")
struct HMACSHA256Tests {
  struct Vector: Sendable, CustomTestStringConvertible {
    var name: String
    var key: [UInt8]
    var data: [UInt8]
    var mac: String
    var testDescription: String { name }
  }

  static let vectors: [Vector] = [
    Vector(
      name: "test case 1",
      key: [UInt8](repeating: 0x0b, count: 20),
      data: Array("Hi There".utf8),
      mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    Vector(
      name: "test case 2 (key shorter than the output)",
      key: Array("Jefe".utf8),
      data: Array("what do ya want for nothing?".utf8),
      mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    Vector(
      name: "test case 3 (combined length of key and data larger than 64 bytes)",
      key: [UInt8](repeating: 0xaa, count: 20),
      data: [UInt8](repeating: 0xdd, count: 50),
      mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    ),
    Vector(
      name: "test case 4",
      key: Array(1...25),
      data: [UInt8](repeating: 0xcd, count: 50),
      mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    ),
    Vector(
      name: "test case 5 (truncated to 128 bits)",
      key: [UInt8](repeating: 0x0c, count: 20),
      data: Array("Test With Truncation".utf8),
      mac: "a3b6167473100ee06e0c796c2955552b"
    ),
    Vector(
      name: "test case 6 (key larger than the block size)",
      key: [UInt8](repeating: 0xaa, count: 131),
      data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    Vector(
      name: "test case 7 (key and data larger than the block size)",
      key: [UInt8](repeating: 0xaa, count: 131),
      data: Array(
        ("This is a test using a larger than block-size key and a larger than block-size data. "
          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8
      ),
      mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    ),
  ]

  @Test("computes every RFC 4231 HMAC-SHA-256 test case", arguments: vectors)
  func rfc4231(vector: Vector) {
    let mac = HMACSHA256.authenticationCode(for: vector.data, key: vector.key)
    #expect(mac.count == 32)
    #expect(Array(mac.prefix(vector.mac.count / 2)) == bytes(hex: vector.mac))
  }

  @Test("constant-time comparison tells equal from different byte strings")
  func constantTimeEquals() {
    #expect(HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 3]))
    #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 4]))
    #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2]))
  }
}

/// The kit's seeded generator (SplitMix64), so every run draws the same values.
typealias SplitMix = SplitMix64
