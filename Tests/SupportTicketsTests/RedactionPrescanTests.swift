import Foundation
import Testing

@testable import SupportTickets

@Suite("Redaction pre-scan")
struct RedactionPrescanTests {
  /// Pieces that, glued together at random, produce near-secrets, secrets and everything in between.
  private static let fragments = [
    " ", "\n", "pass", "Password", ": ", "=", "is ", "ialah ", "kata laluan", "kata sandi", "ລະຫັດຜ່ານ", "ແມ່ນ",
    "Hunter2!", "abc", "4111", "1111", " 1111", "-", "5555", "12", "0", "+62", "token", "api_key", "secret",
    "Bearer ", "abcdef0123456789abcd", "AKIA", "IOSFODNN7EXAMPLE", "ghp_", "aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3",
    "xoxb-", "sk_live_", "AIza", "eyJ", "hbGciOiJIUzI1NiJ9", ".", "-----BEGIN ", "RSA ", "PRIVATE KEY-----",
    "-----END PRIVATE KEY-----", "ß", "ſ", "K", "ﬆ", "İ", "PASS", "PaSsWoRd", "sAndI", "é", "🙂", "'",
    "mysql -u root -p", " -u app -p", "sshpass -p ", "://", "ftp://bob:", "@host", "aws ", "AWS_SECRET=",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "GOCSPX-", "1a2B3c4D5e6F7g8H9i0J1k2L", "abc8Q~", "sig=", "?",
    "dop_v1_", "sk-", "proj-", "{\"password\":\"", "\"", "DB_PASSWORD=", "--password=", "--dbpass ", "kunci",
    "adalah ", "was ", "now ", "root ", "for my VPS ", "\t", "cc#", "card-", "4111.1111", ".1111",
    "\n  password: ", "AccountKey=", "ຄື", "github_pat_", "glpat-", "GitHub", "mariadb -p", "MySQL -pX",
  ]

  @Test("the pre-scan never hides a secret: same output as running every pattern, over 5000 random texts")
  func equivalentToFullScan() {
    var generator = SeededGenerator(seed: 77)
    let redactor = SensitiveDataRedactor.standard
    var changed = 0
    for _ in 0..<5_000 {
      let count = Int.random(in: 1...12, using: &generator)
      let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
      let fast = redactor.redact(text)
      let full = redactor.redact(text, triggers: .all)
      #expect(fast == full, "\(text)")
      if full != text { changed += 1 }
    }
    #expect(changed > 100, "the generator must produce secrets too")
  }

  @Test("a text with no trigger needs no pattern at all")
  func noTriggers() {
    #expect(RedactionTriggers.scan("Hello, the site is down since 09:14 on web-12.").isEmpty)
    #expect(RedactionTriggers.scan("4111 1111 1111 1111").contains(.cardDigits))
    #expect(RedactionTriggers.scan("PASSWORD").contains(.password))
    #expect(RedactionTriggers.scan("Straße") == .all)
    #expect(RedactionTriggers.scan("mysql -u root -pX").contains(.shortPasswordFlag))
    #expect(RedactionTriggers.scan("https://a:b@c").contains(.urlCredentials))
    #expect(RedactionTriggers.scan("Order 1234, PHP 8.1.1.1, ticket T-42, server web-12").isEmpty)
  }
}
