import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk maintenance notices")
struct DeskMaintenanceTests {
  static let start = Fixtures.referenceDate + 5 * day
  static let window = MaintenanceWindow(
    id: "MW-web02", start: start, end: start + 2 * hour, servers: ["web02"], description: "Kernel upgrade")

  /// Ticks every hour over a span, marking a window done on the way, and returns every notification delivered
  /// meanwhile, in delivery order.
  static func run(
    _ harness: DeskHarness, from: Date, to: Date, completing done: (id: MaintenanceID, at: Date)? = nil
  ) async throws -> [HostingSupport.OutboundMessage] {
    let before = await harness.transport.notifications.count
    var now = from
    var completed = false
    while now <= to {
      if let done, !completed, now >= done.at {
        try await harness.desk.completeMaintenance(done.id, at: done.at)
        completed = true
      }
      _ = try await harness.desk.tick(now: now)
      now += hour
    }
    return Array(await harness.transport.notifications.dropFirst(before))
  }

  @Test("only affected customers are notified: 72 h and 24 h ahead, at the start and when marked done")
  func onlyAffectedCustomers() async throws {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(Self.window)
    let sent = try await Self.run(
      harness, from: Fixtures.referenceDate, to: Self.start + 3 * hour, completing: ("MW-web02", Self.start + 2 * hour))
    let affected = Set(Fixtures.customers.filter { !$0.servers.isDisjoint(with: ["web02"]) }.map(\.id))
    #expect(affected == ["cust-siti", "cust-webmy", "cust-lan"])
    #expect(Set(sent.compactMap(\.customerID)) == affected)
    for customer in affected {
      let theirs = sent.filter { $0.customerID == customer }
      #expect(
        theirs.map(\.kind) == [.maintenanceAdvance, .maintenanceAdvance, .maintenanceStart, .maintenanceCompletion])
      #expect(theirs.allSatisfy { $0.maintenanceID == "MW-web02" })
    }
    let firstAdvance = try #require(sent.first { $0.kind == .maintenanceAdvance })
    #expect(firstAdvance.createdAt == Self.start - 72 * hour)
  }

  @Test("notices are written in each customer's language and time zone")
  func localisedNotices() async throws {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(Self.window)
    let sent = try await Self.run(harness, from: Self.start - 72 * hour, to: Self.start - 72 * hour)
    let lao = try #require(sent.first { $0.customerID == "cust-lan" })
    #expect(lao.locale == .lao && lao.body.contains("ການບຳລຸງຮັກສາ"))
    // 2026-11-07 00:00 UTC is 07:00 in Vientiane.
    #expect(lao.body.contains("2026-11-07 07:00 (Asia/Vientiane)"))
    let malay = try #require(sent.first { $0.customerID == "cust-siti" })
    #expect(malay.locale == .malay && malay.body.contains("2026-11-07 08:00 (Asia/Kuala_Lumpur)"))
  }

  @Test("a window planned late sends one advance notice, not every lead time at once")
  func plannedLate() async throws {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(Self.window)
    let sent = try await Self.run(harness, from: Self.start - 10 * hour, to: Self.start - 10 * hour)
    #expect(
      sent.filter { $0.customerID == "cust-siti" }.map(\.idempotencyKey) == [
        "maintenance/MW-web02/r1/advance-24h/cust-siti"
      ])
  }

  @Test("cancelling sends a correction only to customers already told")
  func cancellation() async throws {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(Self.window)
    var wider = Self.window
    wider.id = "MW-late"
    wider.start = Self.start + 10 * day
    wider.end = wider.start + hour
    try await harness.desk.scheduleMaintenance(wider)
    _ = try await Self.run(harness, from: Self.start - 72 * hour, to: Self.start - 72 * hour)
    try await harness.desk.cancelMaintenance("MW-web02")
    try await harness.desk.cancelMaintenance("MW-late")  // nobody was told yet: no correction
    let sent = try await Self.run(harness, from: Self.start - 71 * hour, to: Self.start + 3 * hour)
    #expect(sent.allSatisfy { $0.kind == .maintenanceCorrection })
    #expect(Set(sent.compactMap(\.customerID)) == ["cust-siti", "cust-webmy", "cust-lan"])
    #expect(sent.allSatisfy { $0.maintenanceID == "MW-web02" })
    #expect(sent.count == 3)
  }

  @Test("rescheduling sends a correction with the new times, then announces them again")
  func reschedule() async throws {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(Self.window)
    _ = try await Self.run(harness, from: Self.start - 72 * hour, to: Self.start - 72 * hour)
    let newStart = Self.start + 2 * day
    try await harness.desk.rescheduleMaintenance(
      "MW-web02", start: newStart, end: newStart + 2 * hour, at: Self.start - 71 * hour)
    let sent = try await Self.run(
      harness, from: Self.start - 70 * hour, to: newStart + 3 * hour, completing: ("MW-web02", newStart + 2 * hour))
    let siti = sent.filter { $0.customerID == "cust-siti" }
    #expect(
      siti.map(\.kind) == [
        .maintenanceCorrection, .maintenanceAdvance, .maintenanceAdvance, .maintenanceStart, .maintenanceCompletion,
      ])
    #expect(siti[0].body.contains("2026-11-09 08:00"))  // the new start, in Kuala Lumpur time
    #expect(await harness.transport.duplicateKeys.isEmpty)
  }

  @Test("invalid windows and unknown ids are refused")
  func invalidWindows() async throws {
    let harness = DeskHarness()
    var backwards = Self.window
    backwards.end = backwards.start - 1
    await #expect(throws: HostingSupportError.self) { try await harness.desk.scheduleMaintenance(backwards) }
    try await harness.desk.scheduleMaintenance(Self.window)
    await #expect(throws: HostingSupportError.self) { try await harness.desk.scheduleMaintenance(Self.window) }
    let error = await #expect(throws: HostingSupportError.self) { try await harness.desk.cancelMaintenance("nope") }
    #expect(error?.code == .notFound)
  }

  @Test("a window matches a customer only when every named dimension matches")
  func affectsRule() throws {
    let siti = try #require(Fixtures.customer("cust-siti"))  // shared, web02, web+mail+dns
    let base = Self.window
    var mail = base
    mail.services = ["mail"]
    var vpsOnly = base
    vpsOnly.tiers = [.vps]
    let everyone = MaintenanceWindow(id: "all", start: base.start, end: base.end, description: "Network")
    #expect(base.affects(siti) && mail.affects(siti) && everyone.affects(siti))
    #expect(!vpsOnly.affects(siti))
  }
}
