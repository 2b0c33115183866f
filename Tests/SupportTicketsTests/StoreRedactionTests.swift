import Foundation
import SupportCore
import Testing

@testable import SupportTickets

/// A secret in one of its many shapes: the text as pasted and the parts that must never be stored.
struct GeneratedSecret: CustomStringConvertible {
  var pasted: String
  /// Substrings that must not appear in any stored byte.
  var forbidden: [String]
  /// For a card: its digits (no stored text may hold its first twelve, whatever separates them).
  var cardDigits: String?
  var description: String { pasted }
}

/// Seeded generators of secrets in random shapes, separators and contexts.
struct SecretGenerator {
  var random: SplitMix64

  mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

  mutating func card() -> GeneratedSecret {
    let (prefix, length, groups): (String, Int, [Int]?) = pick([
      ("4", 16, nil), ("4", 13, nil), ("4", 19, nil), ("51", 16, nil), ("55", 16, nil), ("2221", 16, nil),
      ("2720", 16, nil), ("34", 15, [4, 6, 5]), ("37", 15, [4, 6, 5]), ("6011", 16, nil), ("65", 16, nil),
      ("3530", 16, nil), ("36", 14, [4, 6, 4]), ("62", 16, nil), ("62", 19, nil),
    ])
    var digits = prefix
    while digits.count < length - 1 { digits += String(random.below(10)) }
    digits += String(Self.luhnCheckDigit(digits))
    let shape =
      random.below(3) == 0
      ? [length] : groups ?? Array(repeating: 4, count: length / 4) + (length % 4 > 0 ? [length % 4] : [])
    let separators = [" ", "  ", "   ", "\t", "\n", ".", "-", " - ", "_", "/", " \n"]
    let mixed = random.chance(0.3)
    var separator = pick(separators)
    var formatted = ""
    var rest = Substring(digits)
    for (index, size) in shape.enumerated() {
      if index > 0 {
        if mixed { separator = pick(separators) }
        formatted += separator
      }
      formatted += rest.prefix(size)
      rest = rest.dropFirst(size)
    }
    let glue = pick(["", "card-", "cc#", "cc/", "Card: ", "visa", "CC:", "(", "no.", "kad ", "ບັດ "])
    return GeneratedSecret(pasted: glue + formatted, forbidden: [formatted, digits], cardDigits: digits)
  }

  static func luhnCheckDigit(_ payload: String) -> Int {
    var sum = 0
    for (offset, character) in payload.reversed().enumerated() {
      var value = character.wholeNumberValue!
      if offset % 2 == 0 {
        value *= 2
        if value > 9 { value -= 9 }
      }
      sum += value
    }
    return (10 - sum % 10) % 10
  }

  /// 8–16 characters with a digit, a symbol and mixed case: what a password looks like.
  mutating func passwordValue() -> String {
    let letters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
    let symbols = Array("!#$%&*+=?^_~")
    var characters = [pick(letters).uppercased().first!, pick(Array("23456789")), pick(symbols)]
    for _ in 0..<(5 + random.below(9)) { characters.append(pick(letters + Array("0123456789") + symbols)) }
    characters.shuffle(using: &random)
    if characters.first.map({ "=!#$%&*+?^_~".contains($0) }) == true { characters.insert("k", at: 0) }
    return String(characters)
  }

  mutating func password() -> GeneratedSecret {
    let value = passwordValue()
    let contexts = [
      #"{"password":"\#(value)"}"#, #"{"user":"app", "db_pass": "\#(value)"}"#, "DB_PASSWORD=\(value)",
      "export MYSQL_ROOT_PASSWORD=\(value)", "[mysql]\npassword = \(value)", "db:\n  password: \(value)",
      "mysql://root:\(value)@db.example.com/shop", "sftp://deploy:\(value)@vps9.example.net",
      "--password=\(value)", "mysql -u root -p\(value) shop", "mysqldump -p\(value) shop", "password: \(value)",
      "pass=\(value)", "the root password for my VPS is \(value)", "my new cPanel password is \(value)",
      "kata laluan root untuk VPS saya ialah \(value)", "kata laluan: \(value)",
      "kata sandi root VPS saya adalah \(value)", "password saya adalah \(value)", "kata sandi: \(value)",
      "ລະຫັດຜ່ານ root ຂອງ VPS ຂ້ອຍແມ່ນ \(value)", "ລະຫັດຜ່ານ: \(value)",
    ]
    return GeneratedSecret(pasted: pick(contexts), forbidden: [value])
  }

