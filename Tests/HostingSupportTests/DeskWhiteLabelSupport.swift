import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets

/// Resellers and their end customers for the white-label tests: Acme sells in English, Malay and Lao under its
/// own brand; Zen speaks English only; Plain resells without a brand.
enum WhiteLabel {
  static let hostName = "ExampleHost"
  static let acme: PartnerID = "acme"
  static let zen: PartnerID = "zen"
  static let plain: PartnerID = "plain"
  static let brandName = "Acme Web"
  static let senderAddress = "help@acme.example"
  static let supportURL = URL(string: "https://acme.example/help")!
  static let server = "rs01"

  static let partners: [Partner] = try! [
    Partner(
      id: acme, kind: .reseller, name: "Acme Web Sdn Bhd",
      brand: PartnerBrand(
        displayName: brandName, senderAddress: senderAddress, supportURL: supportURL, languages: ["en", "ms", "lo"]),
      slaPolicySetName: "acme-premium"),
    Partner(
      id: zen, kind: .reseller, name: "Zen Hosting Ltd",
      brand: PartnerBrand(
        displayName: "Zen Hosting", senderAddress: "care@zen.example", supportURL: URL(string: "https://zen.example")!,
        languages: ["en"])),
    Partner(id: plain, kind: .reseller, name: "Plain Resale Co"),
    Partner(id: "blog-42", kind: .affiliate, name: "Hosting reviews blog"),
  ]

  /// Acme's end customers, one per language, on their own server.
  static let acmeCustomers: [CustomerProfile] = [
    customer("cust-acme-en", "Ana Lim", .english),
    customer("cust-acme-ms", "Siti Aminah", .malay),
    customer("cust-acme-lo", "Somsack", .lao),
  ]

  /// A direct customer on the same server, who must keep hearing from the host.
  static let directCustomer = customer("cust-direct", "Dara Direct", .english, reseller: nil)

  static func customer(
    _ id: CustomerID, _ name: String, _ locale: MessageLocale, reseller: PartnerID? = acme,
    affiliate: PartnerID? = nil, since: Date = Fixtures.referenceDate - 400 * 86_400
  ) -> CustomerProfile {
    CustomerProfile(
      id: id, name: name, locale: locale, tier: .shared, acquisition: reseller == nil ? .direct : .reseller,
      monthlyRevenue: Money(minorUnits: 900, currency: "USD"), customerSince: since, servers: [server],
      services: ["web", "mail"], partners: CustomerPartners(reseller: reseller, affiliate: affiliate))
  }

  /// The loop configuration (surveys on, NPS every day) with the partner directory.
  static func configuration() -> DeskConfiguration {
    var configuration = loopConfiguration(npsInterval: 86_400)
    configuration.partners = try! PartnerDirectory(partners)
    configuration.hostSupportURL = URL(string: "https://examplehost.test/support")
    configuration.surveys?.answerLinksByReseller = [acme: "https://panel.acme.example/rate?token={token}"]
    return configuration
  }

  static func harness() -> DeskHarness {
    let harness = DeskHarness(configuration: configuration())
    return harness
  }
}

