import Foundation

/// Subscriptions read from CSV together with the index of their ids and customers that the import built while
/// reading them (see ``RetentionCSVImporter/indexedSubscriptions(csv:file:)``).
///
/// Pass it to ``RetentionCSVImporter/changes(csv:file:indexedSubscriptions:)`` and
/// ``RetentionDataset/init(indexedSubscriptions:changes:currency:)``: they look subscriptions up and group them
/// by customer with the index instead of hashing every id again. The records cannot change, so the index always
/// describes them.
public struct IndexedSubscriptions: Sendable {
  /// The valid subscriptions, in file order; their ids are unique.
  public let records: [Subscription]
  /// One error per skipped row, each naming the file, line and column. Always empty in strict mode.
  public let issues: [RetentionError]
  let index: SubscriptionIndex

  init(records: [Subscription], issues: [RetentionError], index: SubscriptionIndex) {
    self.records = records
    self.issues = issues
    self.index = index
  }

  /// The records and issues as a plain import result.
  public var importResult: ImportResult<Subscription> { ImportResult(records: records, issues: issues) }
}
