import Foundation
import SupportTickets

extension SLAComplianceReport {
  /// The report as a plain-text table: one line per row, then the totals per metric.
  ///
  /// Durations are business time as `H:MM:SS`; attainment has one decimal; `-` means nothing to show.
  public var description: String {
    let header = [
      "period", "metric", "priority", "department", "measured", "achieved", "breached", "open",
      "attained", "median", "p90",
    ]
    var lines: [[String]] = [header]
    for row in rows { lines.append(Self.cells(row)) }
    var totalLines: [[String]] = []
    for row in totals { totalLines.append(Self.cells(row)) }
    let all = lines + totalLines
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    func render(_ cells: [String]) -> String {
      cells.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return column < 4 ? text + padding : padding + text
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    var text = "SLA compliance by \(period.rawValue) (\(timeZoneIdentifier))\n"
    text += lines.map(render).joined(separator: "\n") + "\n"
    if !totalLines.isEmpty {
      text += "\n" + totalLines.map(render).joined(separator: "\n") + "\n"
    }
    return text
  }

  private static func cells(_ row: Row) -> [String] {
    [
      row.period ?? "all", row.metric.rawValue, row.priority?.rawValue ?? "all", row.department?.rawValue ?? "all",
      "\(row.measured)", "\(row.achieved)", "\(row.breached)", "\(row.open)",
      row.attainmentPercent.map { String(format: "%.1f%%", $0) } ?? "-",
      row.medianSeconds.map(clockText) ?? "-", row.p90Seconds.map(clockText) ?? "-",
    ]
  }

  /// Seconds as `H:MM:SS`, rounded to the second.
  static func clockText(_ seconds: TimeInterval) -> String {
    let total = Int64(seconds.rounded())
    return String(format: "%lld:%02lld:%02lld", total / 3_600, total / 60 % 60, total % 60)
  }
}
