import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Ids hashed once: the indexed import and dataset")
struct SubscriptionIndexTests {
  static let header = CSVImportTests.header + ",currency,partner_id"

  /// A seeded export: customers in runs and revisited later, repeated subscription ids, bad rows; the changes
  /// refer to kept subscriptions (mostly in file order), plus unknown ids. Also returns the lines expected to
  /// be skipped and the ids kept, in order.
  static func generated(seed: UInt64, rows: Int) -> (
    subscriptions: String, changes: String, skippedLines: [Int], keptIDs: [String]
  ) {
    var random = SeededGenerator(seed: seed)
    var lines = [header]
    var skipped: [Int] = []
    var kept: [(id: String, start: Int, end: Int?)] = []
    var customers = 0
    var usedIDs: [String] = []
    let channels = ["direct", "Reseller", "affiliate", "marketplace"]
    let tiers = ["shared", "vps", "dedicated"]
    for _ in 0..<rows {
      let line = lines.count + 1
      let customer: Int
      if customers == 0 || Int.random(in: 0..<10, using: &random) < 6 {
        customers += 1
        customer = customers
      } else if Bool.random(using: &random) {
        customer = customers
      } else {
        customer = Int.random(in: 1...customers, using: &random)
      }
      let repeated = !usedIDs.isEmpty && Int.random(in: 0..<25, using: &random) == 0
      let id = repeated ? usedIDs.randomElement(using: &random)! : "s\(usedIDs.count + 1)"
      if !repeated { usedIDs.append(id) }
      let bad = Int.random(in: 0..<30, using: &random) == 0
      let start = Int.random(in: 18_000...19_800, using: &random)
      let end: Int? = Bool.random(using: &random) ? start + Int.random(in: 1...900, using: &random) : nil
      let partner = Int.random(in: 0..<4, using: &random) == 0 ? "p\(Int.random(in: 1...3, using: &random))" : ""
      let fields = [
        "c\(customer)", id, "Plan \(customer % 3)", bad ? "cloud" : tiers.randomElement(using: &random)!,
        channels.randomElement(using: &random)!, Bool.random(using: &random) ? "monthly" : "annual",
        CivilDate(dayNumber: start).description, end.map { CivilDate(dayNumber: $0).description } ?? "",
        "\(Int.random(in: 0...200, using: &random)).\(Int.random(in: 10...99, using: &random))", "USD", partner,
      ]
      lines.append(fields.joined(separator: ","))
      if bad || kept.contains(where: { $0.id == id }) {
        skipped.append(line)
      } else {
        kept.append((id, start, end))
      }
    }
    var changes = ["subscription_id,effective_date,new_mrr"]
    for subscription in kept where Int.random(in: 0..<4, using: &random) == 0 {
      let last = (subscription.end ?? subscription.start + 400) - 1
      let effective = Int.random(in: subscription.start...last, using: &random)
      changes.append("\(subscription.id),\(CivilDate(dayNumber: effective).description),9.99")
    }
    let shuffled = kept.shuffled(using: &random).prefix(20)
    for subscription in shuffled {
      changes.append("\(subscription.id),\(CivilDate(dayNumber: subscription.start).description),1.00")
    }
    changes.append("s-unknown,2024-01-01,1.00")
    return (lines.joined(separator: "\n"), changes.joined(separator: "\n"), skipped, kept.map(\.id))
  }

