import FeedbackSentiment
import Foundation

/// Marks ``SuggestionID``.
public enum SuggestionTag: Sendable {}
/// Identifies a suggestion on the board: `SG-<feedback id>`.
public typealias SuggestionID = Identifier<SuggestionTag>

/// Where a suggestion stands.
public enum SuggestionStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Received, not decided yet.
  case new
  /// The host plans to do it.
  case planned
  /// Done: its author is told (once).
  case done
}

/// Feedback that asked for an improvement, as it stands on the suggestions board.
public struct Suggestion: Hashable, Sendable, Codable, Identifiable {
  /// The suggestion's id.
  public var id: SuggestionID
  /// Who made it.
  public var customerID: CustomerID
  /// The feedback it came from.
  public var feedbackID: String
  /// What the customer wrote, redacted.
  public var text: String
  /// The hosting aspect it is about (the first one the text mentions), or `nil` for a general suggestion.
  public var aspect: HostingAspect?
  /// The phrase that made it a suggestion ("please add").
  public var cue: SuggestionCue
  /// When it was received.
  public var receivedAt: Date
  /// New, planned or done.
  public var status: SuggestionStatus
  /// When the status last changed (`nil` while new).
  public var statusChangedAt: Date?
  /// What the host says about it when it is done (shown to its author; plain text), if anything.
  public var note: String?
  /// Starts at 1; every change adds one.
  public var revision: Int

  /// A new suggestion.
  /// - Parameters:
  ///   - id: Its id.
  ///   - customerID: Its author.
  ///   - feedbackID: The feedback it came from.
  ///   - text: The (redacted) text.
  ///   - aspect: The aspect it is about.
  ///   - cue: The phrase that made it a suggestion.
  ///   - receivedAt: When it arrived.
  public init(
    id: SuggestionID, customerID: CustomerID, feedbackID: String, text: String, aspect: HostingAspect?,
    cue: SuggestionCue, receivedAt: Date
  ) {
    self.id = id
    self.customerID = customerID
    self.feedbackID = feedbackID
    self.text = text
    self.aspect = aspect
    self.cue = cue
    self.receivedAt = receivedAt
    self.status = .new
    self.statusChangedAt = nil
    self.note = nil
    self.revision = 1
  }

  /// When it last changed.
  public var updatedAt: Date { statusChangedAt ?? receivedAt }
}

/// The suggestions grouped by the aspect they are about, most asked-for first.
public struct SuggestionBoard: Hashable, Sendable, Codable {
  /// The suggestions about one aspect.
  public struct Group: Hashable, Sendable, Codable {
    /// The aspect, or `nil` for general suggestions.
    public var aspect: HostingAspect?
    /// How many suggestions.
    public var count: Int
    /// How many are new.
    public var new: Int
    /// How many are planned.
    public var planned: Int
    /// How many are done.
    public var done: Int
    /// Up to three texts, newest first.
    public var examples: [String]
    /// Every suggestion of the group, oldest first.
    public var suggestionIDs: [SuggestionID]
  }

  /// The groups, largest first (then by aspect name, general last).
  public var groups: [Group]
  /// Every suggestion on the board.
  public var total: Int

  /// Groups suggestions.
  /// - Parameter suggestions: The suggestions, oldest first.
  public init(_ suggestions: [Suggestion]) {
    var byAspect: [String: [Suggestion]] = [:]
    for suggestion in suggestions { byAspect[suggestion.aspect?.rawValue ?? "", default: []].append(suggestion) }
    groups = byAspect.map { key, items in
      Group(
        aspect: key.isEmpty ? nil : HostingAspect(rawValue: key),
        count: items.count,
        new: items.count { $0.status == .new },
        planned: items.count { $0.status == .planned },
        done: items.count { $0.status == .done },
        examples: items.suffix(3).reversed().map(\.text),
        suggestionIDs: items.map(\.id))
    }
    .sorted { lhs, rhs in
      if lhs.count != rhs.count { return lhs.count > rhs.count }
      return (lhs.aspect?.rawValue ?? "~") < (rhs.aspect?.rawValue ?? "~")
    }
    total = suggestions.count
  }
}
