import Foundation

/// How an import treats bad rows.
public enum ImportMode: String, Hashable, Sendable, Codable {
  /// Stop at the first bad row and throw its error.
  case strict
  /// Skip bad rows and collect their errors in ``ImportResult/issues``.
  case lenient
}

/// The records read from a file and, in lenient mode, the rows that were skipped.
public struct ImportResult<Record: Sendable>: Sendable {
  /// The valid records, in file order.
  public var records: [Record]
  /// One error per skipped row, each naming the file, line and column. Always empty in strict mode.
  public var issues: [RetentionError]
}

/// Reads subscriptions, MRR changes and survey responses from CSV files with documented headers.
///
/// Headers are matched by name (case-insensitive, any order, extra columns ignored):
/// - subscriptions: `customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr`
///   and optionally `currency`;
/// - MRR changes: `subscription_id,effective_date,new_mrr`, optionally `currency`;
/// - surveys: `customer_id,date,kind,score`.
///
/// Every bad row yields a ``RetentionError`` with the file, line and column: unknown tier, channel or period,
/// malformed dates, end before start, non-numeric MRR, a currency other than the report's, duplicate
/// subscription ids, changes for unknown subscriptions or dated outside their subscription, scores outside the
/// scale. Nothing is dropped silently.
public struct RetentionCSVImporter: Sendable {
  /// Strict or lenient.
  public var mode: ImportMode
  /// The currency of rows without a `currency` column or value.
  public var defaultCurrency: CurrencyCode
  /// The report currency; `nil` takes the first subscription row's currency.
  public var reportCurrency: CurrencyCode?

  /// Creates an importer.
  /// - Parameters:
  ///   - mode: Strict (the default) or lenient.
  ///   - defaultCurrency: The currency of rows without one; `"USD"` by default.
  ///   - reportCurrency: The only currency accepted, or `nil` to take the first row's.
  public init(mode: ImportMode = .strict, defaultCurrency: CurrencyCode = "USD", reportCurrency: CurrencyCode? = nil) {
    self.mode = mode
    self.defaultCurrency = defaultCurrency
    self.reportCurrency = reportCurrency
  }

  /// The required subscription columns.
  public static let subscriptionColumns = [
    "customer_id", "subscription_id", "plan", "tier", "channel", "billing_period", "start_date", "end_date", "mrr",
  ]
  /// The required MRR-change columns.
  public static let changeColumns = ["subscription_id", "effective_date", "new_mrr"]
  /// The required survey columns.
  public static let surveyColumns = ["customer_id", "date", "kind", "score"]

  /// Reads subscriptions.
  /// - Parameters:
  ///   - text: The CSV text, header first.
  ///   - file: The file name used in errors.
  /// - Returns: The subscriptions and, in lenient mode, the skipped rows' errors.
  /// - Throws: The first bad row's ``RetentionError`` in strict mode; a missing column or malformed CSV in
  ///   either mode.
  public func subscriptions(csv text: String, file: String) throws(RetentionError) -> ImportResult<Subscription> {
    var seen = Set<SubscriptionID>()
    var currency = reportCurrency
    return try read(text, file: file, required: Self.subscriptionColumns) { (row: Row) throws(RetentionError) in
      let rowCurrency = try row.currency(default: defaultCurrency)
      if let expected = currency, rowCurrency != expected {
        throw .mixedCurrencies(found: rowCurrency, expected: expected, at: row.location("currency"))
      }
      let id = try row.identifier("subscription_id", SubscriptionID.self)
      let start = try row.date("start_date")
      let end = try row.optionalDate("end_date")
      if let end, end < start { throw .endBeforeStart(id.rawValue, at: row.location("end_date")) }
      let subscription = Subscription(
        id: id, customer: try row.identifier("customer_id", CustomerID.self), plan: row["plan"],
        tier: try row.choice("tier", PlanTier.self), channel: try row.channel("channel"),
        billingPeriod: try row.choice("billing_period", BillingPeriod.self),
        mrr: try row.amount("mrr", currency: rowCurrency), start: start, end: end)
      guard seen.insert(id).inserted else { throw .duplicateID(id.rawValue, at: row.location("subscription_id")) }
      currency = rowCurrency
      return subscription
    }
  }

  /// Reads MRR changes, checking each against the known subscriptions.
  /// - Parameters:
  ///   - text: The CSV text, header first.
  ///   - file: The file name used in errors.
  ///   - subscriptions: The subscriptions the changes refer to.
  /// - Returns: The changes and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``subscriptions(csv:file:)``; also an unknown subscription, a currency other than the
  ///   subscription's, or a change dated before its subscription starts or on or after its end date
  ///   (``RetentionError/Code-swift.struct/changeOutsideSubscription``; in lenient mode the row is skipped and
  ///   reported in ``ImportResult/issues``).
  public func changes(csv text: String, file: String, subscriptions: [Subscription]) throws(RetentionError)
    -> ImportResult<MRRChange>
  {
    var known = [SubscriptionID: Subscription](minimumCapacity: subscriptions.count)
    for subscription in subscriptions { known[subscription.id] = subscription }
    return try read(text, file: file, required: Self.changeColumns) { (row: Row) throws(RetentionError) in
      let id = try row.identifier("subscription_id", SubscriptionID.self)
      guard let subscription = known[id] else {
        throw .unknownSubscription(id.rawValue, at: row.location("subscription_id"))
      }
      let expected = subscription.mrr.currency
      let rowCurrency = try row.currency(default: expected)
      guard rowCurrency == expected else {
        throw .mixedCurrencies(found: rowCurrency, expected: expected, at: row.location("currency"))
      }
      let effective = try row.date("effective_date")
      guard subscription.accepts(changeOn: effective) else {
        throw .changeOutsideSubscription(
          id.rawValue, effective: effective, start: subscription.start, end: subscription.end,
          at: row.location("effective_date"))
      }
      return MRRChange(subscription: id, effective: effective, newMRR: try row.amount("new_mrr", currency: rowCurrency))
    }
  }

