public import Foundation
import SupportTickets

// JSON format (documented in the "SLA guide" article):
//   {"policies":[{"name":"Critical","conditions":{"priorities":["critical"]},
//                 "calendar":{"timeZone":"UTC","alwaysOpen":true},
//                 "targets":[{"metric":"resolution","within":"1h","warningThresholds":[0.75,0.9],
//                             "escalationDelays":["0m","30m"],"pauseStatuses":["waitingOnCustomer","onHold"]}]}],
//    "ageGuard":{"limit":"24h"}}

/// A coding key for any name, used to reject unknown fields.
struct PolicyKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(_ string: String) {
    stringValue = string
    intValue = nil
  }
  init?(stringValue: String) { self.init(stringValue) }
  init?(intValue: Int) {
    stringValue = "\(intValue)"
    self.intValue = intValue
  }
}

/// Reads one JSON object of the policy format with field-named ``SLAError``s.
struct PolicyObjectReader {
  let container: KeyedDecodingContainer<PolicyKey>
  let path: [any CodingKey]

  init(_ decoder: any Decoder, allowed: Set<String>) throws {
    path = decoder.codingPath
    let codingPath = path
    container = try policyFieldErrors(at: codingPath) { try decoder.container(keyedBy: PolicyKey.self) }
    for key in container.allKeys where !allowed.contains(key.stringValue) {
      throw SLAError.invalidPolicy(
        field: fieldPath(codingPath, appending: key.stringValue),
        message: "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }

  func field(_ name: String) -> String { fieldPath(path, appending: name) }

  func contains(_ name: String) -> Bool { container.contains(PolicyKey(name)) }

  func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    try policyFieldErrors(at: path) { try container.decode(type, forKey: PolicyKey(name)) }
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
    try policyFieldErrors(at: path) { try container.decodeIfPresent(type, forKey: PolicyKey(name)) }
  }

  /// Decodes a list of names into values, naming the element that is unknown.
  func decodeNames<T: Hashable>(_ name: String, kind: String, _ make: (String) -> T?) throws -> Set<T>? {
    guard let names = try decodeIfPresent([String].self, name) else { return nil }
    var values = Set<T>()
    for (index, text) in names.enumerated() {
      guard !text.isEmpty, let value = make(text) else {
        throw SLAError.invalidPolicy(field: "\(field(name))[\(index)]", message: "'\(text)' is not a known \(kind)")
      }
      values.insert(value)
    }
    return values
  }

  /// Decodes a duration written as seconds (`3600`) or text (`"1h30m"`).
  func decodeDuration(_ name: String, allowZero: Bool = false) throws -> TimeInterval {
    let wrapper = try decode(DurationValue.self, name)
    return try wrapper.seconds(field: field(name), allowZero: allowZero)
  }
}

/// A duration as written in JSON: a number of seconds or a `d/h/m/s` string.
struct DurationValue: Codable {
  var number: Double?
  var text: String?

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self.text = text
    } else {
      number = try container.decode(Double.self)
    }
  }

  init(_ seconds: TimeInterval) {
    if let text = SLADurationText.text(for: seconds) { self.text = text } else { number = seconds }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let text { try container.encode(text) } else { try container.encode(number ?? 0) }
  }

  func seconds(field: String, allowZero: Bool) throws -> TimeInterval {
    if let text {
      guard let seconds = SLADurationText.seconds(from: text, allowZero: allowZero) else {
        throw SLAError.invalidDuration(text, field: field)
      }
      return seconds
    }
    let value = number ?? .nan
    guard value.isFinite, value > 0 || (allowZero && value == 0) else {
      throw SLAError.invalidDuration("\(value)", field: field)
    }
    return value
  }
}

/// Runs a decoding step and turns a `DecodingError` into an ``SLAError`` with code `invalidPolicy`.
func policyFieldErrors<T>(at codingPath: [any CodingKey], _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as SLAError {
    throw error
  } catch let error as DecodingError {
    switch error {
    case .typeMismatch(let type, let context):
      throw SLAError.invalidPolicy(field: fieldPath(context.codingPath), message: "expected a value of type \(type)")
    case .valueNotFound(let type, let context):
      throw SLAError.invalidPolicy(field: fieldPath(context.codingPath), message: "expected \(type), found null")
    case .keyNotFound(let key, let context):
      throw SLAError.invalidPolicy(
        field: fieldPath(context.codingPath, appending: key.stringValue), message: "this field is required")
    case .dataCorrupted(let context):
      throw SLAError.invalidPolicy(field: fieldPath(context.codingPath), message: context.debugDescription)
    @unknown default:
      throw SLAError.invalidPolicy(field: fieldPath(codingPath), message: "\(error)")
    }
  }
}

