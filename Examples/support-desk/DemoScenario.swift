import Foundation
import HostingSupport
import RetentionMetrics
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
      let period: BillingPeriod =
        tier == .dedicated
        ? random.weighted([(.annual, 0.7), (.monthly, 0.3)]) : random.weighted([(.monthly, 0.6), (.annual, 0.4)])
      let since = start.addingTimeInterval(-tenureDays * 86_400)
      return CustomerProfile(
        id: CustomerID(String(format: "C%03d", index + 1)),
        name: "\(random.pick(firstNames)) \(random.pick(businesses))",
        locale: locale,
        timeZoneIdentifier: zone,
        tier: tier,
        acquisition: acquisition,
        preferredChannel: random.pick([.email, .panel, .chat, .phone]),
        monthlyRevenue: Money(minorUnits: dollars * 100, currency: "USD"),
        customerSince: since,
        servers: servers,
        services: services,
        nextRenewal: nextRenewal(since: since, period: period, after: start),
        billingPeriod: period
      )
    }
  }

  /// The first renewal date after `instant`: the sign-up date plus whole billing periods.
  static func nextRenewal(since: Date, period: BillingPeriod, after instant: Date) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var periods = 1
    while true {
      let renewal = calendar.date(byAdding: .month, value: periods * period.months, to: since) ?? instant
      if renewal > instant { return renewal }
      periods += 1
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

  /// Survey comments per language and mood; "suggestion" comments ask for an improvement.
  static let comments: [MessageLocale: [String: [String]]] = [
    .english: [
      "negative": [
        "Support was very slow and my website was down for hours. Very disappointed.",
        "Terrible experience, nobody answered my ticket for a whole day.",
        "Too expensive for such poor uptime, I am thinking of leaving.",
      ],
      "neutral": ["The ticket was closed.", "I changed the DNS settings as advised."],
      "positive": [
        "Excellent support, fast and very helpful. Thank you!",
        "Great service, the team fixed my problem quickly.",
      ],
      "suggestion": [
        "Please add two-factor login to the control panel.",
        "Kindly improve the control panel, backups are hard to find.",
        "It would be nice if invoices showed the domain name; the price list is confusing.",
        "Great support. Please add a staging site option.",
      ],
    ],
    .malay: [
      "negative": [
        "Sokongan sangat lambat dan laman web saya down berjam-jam. Sangat kecewa.",
        "Perkhidmatan teruk, tiada siapa membalas tiket saya.",
      ],
      "neutral": ["Saya sudah menukar tetapan DNS."],
      "positive": ["Terima kasih, sokongan sangat pantas dan membantu."],
      "suggestion": [
        "Tolong tambah pilihan bayaran DuitNow dalam panel kawalan.",
        "Mohon ditambahkan fitur backup harian.",
      ],
    ],
    .lao: [
      "negative": ["ບໍລິການຊ້າຫຼາຍ ແລະ ເວັບໄຊລົ່ມເລື້ອຍໆ ບໍ່ພໍໃຈເລີຍ"],
      "neutral": ["ຂ້ອຍໄດ້ປ່ຽນການຕັ້ງຄ່າ DNS ແລ້ວ"],
      "positive": ["ຂອບໃຈຫຼາຍ ພະນັກງານຊ່ວຍເຫຼືອດີຫຼາຍ ແລະ ໄວ"],
      "suggestion": ["ຂໍໃຫ້ເພີ່ມແຜງຄວບຄຸມເປັນພາສາລາວ"],
    ],
  ]

  /// Agents' first replies per language: some with hosting jargon or without a next step, as real replies are.
  static let firstReplies: [MessageLocale: [String]] = [
    .english: [
      "Looking into this now. I will write again within the hour.",
      "I restarted PHP-FPM and cleared the cache. I will check again in an hour.",
      "Your MX records pointed to the old server, I corrected them. The DNS propagation can take a few hours.",
      "The SSL certificate was renewed.",
    ],
    .malay: [
      "Kami sedang menyemak perkara ini dan akan menghubungi anda dalam masa sejam.",
      "Rekod MX anda telah dibetulkan. Propagasi DNS mungkin mengambil masa beberapa jam.",
    ],
    .lao: [
      "ພວກເຮົາກຳລັງກວດສອບ ແລະ ຈະແຈ້ງໃຫ້ທ່ານຮູ້ພາຍໃນໜຶ່ງຊົ່ວໂມງ.",
      "ພວກເຮົາໄດ້ແກ້ໄຂ mx record ແລ້ວ. dns propagation ອາດໃຊ້ເວລາຫຼາຍຊົ່ວໂມງ.",
    ],
  ]

  /// Agents' later updates per language.
  static let updates: [MessageLocale: String] = [
    .english: "Update: still working on it, I will write again as soon as I know more.",
    .malay: "Kemas kini: kami masih menanganinya dan akan memaklumkan anda lagi.",
    .lao: "ພວກເຮົາຍັງກຳລັງແກ້ໄຂ ແລະ ຈະແຈ້ງໃຫ້ທ່ານຮູ້ອີກ.",
  ]
}

