import Foundation
import SupportTickets
import Testing

@Suite("Password, key and token redaction")
struct SecretRedactionTests {
  let redactor = SensitiveDataRedactor.standard

  @Test(
    "labelled passwords are masked in English, Malay/Indonesian and Lao; the label stays",
    arguments: [
      ("password: Hunter2!", "password: [redacted]"),
      ("cPanel Password = s3cr3t-pass", "cPanel Password = [redacted]"),
      ("FTP pass=abc123 user=bob", "FTP pass=[redacted] user=bob"),
      ("pwd: 'Tr0ub4dor&3'", "pwd: '[redacted]'"),
      ("my new password is Sunset#2026", "my new password is [redacted]"),
      ("kata laluan: Rahsia123", "kata laluan: [redacted]"),
      ("Kata laluan saya ialah Rahsia@99 tolong", "Kata laluan saya ialah [redacted] tolong"),
      ("kata sandi: Rahasia2026", "kata sandi: [redacted]"),
      ("ລະຫັດຜ່ານ: abc12345", "ລະຫັດຜ່ານ: [redacted]"),
      ("ລະຫັດຜ່ານແມ່ນ Xyz789!", "ລະຫັດຜ່ານແມ່ນ [redacted]"),
    ])
  func passwords(text: String, expected: String) {
    #expect(redactor.redact(text) == expected)
  }

  @Test(
    "sentences about passwords without one stay readable",
    arguments: [
      "the password is wrong", "I forgot my password, please reset it", "kata laluan saya salah",
      "ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ", "My passport number is needed?", "the API token is expired",
      "Our secret: none",
    ])
  func passwordProse(text: String) {
    #expect(redactor.redact(text) == text)
  }

  @Test("PEM private keys are masked whole, public certificates are not")
  func privateKeys() {
    let key = """
      -----BEGIN RSA PRIVATE KEY-----
      MIIEpAIBAAKCAQEA7bq1
      aGVsbG8gd29ybGQ=
      -----END RSA PRIVATE KEY-----
      """
    #expect(redactor.redact("Here is my key:\n\(key)\nthanks") == "Here is my key:\n[redacted private key]\nthanks")
    let openSSH = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----"
    #expect(redactor.redact(openSSH) == "[redacted private key]")
    let truncated = "key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq"
    #expect(redactor.redact(truncated) == "key:\n[redacted private key]")
    let certificate = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----"
    #expect(redactor.redact(certificate) == certificate)
  }

  @Test(
    "common API token shapes are masked",
    arguments: [
      "AKIAIOSFODNN7EXAMPLE",
      "ghp_" + String(repeating: "aB3", count: 12),
      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
      "glpat-abcdefghij0123456789",
      "xoxb-123456789012-abcdefghij",
      "sk_live_" + String(repeating: "4eC39HqLyjWDarjtT1zdp7dc", count: 1),
      "AIza" + String(repeating: "S", count: 35),
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ])
  func tokenShapes(token: String) {
    #expect(redactor.redact("use \(token) now") == "use [redacted token] now")
  }

  @Test("bearer tokens and key assignments keep their label")
  func tokenAssignments() {
    #expect(
      redactor.redact("Authorization: Bearer abcdef0123456789abcdef")
        == "Authorization: Bearer [redacted token]")
    #expect(redactor.redact("api_key=abcd1234efgh") == "api_key=[redacted token]")
    #expect(redactor.redact("client_secret: \"Zm9vYmFyYmF6cXV4cXV1eA\"") == "client_secret: \"[redacted token]\"")
  }

  @Test(
    "text without secrets is returned unchanged",
    arguments: [
      "", "Hello, my site example.com is down since 09:14.",
      "Terima kasih atas bantuan anda, laman web sudah pulih.",
      "ຂອບໃຈຫຼາຍໆ ເວັບໄຊໃຊ້ງານໄດ້ແລ້ວ", "Straße ſ K ﬁ İstanbul", "Order 12345, invoice 2026-0042, 3 GB plan.",
      "Through the night the high traffic kept going", "🙂🚀 émojis and accents: ça marche",
    ])
  func unchanged(text: String) {
    #expect(redactor.redact(text) == text)
    #expect(!redactor.containsSecrets(text))
  }
}
