import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk maintenance completes only when marked done")
struct DeskMaintenanceOverrunTests {
  static let start = Fixtures.referenceDate + 5 * day
  static let window = MaintenanceWindow(
    id: "MW-web02", start: start, end: start + 2 * hour, servers: ["web02"], description: "Kernel upgrade")
  static let affected: Set<CustomerID> = ["cust-siti", "cust-webmy", "cust-lan"]

  /// A harness whose affected customers were told at the start.
  static func started() async throws -> DeskHarness {
    let harness = DeskHarness()
    try await harness.desk.scheduleMaintenance(window)
    _ = try await harness.desk.tick(now: start + 60)
    #expect(await harness.transport.notifications(of: .maintenanceStart).count == 3)
    return harness
  }

  @Test("a window does not complete when the clock reaches its end: it overruns, with a new estimate")
  func overrunsUntilDone() async throws {
    let harness = try await Self.started()
    _ = try await harness.desk.tick(now: Self.start + 2 * hour + 10 * 60)
    #expect(await harness.transport.notifications(of: .maintenanceCompletion).isEmpty)
    let overrun = await harness.transport.notifications(of: .maintenanceOverrun)
    #expect(Set(overrun.compactMap(\.customerID)) == Self.affected && overrun.count == 3)
    // The new estimate is the planned end plus the default extension of one hour, in each customer's time zone.
    let siti = try #require(overrun.first { $0.customerID == "cust-siti" })
    #expect(siti.locale == .malay && siti.body.contains("2026-11-07 11:00 (Asia/Kuala_Lumpur)"))
    #expect(siti.body.contains("2026-11-07 10:00 (Asia/Kuala_Lumpur)"), "the planned end")
    let staff = await harness.transport.notifications(of: .maintenanceOverrunAlert)
    #expect(staff.count == 1 && staff.first?.audience == .staff)
    let record = try #require(try await harness.desk.maintenanceWindows().first)
    #expect(record.completedAt == nil && record.expectedEnd == Self.start + 3 * hour)
  }

  @Test("each time the estimate passes, another overrun notice goes out; marking done sends the completion once")
  func repeatedOverrunThenDone() async throws {
    let harness = try await Self.started()
    _ = try await harness.desk.tick(now: Self.start + 2 * hour + 10 * 60)
    _ = try await harness.desk.tick(now: Self.start + 2 * hour + 40 * 60)
    #expect(await harness.transport.notifications(of: .maintenanceOverrun).count == 3)
    _ = try await harness.desk.tick(now: Self.start + 3 * hour + 5 * 60)
    #expect(await harness.transport.notifications(of: .maintenanceOverrun).count == 6)
    try await harness.desk.completeMaintenance(Self.window.id, at: Self.start + 3 * hour + 20 * 60)
    let done = await harness.transport.notifications(of: .maintenanceCompletion)
    #expect(Set(done.compactMap(\.customerID)) == Self.affected && done.count == 3)
    _ = try await harness.desk.tick(now: Self.start + 6 * hour)
    #expect(await harness.transport.notifications(of: .maintenanceOverrun).count == 6)
    #expect(await harness.transport.notifications(of: .maintenanceCompletion).count == 3)
    #expect(await harness.transport.duplicateKeys.isEmpty)
    let error = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.completeMaintenance(Self.window.id)
    }
    #expect(error?.code == .invalidRequest)
  }

  @Test("work marked done early completes at once, with no overrun")
  func doneEarly() async throws {
    let harness = try await Self.started()
    try await harness.desk.completeMaintenance(Self.window.id, at: Self.start + hour)
    _ = try await harness.desk.tick(now: Self.start + 5 * hour)
    #expect(await harness.transport.notifications(of: .maintenanceCompletion).count == 3)
    #expect(await harness.transport.notifications(of: .maintenanceOverrun).isEmpty)
  }

  @Test("a host's own estimate is announced at once to the customers who were told")
  func hostEstimate() async throws {
    let harness = try await Self.started()
    try await harness.desk.estimateMaintenanceEnd(
      Self.window.id, newEnd: Self.start + 4 * hour, at: Self.start + 90 * 60)
    let overrun = await harness.transport.notifications(of: .maintenanceOverrun)
    #expect(
      overrun.count == 3 && overrun.allSatisfy { $0.body.contains("12:00 (Asia/") || $0.body.contains("11:00 (Asia/") })
    _ = try await harness.desk.tick(now: Self.start + 3 * hour)
    #expect(await harness.transport.notifications(of: .maintenanceOverrun).count == 3, "the estimate has not passed")
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.estimateMaintenanceEnd(Self.window.id, newEnd: Self.start + hour)
    }
  }

  @Test("a window stored before windows were marked done reads as done at its planned end")
  func legacyRecords() throws {
    let record = MaintenanceRecord(window: Self.window)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .secondsSince1970
    var object = try #require(
      try JSONSerialization.jsonObject(with: encoder.encode(record)) as? [String: Any])
    #expect(object.keys.contains("completedAt"), "new records always say whether the work is done")
    object.removeValue(forKey: "completedAt")
    object.removeValue(forKey: "overrunEstimates")
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    let legacy = try decoder.decode(MaintenanceRecord.self, from: JSONSerialization.data(withJSONObject: object))
    #expect(legacy.completedAt == Self.window.end && legacy.overrunEstimates.isEmpty)
    let current = try decoder.decode(MaintenanceRecord.self, from: encoder.encode(record))
    #expect(current == record && current.completedAt == nil)
  }
}
