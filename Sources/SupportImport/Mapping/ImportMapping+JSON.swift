import Foundation
import RetentionMetrics
import SupportTickets

extension ImportMapping {
  /// The keys a mapping file may have.
  static let fileKeys: Set<String> = [
    "statuses", "priorities", "departments", "productTiers", "productGroupTiers", "defaultTier",
    "clientGroupChannels", "clientGroupPartners", "currency", "includeFreeAccounts", "satisfaction",
    "zendeskExternalIDs",
  ]

  /// Reads a mapping file (the JSON shown in ``ImportMapping``). Every key is optional; unknown keys and values
  /// are errors, so a typo never goes unnoticed.
  /// - Parameters:
  ///   - json: The file's bytes.
  ///   - file: The file's name, for errors.
  /// - Throws: ``ImportError`` `malformed` for text that is not JSON, `invalidMapping` naming the path of an
  ///   unknown key or a value that is not a kit status, priority, tier, channel, currency or score.
  public init(json: Data, file: String) throws(ImportError) {
    self.init()
    var found: JSONValue?
    try ImportDocument(name: file, data: json).forEachValue { (document) throws(ImportError) in
      guard found == nil else { throw ImportError(.invalidMapping, "a mapping file holds one object", file: file) }
      found = document.root
    }
    guard case .object(let object)? = found else {
      throw ImportError(.invalidMapping, "a mapping file holds one JSON object", file: file)
    }
    let root = Record(object, path: "", in: SourceDocument(file: file, line: 1, root: .object(object)))
    for member in object.members where !Self.fileKeys.contains(member.key) {
      throw root.failure(
        .invalidMapping, member.key, "unknown key; expected one of " + Self.fileKeys.sorted().joined(separator: ", "))
    }
    statuses = try Self.table(root, "statuses") { TicketStatus(rawValue: $0) }
    priorities = try Self.table(root, "priorities") { Priority(rawValue: $0) }
    departments = try Self.table(root, "departments") { SafeText.isName($0) ? Department(rawValue: $0) : nil }
    productTiers = try Self.table(root, "productTiers") { PlanTier(rawValue: $0) }
    productGroupTiers = try Self.table(root, "productGroupTiers") { PlanTier(rawValue: $0) }
    clientGroupChannels = try Self.table(root, "clientGroupChannels") { AcquisitionChannel(rawValue: $0) }
    clientGroupPartners = try Self.table(root, "clientGroupPartners") { PartnerID(rawValue: $0) }
    if let partners = try root.nested("clientGroupPartners") {
      for group in clientGroupPartners.keys.sorted()
      where clientGroupChannels[group] != .reseller && clientGroupChannels[group] != .affiliate {
        throw partners.failure(
          .invalidMapping, group, "a partner needs the group's channel reseller or affiliate in clientGroupChannels")
      }
    }
    if let tier = try root.text("defaultTier") {
      guard let value = PlanTier(rawValue: tier) else {
        throw root.failure(.invalidMapping, "defaultTier", "expected a plan tier", value: tier)
      }
      defaultTier = value
    }
    if let code = try root.text("currency") {
      guard let value = try? CurrencyCode(validating: code) else {
        throw root.failure(.invalidMapping, "currency", "expected a three-letter ISO 4217 code", value: code)
      }
      currency = value
    }
    includeFreeAccounts = try root.bool("includeFreeAccounts") ?? false
    zendeskExternalIDs = try root.bool("zendeskExternalIDs") ?? false
    if let scores = try root.nested("satisfaction") {
      satisfaction = SatisfactionScores(
        good: try Self.score(scores, "good") ?? 5, bad: try Self.score(scores, "bad") ?? 1)
    }
  }

  private static func score(_ record: Record, _ key: String) throws(ImportError) -> Int? {
    guard let text = try record.text(key) else { return nil }
    guard let score = Int(text), (1...5).contains(score) else {
      throw record.failure(.invalidMapping, key, "expected a CSAT score 1…5", value: text)
    }
    return score
  }

  private static func table<Value>(
    _ root: Record, _ key: String, _ parse: (String) -> Value?
  ) throws(ImportError) -> [String: Value] {
    guard let table = try root.nested(key) else { return [:] }
    return try entries(of: table, key, parse)
  }

  private static func entries<Value>(
    of table: Record, _ key: String, _ parse: (String) -> Value?
  ) throws(ImportError) -> [String: Value] {
    var result: [String: Value] = [:]
    for member in table.object.members {
      guard case .string(let text) = member.value else {
        throw table.failure(.invalidMapping, member.key, "expected a string, got \(member.value.typeName)")
      }
      guard let value = parse(text) else {
        throw table.failure(.invalidMapping, member.key, "not a value the kit knows for \(key)", value: text)
      }
      result[member.key] = value
    }
    return result
  }

  /// Reads a status map file: one JSON object of vendor status → kit status (`{"Awaiting Parts": "onHold"}`),
  /// the `statuses` table of a mapping file on its own.
  /// - Parameters:
  ///   - json: The file's bytes.
  ///   - file: The file's name, for errors.
  /// - Returns: The table.
  /// - Throws: ``ImportError`` `malformed` or `invalidMapping` naming the path of a value that is not a status.
  public static func statusMap(json: Data, file: String) throws(ImportError) -> [String: TicketStatus] {
    var object: JSONObject?
    try ImportDocument(name: file, data: json).forEachValue { (document) throws(ImportError) in
      guard object == nil, case .object(let found) = document.root else {
        throw ImportError(.invalidMapping, "a status map holds one JSON object", file: file)
      }
      object = found
    }
    let table = object ?? JSONObject()
    let root = Record(table, path: "", in: SourceDocument(file: file, line: 1, root: .object(table)))
    return try entries(of: root, "statuses") { TicketStatus(rawValue: $0) }
  }
}

extension ImportMapping {
  /// Reads a mapping file and a status map file, either or both; the status map's entries override the mapping
  /// file's `statuses`.
  /// - Parameters:
  ///   - mappingPath: The path of a mapping file (see ``init(json:file:)``), or `nil`.
  ///   - statusMapPath: The path of a status map (see ``statusMap(json:file:)``), or `nil`.
  /// - Returns: The mapping; the built-in tables alone when both are `nil`.
  /// - Throws: ``ImportError`` `unreadableFile`, `malformed` or `invalidMapping`, naming the file.
  public static func load(mappingPath: String?, statusMapPath: String?) throws(ImportError) -> ImportMapping {
    var mapping = ImportMapping()
    if let mappingPath {
      mapping = try ImportMapping(json: try ImportDocument(path: mappingPath).data, file: mappingPath)
    }
    if let statusMapPath {
      let table = try statusMap(json: try ImportDocument(path: statusMapPath).data, file: statusMapPath)
      mapping.statuses.merge(table) { _, new in new }
    }
    return mapping
  }
}
