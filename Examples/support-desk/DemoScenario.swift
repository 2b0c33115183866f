import Foundation
import HostingSupport
import SupportTickets

/// The demo's seeded random numbers, identical on every platform.
typealias DemoRandom = SplitMix64

extension SplitMix64 {
  mutating func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
  /// Picks by weight.
  mutating func weighted<T>(_ items: [(T, Double)]) -> T {
    var roll = uniform(0...items.map(\.1).reduce(0, +))
    for (item, weight) in items {
      if roll < weight { return item }
      roll -= weight
    }
    return items[items.count - 1].0
  }
}

/// The customers of the simulated host.
enum DemoCustomers {
  static func make(count: Int, start: Date, random: inout DemoRandom) -> [CustomerProfile] {
    let firstNames = [
      "Aroon", "Siti", "Khamphone", "Nora", "Budi", "Vilay", "Lena", "Hafiz", "Mai", "Oskar", "Noy", "Farah",
      "Somchai", "Ivy", "Kai", "Aisyah", "Bounmy", "Tom", "Priya", "Daeng",
    ]
    let businesses = ["Bakery", "Travel", "Studio", "Logistics", "Media", "Clinic", "Shop", "Labs", "Cafe", "Parts"]
    return (0..<count).map { index in
      let tier = random.weighted([(PlanTier.shared, 0.58), (.vps, 0.25), (.dedicated, 0.1), (.reseller, 0.07)])
      let acquisition = random.weighted([
        (AcquisitionChannel.direct, 0.5), (.reseller, 0.3), (.affiliate, 0.2),
      ])
      let locale = random.weighted([(MessageLocale.english, 0.45), (.malay, 0.33), (.lao, 0.22)])
      let zone: String
      switch locale {
      case .english: zone = random.pick(["Europe/London", "America/New_York", "Asia/Singapore"])
      case .malay: zone = "Asia/Kuala_Lumpur"
      case .lao: zone = "Asia/Vientiane"
      }
      let servers: Set<String>
      let services: Set<String>
      let dollars: Int64
      switch tier {
      case .shared, .other:
        servers = ["web0\(Int.random(in: 1...4, using: &random))"]
        services = random.chance(0.7) ? ["web", "mail"] : ["web"]
        dollars = random.pick([4, 6, 9, 12])
      case .vps:
        servers = ["vps-node\(Int.random(in: 1...3, using: &random))"]
        services = ["vps", "backup"]
        dollars = random.pick([20, 40, 60])
      case .dedicated:
        servers = ["dc1-r\(Int.random(in: 10...19, using: &random))"]
        services = ["dedicated"]
        dollars = random.pick([180, 250, 400])
      case .reseller:
        servers = ["web0\(Int.random(in: 1...4, using: &random))", "web0\(Int.random(in: 1...4, using: &random))"]
        services = ["web", "mail", "dns"]
        dollars = random.pick([60, 120, 200])
      }
      // Mostly established customers; about one in eight signs up during the simulated month.
      let tenureDays = random.chance(0.12) ? -random.uniform(0...25) : random.uniform(20...1_600)
      return CustomerProfile(
        id: CustomerID(String(format: "C%03d", index + 1)),
        name: "\(random.pick(firstNames)) \(random.pick(businesses))",
        locale: locale,
        timeZoneIdentifier: zone,
        tier: tier,
        acquisition: acquisition,
        preferredChannel: random.pick([.email, .panel, .chat, .phone]),
        monthlyRevenue: Money(minorUnits: dollars * 100, currency: "USD"),
        customerSince: start.addingTimeInterval(-tenureDays * 86_400),
        servers: servers,
        services: services
      )
    }
  }
}

/// Texts customers write, per language.
enum DemoTexts {
  static let subjects: [(String, String)] = [
    ("Website shows a 500 error", "Since this morning the home page shows Internal Server Error."),
    ("Mail not arriving", "Messages to info@ bounce with 'mailbox unavailable'."),
    ("Server unreachable", "Ping times out and SSH does not connect."),
    ("Invoice question", "I was charged twice this month, please check."),
    ("SSL certificate expired", "Browsers warn that the certificate is not valid."),
    ("Site very slow", "Pages take ten seconds to load since yesterday."),
    ("Migrate a WordPress site", "Could you move my site from my old host?"),
    ("DNS change not visible", "I changed the A record two hours ago."),
  ]

  static let feedback: [MessageLocale: [String: [String]]] = [
    .english: [
      "negative": [
        "Support was very slow and my website was down for hours. Very disappointed.",
        "Terrible experience, nobody answered my ticket for a whole day.",
        "Too expensive for such poor uptime, I am thinking of leaving.",
        "Email stopped working again and the support was useless.",
      ],
      "neutral": ["The ticket was closed.", "I changed the DNS settings as advised."],
      "positive": [
        "Excellent support, fast and very helpful. Thank you!",
        "Great service, the team fixed my problem quickly.",
        "Very happy with the fast server and the friendly staff.",
      ],
    ],
    .malay: [
      "negative": [
        "Sokongan sangat lambat dan laman web saya down berjam-jam. Sangat kecewa.",
        "Perkhidmatan teruk, tiada siapa membalas tiket saya.",
        "Harga mahal tetapi server selalu down.",
      ],
      "neutral": ["Saya sudah menukar tetapan DNS."],
      "positive": [
        "Terima kasih, sokongan sangat pantas dan membantu.",
        "Perkhidmatan yang bagus, masalah saya selesai dengan cepat.",
      ],
    ],
    .lao: [
      "negative": ["ບໍລິການຊ້າຫຼາຍ ແລະ ເວັບໄຊລົ່ມເລື້ອຍໆ ບໍ່ພໍໃຈເລີຍ", "ພະນັກງານຕອບຊ້າຫຼາຍ ບໍ່ດີເລີຍ"],
      "neutral": ["ຂ້ອຍໄດ້ປ່ຽນການຕັ້ງຄ່າ DNS ແລ້ວ"],
      "positive": ["ຂອບໃຈຫຼາຍ ພະນັກງານຊ່ວຍເຫຼືອດີຫຼາຍ ແລະ ໄວ", "ບໍລິການດີຫຼາຍ ພໍໃຈຫຼາຍ"],
    ],
  ]
}