  /// Reads survey responses.
  /// - Parameters:
  ///   - text: The CSV text, header first.
  ///   - file: The file name used in errors.
  /// - Returns: The responses and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``subscriptions(csv:file:)``; also a kind other than nps, csat or ces, or a score off its
  ///   scale.
  public func surveys(csv text: String, file: String) throws(RetentionError) -> ImportResult<SurveyResponse> {
    try read(text, file: file, required: Self.surveyColumns) { (row: Row) throws(RetentionError) in
      let kind = try row.choice("kind", SurveyKind.self)
      let text = row["score"]
      guard let score = Int(text), kind.scale.contains(score) else {
        throw .invalidValue(
          text, expected: "a whole \(kind.rawValue) score in \(kind.scale.lowerBound)...\(kind.scale.upperBound)",
          at: row.location("score"))
      }
      return try SurveyResponse(
        customer: try row.identifier("customer_id", CustomerID.self), date: try row.date("date"), kind: kind,
        score: score)
    }
  }

  private func read<Record>(
    _ text: String, file: String, required: [String], parse: (Row) throws(RetentionError) -> Record
  ) throws(RetentionError) -> ImportResult<Record> {
    let records = try CSVReader.records(in: text, file: file)
    guard let header = records.first else { throw .missingColumn(required[0], file: file) }
    var columns: [String: Int] = [:]
    for (index, name) in header.fields.enumerated() where columns[name.lowercased()] == nil {
      columns[name.lowercased()] = index
    }
    for name in required where columns[name] == nil { throw .missingColumn(name, file: file) }
    var result = ImportResult<Record>(records: [], issues: [])
    for record in records.dropFirst() {
      do throws(RetentionError) {
        guard record.fields.count == header.fields.count else {
          throw RetentionError(
            .malformedRow, "expected \(header.fields.count) fields, found \(record.fields.count)",
            at: .init(file: file, line: record.line))
        }
        result.records.append(try parse(Row(file: file, record: record, columns: columns)))
      } catch {
        if mode == .strict { throw error }
        result.issues.append(error)
      }
    }
    return result
  }
}

/// One data row with access by column name; every accessor's error names the file, line and column.
private struct Row {
  let file: String
  let record: CSVRecord
  let columns: [String: Int]

  subscript(name: String) -> String {
    guard let index = columns[name], index < record.fields.count else { return "" }
    return record.fields[index]
  }

  func location(_ column: String) -> RetentionError.Location {
    RetentionError.Location(file: file, line: record.line, column: column)
  }

  func nonEmpty(_ column: String) throws(RetentionError) -> String {
    let value = self[column]
    guard !value.isEmpty else { throw .invalidValue(value, expected: "a non-empty value", at: location(column)) }
    return value
  }

  func identifier<Tag>(_ column: String, _ type: Identifier<Tag>.Type) throws(RetentionError) -> Identifier<Tag> {
    do { return try Identifier<Tag>(validating: self[column]) } catch {
      throw .invalidValue(
        self[column], expected: "an identifier (\(error.message.replacingOccurrences(of: "an identifier ", with: "")))",
        at: location(column))
    }
  }

  func channel(_ column: String) throws(RetentionError) -> AcquisitionChannel {
    let value = self[column]
    guard let channel = AcquisitionChannel(rawValue: value.lowercased()) else {
      throw .invalidValue(
        value, expected: "a channel name such as direct, reseller or affiliate (letters, digits, - and _)",
        at: location(column))
    }
    return channel
  }

  func choice<Value: RawRepresentable & CaseIterable>(_ column: String, _ type: Value.Type) throws(RetentionError)
    -> Value where Value.RawValue == String
  {
    let value = self[column]
    guard let parsed = Value(rawValue: value.lowercased()) else {
      let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidValue(value, expected: "one of \(allowed)", at: location(column))
    }
    return parsed
  }

  func date(_ column: String) throws(RetentionError) -> CivilDate {
    let date: CivilDate
    do { date = try CivilDate(parsing: self[column]) } catch {
      throw .invalidValue(self[column], expected: "a date YYYY-MM-DD", at: location(column))
    }
    guard RetentionDataset.supportedDates.contains(date) else {
      throw .invalidValue(self[column], expected: "a date from 1970-01-01 to 2099-12-31", at: location(column))
    }
    return date
  }

  func optionalDate(_ column: String) throws(RetentionError) -> CivilDate? {
    self[column].isEmpty ? nil : try date(column)
  }

  func currency(default fallback: CurrencyCode) throws(RetentionError) -> CurrencyCode {
    let value = self["currency"]
    if value.isEmpty { return fallback }
    do { return try CurrencyCode(validating: value) } catch {
      throw .invalidValue(value, expected: "a three-letter ISO 4217 currency code", at: location("currency"))
    }
  }

  func amount(_ column: String, currency: CurrencyCode) throws(RetentionError) -> Money {
    let money: Money
    do { money = try Money(parsing: self[column], currency: currency) } catch {
      let code: RetentionError.Code = error.code == .overflow ? .overflow : .invalidValue
      throw RetentionError(code, error.message, at: location(column))
    }
    guard money.minorUnits >= 0 else {
      throw .invalidValue(self[column], expected: "an amount ≥ 0", at: location(column))
    }
    return money
  }
}
