import Foundation
import HostingSupport
import SupportTickets

/// The scripted scenes that show rules the random world may not reach: an incident on a shared server, a
/// maintenance window that overruns and one marked done on time, a window moved once, suggestions taken up, and a
/// premium reseller's customer's critical ticket.
struct DemoShowcase {
  enum Scene {
    case declareIncident(Incident)
    case postIncidentUpdate(IncidentID, String)
    case resolveIncident(IncidentID)
    case rescheduleMaintenance(MaintenanceID, start: Date, end: Date)
    case completeMaintenance(MaintenanceID)
    case takeUpSuggestions
    /// A shared-plan customer whose annual renewal is near has a bad week: three urgent tickets answered late and
    /// an unhappy review.
    case badWeekBeforeRenewal
    /// A customer of the reseller that sells premium support opens a critical ticket, measured with its targets.
    case resellerPremiumTicket
  }

  static let incidentID: IncidentID = "INC-web03-disk"
  static let overrunWindow: MaintenanceID = "MW-web02-kernel"
  static let movedWindow: MaintenanceID = "MW-vps-node2-storage"

  /// The scenes, in time order.
  private(set) var scenes: [(at: Date, scene: Scene)] = []

  /// Plans the scenes of a run from `start` to `end`, and schedules the maintenance windows on the desk.
  static func plan(desk: SupportDesk, start: Date, end: Date) async throws -> DemoShowcase {
    var showcase = DemoShowcase()
    let span = end.timeIntervalSince(start)
    // The incident: 02:00 UTC (the Asian business morning) on the second day, or halfway through a one-day run.
    let incidentStart = start + min(86_400, span / 2) + 2 * 3_600
    showcase.add(
      incidentStart + 10 * 60,
      .declareIncident(
        Incident(
          id: incidentID, severity: .major, startedAt: incidentStart, servers: ["web03"],
          summary: "A failed disk on web03 makes websites on it return errors.")))
    showcase.add(
      incidentStart + 50 * 60, .postIncidentUpdate(incidentID, "The disk is replaced; we are restoring the sites."))
    showcase.add(incidentStart + 150 * 60, .resolveIncident(incidentID))
    if span >= 2 * 86_400 {
      // Kernel work on web02 mid-run that overruns its two hours; the team marks it done 45 minutes late.
      let day = Double(Int(span / 86_400) / 2)
      let kernel = start + day * 86_400 + 17 * 3_600
      try await desk.scheduleMaintenance(
        MaintenanceWindow(
          id: overrunWindow, start: kernel, end: kernel + 2 * 3_600, servers: ["web02"],
          description: "Kernel and PHP security updates on web02."))
      showcase.add(kernel + 2 * 3_600 + 45 * 60, .completeMaintenance(overrunWindow))
    }
    if span >= 10 * 86_400 {
      // A VPS window moved once, then finished on time.
      let first = start + 6 * 86_400 + 18 * 3_600
      let moved = start + 8 * 86_400 + 18 * 3_600
      try await desk.scheduleMaintenance(
        MaintenanceWindow(
          id: movedWindow, start: first, end: first + 2 * 3_600, servers: ["vps-node2"],
          description: "Storage controller firmware update on vps-node2."))
      showcase.add(
        start + 4 * 86_400 + 9 * 3_600, .rescheduleMaintenance(movedWindow, start: moved, end: moved + 7_200))
      showcase.add(moved + 7_200 - 15 * 60, .completeMaintenance(movedWindow))
    }
    showcase.add(end - 86_400 / 2, .takeUpSuggestions)
    showcase.add(max(start + 3_600, end - 4 * 86_400), .badWeekBeforeRenewal)
    showcase.add(start + min(span / 3, 3 * 86_400) + 3 * 3_600, .resellerPremiumTicket)
    showcase.scenes.sort { $0.at < $1.at }
    return showcase
  }

  private mutating func add(_ at: Date, _ scene: Scene) { scenes.append((at, scene)) }

  /// Removes and returns the scenes due before `instant`.
  mutating func due(before instant: Date) -> [(at: Date, scene: Scene)] {
    let count = scenes.prefix { $0.at < instant }.count
    defer { scenes.removeFirst(count) }
    return Array(scenes.prefix(count))
  }
}
