import Foundation
import SupportTickets

extension SLAComplianceReport {
  /// The report as plain-text tables: one line per row, then the totals per metric; for a report built from
  /// tickets, then the tickets open past the age limit, the resolution quality per period, and the figures per
  /// agent and per department.
  ///
  /// Durations are business time as `H:MM:SS` (ages are wall-clock time); percentages have one decimal; `-` means
  /// nothing to show.
  public var description: String {
    let header = [
      "period", "metric", "priority", "department", "measured", "achieved", "breached", "open",
      "attained", "median", "p90",
    ]
    let lines = [header] + rows.map(Self.cells)
    let totalLines = totals.map(Self.cells)
    // Rows and totals share their column widths, so the totals line up under the rows.
    let rendered = Self.table(lines + totalLines, leftAligned: [0, 1, 2, 3])
    var text = "SLA compliance by \(period.rawValue) (\(timeZoneIdentifier))\n"
    text += rendered.prefix(lines.count).joined(separator: "\n") + "\n"
    if !totalLines.isEmpty {
      text += "\n" + rendered.dropFirst(lines.count).joined(separator: "\n") + "\n"
    }
    if let openPastAgeLimit { text += "\n" + Self.section(openPastAgeLimit) }
    if !qualityByPeriod.isEmpty, let quality { text += "\n" + qualitySection(overall: quality) }
    if !byAgent.isEmpty { text += "\n" + agentSection() }
    if !byDepartment.isEmpty { text += "\n" + departmentSection() }
    return text
  }

  private static func cells(_ row: Row) -> [String] {
    [
      row.period ?? "all", row.metric.rawValue, row.priority?.rawValue ?? "all", row.department?.rawValue ?? "all",
      "\(row.measured)", "\(row.achieved)", "\(row.breached)", "\(row.open)", percentText(row.attainmentPercent),
      row.medianSeconds.map(clockText) ?? "-", row.p90Seconds.map(clockText) ?? "-",
    ]
  }

  private static func section(_ aged: OpenPastAgeLimit) -> String {
    let text = "Open past \(limitText(aged.limit)) (wall-clock age, pauses included): \(aged.count)\n"
    guard !aged.tickets.isEmpty else { return text }
    let lines =
      [["ticket", "age", "status", "priority", "department", "agent"]]
      + aged.tickets.map { ticket in
        [
          ticket.ticketID.rawValue, clockText(ticket.age), ticket.status.rawValue, ticket.priority.rawValue,
          ticket.department.rawValue, ticket.agent?.rawValue ?? "unassigned",
        ]
      }
    return text + table(lines, leftAligned: [0, 2, 3, 4, 5]).joined(separator: "\n") + "\n"
  }

  private static let qualityHeader = ["tickets", "solved", "reopened", "reopen rate", "FCR", "FCR rate", "late"]

  private static func qualityCells(_ quality: ResolutionQuality) -> [String] {
    [
      "\(quality.tickets)", "\(quality.solved)", "\(quality.reopened)", percentText(quality.reopenRatePercent),
      "\(quality.firstContactResolutions)", percentText(quality.firstContactResolutionPercent),
      "\(quality.answeredOnTimeResolvedLate)",
    ]
  }

  private func qualitySection(overall: ResolutionQuality) -> String {
    let lines =
      [["period"] + Self.qualityHeader]
      + qualityByPeriod.map { [$0.period] + Self.qualityCells($0.quality) } + [["all"] + Self.qualityCells(overall)]
    return "Resolution quality (tickets by the period they were opened)\n"
      + Self.table(lines, leftAligned: [0]).joined(separator: "\n") + "\n"
      + "  FCR: first-contact resolution, solved with one public agent reply and never reopened\n"
      + "  late: answered on time, resolution target breached (resolved late or still open past it)\n"
  }

  /// The metrics some group has attainment for, in metric order: the columns of the per-agent and per-department
  /// tables.
  private var attainmentMetrics: [SLAMetric] {
    SLAMetric.allCases.filter { metric in totals.contains { $0.metric == metric } }
  }

  private static func attainmentCells(_ rows: [Row], metrics: [SLAMetric]) -> [String] {
    metrics.map { metric in percentText(rows.first { $0.metric == metric }?.attainmentPercent) }
  }

  private func agentSection() -> String {
    let metrics = attainmentMetrics
    let lines =
      [["agent"] + metrics.map(\.rawValue) + Self.qualityHeader]
      + byAgent.map { figures in
        [figures.agent?.rawValue ?? "unassigned"] + Self.attainmentCells(figures.attainment, metrics: metrics)
          + Self.qualityCells(figures.quality)
      }
    return "By agent (assignee at resolution; attainment per metric, then quality)\n"
      + Self.table(lines, leftAligned: [0]).joined(separator: "\n") + "\n"
  }

  private func departmentSection() -> String {
    let metrics = attainmentMetrics
    let lines =
      [["department"] + metrics.map(\.rawValue) + Self.qualityHeader]
      + byDepartment.map { figures in
        [figures.department.rawValue] + Self.attainmentCells(figures.attainment, metrics: metrics)
          + Self.qualityCells(figures.quality)
      }
    return "By department (attainment per metric, then quality)\n"
      + Self.table(lines, leftAligned: [0]).joined(separator: "\n") + "\n"
  }

  /// Lays out cells in columns two spaces apart: the columns in `leftAligned` left-aligned (text), the others
  /// right-aligned (numbers); spaces at either end of a line are trimmed.
  static func table(_ lines: [[String]], leftAligned: Set<Int>) -> [String] {
    let columns = lines.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in lines.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return lines.map { cells in
      cells.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return leftAligned.contains(column) ? text + padding : padding + text
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
  }

  /// A percentage with one decimal, or `-`.
  static func percentText(_ percent: Double?) -> String {
    percent.map { String(format: "%.1f%%", $0) } ?? "-"
  }

  /// A limit as people say it: `24 h`, `90 min`, or `H:MM:SS` when it is not whole minutes.
  static func limitText(_ seconds: TimeInterval) -> String {
    if seconds.truncatingRemainder(dividingBy: 3_600) == 0 { return "\(Int64(seconds / 3_600)) h" }
    if seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int64(seconds / 60)) min" }
    return clockText(seconds)
  }

  /// Seconds as `H:MM:SS`, rounded to the second.
  static func clockText(_ seconds: TimeInterval) -> String {
    let total = Int64(seconds.rounded())
    return String(format: "%lld:%02lld:%02lld", total / 3_600, total / 60 % 60, total % 60)
  }
}