/// A target as written in JSON, before the policy's calendar is applied to it.
struct TargetDocument: Decodable {
  var metric: SLAMetric
  var goal: TimeInterval
  var calendar: BusinessCalendar?
  var pauseStatuses: Set<TicketStatus>
  var warningThresholds: [Double]
  var escalationDelays: [TimeInterval]

  init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(
      decoder, allowed: ["metric", "within", "calendar", "pauseStatuses", "warningThresholds", "escalationDelays"])
    let metricName = try reader.decode(String.self, "metric")
    guard let metric = SLAMetric(rawValue: metricName) else {
      throw SLAError.invalidPolicy(
        field: reader.field("metric"),
        message: "'\(metricName)' is not a metric; use firstResponse, nextResponse or resolution")
    }
    self.metric = metric
    goal = try reader.decodeDuration("within")
    calendar = try reader.decodeIfPresent(BusinessCalendar.self, "calendar")
    pauseStatuses =
      try reader.decodeNames("pauseStatuses", kind: "ticket status") { TicketStatus(rawValue: $0) }
      ?? SLATarget.defaultPauseStatuses
    let thresholds = try reader.decodeIfPresent([Double].self, "warningThresholds")
    for (index, value) in (thresholds ?? []).enumerated() where !(value > 0 && value < 1) {
      throw SLAError.invalidThreshold(
        value, field: "\(reader.field("warningThresholds"))[\(index)]",
        message: "a warning threshold is a fraction of the goal strictly between 0 and 1, got \(value)")
    }
    warningThresholds = thresholds ?? SLATarget.defaultWarningThresholds
    let delays = try reader.decodeIfPresent([DurationValue].self, "escalationDelays") ?? []
    escalationDelays = try delays.enumerated().map { index, delay in
      try delay.seconds(field: "\(reader.field("escalationDelays"))[\(index)]", allowZero: true)
    }
  }

  func target(defaultCalendar: BusinessCalendar?) throws -> SLATarget {
    try SLATarget(
      metric, within: goal, calendar: calendar ?? defaultCalendar ?? .alwaysOpen, pauseStatuses: pauseStatuses,
      warningThresholds: warningThresholds, escalationDelays: escalationDelays)
  }
}

extension SLATarget: Codable {
  /// Decodes `{"metric":"resolution","within":"1h"}` plus the optional `calendar` (24/7 when absent),
  /// `pauseStatuses`, `warningThresholds` and `escalationDelays`.
  ///
  /// - Throws: ``SLAError`` naming the field.
  public init(from decoder: any Decoder) throws {
    self = try TargetDocument(from: decoder).target(defaultCalendar: nil)
  }

  /// Encodes every field, durations as `d/h/m/s` text when they are whole seconds.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    try container.encode(metric.rawValue, forKey: PolicyKey("metric"))
    try container.encode(DurationValue(goal), forKey: PolicyKey("within"))
    try container.encode(calendar, forKey: PolicyKey("calendar"))
    try container.encode(pauseStatuses.map(\.rawValue).sorted(), forKey: PolicyKey("pauseStatuses"))
    try container.encode(warningThresholds, forKey: PolicyKey("warningThresholds"))
    if !escalationDelays.isEmpty {
      try container.encode(
        escalationDelays.map { $0 == 0 ? DurationValue(text: "0s") : DurationValue($0) },
        forKey: PolicyKey("escalationDelays"))
    }
  }
}

extension SLAConditions: Codable {
  /// Decodes `{"priorities":[…],"planTiers":[…],"departments":[…],"segments":[…],"resellers":[…]}`; every field
  /// is optional.
  ///
  /// - Throws: ``SLAError`` naming the field for an unknown priority or tier, an empty name, an invalid partner id
  ///   or an unknown field.
  public init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(
      decoder, allowed: ["priorities", "planTiers", "departments", "segments", "resellers"])
    self.init(
      priorities: try reader.decodeNames("priorities", kind: "priority") { Priority(rawValue: $0) },
      planTiers: try reader.decodeNames("planTiers", kind: "plan tier") { PlanTier(rawValue: $0) },
      departments: try reader.decodeNames("departments", kind: "department") { Department($0) },
      segments: try reader.decodeNames("segments", kind: "segment") { CustomerSegment($0) },
      resellers: try reader.decodeNames("resellers", kind: "partner id") { PartnerID(rawValue: $0) })
  }

  /// Encodes the conditions that are set, each as a sorted list.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    if let priorities { try container.encode(priorities.sorted().map(\.rawValue), forKey: PolicyKey("priorities")) }
    if let planTiers { try container.encode(planTiers.map(\.rawValue).sorted(), forKey: PolicyKey("planTiers")) }
    if let departments {
      try container.encode(departments.map(\.rawValue).sorted(), forKey: PolicyKey("departments"))
    }
    if let segments { try container.encode(segments.map(\.rawValue).sorted(), forKey: PolicyKey("segments")) }
    if let resellers { try container.encode(resellers.map(\.rawValue).sorted(), forKey: PolicyKey("resellers")) }
  }
}

