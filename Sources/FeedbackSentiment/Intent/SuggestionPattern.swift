import Foundation

/// A suggestion cue read as a pattern: its parts, in order, and whether the first must open a sentence.
///
/// In a cue, `…` (or `...`) separates parts that must occur in that order within one sentence, with anything
/// between them: `kalau ada … lagi best` matches "kalau ada video pendek lagi best", `ຖ້າມີ … ຈະດີ` matches
/// "ຖ້າມີບໍລິການໂທກັບຈະດີ" ("it would be good if there were a call-back service"). A leading `^` anchors the cue at
/// the start of the text, of a sentence or of a clause (after `.`, `!`, `?`, `,`, `;`, `:`, over spaces and opening
/// quotes), where a verb is an imperative: `^staff` matches "Staff the weekend queue." but not "The staff were
/// kind.". A cue with neither is a plain phrase, matched as before.
public struct SuggestionPattern: Hashable, Sendable {
  /// The parts, normalised, in the order they must occur.
  public let parts: [String]
  /// Whether the first part must open a sentence or clause.
  public let isAnchored: Bool

  /// The pattern of a cue.
  /// - Parameter cue: A cue as listed (`please add`, `kalau ada … best`, `^write`).
  public init(_ cue: String) {
    var body = SuggestionText.normalized(cue)
    isAnchored = body.hasPrefix("^")
    if isAnchored { body.removeFirst() }
    parts = body.replacingOccurrences(of: "...", with: "…").split(separator: "…", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// What is wrong with the cue, or `nil` when every part has text.
  var problem: String? {
    parts.contains(where: \.isEmpty)
      ? "a suggestion cue needs text in every part (around '…' and after '^')" : nil
  }
}