  @Test(
    "the indexed import and dataset equal the plain path and a dictionary reference (seeded, repeated ids, bad rows)",
    arguments: [(UInt64(1), 400), (UInt64(2), 3_000)])
  func indexedEqualsPlain(seed: UInt64, rows: Int) throws {
    let generated = Self.generated(seed: seed, rows: rows)
    let importer = RetentionCSVImporter(mode: .lenient)
    let indexed = try importer.indexedSubscriptions(csv: Data(generated.subscriptions.utf8), file: "s.csv")
    let plain = try importer.subscriptions(csv: generated.subscriptions, file: "s.csv")
    #expect(indexed.records == plain.records)
    #expect(indexed.records.map(\.id.rawValue) == generated.keptIDs)
    #expect(indexed.issues.map(\.description) == plain.issues.map(\.description))
    #expect(indexed.issues.compactMap(\.location?.line) == generated.skippedLines)
    #expect(indexed.issues.contains { $0.code == .duplicateID } && indexed.issues.contains { $0.code == .invalidValue })

    let changes = try importer.changes(
      csv: Data(generated.changes.utf8), file: "c.csv", indexedSubscriptions: indexed)
    let plainChanges = try importer.changes(csv: generated.changes, file: "c.csv", subscriptions: plain.records)
    #expect(changes.records == plainChanges.records)
    #expect(changes.issues.map(\.description) == plainChanges.issues.map(\.description))
    #expect(changes.issues.map(\.code) == [.unknownReference])

    let fromIndex = try RetentionDataset(indexedSubscriptions: indexed, changes: changes.records)
    let fromArray = try RetentionDataset(subscriptions: plain.records, changes: changes.records)
    Self.expectSame(fromIndex, fromArray)
    Self.expectReferenceGrouping(fromIndex)

    let months = try CivilMonth(parsing: "2023-01")...CivilMonth(parsing: "2024-06")
    let options = RetentionReport.Options(segmentedBy: .partner)
    #expect(
      try RetentionReport(dataset: fromIndex, months: months, options: options).jsonString()
        == RetentionReport(dataset: fromArray, months: months, options: options).jsonString())
  }

  static func expectSame(_ left: RetentionDataset, _ right: RetentionDataset) {
    #expect(left.customerCount == right.customerCount)
    #expect(left.customerOffsets == right.customerOffsets)
    #expect(left.order == right.order)
    #expect(left.startDay == right.startDay && left.endDay == right.endDay)
    #expect(left.startMonth == right.startMonth && left.endMonth == right.endMonth)
    #expect(left.initialMRR == right.initialMRR)
    #expect(left.periodMonths == right.periodMonths && left.periodSlot == right.periodSlot)
    #expect(left.changeOffsets == right.changeOffsets)
    #expect(left.changeMonth == right.changeMonth && left.changeMRR == right.changeMRR)
    #expect(left.customerTier == right.customerTier)
    #expect(left.customerChannelIndex == right.customerChannelIndex)
    #expect(left.customerPartnerIndex == right.customerPartnerIndex)
    #expect(left.tierRank == right.tierRank)
    #expect(left.subscriptionChannelIndex == right.subscriptionChannelIndex)
    #expect(left.channels == right.channels && left.partners == right.partners)
    #expect(left.firstMonth == right.firstMonth && left.lastMonth == right.lastMonth)
    #expect(left.lastActivityMonth == right.lastActivityMonth)
  }

  /// Customers numbered by first row, each group every row of the customer by start date then id, and every
  /// customer found by id — checked against a dictionary.
  static func expectReferenceGrouping(_ dataset: RetentionDataset) {
    var rowsByCustomer: [CustomerID: [Int]] = [:]
    var firstSeen: [CustomerID] = []
    for (row, subscription) in dataset.subscriptions.enumerated() {
      if rowsByCustomer[subscription.customer] == nil { firstSeen.append(subscription.customer) }
      rowsByCustomer[subscription.customer, default: []].append(row)
    }
    #expect(dataset.customerCount == firstSeen.count)
    for (number, customer) in firstSeen.enumerated() {
      let expected = rowsByCustomer[customer]!.sorted { left, right in
        let (a, b) = (dataset.subscriptions[left], dataset.subscriptions[right])
        return a.start != b.start ? a.start < b.start : a.id < b.id
      }
      let group = dataset.order[dataset.customerOffsets[number]..<dataset.customerOffsets[number + 1]].map(Int.init)
      #expect(group == expected)
      #expect(dataset.customerIndex(of: customer) == number)
    }
    #expect(dataset.customerIndex(of: "nobody") == nil)
  }

  @Test("strict mode throws the earliest bad row: a repeated id before another error, or that error before it")
  func strictStopsAtTheEarliest() throws {
    let first = "c1,s1,P,shared,direct,monthly,2024-01-01,,5,USD,"
    let repeated = "c2,s1,P,shared,direct,monthly,2024-01-01,,5,USD,"
    let bad = "c3,s3,P,cloud,direct,monthly,2024-01-01,,5,USD,"
    for (rows, code, line) in [
      ([first, repeated, bad], RetentionError.Code.duplicateID, 3), ([first, bad, repeated], .invalidValue, 3),
    ] {
      let csv = ([Self.header] + rows).joined(separator: "\n")
      for read in [
        { try RetentionCSVImporter().indexedSubscriptions(csv: Data(csv.utf8), file: "s.csv").records },
        { try RetentionCSVImporter().subscriptions(csv: csv, file: "s.csv").records },
      ] {
        let error = try #require(throws: RetentionError.self) { try read() }
        #expect(error.code == code)
        #expect(error.location?.line == line)
        #expect(error.location?.file == "s.csv")
      }
    }
    let error = try #require(throws: RetentionError.self) {
      try RetentionDataset(subscriptions: [
        sub("s1", "c1", "5", "2024-01-01"), sub("s2", "c1", "5", "2024-01-01"), sub("s1", "c2", "5", "2024-01-01"),
      ])
    }
    #expect(error.code == .duplicateID)
    #expect(error.location == RetentionError.Location(file: "subscriptions", line: 2))
  }

  @Test("a fold table keeps equal hashes of different ids apart and finds the earliest match, also after growing")
  func foldTableCollisions() {
    var table = FoldTable(expected: 2)
    let ids = (0..<200).map { "id\($0 % 50)" }
    // Every entry under a handful of hashes: only the comparison tells them apart.
    for (number, _) in ids.enumerated() { table.insert(UInt32(number % 3), number: number) }
    #expect(table.count == 200)
    for (number, id) in ids.enumerated() {
      let found = table.find(UInt32(number % 3)) { ids[$0] == id && $0 % 3 == number % 3 }
      #expect(found == ids.indices.first { ids[$0] == id && $0 % 3 == number % 3 })
    }
    #expect(table.find(7) { _ in true } == nil)
  }

  @Test("line counts eight bytes at a time equal a byte-by-byte count (seeded lengths and offsets)")
  func lineCount() throws {
    var random = SeededGenerator(seed: 7)
    let alphabet: [UInt8] = [UInt8(ascii: "\n"), 0x0B, 0x8A, 0x8B, 0x09, UInt8(ascii: "a")]
    for _ in 0..<300 {
      let rest = (0..<Int.random(in: 0...70, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
      // A header line of 1…9 bytes puts the scanner at every offset within a word.
      let header = [UInt8](repeating: UInt8(ascii: "h"), count: Int.random(in: 1...9, using: &random))
      let counted = try (header + [UInt8(ascii: "\n")] + rest).withUnsafeBytes { (buffer) throws(RetentionError) in
        try CSVScanner.withScanner(buffer, file: "t") { (scanner) throws(RetentionError) in
          var fields: [CSVField] = []
          _ = try scanner.nextRecord(into: &fields)
          return scanner.remainingLineCount
        }
      }
      #expect(counted == rest.filter { $0 == UInt8(ascii: "\n") }.count + 1)
    }
  }

  @Test("a dataset's month of each supported day is the day's civil month, and other days fall back to it")
  func monthTable() {
    let days = RetentionDataset.supportedDates
    for number in stride(from: days.lowerBound.dayNumber - 40, through: days.upperBound.dayNumber + 40, by: 1) {
      let date = CivilDate(dayNumber: number)
      if RetentionDataset.monthIndex(date) != date.civilMonth.index {
        Issue.record("\(date): \(RetentionDataset.monthIndex(date)) ≠ \(date.civilMonth.index)")
        return
      }
    }
  }

  @Test("survey answers in any order give the same satisfaction counts (customers tried in file order first)")
  func surveysInAnyOrder() throws {
    let generated = Self.generated(seed: 3, rows: 600)
    let dataset = try RetentionDataset(
      indexedSubscriptions: RetentionCSVImporter(mode: .lenient).indexedSubscriptions(
        csv: Data(generated.subscriptions.utf8), file: "s.csv"))
    var random = SeededGenerator(seed: 4)
    var answers: [SurveyResponse] = []
    for customer in 0..<dataset.customerCount where Int.random(in: 0..<3, using: &random) > 0 {
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        answers.append(
          try SurveyResponse(
            customer: dataset.customerID(customer), date: day("2024-03-10"), kind: .nps,
            score: Int.random(in: 0...10, using: &random)))
      }
    }
    answers.append(try SurveyResponse(customer: "stranger", date: day("2024-03-11"), kind: .csat, score: 5))
    let months = try CivilMonth(parsing: "2024-01")...CivilMonth(parsing: "2024-06")
    let inOrder = SatisfactionReport(responses: answers, dataset: dataset, months: months)
    let shuffled = SatisfactionReport(responses: answers.shuffled(using: &random), dataset: dataset, months: months)
    #expect(inOrder == shuffled)
    #expect(inOrder.overall.npsResponses == answers.count - 1)
    // Per segment: counted through the customer's first subscription, looked up by id in a dictionary here.
    var expected: [String: SatisfactionCounts] = [:]
    for answer in answers {
      guard
        let first = dataset.subscriptions.filter({ $0.customer == answer.customer }).min(by: {
          $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id
        })
      else { continue }
      expected[RetentionSegment.tier(first.tier).description, default: SatisfactionCounts()].add(answer)
      expected[RetentionSegment.channel(first.channel).description, default: SatisfactionCounts()].add(answer)
    }
    #expect(inOrder.segments == expected)
  }
}