/// One thing that happens in the simulated world at an instant.
struct DemoAction {
  enum Kind {
    case open(customer: CustomerProfile, priority: Priority, subject: String, body: String)
    case assign(agent: String)
    case agentReply(agent: String, text: String)
    case waitOnCustomer
    case putOnHold
    case resumeWork
    case customerReply(text: String)
    case resolve(agent: String)
    case answerSurvey(customer: CustomerProfile, token: String, kind: SurveyKind, score: Int, comment: String?)
  }
  var at: Date
  var ticket: TicketID
  var kind: Kind
}

/// Plans the life of each ticket when it arrives: when agents answer (sometimes slowly), whether it waits on
/// the customer or on a third party, and when it is resolved.
enum DemoTicketPlanner {
  static let firstResponseGoal: [Priority: TimeInterval] = [
    .critical: 900, .high: 3_600, .normal: 14_400, .low: 28_800,
  ]
  static let resolutionGoal: [Priority: TimeInterval] = [
    .critical: 3_600, .high: 28_800, .normal: 86_400, .low: 86_400,
  ]
  static let updateGoal: [Priority: TimeInterval] = [.critical: 1_800, .high: 7_200, .normal: 28_800, .low: 43_200]

  /// Agent updates between two instants, mostly within the update target.
  static func updates(
    ticket: TicketID, agent: String, text: String, from first: Date, until end: Date, priority: Priority,
    random: inout DemoRandom
  ) -> [DemoAction] {
    var actions: [DemoAction] = []
    var last = first
    while true {
      let goal = updateGoal[priority]!
      let next = last + goal * (random.chance(0.1) ? random.uniform(1.05...1.6) : random.uniform(0.5...0.95))
      guard next < end - 60 else { return actions }
      actions.append(DemoAction(at: next, ticket: ticket, kind: .agentReply(agent: agent, text: text)))
      last = next
    }
  }

  /// An agent takes up a follow-up ticket opened for feedback: apologises, then resolves.
  static func handleFollowUp(_ ticket: TicketID, priority: Priority, at opened: Date, random: inout DemoRandom)
    -> [DemoAction]
  {
    let agent = random.pick(["ana", "ben", "chai", "dewi"])
    let reply = opened + firstResponseGoal[priority]! * random.uniform(0.2...0.9)
    let resolve = reply + min(resolutionGoal[priority]!, updateGoal[priority]!) * random.uniform(0.3...0.9)
    return [
      DemoAction(at: opened + 60, ticket: ticket, kind: .assign(agent: agent)),
      DemoAction(
        at: reply, ticket: ticket,
        kind: .agentReply(agent: agent, text: "Sorry about this. I am on it and will call you today.")),
      DemoAction(at: resolve, ticket: ticket, kind: .resolve(agent: agent)),
    ]
  }

