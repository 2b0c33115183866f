import Foundation
import HostingSupport
import SupportTickets

/// Ready-made data for tests: customers across tiers, acquisition channels and languages, ticket
/// openings at every priority, feedback in English, Malay and Lao, and a sample notification.
///
/// Every value is fixed (no clock, no randomness), so tests that use them are reproducible.
public enum Fixtures {
  /// Monday 2 November 2026, 00:00 UTC: the instant fixtures are anchored to.
  public static let referenceDate = Date(timeIntervalSince1970: 1_793_577_600)

  private static let day: TimeInterval = 86_400

  private static func usd(_ dollars: Int64) -> Money { Money(minorUnits: dollars * 100, currency: "USD") }

  /// Eight customers: shared, VPS, dedicated and reseller plans; direct, reseller and affiliate;
  /// English, Malay and Lao speakers; on servers `web01`, `web02`, `vps-node1`, `dc1-r12`.
  public static let customers: [CustomerProfile] = [
    CustomerProfile(
      id: "cust-aroon", name: "Aroon Bakery", locale: .english, timeZoneIdentifier: "Asia/Bangkok",
      tier: .shared, acquisition: .direct, preferredChannel: .email, monthlyRevenue: usd(5),
      customerSince: referenceDate - 900 * day, servers: ["web01"], services: ["web", "mail"]
    ),
    CustomerProfile(
      id: "cust-siti", name: "Siti Rahman", locale: .malay, timeZoneIdentifier: "Asia/Kuala_Lumpur",
      tier: .shared, acquisition: .affiliate, preferredChannel: .chat, monthlyRevenue: usd(8),
      customerSince: referenceDate - 40 * day, servers: ["web02"], services: ["web", "mail", "dns"]
    ),
    CustomerProfile(
      id: "cust-kham", name: "Khamphone Travel", locale: .lao, timeZoneIdentifier: "Asia/Vientiane",
      tier: .vps, acquisition: .direct, preferredChannel: .panel, monthlyRevenue: usd(40),
      customerSince: referenceDate - 400 * day, servers: ["vps-node1"], services: ["vps", "backup"]
    ),
    CustomerProfile(
      id: "cust-nordic", name: "Nordic Parts Ltd", locale: .english, timeZoneIdentifier: "Europe/Oslo",
      tier: .dedicated, acquisition: .direct, preferredChannel: .phone, monthlyRevenue: usd(320),
      customerSince: referenceDate - 1_500 * day, servers: ["dc1-r12"], services: ["dedicated", "backup"]
    ),
    CustomerProfile(
      id: "cust-webmy", name: "WebMY Reseller", locale: .malay, timeZoneIdentifier: "Asia/Kuala_Lumpur",
      tier: .reseller, acquisition: .reseller, preferredChannel: .email, monthlyRevenue: usd(150),
      customerSince: referenceDate - 700 * day, servers: ["web01", "web02"], services: ["web", "mail", "dns"]
    ),
    CustomerProfile(
      id: "cust-lan", name: "Lan Xang Media", locale: .lao, timeZoneIdentifier: "Asia/Vientiane",
      tier: .shared, acquisition: .reseller, preferredChannel: .chat, monthlyRevenue: usd(6),
      customerSince: referenceDate - 20 * day, servers: ["web02"], services: ["web"]
    ),
    CustomerProfile(
      id: "cust-blue", name: "Blue Fin Analytics", locale: .english, timeZoneIdentifier: "America/New_York",
      tier: .vps, acquisition: .affiliate, preferredChannel: .panel, monthlyRevenue: usd(60),
      customerSince: referenceDate - 200 * day, servers: ["vps-node1"], services: ["vps", "dns"]
    ),
    CustomerProfile(
      id: "cust-harta", name: "Harta Logistik", locale: .malay, timeZoneIdentifier: "Asia/Kuala_Lumpur",
      tier: .dedicated, acquisition: .affiliate, preferredChannel: .phone, monthlyRevenue: usd(450),
      customerSince: referenceDate - 1_000 * day, servers: ["dc1-r14"], services: ["dedicated"]
    ),
  ]

  /// The fixture customer with that id.
  /// - Parameter id: One of the ids of ``customers``.
  public static func customer(_ id: CustomerID) -> CustomerProfile? {
    customers.first { $0.id == id }
  }