  mutating func characters(_ count: Int, alphabet: String) -> String {
    let characters = Array(alphabet)
    return String((0..<count).map { _ in pick(characters) })
  }

  mutating func cloudKey() -> GeneratedSecret {
    let base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    let alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    switch random.below(6) {
    case 0:
      let key = "Ab1" + characters(37, alphabet: base64)
      return GeneratedSecret(
        pasted: pick(["aws_secret_access_key = \(key)", "AKIAIOSFODNN7EXAMPLE \(key)", "AWS secret: \(key)"]),
        forbidden: [key])
    case 1:
      let key = "GOCSPX-" + characters(28, alphabet: alphanumeric)
      return GeneratedSecret(pasted: "client secret \(key)", forbidden: [key])
    case 2:
      let key = characters(86, alphabet: base64) + "=="
      return GeneratedSecret(
        pasted: "AccountName=shop;AccountKey=\(key);EndpointSuffix=core.windows.net", forbidden: [key])
    case 3:
      let key = "dop_v1_" + characters(64, alphabet: "0123456789abcdef")
      return GeneratedSecret(pasted: key, forbidden: [key])
    case 4:
      let key = "ghp_" + characters(36, alphabet: alphanumeric)
      return GeneratedSecret(pasted: key, forbidden: [key])
    default:
      let key = "sk_live_" + characters(24, alphabet: alphanumeric)
      return GeneratedSecret(pasted: "Stripe key \(key)", forbidden: [key])
    }
  }

  mutating func anySecret() -> GeneratedSecret {
    switch random.below(3) {
    case 0: return card()
    case 1: return password()
    default: return cloudKey()
    }
  }

  /// Words around the secret, in the languages of the desk.
  mutating func filler() -> String {
    let words = [
      "Hello", "my site is down", "terima kasih", "tolong bantu", "ຂອບໃຈ", "since 09:14", "order 100234", "🙂",
      "on vps9.example.net", "\n", "PHP 8.1.1.1", "IP 203.0.113.42",
    ]
    return (0..<random.below(4)).map { _ in pick(words) }.joined(separator: " ")
  }
}

