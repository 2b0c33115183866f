import CommandLineSupport
import FeedbackSentiment
import Foundation

/// The feedback panel's view: negative feedback first, grouped by aspect, each group with the follow-up a
/// support lead should start.
struct TriageView {
  struct Entry {
    var item: FeedbackItem
    var result: SentimentResult
  }

  var results: [(item: FeedbackItem, result: SentimentResult)]

  static let followUps: [HostingAspect: String] = [
    .supportSpeed: "Apologise for the wait, give the ticket an owner and promise a reply time today.",
    .staffCompetence: "Have a senior technician review the ticket history and call the customer.",
    .uptime: "Check the incident log for the customer's server, explain the cause and offer SLA credit.",
    .performance: "Run a performance check on the site and server; suggest caching or a plan upgrade.",
    .pricing: "Have billing review the account; explain the charges or credit/refund where due.",
    .communication: "Send a personal status update and subscribe the customer to maintenance notices.",
    .controlPanel: "Ask for the failing panel action and a screenshot; escalate to the panel team.",
    .migration: "Assign a migration specialist to check the moved sites, DNS and mailboxes.",
    .email: "Check mail delivery logs, SPF/DKIM/DMARC and the mailbox quota.",
  ]
  static let generalFollowUp = "Reply personally and ask what went wrong."

  /// Negative items grouped by the first aspect judged negative (or their first aspect), most urgent
  /// (lowest score) first within a group; groups ordered by size.
  var negativeGroups: [(aspect: HostingAspect?, entries: [Entry])] {
    var groups: [HostingAspect?: [Entry]] = [:]
    for (item, result) in results where result.label == .negative {
      let aspect = result.aspects.first { $0.label == .negative }?.aspect ?? result.aspects.first?.aspect
      groups[aspect, default: []].append(Entry(item: item, result: result))
    }
    return groups.map { (aspect: $0.key, entries: $0.value.sorted { $0.result.score < $1.result.score }) }
      .sorted { lhs, rhs in
        if lhs.entries.count != rhs.entries.count { return lhs.entries.count > rhs.entries.count }
        return (lhs.aspect?.rawValue ?? "~") < (rhs.aspect?.rawValue ?? "~")
      }
  }

  func text() -> String {
    let negatives = results.filter { $0.result.label == .negative }.count
    let neutrals = results.filter { $0.result.label == .neutral }.count
    let positives = results.count - negatives - neutrals
    var lines = ["\(results.count) comments: \(negatives) negative, \(neutrals) neutral, \(positives) positive", ""]
    for group in negativeGroups {
      let name = group.aspect?.rawValue ?? "general"
      lines.append("NEGATIVE · \(name) (\(group.entries.count))")
      lines.append("  follow-up: \(group.aspect.flatMap { Self.followUps[$0] } ?? Self.generalFollowUp)")
      for entry in group.entries {
        lines.append(
          "  [\(TerminalText.escaped(entry.item.idText))] " + String(format: "%+.2f ", entry.result.score)
            + "(\(entry.result.language)) "
            + Self.oneLine(entry.item.text))
      }
      lines.append("")
    }
    for label in [SentimentLabel.neutral, .positive] {
      let entries = results.filter { $0.result.label == label }
      guard !entries.isEmpty else { continue }
      lines.append("\(label.rawValue.uppercased()) (\(entries.count))")
      for (item, result) in entries {
        lines.append(
          "  [\(TerminalText.escaped(item.idText))] " + String(format: "%+.2f ", result.score) + Self.oneLine(item.text)
        )
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  func json() -> String {
    let groups = negativeGroups.map { group in
      JSONText.object([
        ("aspect", group.aspect.map { JSONText.quoted($0.rawValue) } ?? "null"),
        ("followUp", JSONText.quoted(group.aspect.flatMap { Self.followUps[$0] } ?? Self.generalFollowUp)),
        ("ids", JSONText.array(group.entries.map(\.item.idJSON))),
      ])
    }
    return JSONText.object([
      ("negative", JSONText.array(groups)),
      ("neutral", JSONText.array(results.filter { $0.result.label == .neutral }.map(\.item.idJSON))),
      ("positive", JSONText.array(results.filter { $0.result.label == .positive }.map(\.item.idJSON))),
    ])
  }

  /// The text on one line for a preview: line breaks and tabs become spaces, other control characters are
  /// escaped (``TerminalText``), cut at 100 characters.
  static func oneLine(_ text: String) -> String {
    let spaced = String(
      String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    let cut = spaced.count > 100 ? String(spaced.prefix(99)) + "…" : spaced
    return TerminalText.escaped(cut)
  }
}