  /// A `created` event for a new ticket.
  /// - Parameters:
  ///   - id: The ticket id.
  ///   - customer: The owner (default the first fixture customer).
  ///   - priority: The priority.
  ///   - subject: The subject.
  ///   - body: The first message.
  ///   - instant: When it was opened (default ``referenceDate``).
  public static func opening(
    _ id: TicketID,
    customer: CustomerID = "cust-aroon",
    priority: Priority = .normal,
    subject: String = "Website shows a 500 error",
    body: String = "Since this morning the home page shows Internal Server Error.",
    at instant: Date = referenceDate
  ) -> TicketEvent {
    let profile = Fixtures.customer(customer)
    let service = profile.map {
      ServiceReference(tier: $0.tier, plan: "\($0.tier.rawValue)-standard", server: $0.servers.sorted().first)
    }
    return TicketEvent(
      id: EventID("\(id.rawValue)-e1"),
      instant: instant,
      author: .customer(customer),
      kind: .created(
        TicketOpening(
          ticketID: id,
          customerID: customer,
          subject: subject,
          body: body,
          priority: priority,
          channel: profile?.preferredChannel ?? .panel,
          service: service
        )
      )
    )
  }

  /// One opening per priority (`T-low`, `T-normal`, `T-high`, `T-critical`), an hour apart, for
  /// different customers.
  public static let ticketOpenings: [TicketEvent] = Priority.allCases.enumerated().map { index, priority in
    opening(
      TicketID("T-\(priority.rawValue)"),
      customer: customers[index % customers.count].id,
      priority: priority,
      subject: "\(priority.rawValue.capitalized) issue on \(customers[index % customers.count].servers.sorted()[0])",
      at: referenceDate + Double(index) * 3_600
    )
  }

  /// A feedback text with the sentiment a careful human reader gives it.
  public struct FeedbackSample: Hashable, Sendable {
    /// Who wrote it.
    public var customerID: CustomerID
    /// The text.
    public var text: String
    /// Its language.
    public var locale: MessageLocale
    /// `negative`, `neutral` or `positive`.
    public var expectedLabel: String
    /// The NPS answer given with it (0–10), if any.
    public var npsScore: Int?
  }

  /// Feedback in the three languages, negative, neutral and positive.
  public static let feedback: [FeedbackSample] = [
    FeedbackSample(
      customerID: "cust-aroon", text: "Support took two days to answer and my shop was down the whole time.",
      locale: .english, expectedLabel: "negative", npsScore: 2
    ),
    FeedbackSample(
      customerID: "cust-nordic", text: "Excellent support, the engineer fixed our RAID issue within an hour!",
      locale: .english, expectedLabel: "positive", npsScore: 10
    ),
    FeedbackSample(
      customerID: "cust-blue", text: "The invoice was sent on the first of the month.",
      locale: .english, expectedLabel: "neutral", npsScore: 7
    ),
    FeedbackSample(
      customerID: "cust-siti", text: "Servis sangat lambat dan laman web saya selalu down. Sangat kecewa.",
      locale: .malay, expectedLabel: "negative", npsScore: 3
    ),
    FeedbackSample(
      customerID: "cust-harta", text: "Terima kasih, sokongan sangat pantas dan membantu.",
      locale: .malay, expectedLabel: "positive", npsScore: 9
    ),
    FeedbackSample(
      customerID: "cust-kham", text: "ບໍລິການຊ້າຫຼາຍ ແລະ ເວັບໄຊລົ່ມເລື້ອຍໆ ບໍ່ພໍໃຈເລີຍ",
      locale: .lao, expectedLabel: "negative", npsScore: 1
    ),
    FeedbackSample(
      customerID: "cust-lan", text: "ຂອບໃຈຫຼາຍ ພະນັກງານຊ່ວຍເຫຼືອດີຫຼາຍ ແລະ ໄວ",
      locale: .lao, expectedLabel: "positive", npsScore: 9
    ),
  ]

  /// A valid staff notification with the given key.
  /// - Parameters:
  ///   - key: Its idempotency key.
  ///   - instant: When it was produced.
  public static func notification(key: String = "fixture/1", at instant: Date = referenceDate)
    -> HostingSupport.OutboundMessage
  {
    HostingSupport.OutboundMessage(
      idempotencyKey: key,
      audience: .staff,
      kind: .slaWarning,
      subject: "Ticket T-critical is close to its first-response target",
      body: "15 minutes left to answer \"Critical issue on web01\".",
      createdAt: instant,
      ticketID: "T-critical",
      metadata: ["priority": "critical", "target": "firstResponse"]
    )
  }

  /// A valid customer notification in the customer's language, with characters that need care
  /// (quotes, angle brackets, Lao script, an emoji).
  /// - Parameters:
  ///   - key: Its idempotency key.
  ///   - customer: The recipient.
  ///   - instant: When it was produced.
  public static func customerNotification(
    key: String = "fixture/customer/1",
    customer: CustomerProfile = customers[2],
    at instant: Date = referenceDate
  ) -> HostingSupport.OutboundMessage {
    HostingSupport.OutboundMessage(
      idempotencyKey: key,
      audience: .customer,
      customerID: customer.id,
      kind: .progressUpdate,
      locale: customer.locale,
      subject: "Update on \"<script>\" & ຄຳຮ້ອງ 🚀",
      body: "Line one\nLine two with \"quotes\", <tags> & ປີ້",
      createdAt: instant,
      ticketID: "T-high"
    )
  }
}
