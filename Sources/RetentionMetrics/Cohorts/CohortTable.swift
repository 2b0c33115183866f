import Foundation

/// Customer and revenue retention by signup cohort: for each month in which customers first had MRR at a
/// month end, how many of them — and how much of their MRR — remain k months later.
///
/// Customer retention at age k = cohort customers with MRR > 0 at month end k ÷ cohort size; revenue
/// retention = their MRR at age k ÷ the cohort's MRR at age 0 (expansion included, so it can exceed 100%).
/// A customer's cohort, tier and channel are fixed when it first has MRR: reactivated customers stay in their
/// original cohort. Tables are additive and merge across shards of customers.
public struct CohortTable: Hashable, Sendable, Codable {
  /// One signup cohort.
  public struct Row: Hashable, Sendable, Codable {
    /// The month its customers first had MRR at a month end.
    public var cohort: CivilMonth
    /// Active customers at ages 0, 1, 2… (age 0 is the cohort size).
    public var customers: [Int]
    /// Their MRR in minor units at ages 0, 1, 2…
    public var mrr: [Int64]

    /// Customers still active at an age ÷ the cohort size, or `nil` for an empty cohort or unknown age.
    /// - Parameter age: Months since the cohort month.
    /// - Returns: The share in 0...1.
    public func customerRetention(atAge age: Int) -> Double? {
      guard age >= 0, age < customers.count, customers[0] > 0 else { return nil }
      return Double(customers[age]) / Double(customers[0])
    }

    /// The cohort's MRR at an age ÷ its MRR at age 0, or `nil` when undefined.
    /// - Parameter age: Months since the cohort month.
    /// - Returns: The ratio (above 1 when expansion outweighs churn).
    public func revenueRetention(atAge age: Int) -> Double? {
      guard age >= 0, age < mrr.count, mrr[0] > 0 else { return nil }
      return Double(mrr[age]) / Double(mrr[0])
    }
  }

  /// Which customers the table covers.
  public var segment: RetentionSegment
  /// The report currency.
  public var currency: CurrencyCode
  /// The last month observed.
  public var lastMonth: CivilMonth
  /// One row per cohort month from the first to ``lastMonth`` (empty cohorts included).
  public var rows: [Row]

  /// Creates a table from rows already computed (for example decoded from storage).
  /// - Parameters:
  ///   - segment: Which customers the table covers.
  ///   - currency: The report currency.
  ///   - lastMonth: The last month observed.
  ///   - rows: One row per cohort month.
  public init(segment: RetentionSegment, currency: CurrencyCode, lastMonth: CivilMonth, rows: [Row]) {
    self.segment = segment
    self.currency = currency
    self.lastMonth = lastMonth
    self.rows = rows
  }

  /// Computes the cohort table of one segment.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - last: The last month observed.
  ///   - segment: Which customers; all by default.
  /// - Complexity: O(n + c + Σ months each customer is followed).
  public init(dataset: RetentionDataset, through last: CivilMonth, segment: RetentionSegment = .all) {
    self = CohortTable.tables(dataset: dataset, through: last, segments: [segment])[0]
  }

  /// Computes several segments' tables in a single pass over the customers.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - last: The last month observed.
  ///   - segments: The segments; by default all, each tier and each channel.
  /// - Returns: One table per segment, in the order given.
  /// - Complexity: O(n + c + Σ months each customer is followed × segments it belongs to).
  public static func tables(
    dataset: RetentionDataset, through last: CivilMonth, segments: [RetentionSegment] = RetentionSegment.allSegments
  ) -> [CohortTable] {
    let first = min(dataset.firstMonth ?? last, last)
    let months = first.distance(to: last) + 1
    // Flat cells: segment × cohort × age, written through pointers in the per-customer loop.
    let block = months * months
    var customers = [Int](repeating: 0, count: segments.count * block)
    var mrr = [Int64](repeating: 0, count: segments.count * block)
    var buffer = [Int64](repeating: 0, count: months)
    let tests = segments.map { dataset.test(for: $0) }
    customers.withUnsafeMutableBufferPointer { customers in
      mrr.withUnsafeMutableBufferPointer { mrr in
        buffer.withUnsafeMutableBufferPointer { buffer in
          for customer in 0..<dataset.customerCount {
            guard
              let (active, lastActive) = dataset.fillMonthEndMRR(customer: customer, base: first.index, into: buffer)
            else { continue }
            for (index, test) in tests.enumerated() where dataset.customer(customer, isIn: test) {
              let row = index * block + active * months - active
              for month in active...lastActive where buffer[month] > 0 {
                customers[row + month] &+= 1
                mrr[row + month] &+= buffer[month]
              }
            }
            for month in active...lastActive { buffer[month] = 0 }
          }
        }
      }
    }
    return segments.indices.map { index in
      let rows = (0..<months).map { cohort in
        let ages = months - cohort
        let start = index * block + cohort * months
        return Row(
          cohort: first.advanced(by: cohort), customers: Array(customers[start..<(start + ages)]),
          mrr: Array(mrr[start..<(start + ages)]))
      }
      return CohortTable(segment: segments[index], currency: dataset.currency, lastMonth: last, rows: rows)
    }
  }

  /// Combines the tables of two disjoint sets of customers (same segment, currency and last month).
  /// - Parameter other: The other shard's table.
  /// - Returns: The table over both.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` when segment, currency or last month
  ///   differ; ``RetentionError/Code-swift.struct/overflow`` when a sum does not fit in 64 bits (tables decoded
  ///   from elsewhere can hold any values).
  /// - Complexity: O(cohorts × ages).
  public func merging(_ other: CohortTable) throws(RetentionError) -> CohortTable {
    guard segment == other.segment, currency == other.currency, lastMonth == other.lastMonth else {
      throw .invalidArgument("cohort tables differ in segment, currency or last month")
    }
    var byMonth = [CivilMonth: Row]()
    for row in rows + other.rows {
      if var existing = byMonth[row.cohort] {
        guard existing.customers.count == row.customers.count else {
          throw .invalidArgument("cohort \(row.cohort) covers different ages in the two tables")
        }
        for age in row.customers.indices {
          existing.customers[age] = try checkedSum(existing.customers[age], row.customers[age], "a cohort's customers")
          existing.mrr[age] = try checkedSum(existing.mrr[age], row.mrr[age], "a cohort's MRR")
        }
        byMonth[row.cohort] = existing
      } else {
        byMonth[row.cohort] = row
      }
    }
    var merged = self
    merged.rows = byMonth.values.sorted { $0.cohort < $1.cohort }
    return merged
  }
}

extension CohortTable.Row {
  /// Decodes a row, checking that customers and MRR cover the same ages.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` when the arrays differ in length.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    cohort = try container.decode(CivilMonth.self, forKey: .cohort)
    customers = try container.decode([Int].self, forKey: .customers)
    mrr = try container.decode([Int64].self, forKey: .mrr)
    guard customers.count == mrr.count else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "customers and mrr differ in length"))
    }
  }
}