extension SLAPolicy: Codable {
  /// Decodes `{"name":…,"conditions":{…},"calendar":{…},"targets":[…]}`.
  ///
  /// `conditions` (all tickets when absent) and `calendar` (the default for targets without their own; 24/7
  /// when absent) are optional.
  /// - Throws: ``SLAError`` naming the field.
  public init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(decoder, allowed: ["name", "conditions", "calendar", "targets"])
    let name = try reader.decode(String.self, "name")
    guard !name.isEmpty else {
      throw SLAError.invalidPolicy(field: reader.field("name"), message: "a policy needs a name")
    }
    let conditions = try reader.decodeIfPresent(SLAConditions.self, "conditions") ?? .any
    let calendar = try reader.decodeIfPresent(BusinessCalendar.self, "calendar")
    let documents = try reader.decode([TargetDocument].self, "targets")
    guard !documents.isEmpty else {
      throw SLAError.invalidPolicy(field: reader.field("targets"), message: "a policy needs at least one target")
    }
    var seen = Set<SLAMetric>()
    for (index, document) in documents.enumerated() where !seen.insert(document.metric).inserted {
      throw SLAError.invalidPolicy(
        field: "\(reader.field("targets"))[\(index)].metric",
        message: "the policy already has a \(document.metric.rawValue) target")
    }
    try self.init(
      name: name, conditions: conditions, targets: documents.map { try $0.target(defaultCalendar: calendar) })
  }

  /// Encodes the name, conditions and targets (each with its calendar).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    try container.encode(name, forKey: PolicyKey("name"))
    try container.encode(conditions, forKey: PolicyKey("conditions"))
    try container.encode(targets, forKey: PolicyKey("targets"))
  }
}

extension SLAPolicySet: Codable {
  /// Decodes `{"policies":[…],"ageGuard":{"limit":"24h"}}`.
  ///
  /// `ageGuard` is optional: absent, the set gets ``SLAAgeGuard/hostingDefault``; `null` turns the guard off.
  /// - Throws: ``SLAError`` naming the field.
  public init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(decoder, allowed: ["policies", "ageGuard"])
    var ageGuard: SLAAgeGuard? = .hostingDefault
    if reader.contains("ageGuard") {
      let isNull = try policyFieldErrors(at: reader.path) {
        try reader.container.decodeNil(forKey: PolicyKey("ageGuard"))
      }
      ageGuard = isNull ? nil : try reader.decode(SLAAgeGuard.self, "ageGuard")
    }
    self.init(try reader.decode([SLAPolicy].self, "policies"), ageGuard: ageGuard)
  }

  /// Encodes `{"policies":[…],"ageGuard":{…}}`, with `"ageGuard":null` when the guard is off.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    try container.encode(policies, forKey: PolicyKey("policies"))
    if let ageGuard {
      try container.encode(ageGuard, forKey: PolicyKey("ageGuard"))
    } else {
      try container.encodeNil(forKey: PolicyKey("ageGuard"))
    }
  }

  /// Reads a policy set from JSON bytes.
  ///
  /// - Parameter data: A `{"policies":[…]}` document.
  /// - Returns: The policy set.
  /// - Throws: ``SLAError`` naming the field that was wrong (`(root)` for text that is not JSON).
  public static func decode(from data: Data) throws -> SLAPolicySet {
    try decodePolicyDocument(SLAPolicySet.self, from: data)
  }
}

/// Decodes a policy document, turning text that is not JSON into an ``SLAError`` at `(root)`.
func decodePolicyDocument<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
  do {
    return try JSONDecoder().decode(type, from: data)
  } catch let error as SLAError {
    throw error
  } catch {
    throw SLAError.invalidPolicy(field: "(root)", message: "not valid JSON")
  }
}

extension DurationValue {
  init(text: String) { self.text = text }
}