/// One thing that happens in the simulated world at an instant.
struct DemoAction {
  enum Kind {
    case open(customer: CustomerProfile, priority: Priority, subject: String, body: String)
    case agentReply(agent: String, text: String)
    case waitOnCustomer
    case customerReply(text: String)
    case resolve(agent: String)
    case feedback(customer: CustomerProfile, mood: String, nps: Int)
  }
  var at: Date
  var ticket: TicketID
  var kind: Kind
}

/// Plans the life of each ticket when it arrives: when agents answer (sometimes slowly), whether it waits on
/// the customer, when it is resolved, and whether feedback follows.
enum DemoTicketPlanner {
  static let firstResponseGoal: [Priority: TimeInterval] = [
    .critical: 900, .high: 3_600, .normal: 14_400, .low: 28_800,
  ]
  static let resolutionGoal: [Priority: TimeInterval] = [
    .critical: 3_600, .high: 28_800, .normal: 86_400, .low: 86_400,
  ]
  static let updateGoal: [Priority: TimeInterval] = [.critical: 1_800, .high: 7_200, .normal: 28_800, .low: 43_200]

  /// Agent updates between the first reply and the resolution, mostly within the update target.
  static func updates(
    ticket: TicketID, agent: String, from first: Date, until resolve: Date, priority: Priority,
    random: inout DemoRandom
  ) -> [DemoAction] {
    var actions: [DemoAction] = []
    var last = first
    while true {
      let goal = updateGoal[priority]!
      let next = last + goal * (random.chance(0.1) ? random.uniform(1.05...1.6) : random.uniform(0.5...0.95))
      guard next < resolve - 60 else { return actions }
      actions.append(
        DemoAction(at: next, ticket: ticket, kind: .agentReply(agent: agent, text: "Update: still working on it.")))
      last = next
    }
  }

  /// An agent takes up a follow-up ticket opened for negative feedback: apologises, then resolves.
  static func handleFollowUp(_ ticket: TicketID, priority: Priority, at opened: Date, random: inout DemoRandom)
    -> [DemoAction]
  {
    let agent = random.pick(["ana", "ben", "chai", "dewi"])
    let reply = opened + firstResponseGoal[priority]! * random.uniform(0.2...0.9)
    let resolve = reply + min(resolutionGoal[priority]!, updateGoal[priority]!) * random.uniform(0.3...0.9)
    return [
      DemoAction(at: reply, ticket: ticket, kind: .agentReply(agent: agent, text: "Sorry about this, we are on it.")),
      DemoAction(at: resolve, ticket: ticket, kind: .resolve(agent: agent)),
    ]
  }

  static func plan(
    ticket: TicketID,
    customer: CustomerProfile,
    at opened: Date,
    random: inout DemoRandom
  ) -> [DemoAction] {
    let priority = random.weighted([(Priority.critical, 0.06), (.high, 0.2), (.normal, 0.49), (.low, 0.25)])
    let (subject, body) = random.pick(DemoTexts.subjects)
    let agent = random.pick(["ana", "ben", "chai", "dewi"])
    let slowReply = random.chance(0.18)
    let slowFix = random.chance(0.15)
    let firstGoal = firstResponseGoal[priority]!
    let fixGoal = resolutionGoal[priority]!
    let firstReply = opened + firstGoal * (slowReply ? random.uniform(1.1...2.5) : random.uniform(0.15...0.9))
    var resolve = opened + fixGoal * (slowFix ? random.uniform(1.1...2.2) : random.uniform(0.4...0.95))
    if resolve <= firstReply { resolve = firstReply + 600 }
    var actions = [
      DemoAction(
        at: opened, ticket: ticket, kind: .open(customer: customer, priority: priority, subject: subject, body: body)),
      DemoAction(at: firstReply, ticket: ticket, kind: .agentReply(agent: agent, text: "Looking into this now.")),
    ]
    actions += updates(
      ticket: ticket, agent: agent, from: firstReply, until: resolve, priority: priority, random: &random)
    if priority >= .normal, random.chance(0.25) {
      let waitAt = firstReply + 60
      let answer = min(resolve - 120, waitAt + random.uniform(600...7_200))
      if answer > waitAt {
        actions.append(DemoAction(at: waitAt, ticket: ticket, kind: .waitOnCustomer))
        actions.append(
          DemoAction(at: answer, ticket: ticket, kind: .customerReply(text: "Here are the details you asked for.")))
      }
    }
    actions.append(DemoAction(at: resolve, ticket: ticket, kind: .resolve(agent: agent)))
    if random.chance(0.45) {
      let wentBadly = slowReply || slowFix
      let mood =
        wentBadly
        ? random.weighted([("negative", 0.7), ("neutral", 0.2), ("positive", 0.1)])
        : random.weighted([("negative", 0.1), ("neutral", 0.3), ("positive", 0.6)])
      let nps =
        switch mood {
        case "negative": Int.random(in: 0...5, using: &random)
        case "neutral": Int.random(in: 6...8, using: &random)
        default: Int.random(in: 8...10, using: &random)
        }
      actions.append(
        DemoAction(
          at: resolve + random.uniform(1_800...86_400), ticket: ticket,
          kind: .feedback(customer: customer, mood: mood, nps: nps)))
    }
    return actions
  }
}
