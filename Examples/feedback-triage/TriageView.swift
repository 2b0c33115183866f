import CommandLineSupport
import FeedbackSentiment
import Foundation

/// The feedback panel's view: negative feedback first, grouped by the aspect criticised, each group with the
/// follow-up a support lead should start; questions are listed apart with the desk to route them to (a question
/// is answered, not apologised to).
struct TriageView {
  struct Entry {
    var item: FeedbackItem
    var result: SentimentResult
    var intent: FeedbackIntent
  }

  var results: [Entry]

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
    .resolution:
      "Reopen the ticket, have a senior technician reproduce the problem and confirm the fix with the customer.",
    .clarity: "Rewrite the answer in plain words with numbered steps and check the customer could follow it.",
  ]
  static let generalFollowUp = "Reply personally and ask what went wrong."

  /// Negative items other than questions, grouped by the aspect judged most negative (or their first aspect),
  /// so the advice follows what was criticised ("replied fast but still not fixed" → resolution); most urgent
  /// (lowest score) first within a group; groups ordered by size.
  var negativeGroups: [(aspect: HostingAspect?, entries: [Entry])] {
    var groups: [HostingAspect?: [Entry]] = [:]
    for entry in results where entry.result.label == .negative && entry.intent != .question {
      let aspects = entry.result.aspects
      let aspect = aspects.filter { $0.label == .negative }.min { $0.score < $1.score }?.aspect ?? aspects.first?.aspect
      groups[aspect, default: []].append(entry)
    }
    return groups.map { (aspect: $0.key, entries: $0.value.sorted { $0.result.score < $1.result.score }) }
      .sorted { lhs, rhs in
        if lhs.entries.count != rhs.entries.count { return lhs.entries.count > rhs.entries.count }
        return (lhs.aspect?.rawValue ?? "~") < (rhs.aspect?.rawValue ?? "~")
      }
  }

  /// Questions, with the desk to route each to: billing for pricing, else technical support.
  var questions: [Entry] { results.filter { $0.intent == .question } }

  static func desk(for entry: Entry) -> String {
    entry.result.aspects.first?.aspect == .pricing ? "billing" : "technical support"
  }

  func text() -> String {
    let labels = results.map(\.result.label)
    let negatives = labels.filter { $0 == .negative }.count
    let neutrals = labels.filter { $0 == .neutral }.count
    let positives = results.count - negatives - neutrals
    var lines = ["\(results.count) comments: \(negatives) negative, \(neutrals) neutral, \(positives) positive", ""]
    for group in negativeGroups {
      let name = group.aspect?.rawValue ?? "general"
      lines.append("NEGATIVE · \(name) (\(group.entries.count))")
      lines.append("  follow-up: \(group.aspect.flatMap { Self.followUps[$0] } ?? Self.generalFollowUp)")
      for entry in group.entries { lines.append("  " + Self.line(entry, language: true)) }
      lines.append("")
    }
    if !questions.isEmpty {
      lines.append("QUESTIONS (\(questions.count)): answer them, no apology needed")
      for entry in questions { lines.append("  " + Self.line(entry, language: false) + " → \(Self.desk(for: entry))") }
      lines.append("")
    }
    for label in [SentimentLabel.neutral, .positive] {
      let entries = results.filter { $0.result.label == label && $0.intent != .question }
      guard !entries.isEmpty else { continue }
      lines.append("\(label.rawValue.uppercased()) (\(entries.count))")
      for entry in entries { lines.append("  " + Self.line(entry, language: false)) }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  private static func line(_ entry: Entry, language: Bool) -> String {
    "[\(TerminalText.escaped(entry.item.idText))] " + String(format: "%+.2f ", entry.result.score)
      + (language ? "(\(entry.result.language)) " : "") + oneLine(entry.item.text)
  }

  func json() -> String {
    let groups = negativeGroups.map { group in
      JSONText.object([
        ("aspect", group.aspect.map { JSONText.quoted($0.rawValue) } ?? "null"),
        ("followUp", JSONText.quoted(group.aspect.flatMap { Self.followUps[$0] } ?? Self.generalFollowUp)),
        ("ids", JSONText.array(group.entries.map(\.item.idJSON))),
      ])
    }
    let questions = questions.map { entry in
      JSONText.object([("id", entry.item.idJSON), ("routeTo", JSONText.quoted(Self.desk(for: entry)))])
    }
    func ids(_ label: SentimentLabel) -> String {
      JSONText.array(results.filter { $0.result.label == label && $0.intent != .question }.map(\.item.idJSON))
    }
    return JSONText.object([
      ("negative", JSONText.array(groups)), ("questions", JSONText.array(questions)), ("neutral", ids(.neutral)),
      ("positive", ids(.positive)),
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