/// Runs every kind of customer message the desk sends for Acme's customers and a direct customer: progress
/// updates, surveys (CSAT and NPS), feedback follow-ups, a suggestion done, an incident, and maintenance with
/// advance notices, start, overrun, completion, a reschedule and a cancellation.
actor WhiteLabelScenario {
  static let shared = WhiteLabelScenario()
  private var run: Task<[HostingSupport.OutboundMessage], any Error>?

  /// The messages the scenario delivered to customers (computed once).
  func messages() async throws -> [HostingSupport.OutboundMessage] {
    if let run { return try await run.value }
    let task = Task { try await Self.play() }
    run = task
    return try await task.value
  }

  private static func play() async throws -> [HostingSupport.OutboundMessage] {
    let harness = WhiteLabel.harness()
    let desk = harness.desk
    let endCustomers = WhiteLabel.acmeCustomers + [WhiteLabel.directCustomer]
    await desk.register(endCustomers)
    let start = Fixtures.referenceDate
    // Tickets: a progress update after 8 quiet hours, then a resolve and its CSAT survey.
    var tickets: [TicketID] = []
    for customer in endCustomers {
      let opened = try await desk.openTicket(
        for: customer.id, subject: "Mail bounces", body: "Messages to my domain bounce.", at: start)
      tickets.append(opened.ticket.id)
    }
    _ = try await desk.tick(now: start + 8 * hour + 60)
    for ticket in tickets {
      _ = try await desk.addAgentReply(
        "The mailbox quota was full; I raised it. Please try again.", to: ticket, by: "ana", at: start + 9 * hour)
      _ = try await desk.changeStatus(of: ticket, to: .resolved, by: .agent("ana"), at: start + 9 * hour + 60)
    }
    // The CSAT requests an hour after the resolve; each customer's NPS question within the day.
    for offset in [10 * hour + 120, 35 * hour] { _ = try await desk.tick(now: start + offset) }
    // Feedback: a complaint is followed up; a suggestion is marked done.
    for (index, customer) in endCustomers.enumerated() {
      _ = try await desk.recordFeedback(
        CustomerFeedback(
          id: "wl-complaint-\(index)", customerID: customer.id,
          text: "Terrible support, very slow response, my site was down for two days!", receivedAt: start + day,
          npsScore: 2))
      let suggestion = try await desk.recordFeedback(
        CustomerFeedback(
          id: "wl-suggestion-\(index)", customerID: customer.id,
          text: "Excellent support, thank you! Please add two-factor login to the control panel.",
          receivedAt: start + day + 60))
      if let id = suggestion.suggestionID { _ = try await desk.markSuggestions([id], as: .done, note: "Done.") }
    }
    // An incident on their server: start, a staff update, resolved.
    let incident = Incident(
      id: "INC-rs01", severity: .major, startedAt: start + 2 * day, servers: [WhiteLabel.server],
      summary: "Websites on rs01 return errors.")
    try await desk.declareIncident(incident, at: start + 2 * day + 60)
    try await desk.postIncidentUpdate(incident.id, message: "A disk is being replaced.", at: start + 2 * day + hour)
    try await desk.resolveIncident(incident.id, summary: "The disk was replaced.", at: start + 2 * day + 2 * hour)
    // Maintenance: one window runs late and is marked done; one is moved; one is cancelled.
    let maintenanceStart = start + 6 * day
    let windows = [
      MaintenanceWindow(
        id: "MW-run", start: maintenanceStart, end: maintenanceStart + 2 * hour, servers: [WhiteLabel.server],
        description: "Kernel upgrade"),
      MaintenanceWindow(
        id: "MW-moved", start: maintenanceStart + 6 * hour, end: maintenanceStart + 7 * hour,
        servers: [WhiteLabel.server], description: "Switch firmware"),
      MaintenanceWindow(
        id: "MW-cancelled", start: maintenanceStart + 12 * hour, end: maintenanceStart + 13 * hour,
        servers: [WhiteLabel.server], description: "Storage rebalance"),
    ]
    for window in windows { try await desk.scheduleMaintenance(window) }
    // The 72-hour notices of all three windows, then their 24-hour notices.
    let now = maintenanceStart - 12 * hour
    for offset in [-60 * hour, -12 * hour] { _ = try await desk.tick(now: maintenanceStart + offset) }
    try await desk.cancelMaintenance("MW-cancelled")
    try await desk.rescheduleMaintenance(
      "MW-moved", start: maintenanceStart + 30 * hour, end: maintenanceStart + 31 * hour, at: now)
    _ = try await desk.tick(now: maintenanceStart + 60)
    _ = try await desk.tick(now: maintenanceStart + 2 * hour + 10 * 60)
    try await desk.completeMaintenance("MW-run", at: maintenanceStart + 3 * hour)
    _ = try await desk.deliverPending(now: maintenanceStart + 3 * hour)
    let ids = Set(endCustomers.map(\.id))
    return await harness.transport.notifications.filter { $0.customerID.map(ids.contains) ?? false }
  }
}

/// The customer message kinds the desk sends, with the templates each kind may use.
let customerMessageKinds: [MessageKind] = [
  .progressUpdate, .satisfactionSurvey, .feedbackFollowUp, .suggestionDone, .incidentStart, .incidentUpdate,
  .incidentResolved, .maintenanceAdvance, .maintenanceStart, .maintenanceOverrun, .maintenanceCompletion,
  .maintenanceCorrection,
]
