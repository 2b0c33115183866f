import Foundation
import Testing

@testable import RetentionMetrics

@Suite("CSV import with line-numbered errors")
struct CSVImportTests {
  static let header = "customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr"

  @Test("a valid file is read with columns in any order, extra columns ignored and quoted fields")
  func validFile() throws {
    let csv = #"""
      note,mrr,end_date,start_date,billing_period,channel,tier,plan,subscription_id,customer_id,currency
      x,7.99,,2024-01-15,monthly,direct,shared,"Starter, ""Plus""",s1,c1,usd
      y,95.88,2025-01-01,2024-01-01,annual,affiliate,vps,VPS 2,s2,c2,
      """#
    let result = try RetentionCSVImporter().subscriptions(csv: csv, file: "subs.csv")
    #expect(result.issues.isEmpty)
    #expect(result.records.count == 2)
    #expect(result.records[0].plan == "Starter, \"Plus\"")
    #expect(result.records[0].mrr == Money(minorUnits: 799, currency: "USD"))
    #expect(result.records[1].mrr.minorUnits == 9588)
    #expect(result.records[1].end == day("2025-01-01"))
    #expect(result.records[1].channel == .affiliate)
  }

  static let badRows: [(String, RetentionError.Code, String)] = [
    ("c1,s1,P,cloud,direct,monthly,2024-01-01,,5.00", .invalidValue, "tier"),
    ("c1,s1,P,shared,walk in!,monthly,2024-01-01,,5.00", .invalidValue, "channel"),
    ("c1,s1,P,shared,direct,weekly,2024-01-01,,5.00", .invalidValue, "billing_period"),
    ("c1,s1,P,shared,direct,monthly,2024-02-30,,5.00", .invalidValue, "start_date"),
    ("c1,s1,P,shared,direct,monthly,2024-03-01,2024-02-01,5.00", .endBeforeStart, "end_date"),
    ("c1,s1,P,shared,direct,monthly,2024-01-01,,five", .invalidValue, "mrr"),
    ("c1,s1,P,shared,direct,monthly,2024-01-01,,5.001", .invalidValue, "mrr"),
    ("c1,s1,P,shared,direct,monthly,2024-01-01,,-5", .invalidValue, "mrr"),
    (",s1,P,shared,direct,monthly,2024-01-01,,5", .invalidValue, "customer_id"),
    ("c1,s0,P,shared,direct,monthly,2024-01-01,,5", .duplicateID, "subscription_id"),
    ("c1,s1,P,shared,direct,monthly,2024-01-01,2924-01-01,5", .invalidValue, "end_date"),
  ]

  @Test("each kind of bad subscription row is reported with file, line 3 and its column", arguments: 0..<11)
  func badSubscriptionRow(_ which: Int) throws {
    let (row, code, column) = Self.badRows[which]
    let csv = "\(Self.header)\nc0,s0,P,shared,direct,monthly,2024-01-01,,5\n\(row)\n"
    let error = try #require(throws: RetentionError.self) {
      try RetentionCSVImporter().subscriptions(csv: csv, file: "subs.csv")
    }
    #expect(error.code == code)
    #expect(error.location == RetentionError.Location(file: "subs.csv", line: 3, column: column))
  }

  @Test(
    "identifiers the byte check leaves alone take the full check: kept when valid, else an error at line 3",
    arguments: [
      ("\"c\t1\"", false), ("\"   \"", false), ("\"c\u{7F}1\"", false), ("Kunde-ü", true), ("\"c \"\"1\"\"\"", true),
    ])
  func identifiersNeedingTheFullCheck(_ field: String, valid: Bool) throws {
    let csv = """
      \(Self.header)
      c0,s0,P,shared,direct,monthly,2024-01-01,,5
      \(field),s1,P,shared,direct,monthly,2024-01-01,,5

      """
    if valid {
      let result = try RetentionCSVImporter().subscriptions(csv: csv, file: "subs.csv")
      let scanned = try #require(result.records.last)
      #expect(scanned.customer == (try CustomerID(validating: scanned.customer.rawValue)))
      #expect(scanned.customer.rawValue.utf8.contains { $0 >= 0x80 } || scanned.customer.rawValue.contains("\""))
    } else {
      let error = try #require(throws: RetentionError.self) {
        try RetentionCSVImporter().subscriptions(csv: csv, file: "subs.csv")
      }
      #expect(error.code == .invalidValue)
      #expect(error.location == RetentionError.Location(file: "subs.csv", line: 3, column: "customer_id"))
    }
  }

  @Test("well-known channels match in any case; other valid channel names are kept in lower case")
  func channelsInAnyCase() throws {
    let rows = ["Direct", "RESELLER", "affiliate", "Partner-Web"].enumerated().map { index, channel in
      "c\(index),s\(index),P,shared,\(channel),monthly,2024-01-01,,5"
    }
    let csv = ([Self.header] + rows).joined(separator: "\n")
    let result = try RetentionCSVImporter().subscriptions(csv: csv, file: "subs.csv")
    #expect(result.records.map(\.channel.rawValue) == ["direct", "reseller", "affiliate", "partner-web"])
  }

  @Test("lenient mode skips bad rows, keeps the good ones and reports every skipped line")
  func lenient() throws {
    let csv = """
      \(Self.header),currency
      c1,s1,P,shared,direct,monthly,2024-01-01,,5,USD
      c2,s2,P,blade,direct,monthly,2024-01-01,,5,USD
      c3,s3,P,vps,direct,monthly,2024-01-01,,5,EUR
      c4,s4,P,vps,direct,monthly,2024-01-01,,5,
      c5,s5,P,vps,direct,monthly,2024-01-01,5
      """
    let result = try RetentionCSVImporter(mode: .lenient).subscriptions(csv: csv, file: "s.csv")
    #expect(result.records.map(\.id) == ["s1", "s4"])
    #expect(result.issues.map(\.location?.line) == [3, 4, 6])
    #expect(result.issues.map(\.code) == [.invalidValue, .mixedCurrencies, .malformedRow])
    #expect(result.issues[1].description.hasPrefix("mixedCurrencies: "))
    #expect(result.issues[1].description.hasSuffix("(column=currency, file=s.csv, line=4)"))
  }

  @Test("a missing required column names the column")
  func missingColumn() throws {
    let error = try #require(throws: RetentionError.self) {
      try RetentionCSVImporter().subscriptions(csv: "customer_id,subscription_id\nc,s\n", file: "s.csv")
    }
    #expect(error.code == .missingColumn)
    #expect(error.location?.column == "plan")
  }

  @Test("line numbers count the physical lines of quoted multi-line fields and CRLF endings")
  func lineNumbers() throws {
    let csv =
      "\(Self.header)\r\nc1,s1,\"two\nlines\",shared,direct,monthly,2024-01-01,,5\r\n\r\nc2,s2,P,x,direct,monthly,2024-01-01,,5\r\n"
    let result = try RetentionCSVImporter(mode: .lenient).subscriptions(csv: csv, file: "s.csv")
    #expect(result.records.first?.plan == "two\nlines")
    #expect(result.issues.map(\.location?.line) == [5])
  }

  @Test("MRR changes must refer to known subscriptions in their currency")
  func changes() throws {
    let subscriptions = [sub("s1", "c1", "5", "2024-01-01")]
    let csv = """
      subscription_id,effective_date,new_mrr,currency
      s1,2024-02-01,9.99,
      s9,2024-02-01,9.99,
      s1,2024-02-01,abc,
      s1,2024-02-01,1,EUR
      """
    let result = try RetentionCSVImporter(mode: .lenient).changes(csv: csv, file: "c.csv", subscriptions: subscriptions)
    #expect(result.records == [change("s1", "2024-02-01", "9.99")])
    #expect(result.issues.map(\.code) == [.unknownReference, .invalidValue, .mixedCurrencies])
    #expect(result.issues.map(\.location?.line) == [3, 4, 5])
    #expect(result.issues.map(\.location?.column) == ["subscription_id", "new_mrr", "currency"])
  }

  @Test("survey scores must be on their scale: NPS 0–10, CSAT 1–5, CES 1–7")
  func surveys() throws {
    let csv = """
      customer_id,date,kind,score
      c1,2024-01-02,nps,10
      c1,2024-01-02,nps,11
      c1,2024-01-02,csat,0
      c1,2024-01-02,ces,7
      c1,2024-01-02,stars,3
      c1,2024-01-02,csat,4.5
      """
    let result = try RetentionCSVImporter(mode: .lenient).surveys(csv: csv, file: "v.csv")
    #expect(result.records.map(\.score) == [10, 7])
    #expect(result.issues.map(\.location?.line) == [3, 4, 6, 7])
    #expect(result.issues.map(\.location?.column) == ["score", "score", "kind", "score"])
  }

  @Test("an unterminated quote is a malformed row, not a crash")
  func unterminatedQuote() throws {
    let error = try #require(throws: RetentionError.self) {
      try RetentionCSVImporter(mode: .lenient).subscriptions(csv: "\(Self.header)\nc1,\"s1,P", file: "s.csv")
    }
    #expect(error.code == .malformedRow)
    #expect(error.location?.line == 2)
  }

  @Test("random bytes and mutated files never crash the importers (seeded fuzz)")
  func fuzz() {
    var generator = SeededGenerator(seed: 99)
    let valid = "\(Self.header)\nc1,s1,\"P\",shared,direct,monthly,2024-01-01,2024-06-01,5.00\n"
    let alphabet = Array(",\"\n\r0123456789.-abcdefghijklmnopqrstuvwxyz ;\u{FEFF}é".unicodeScalars)
    for round in 0..<600 {
      var scalars = Array(valid.unicodeScalars)
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        let position = Int.random(in: 0..<scalars.count, using: &generator)
        if round % 3 == 0 {
          scalars.remove(at: position)
        } else {
          scalars.insert(alphabet.randomElement(using: &generator)!, at: position)
        }
        if scalars.isEmpty { scalars = ["x"] }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      let importer = RetentionCSVImporter(mode: round % 2 == 0 ? .strict : .lenient)
      _ = try? importer.subscriptions(csv: text, file: "fuzz.csv")
      _ = try? importer.surveys(csv: text, file: "fuzz.csv")
      _ = try? importer.changes(csv: text, file: "fuzz.csv", subscriptions: [])
    }
  }
}