/// The digits of a text, in order (to find a card number however it was separated).
func digitsOnly(_ text: String) -> String {
  String(text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
}

@Suite("Redaction in the stores")
struct StoreRedactionTests {
  /// An opening whose every text field holds `text` (or `field` alone, when given).
  static func opening(_ ticket: String, text: String, field: Int? = nil) -> TicketEvent {
    func value(_ index: Int, _ plain: String) -> String { field == nil || field == index ? "\(plain) \(text)" : plain }
    return TicketEvent(
      id: EventID("\(ticket)-e1"), instant: StoreFixtures.start, author: .customer("cust-1"),
      kind: .created(
        TicketOpening(
          ticketID: TicketID(ticket), customerID: "cust-1", subject: value(0, "Subject"), body: value(1, "Body"),
          department: Department(rawValue: value(2, "billing")), channel: Channel(rawValue: value(3, "panel")),
          service: ServiceReference(
            tier: .vps, plan: value(4, "VPS 4 GB"), domain: value(5, "example.com"), server: value(6, "vps9")))))
  }

  /// Every text a ticket stores.
  static func texts(of ticket: Ticket) -> [String] {
    ticket.events.flatMap { event -> [String] in
      switch event.kind {
      case .created(let opening):
        return [
          opening.subject, opening.body, opening.department.rawValue, opening.channel.rawValue,
          opening.service?.plan ?? "", opening.service?.domain ?? "", opening.service?.server ?? "",
        ]
      case .customerReply(let body), .agentReply(let body), .automatedMessage(let body), .internalNote(let body):
        return [body]
      case .departmentChanged(let department): return [department.rawValue]
      default: return []
      }
    }
  }

  @Test(
    "every stored text field is redacted in both stores: subject, body, replies, notes, plan, domain, server, department and channel"
  )
  func everyTextField() async throws {
    let secret = "card 4111 1111 1111 1111 and password: Hunter2!x"
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let stores: [any TicketStore] = [InMemoryTicketStore(), try FileTicketStore(directory: folder.url)]
    for store in stores {
      _ = try await store.create([Self.opening("T-1", text: secret)])
      let later: [(TicketAuthor, TicketEvent.Kind)] = [
        (.customer("cust-1"), .customerReply(body: secret)), (.agent("ana"), .agentReply(body: secret)),
        (.agent("ana"), .internalNote(body: secret)), (.system, .automatedMessage(body: secret)),
        (.agent("ana"), .departmentChanged(to: Department(rawValue: "dept \(secret)"))),
      ]
      for (index, (author, kind)) in later.enumerated() {
        let event = TicketEvent(
          id: EventID("T-1-x\(index)"), instant: StoreFixtures.start.addingTimeInterval(Double(index + 1)),
          author: author,
          kind: kind)
        _ = try await store.append([event], to: "T-1", expectedVersion: index + 1)
      }
      let ticket = try #require(try await store.ticket("T-1"))
      let texts = Self.texts(of: ticket)
      #expect(texts.count == 12)
      for text in texts {
        #expect(!text.contains("4111 1111") && !text.contains("Hunter2!x"), "\(text)")
      }
    }
    if let file = stores[1] as? FileTicketStore { await file.close() }
    for (name, bytes) in try folder.allFiles() {
      #expect(bytes.range(of: Data("Hunter2!x".utf8)) == nil, "\(name)")
      #expect(bytes.range(of: Data("4111 1111".utf8)) == nil, "\(name)")
    }
  }

  @Test(
    "an identifier holding a card number or secret is refused with secretInIdentifier in both stores, and the error never repeats it",
    arguments: ["ticket", "customer", "author", "event", "service", "assignee", "merge"])
  func secretIdentifiers(field: String) async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let card = "4111111111111111"
    let secretID = field == "event" ? "pass=Hunter2x" : "cc-\(card)"
    let stores: [any TicketStore] = [InMemoryTicketStore(), try FileTicketStore(directory: folder.url)]
    for store in stores {
      _ = try await store.create(opening: StoreFixtures.opening("T-ok"))
      var opening = StoreFixtures.opening(field == "ticket" ? secretID : "T-1")
      var later: TicketEvent?
      switch field {
      case "customer":
        opening = StoreFixtures.opening("T-1", customer: secretID)
      case "author":
        later = TicketEvent(
          id: "T-ok-e2", instant: StoreFixtures.start, author: .agent(AgentID(secretID)), kind: .agentReply(body: "hi"))
      case "event":
        later = TicketEvent(
          id: EventID(secretID), instant: StoreFixtures.start, author: .agent("ana"), kind: .agentReply(body: "hi"))
      case "service":
        if case .created(var value) = opening.kind {
          value.service = ServiceReference(serviceID: ServiceID(secretID), tier: .vps, plan: "VPS")
          opening.kind = .created(value)
        }
      case "assignee":
        later = TicketEvent(
          id: "T-ok-e2", instant: StoreFixtures.start, author: .agent("ana"),
          kind: .assigneeChanged(to: AgentID(secretID)))
      case "merge":
        later = TicketEvent(
          id: "T-ok-e2", instant: StoreFixtures.start, author: .agent("ana"), kind: .merged(into: TicketID(secretID)))
      default: break
      }
      do {
        if let later {
          _ = try await store.append([later], to: "T-ok", expectedVersion: 1)
        } else {
          _ = try await store.create(opening: opening)
        }
        Issue.record("\(field): an identifier with a secret was stored")
      } catch let error as StoreError {
        #expect(error.code == .secretInIdentifier, "\(error)")
        #expect(!error.description.contains(card) && !error.description.contains("Hunter2x"))
      }
      #expect(try await store.ticket("T-ok")?.version == 1)
    }
  }

  @Test(
    "ids that merely contain digits or words near secrets are accepted",
    arguments: ["T-20261123-0042", "cust-100234", "agent-passey", "svc-4111"])
  func harmlessIdentifiers(id: String) async throws {
    let store = InMemoryTicketStore()
    _ = try await store.create(opening: StoreFixtures.opening(id, customer: id))
  }

  @Test(
    "600 secrets of random shapes, separators and contexts, in random text fields, never reach any byte the file store writes"
  )
  func noSecretOnDisk() async throws {
    var generator = SecretGenerator(random: SplitMix64(seed: 2_026_1123))
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url, durability: .batched(maxDelay: .milliseconds(1)))
    var secrets: [GeneratedSecret] = []
    for index in 0..<600 {
      let secret = generator.anySecret()
      secrets.append(secret)
      let text = generator.filler() + " " + secret.pasted + " " + generator.filler()
      let ticket = "T-\(index / 3)"
      if index % 3 == 0 {
        _ = try await store.create([Self.opening(ticket, text: text, field: generator.random.below(7))])
      } else {
        let kind: TicketEvent.Kind = generator.pick([
          .customerReply(body: text), .agentReply(body: text), .internalNote(body: text),
          .departmentChanged(to: Department(rawValue: text)),
        ])
        let author: TicketAuthor = if case .customerReply = kind { .customer("cust-1") } else { .agent("ana") }
        let event = TicketEvent(
          id: EventID("\(ticket)-x\(index)"), instant: StoreFixtures.start, author: author, kind: kind)
        _ = try await store.append([event], to: TicketID(ticket), expectedVersion: index % 3)
      }
      if index == 300 { try await store.compact() }
    }
    let stored = try await store.allTickets().flatMap(Self.texts)
    await store.close()
    let files = try folder.allFiles()
    #expect(files.count >= 3)
    for secret in secrets {
      for forbidden in secret.forbidden {
        for (name, bytes) in files {
          #expect(bytes.range(of: Data(forbidden.utf8)) == nil, "\(secret) is in \(name)")
        }
      }
      if let digits = secret.cardDigits {
        let head = String(digits.prefix(12))
        #expect(!stored.contains { digitsOnly($0).contains(head) }, "card \(secret) survives in a stored text")
      }
    }
  }

  @Test("2,000 random near misses — order and invoice numbers, versions, IP addresses, phone numbers — stay untouched")
  func nearMissProperty() {
    var random = SplitMix64(seed: 99)
    let redactor = SensitiveDataRedactor.standard
    for _ in 0..<2_000 {
      func number(_ digits: Int) -> String { (0..<digits).map { _ in String(random.below(10)) }.joined() }
      let text: String
      switch random.below(6) {
      case 0: text = "Order #\(number(4 + random.below(7))) is paid"
      case 1: text = "Invoice INV-\(number(4))-\(number(6)) for ticket T-\(number(8))-\(number(4))"
      case 2: text = "PHP \(random.below(9)).\(random.below(9)).\(random.below(30)).\(random.below(9)) installed"
      case 3: text = "Server \(random.below(256)).\(random.below(256)).\(random.below(256)).\(random.below(256)) is up"
      case 4: text = "Call +\(number(2)) \(number(3)) \(number(4)) \(number(4)) or +856 20 \(number(4)) \(number(4))"
      default: text = "Please send a password reset link for order \(number(6))"
      }
      #expect(redactor.redact(text) == text)
    }
  }
}