  /// The plan of a new ticket and whether it went badly (a slow answer or fix, or a long wait on a third party).
  static func plan(
    ticket: TicketID,
    customer: CustomerProfile,
    at opened: Date,
    random: inout DemoRandom
  ) -> (actions: [DemoAction], wentBadly: Bool) {
    let priority = random.weighted([(Priority.critical, 0.06), (.high, 0.2), (.normal, 0.49), (.low, 0.25)])
    // About one normal or low ticket in ten waits on a third party (a registrar, the data centre) for most of a day.
    let onHold = priority <= .normal && random.chance(0.1)
    let (subject, body) =
      onHold
      ? ("Domain transfer stuck", "The transfer of my domain has not finished after two days.")
      : random.pick(DemoTexts.subjects)
    let agent = random.pick(["ana", "ben", "chai", "dewi"])
    let slowReply = random.chance(0.18)
    let slowFix = random.chance(0.15)
    let firstGoal = firstResponseGoal[priority]!
    let fixGoal = resolutionGoal[priority]!
    let firstReply = opened + firstGoal * (slowReply ? random.uniform(1.1...2.5) : random.uniform(0.15...0.9))
    var resolve = opened + fixGoal * (slowFix ? random.uniform(1.1...2.2) : random.uniform(0.4...0.95))
    if resolve <= firstReply { resolve = firstReply + 600 }
    let replies = DemoTexts.firstReplies[customer.locale] ?? DemoTexts.firstReplies[.english]!
    let update = DemoTexts.updates[customer.locale] ?? DemoTexts.updates[.english]!
    var actions = [
      DemoAction(
        at: opened, ticket: ticket, kind: .open(customer: customer, priority: priority, subject: subject, body: body)),
      DemoAction(at: opened + 60, ticket: ticket, kind: .assign(agent: agent)),
      DemoAction(at: firstReply, ticket: ticket, kind: .agentReply(agent: agent, text: random.pick(replies))),
    ]
    if onHold {
      // No agent writes while the registrar is silent: the desk's progress updates keep the customer informed.
      let holdStart = firstReply + 600
      let holdEnd = holdStart + random.uniform(14...30) * 3_600
      resolve = holdEnd + random.uniform(1...4) * 3_600
      actions += [
        DemoAction(at: holdStart, ticket: ticket, kind: .putOnHold),
        DemoAction(at: holdEnd, ticket: ticket, kind: .resumeWork),
        DemoAction(at: holdEnd + 300, ticket: ticket, kind: .agentReply(agent: agent, text: update)),
        DemoAction(at: resolve, ticket: ticket, kind: .resolve(agent: agent)),
      ]
      return (actions, true)
    }
    actions += updates(
      ticket: ticket, agent: agent, text: update, from: firstReply, until: resolve, priority: priority,
      random: &random)
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
    if random.chance(0.07) {
      // Not fixed after all: the customer writes again (which reopens the ticket) and it is solved a second time.
      let again = resolve + random.uniform(1...6) * 3_600
      actions += [
        DemoAction(
          at: again, ticket: ticket, kind: .customerReply(text: "It is broken again, please have another look.")),
        DemoAction(at: again + random.uniform(1...3) * 3_600, ticket: ticket, kind: .resolve(agent: agent)),
      ]
      return (actions, true)
    }
    return (actions, slowReply || slowFix)
  }
}

/// How the simulated customers answer the desk's surveys.
enum DemoSurveyAnswers {
  /// The answer to a survey request, if the customer answers: about half answer a CSAT survey and a third the NPS
  /// question; a little more than half of the answers are rating-only.
  static func answer(
    to request: HostingSupport.OutboundMessage, customer: CustomerProfile, wentBadly: Bool, random: inout DemoRandom
  ) -> DemoAction? {
    guard let token = request.metadata["surveyToken"], let kindName = request.metadata["surveyKind"],
      let kind = SurveyKind(rawValue: kindName), random.chance(kind == .csat ? 0.5 : 0.35)
    else { return nil }
    let score: Int
    switch kind {
    case .nps:
      score = random.weighted([
        (Int.random(in: 0...6, using: &random), 0.3), (Int.random(in: 7...8, using: &random), 0.3),
        (Int.random(in: 9...10, using: &random), 0.4),
      ])
    default:
      score =
        wentBadly
        ? random.weighted([(1, 0.3), (2, 0.3), (3, 0.2), (4, 0.15), (5, 0.05)])
        : random.weighted([(1, 0.04), (2, 0.06), (3, 0.1), (4, 0.3), (5, 0.5)])
    }
    var comment: String?
    if random.chance(0.45) {
      let texts = DemoTexts.comments[customer.locale] ?? DemoTexts.comments[.english]!
      let low = kind == .nps ? score <= 6 : score <= 2
      let high = kind == .nps ? score >= 9 : score >= 4
      let mood =
        random.chance(0.25)
        ? "suggestion"
        : low ? "negative" : high ? (random.chance(0.08) ? "negative" : "positive") : "neutral"
      comment = random.pick(texts[mood] ?? texts["neutral"]!)
    }
    return DemoAction(
      at: request.createdAt + random.uniform(600...(36 * 3_600)), ticket: request.ticketID ?? "T-0",
      kind: .answerSurvey(customer: customer, token: token, kind: kind, score: score, comment: comment))
  }
}
