import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk white-label notices")
struct DeskWhiteLabelTests {
  static func messages(of kind: MessageKind) async throws -> [HostingSupport.OutboundMessage] {
    try await WhiteLabelScenario.shared.messages().filter { $0.kind == kind }
  }

  @Test(
    "every notice to a reseller's customer carries the reseller's brand, never the host's name, in every language",
    arguments: customerMessageKinds)
  func resellerBrandInEveryNotice(kind: MessageKind) async throws {
    let messages = try await Self.messages(of: kind)
    let acme = messages.filter { WhiteLabel.acmeCustomers.map(\.id).contains($0.customerID!) }
    #expect(Set(acme.map(\.locale)) == Set(MessageLocale.allCases), "\(kind): \(acme.map(\.locale))")
    for message in acme {
      let text = message.subject + "\n" + message.body
      #expect(!text.contains(WhiteLabel.hostName), "\(kind) \(message.locale): \(text)")
      #expect(!text.lowercased().contains("examplehost"), "not even in a link: \(text)")
      #expect(text.contains(WhiteLabel.brandName), "\(kind) \(message.locale): \(text)")
      #expect(message.body.contains(WhiteLabel.supportURL.absoluteString), "the reseller's support page")
      #expect(message.sender?.partnerID == WhiteLabel.acme)
      #expect(message.sender?.displayName == WhiteLabel.brandName)
      #expect(message.sender?.address == WhiteLabel.senderAddress)
      #expect(message.sender?.supportURL == WhiteLabel.supportURL)
    }
  }

  @Test("a direct customer keeps hearing from the host, with the host's support page", arguments: customerMessageKinds)
  func directCustomerHearsFromHost(kind: MessageKind) async throws {
    let direct = try await Self.messages(of: kind).filter { $0.customerID == WhiteLabel.directCustomer.id }
    #expect(!direct.isEmpty, "\(kind)")
    for message in direct {
      let text = message.subject + "\n" + message.body
      #expect(text.contains(WhiteLabel.hostName) && !text.contains(WhiteLabel.brandName), "\(kind): \(text)")
      #expect(message.body.contains("https://examplehost.test/support"))
      #expect(message.sender?.partnerID == nil && message.sender?.displayName == WhiteLabel.hostName)
    }
  }

  @Test("a reseller's customers answer surveys on the reseller's own page")
  func surveyLinksOnResellerPage() async throws {
    let surveys = try await Self.messages(of: .satisfactionSurvey)
    let kinds = Set(surveys.compactMap { $0.metadata["surveyKind"] })
    #expect(kinds == ["csat", "nps"], "both survey texts are covered")
    for survey in surveys {
      let link = try #require(survey.metadata["surveyLink"])
      let isAcme = survey.sender?.partnerID == WhiteLabel.acme
      #expect(link.hasPrefix(isAcme ? "https://panel.acme.example/rate?token=" : "https://panel.example.com/rate"))
      #expect(survey.body.contains(link))
    }
  }

  @Test("maintenance corrections cover both the cancelled and the rescheduled texts")
  func correctionTexts() async throws {
    let corrections = try await Self.messages(of: .maintenanceCorrection).filter {
      $0.customerID == "cust-acme-en"
    }
    #expect(corrections.count == 2)
    #expect(Set(corrections.compactMap(\.maintenanceID)) == ["MW-moved", "MW-cancelled"])
  }

