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
///   and optionally `currency`, `partner_id` and `affiliate_id`;
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
  /// The optional subscription columns: the currency and the partners (see `Subscription.partnerID` and
  /// `Subscription.affiliateID`).
  public static let optionalSubscriptionColumns = ["currency", "partner_id", "affiliate_id"]
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
  /// - Complexity: O(n) in the size of the text; fields are parsed from its bytes.
  public func subscriptions(csv text: String, file: String) throws(RetentionError) -> ImportResult<Subscription> {
    try Self.withUTF8(text) { (bytes) throws(RetentionError) in
      try subscriptions(csvBytes: bytes, file: file).importResult
    }
  }

  /// Reads subscriptions from the bytes of a UTF-8 CSV file, as ``subscriptions(csv:file:)-(String,_)`` does.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file name used in errors.
  /// - Returns: The subscriptions and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``subscriptions(csv:file:)-(String,_)``.
  public func subscriptions(csv data: Data, file: String) throws(RetentionError) -> ImportResult<Subscription> {
    try indexedSubscriptions(csv: data, file: file).importResult
  }

  /// Reads subscriptions as ``subscriptions(csv:file:)-(Data,_)`` does, keeping the index of ids and customers
  /// built while reading, so ``changes(csv:file:indexedSubscriptions:)`` and
  /// ``RetentionDataset/init(indexedSubscriptions:changes:currency:)`` use it instead of hashing every id again.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file name used in errors.
  /// - Returns: The subscriptions, the skipped rows' errors (lenient mode) and their index.
  /// - Throws: As ``subscriptions(csv:file:)-(String,_)``.
  public func indexedSubscriptions(csv data: Data, file: String) throws(RetentionError) -> IndexedSubscriptions {
    try Self.withBytes(data) { (bytes) throws(RetentionError) in try subscriptions(csvBytes: bytes, file: file) }
  }

  /// Scans the subscriptions, hashing each valid row's ids from the row just read, then indexes them.
  private func subscriptions(csvBytes bytes: UnsafeRawBufferPointer, file: String) throws(RetentionError)
    -> IndexedSubscriptions
  {
    var currency = reportCurrency
    var currencies = CurrencyCache()
    var plans = PlanNames()
    var lines: [Int32] = []
    var idFolds: [UInt32] = []
    var customerFolds: [UInt32] = []
    let tiers = ChoiceTable(PlanTier.self)
    let periods = ChoiceTable(BillingPeriod.self)
    let channels = ChoiceTable(AcquisitionChannel.wellKnown)
    let (parsed, stop) = try read(
      bytes, file: file, required: Self.subscriptionColumns, optional: Self.optionalSubscriptionColumns,
      reserved: { capacity in
        lines.reserveCapacity(capacity)
        idFolds.reserveCapacity(capacity)
        customerFolds.reserveCapacity(capacity)
      },
      parse: { (row: CSVRow, columns: [CSVColumn], _: [Subscription]) throws(RetentionError) in
        let rowCurrency = try row.currency(columns[9], default: defaultCurrency, cache: &currencies)
        if let expected = currency, rowCurrency != expected {
          throw .mixedCurrencies(found: rowCurrency, expected: expected, at: row.location(columns[9]))
        }
        let id = try row.identifier(columns[1], SubscriptionID.self)
        let start = try row.date(columns[6])
        let end = try row.optionalDate(columns[7])
        if let end, end < start { throw .endBeforeStart(id.rawValue, at: row.location(columns[7])) }
        let customer = try row.identifier(columns[0], CustomerID.self)
        let subscription = Subscription(
          id: id, customer: customer,
          plan: row.withBytes(columns[2]) { plans.name($0) }, tier: try row.choice(columns[3], tiers),
          channel: try row.channel(columns[4], channels), billingPeriod: try row.choice(columns[5], periods),
          mrr: try row.amount(columns[8], currency: rowCurrency, digits: currencies.minorUnitDigits(of: rowCurrency)),
          start: start, end: end,
          partnerID: try row.optionalIdentifier(columns[10], PartnerID.self),
          affiliateID: try row.optionalIdentifier(columns[11], PartnerID.self))
        currency = rowCurrency
        lines.append(Int32(clamping: row.line))
        idFolds.append(HashGrouping.fold(HashGrouping.hash(id.rawValue)))
        customerFolds.append(HashGrouping.fold(HashGrouping.hash(customer.rawValue)))
        return subscription
      })
    let (index, duplicates) = SubscriptionIndex.build(
      idFolds: idFolds, customerFolds: customerFolds, rows: parsed.records)
    let records = parsed.records
    func error(_ row: Int) -> RetentionError {
      .duplicateID(records[row].id.rawValue, at: .init(file: file, line: Int(lines[row]), column: "subscription_id"))
    }
    // Every row after the first with an id is a duplicate. In strict mode the earliest is thrown (it comes before
    // the row that stopped the scan, if any); in lenient mode duplicates are skipped and reported in line order
    // with the other issues.
    if mode == .strict {
      if let first = duplicates.first { throw error(first) }
      if let stop { throw stop }
      return IndexedSubscriptions(records: records, issues: parsed.issues, index: index)
    }
    guard !duplicates.isEmpty else {
      return IndexedSubscriptions(records: records, issues: parsed.issues, index: index)
    }
    var kept: [Subscription] = []
    var keptIDFolds: [UInt32] = []
    var keptCustomerFolds: [UInt32] = []
    kept.reserveCapacity(records.count - duplicates.count)
    var skip = duplicates.makeIterator()
    var nextSkip = skip.next()
    for row in records.indices {
      if row == nextSkip {
        nextSkip = skip.next()
      } else {
        kept.append(records[row])
        keptIDFolds.append(idFolds[row])
        keptCustomerFolds.append(customerFolds[row])
      }
    }
    // Merge the two line-ordered lists of issues.
    var issues: [RetentionError] = []
    var others = parsed.issues.makeIterator()
    var other = others.next()
    for duplicate in duplicates.map(error) {
      while let pending = other, (pending.location?.line ?? 0) < (duplicate.location?.line ?? 0) {
        issues.append(pending)
        other = others.next()
      }
      issues.append(duplicate)
    }
    while let pending = other {
      issues.append(pending)
      other = others.next()
    }
    let keptIndex = SubscriptionIndex.build(idFolds: keptIDFolds, customerFolds: keptCustomerFolds, rows: kept).index
    return IndexedSubscriptions(records: kept, issues: issues, index: keptIndex)
  }

  /// Reads MRR changes, checking each against the known subscriptions.
  /// - Parameters:
  ///   - text: The CSV text, header first.
  ///   - file: The file name used in errors.
  ///   - subscriptions: The subscriptions the changes refer to.
  /// - Returns: The changes and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``subscriptions(csv:file:)-(String,_)``; also an unknown subscription, a currency other than
  ///   the subscription's, or a change dated before its subscription starts or on or after its end date
  ///   (``RetentionError/Code-swift.struct/changeOutsideSubscription``; in lenient mode the row is skipped and
  ///   reported in ``ImportResult/issues``).
  public func changes(csv text: String, file: String, subscriptions: [Subscription]) throws(RetentionError)
    -> ImportResult<MRRChange>
  {
    let ids = FoldTable(subscriptionIDs: subscriptions)
    return try Self.withUTF8(text) { (bytes) throws(RetentionError) in
      try changes(csvBytes: bytes, file: file, subscriptions: subscriptions) { ids.row(of: $0, in: subscriptions) }
    }
  }

  /// Reads MRR changes from the bytes of a UTF-8 CSV file, as ``changes(csv:file:subscriptions:)-(String,_,_)``
  /// does.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file name used in errors.
  ///   - subscriptions: The subscriptions the changes refer to.
  /// - Returns: The changes and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``changes(csv:file:subscriptions:)-(String,_,_)``.
  public func changes(csv data: Data, file: String, subscriptions: [Subscription]) throws(RetentionError)
    -> ImportResult<MRRChange>
  {
    let ids = FoldTable(subscriptionIDs: subscriptions)
    return try Self.withBytes(data) { (bytes) throws(RetentionError) in
      try changes(csvBytes: bytes, file: file, subscriptions: subscriptions) { ids.row(of: $0, in: subscriptions) }
    }
  }

  /// Reads MRR changes as ``changes(csv:file:subscriptions:)-(Data,_,_)`` does, finding their subscriptions in
  /// the index the subscriptions import built.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file name used in errors.
  ///   - subscriptions: The subscriptions the changes refer to, as ``indexedSubscriptions(csv:file:)`` read them.
  /// - Returns: The changes and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``changes(csv:file:subscriptions:)-(String,_,_)``.
  public func changes(csv data: Data, file: String, indexedSubscriptions subscriptions: IndexedSubscriptions)
    throws(RetentionError) -> ImportResult<MRRChange>
  {
    let records = subscriptions.records
    var previous = -1
    return try Self.withBytes(data) { (bytes) throws(RetentionError) in
      try changes(csvBytes: bytes, file: file, subscriptions: records) { id in
        let row = subscriptions.index.row(of: id, in: records, after: previous)
        if let row { previous = row }
        return row
      }
    }
  }

  private func changes(
    csvBytes bytes: UnsafeRawBufferPointer, file: String, subscriptions: [Subscription],
    row lookup: (SubscriptionID) -> Int?
  ) throws(RetentionError) -> ImportResult<MRRChange> {
    var currencies = CurrencyCache()
    return try readAll(bytes, file: file, required: Self.changeColumns, optional: ["currency"]) {
      (row: CSVRow, columns: [CSVColumn]) throws(RetentionError) in
      let id = try row.identifier(columns[0], SubscriptionID.self)
      guard let index = lookup(id) else {
        throw .unknownSubscription(id.rawValue, at: row.location(columns[0]))
      }
      let expected = subscriptions[index].mrr.currency
      let rowCurrency = try row.currency(columns[3], default: expected, cache: &currencies)
      guard rowCurrency == expected else {
        throw .mixedCurrencies(found: rowCurrency, expected: expected, at: row.location(columns[3]))
      }
      let effective = try row.date(columns[1])
      guard subscriptions[index].accepts(changeOn: effective) else {
        let subscription = subscriptions[index]
        throw .changeOutsideSubscription(
          id.rawValue, effective: effective, start: subscription.start, end: subscription.end,
          at: row.location(columns[1]))
      }
      return MRRChange(
        subscription: id, effective: effective,
        newMRR: try row.amount(columns[2], currency: rowCurrency, digits: currencies.minorUnitDigits(of: rowCurrency)))
    }
  }

  /// Reads survey responses.
  /// - Parameters:
  ///   - text: The CSV text, header first.
  ///   - file: The file name used in errors.
  /// - Returns: The responses and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``subscriptions(csv:file:)-(String,_)``; also a kind other than nps, csat or ces, or a score
  ///   off its scale.
  public func surveys(csv text: String, file: String) throws(RetentionError) -> ImportResult<SurveyResponse> {
    try Self.withUTF8(text) { (bytes) throws(RetentionError) in try surveys(csvBytes: bytes, file: file) }
  }

  /// Reads survey responses from the bytes of a UTF-8 CSV file, as ``surveys(csv:file:)-(String,_)`` does.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file name used in errors.
  /// - Returns: The responses and, in lenient mode, the skipped rows' errors.
  /// - Throws: As ``surveys(csv:file:)-(String,_)``.
  public func surveys(csv data: Data, file: String) throws(RetentionError) -> ImportResult<SurveyResponse> {
    try Self.withBytes(data) { (bytes) throws(RetentionError) in try surveys(csvBytes: bytes, file: file) }
  }

  private func surveys(csvBytes bytes: UnsafeRawBufferPointer, file: String) throws(RetentionError)
    -> ImportResult<SurveyResponse>
  {
    let kinds = ChoiceTable(SurveyKind.self)
    return try readAll(bytes, file: file, required: Self.surveyColumns, optional: []) {
      (row: CSVRow, columns: [CSVColumn]) throws(RetentionError) in
      let kind = try row.choice(columns[2], kinds)
      guard let score = row.withBytes(columns[3], { ASCIIText.integer($0) }) ?? Int(row.text(columns[3])),
        kind.scale.contains(score)
      else {
        throw .invalidValue(
          row.text(columns[3]),
          expected: "a whole \(kind.rawValue) score in \(kind.scale.lowerBound)...\(kind.scale.upperBound)",
          at: row.location(columns[3]))
      }
      return try SurveyResponse(
        customer: try row.identifier(columns[0], CustomerID.self), date: try row.date(columns[1]), kind: kind,
        score: score)
    }
  }

  /// Scans the file row by row, throwing the first bad row's error in strict mode.
  private func readAll<Record>(
    _ bytes: UnsafeRawBufferPointer, file: String, required: [String], optional: [String],
    parse: (CSVRow, [CSVColumn]) throws(RetentionError) -> Record
  ) throws(RetentionError) -> ImportResult<Record> {
    let (result, stop) = try read(bytes, file: file, required: required, optional: optional) {
      (row: CSVRow, columns: [CSVColumn], _: [Record]) throws(RetentionError) in try parse(row, columns)
    }
    if let stop { throw stop }
    return result
  }

  /// Scans the file row by row; `parse` gets each row, the required then optional columns, in order, and the
  /// records read before the row. `reserved` learns the most records the file can hold before the first is
  /// read. In strict mode the first bad row stops the scan and is returned beside the rows read before it.
  /// - Throws: A missing column or malformed CSV (an unterminated quote) in either mode.
  private func read<Record>(
    _ bytes: UnsafeRawBufferPointer, file: String, required: [String], optional: [String],
    reserved: (Int) -> Void = { _ in },
    parse: (CSVRow, [CSVColumn], [Record]) throws(RetentionError) -> Record
  ) throws(RetentionError) -> (ImportResult<Record>, stoppedBy: RetentionError?) {
    try CSVScanner.withScanner(bytes, file: file) { (scanner) throws(RetentionError) in
      var fields: [CSVField] = []
      guard try scanner.nextRecord(into: &fields) else { throw .missingColumn(required[0], file: file) }
      let header = CSVHeader(names: fields.map { scanner.value(of: $0) })
      for name in required where header.position(of: name) == nil { throw .missingColumn(name, file: file) }
      let columns = (required + optional).map { CSVColumn(name: $0, position: header.position(of: $0)) }
      var result = ImportResult<Record>(records: [], issues: [])
      let capacity = scanner.remainingLineCount
      result.records.reserveCapacity(capacity)
      reserved(capacity)
      while try scanner.nextRecord(into: &fields) {
        do throws(RetentionError) {
          guard fields.count == header.names.count else {
            throw RetentionError(
              .malformedRow, "expected \(header.names.count) fields, found \(fields.count)",
              at: .init(file: file, line: scanner.recordLine))
          }
          result.records.append(
            try parse(
              CSVRow(scanner: scanner, fields: fields, file: file, line: scanner.recordLine), columns, result.records))
        } catch {
          if mode == .strict { return (result, error) }
          result.issues.append(error)
        }
      }
      return (result, nil)
    }
  }

  private static func withUTF8<Result>(
    _ text: String, _ body: (UnsafeRawBufferPointer) throws(RetentionError) -> Result
  ) throws(RetentionError) -> Result {
    var text = text
    var outcome: Swift.Result<Result, RetentionError>?
    text.withUTF8 { buffer in
      do throws(RetentionError) { outcome = .success(try body(UnsafeRawBufferPointer(buffer))) } catch {
        outcome = .failure(error)
      }
    }
    return try outcome!.get()
  }

  private static func withBytes<Result>(
    _ data: Data, _ body: (UnsafeRawBufferPointer) throws(RetentionError) -> Result
  ) throws(RetentionError) -> Result {
    var outcome: Swift.Result<Result, RetentionError>?
    data.withUnsafeBytes { buffer in
      do throws(RetentionError) { outcome = .success(try body(buffer)) } catch { outcome = .failure(error) }
    }
    return try outcome!.get()
  }
}

/// Plan names seen so far, so rows of the same plan share one `String`.
private struct PlanNames {
  private var names: [(bytes: [UInt8], name: String)] = []

  mutating func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    for index in names.indices where names[index].bytes.count == bytes.count {
      let same = names[index].bytes.withUnsafeBufferPointer { known in
        bytes.isEmpty || memcmp(known.baseAddress!, bytes.baseAddress!, bytes.count) == 0
      }
      if same { return names[index].name }
    }
    let name = String(decoding: bytes, as: UTF8.self)
    if names.count < 64 { names.append((Array(bytes), name)) }
    return name
  }
}
