import Foundation
import SupportTickets
import Testing

@Suite("Redaction of secrets in every shape")
struct SecretShapesRedactionTests {
  let redactor = SensitiveDataRedactor.standard

  @Test(
    "card numbers separated by dots, tabs, newlines or runs of spaces, or glued to a prefix, are masked",
    arguments: [
      "4111.1111.1111.1111", "4111\t1111\t1111\t1111", "4111\n1111\n1111\n1111", "4111   1111   1111   1111",
      "4111 - 1111 - 1111 - 1111", "4111_1111_1111_1111", "4111/1111/1111/1111", "4111 1111\n1111.1111",
      "card-4111111111111111", "cc#4111111111111111", "cc/4111111111111111", "CC:4111-1111-1111-1111",
      "visa4111111111111111", "ref 12 4111 1111 1111 1111", "4111 1111 1111 1111 12/29",
    ])
  func cardShapes(card: String) {
    let redacted = redactor.redact("pay with \(card) please")
    #expect(redacted.contains("[redacted card ending 1111]"), "\(redacted)")
    #expect(!redacted.contains("4111"), "\(redacted)")
  }

  @Test(
    "passwords in JSON, URLs, .env, INI and YAML lines and command-line flags are masked",
    arguments: [
      (#"{"password":"Hunter2!"}"#, #"{"password":"[redacted]"}"#),
      (#"{"user": "bob", "db_password": "s3cr3t pass"}"#, #"{"user": "bob", "db_password": "[redacted]"}"#),
      (#"{"adminPassword": 123456}"#, #"{"adminPassword": [redacted]}"#),
      ("mysql://root:Sup3rS3cret@db.example.com:3306/app", "mysql://root:[redacted]@db.example.com:3306/app"),
      ("ftp://alice:hunter2@ftp.example.net/", "ftp://alice:[redacted]@ftp.example.net/"),
      ("DB_PASSWORD=Tr0ub4dor&3\nDB_HOST=localhost", "DB_PASSWORD=[redacted]\nDB_HOST=localhost"),
      ("export MYSQL_ROOT_PASSWORD='p@ss word'", "export MYSQL_ROOT_PASSWORD='[redacted]'"),
      ("[client]\nuser = root\npassword = correct horse 9", "[client]\nuser = root\npassword = [redacted]"),
      (
        "database:\n  username: app\n  password: \"yaml-Secret\"",
        "database:\n  username: app\n  password: \"[redacted]\""
      ),
      ("mysql -u root -pS3cretPass -h localhost", "mysql -u root -p[redacted] -h localhost"),
      ("mysqldump -p'my pass' shop", "mysqldump -p'[redacted]' shop"),
      ("wp db import --dbpass=abc123", "wp db import --dbpass=[redacted]"),
      ("certbot --password=Hunter2 --email a@b.c", "certbot --password=[redacted] --email a@b.c"),
      ("psql --password 'Zx9!qq'", "psql --password '[redacted]'"),
      ("sshpass -p 'hunter2' ssh root@vps", "sshpass -p '[redacted]' ssh root@vps"),
    ])
  func structuredPasswords(text: String, expected: String) {
    #expect(redactor.redact(text) == expected)
  }

  @Test(
    "cloud secret keys are masked",
    arguments: [
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "AWS keys: AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "my aws secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "client_secret=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",
      "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",
      "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=;EndpointSuffix=core.windows.net",
      "https://shop.blob.core.windows.net/c?sv=2022-11-02&sig=AbCdEf0123456789%2Bxyz%3D",
      "azure secret abc8Q~Xy9zAbCdEfGhIjKlMnOpQrStUvWxYz0123",
      "dop_v1_" + String(repeating: "a1b2c3d4", count: 8),
      "sk-proj-" + String(repeating: "Ab3", count: 12),
    ])
  func cloudKeys(text: String) {
    let redacted = redactor.redact(text)
    #expect(redacted.contains("[redacted"), "\(redacted)")
    for secret in [
      "wJalrXUtnFEMI", "GOCSPX-1a2B", "Zm9vYmFyYmF6", "AbCdEf0123456789", "Xy9zAbCdEf", "a1b2c3d4a1b2", "Ab3Ab3Ab3",
    ] {
      #expect(!redacted.contains(secret), "\(redacted)")
    }
  }

  @Test(
    "passwords stated in English, Malay, Indonesian and Lao sentences are masked",
    arguments: [
      ("the root password for my VPS is Sunset#2026 thanks", "the root password for my VPS is [redacted] thanks"),
      ("My cPanel password is now Kuala2024!", "My cPanel password is now [redacted]"),
      ("password was Tr0ub4dor, please change it", "password was [redacted] please change it"),
      ("kata laluan root untuk VPS saya ialah Rahsia@99", "kata laluan root untuk VPS saya ialah [redacted]"),
      ("Kata laluan cPanel saya adalah Bunga2025", "Kata laluan cPanel saya adalah [redacted]"),
      ("kata sandi root VPS saya adalah Rahasia#7", "kata sandi root VPS saya adalah [redacted]"),
      ("password saya adalah Jakarta2026", "password saya adalah [redacted]"),
      ("ລະຫັດຜ່ານ root ຂອງ VPS ຂ້ອຍແມ່ນ Xyz789!", "ລະຫັດຜ່ານ root ຂອງ VPS ຂ້ອຍແມ່ນ [redacted]"),
      ("ລະຫັດຜ່ານຂອງຂ້ອຍຄື Vte2026ຂອບໃຈ", "ລະຫັດຜ່ານຂອງຂ້ອຍຄື [redacted]ຂອບໃຈ"),
    ])
  func statedPasswords(text: String, expected: String) {
    #expect(redactor.redact(text) == expected)
  }

  @Test(
    "near misses stay untouched: order, invoice and ticket numbers, versions, IP addresses, phone numbers, password-reset sentences",
    arguments: [
      "Order #100234 and invoice INV-2026-000123 for ticket T-20261123-0042",
      "Upgraded PHP to 8.1.1.1 and MariaDB 10.11.6-1",
      "Servers 203.0.113.42, 10.0.0.1 and 2001:db8::1 answer again",
      "Call +60 12-345 6789, +62 812 3456 7890, +856 20 5555 1234 or 021-555-0199",
      "Please send me a password reset link",
      "The password reset link is https://panel.example.com/reset and it expired",
      "Password: reset link sent to your email",
      "My password is wrong and the password is not working",
      "kata laluan saya salah, tolong hantar pautan set semula",
      "ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ",
      "passport number required; bypass the cache",
      "the API token is expired",
      "password_min_length: 12",
      "Tracking 1Z999AA10123456784, serial 2026-0001-0002-0003",
      "git commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "Build 4.1111111111111111 and ratio 0.4111111111111111",
    ])
  func nearMisses(text: String) {
    #expect(redactor.redact(text) == text)
  }

  @Test("redacting twice changes nothing more")
  func idempotent() {
    let text = """
      {"password":"Hunter2!"} DB_PASSWORD=abc123 mysql -u root -pS3cret card 4111 1111 1111 1111
      the root password for my VPS is Sunset#2026 https://u:p4ss@host ghp_\(String(repeating: "aB3", count: 12))
      """
    let once = redactor.redact(text)
    #expect(redactor.redact(once) == once)
  }
}