  @Test("a reseller's customer is written to in a language the reseller speaks")
  func languageTheResellerSpeaks() async throws {
    let harness = WhiteLabel.harness()
    let zenCustomer = WhiteLabel.customer("cust-zen-ms", "Nur", .malay, reseller: WhiteLabel.zen)
    await harness.desk.register([zenCustomer])
    let opened = try await harness.desk.openTicket(
      for: zenCustomer.id, subject: "Slow site", body: "My site is slow.", at: Fixtures.referenceDate)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 8 * hour + 60)
    let update = try #require(await harness.transport.notifications(of: .progressUpdate).first)
    #expect(update.ticketID == opened.ticket.id)
    #expect(update.locale == .english, "Zen speaks English only")
    #expect(update.body.contains("The Zen Hosting support team") && update.body.contains("https://zen.example"))
  }

  @Test("an unbranded reseller's customer hears the reseller's name, an unknown reseller's its id, never the host")
  func unbrandedAndUnknownResellers() async throws {
    let configuration = WhiteLabel.configuration()
    let unbranded = WhiteLabel.customer("cust-plain", "Pat", .english, reseller: WhiteLabel.plain)
    let unknown = WhiteLabel.customer("cust-ghost", "Gus", .english, reseller: "ghost-reseller")
    #expect(configuration.sender(for: unbranded).displayName == "Plain Resale Co")
    #expect(configuration.sender(for: unbranded).supportURL == nil)
    #expect(
      configuration.sender(for: unknown) == MessageSender(partnerID: "ghost-reseller", displayName: "ghost-reseller"))
    let referred = WhiteLabel.customer("cust-ref", "Rui", .english, reseller: nil, affiliate: "blog-42")
    #expect(configuration.sender(for: referred).displayName == WhiteLabel.hostName, "an affiliate does not brand")
  }

  @Test("a brand name is escaped like any value: no placeholder expansion, no bidirectional overrides, HTML-safe")
  func brandNameIsEscaped() async throws {
    var configuration = WhiteLabel.configuration()
    let hostile = try Partner(
      id: "evil", kind: .reseller, name: "Evil",
      brand: PartnerBrand(
        displayName: "<b>Evil</b> {customerName} \u{202E}tfel", senderAddress: "x@evil.example",
        supportURL: URL(string: "https://evil.example/?a=1&b=<2>")!, languages: ["en"]))
    configuration.partners = try PartnerDirectory(WhiteLabel.partners + [hostile])
    let customer = WhiteLabel.customer("cust-evil", "Eve", .english, reseller: "evil")
    let sender = configuration.sender(for: customer)
    let values = ["hostName": sender.displayName, "customerName": "Eve", "ticketID": "T-1", "ticketSubject": "x"]
    let plain = try configuration.templates.render(.progressUpdate, locale: .english, values: values)
    #expect(plain.body.contains("<b>Evil</b> {customerName} tfel") && !plain.body.contains("\u{202E}"))
    let html = try configuration.templates.render(.progressUpdate, locale: .english, values: values, format: .html)
    #expect(html.body.contains("&lt;b&gt;Evil&lt;/b&gt;") && !html.body.contains("<b>Evil"))
    // Through the desk, too: the placeholder in the brand name is printed, not expanded.
    let harness = DeskHarness(configuration: configuration)
    await harness.desk.register([customer])
    _ = try await harness.desk.openTicket(for: customer.id, subject: "x", body: "y", at: Fixtures.referenceDate)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 8 * hour + 60)
    let update = try #require(await harness.transport.notifications(of: .progressUpdate).first)
    #expect(update.body.contains("{customerName} tfel") && !update.body.contains("\u{202E}"))
  }

  @Test("customer profiles and messages round-trip their partners and sender through JSON; old JSON still reads")
  func codable() throws {
    let profile = WhiteLabel.acmeCustomers[0]
    let again = try JSONDecoder().decode(CustomerProfile.self, from: try JSONEncoder().encode(profile))
    #expect(again == profile && again.partners.reseller == WhiteLabel.acme)
    var object = try #require(
      try JSONSerialization.jsonObject(with: try JSONEncoder().encode(WhiteLabel.directCustomer)) as? [String: Any])
    object.removeValue(forKey: "partners")
    let old = try JSONDecoder().decode(CustomerProfile.self, from: try JSONSerialization.data(withJSONObject: object))
    #expect(old.partners == .none)
    let message = OutboundMessage(
      idempotencyKey: "k", audience: .customer, customerID: "c", kind: .progressUpdate, subject: "s", body: "b",
      createdAt: Fixtures.referenceDate,
      sender: MessageSender(partnerID: "acme", displayName: "Acme Web", supportURL: WhiteLabel.supportURL))
    #expect(try JSONDecoder().decode(OutboundMessage.self, from: try JSONEncoder().encode(message)) == message)
    let directory = try PartnerDirectory(WhiteLabel.partners)
    #expect(try JSONDecoder().decode(PartnerDirectory.self, from: try JSONEncoder().encode(directory)) == directory)
    #expect(throws: HostingSupportError.self) { try PartnerDirectory(WhiteLabel.partners + WhiteLabel.partners) }
  }
}
