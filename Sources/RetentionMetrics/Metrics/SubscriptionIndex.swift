import Foundation

/// Subscriptions keyed once by id and by customer: the CSV import hashes each row's ids from the row it has
/// just read, the changes import looks subscriptions up in the id table, and ``RetentionDataset`` groups
/// customers from the customer hashes — so each id is hashed once. A dataset built from a plain array of
/// subscriptions builds the same index from the array.
///
/// The tables are filled in tight loops after the scan, not row by row while parsing: each insert is a random
/// memory access, and only a loop of nothing else lets the processor overlap those misses.
struct SubscriptionIndex: Sendable {
  /// Folded id hash → row.
  let subscriptions: FoldTable
  /// The folded hash of each row's customer id.
  let customerFolds: [UInt32]

  /// Indexes rows whose folded id and customer hashes are given.
  /// - Returns: The index and the rows whose id an earlier row has (ascending), which it leaves out of the id
  ///   table; the caller rejects them.
  static func build(idFolds: [UInt32], customerFolds: [UInt32], rows: [Subscription]) -> (
    index: SubscriptionIndex, duplicates: [Int]
  ) {
    var table = FoldTable(expected: rows.count)
    var duplicates: [Int] = []
    for row in idFolds.indices {
      let fold = idFolds[row]
      if table.find(fold, where: { rows[$0].id == rows[row].id }) != nil {
        duplicates.append(row)
      } else {
        table.insert(fold, number: row)
      }
    }
    return (SubscriptionIndex(subscriptions: table, customerFolds: customerFolds), duplicates)
  }

  /// Indexes plain subscriptions.
  /// - Throws: ``RetentionError/Code-swift.struct/duplicateID`` at `subscriptions[i]` for the first row whose id
  ///   an earlier row has.
  init(_ subscriptions: [Subscription]) throws(RetentionError) {
    let (index, duplicates) = Self.build(
      idFolds: subscriptions.map { HashGrouping.fold(HashGrouping.hash($0.id.rawValue)) },
      customerFolds: subscriptions.map { HashGrouping.fold(HashGrouping.hash($0.customer.rawValue)) },
      rows: subscriptions)
    if let row = duplicates.first {
      throw .duplicateID(subscriptions[row].id.rawValue, at: RetentionError.Location(file: "subscriptions", line: row))
    }
    self = index
  }

  private init(subscriptions: FoldTable, customerFolds: [UInt32]) {
    self.subscriptions = subscriptions
    self.customerFolds = customerFolds
  }

  /// The row of the subscription with this id in `rows`, or `nil`.
  func row(of id: SubscriptionID, in rows: [Subscription]) -> Int? {
    subscriptions.row(of: id, in: rows)
  }

  /// The row of the subscription with this id, trying the few rows after `previous` (the row of the last
  /// lookup) before the table: changes usually come in the order of their subscriptions, and those rows are
  /// next to each other in memory while a table probe is a cache miss. Ids are unique, so the row found
  /// either way is the same.
  func row(of id: SubscriptionID, in rows: [Subscription], after previous: Int) -> Int? {
    let window = (previous + 1)..<min(previous + 17, rows.count)
    for row in window where rows[row].id == id { return row }
    return subscriptions.row(of: id, in: rows)
  }

  /// Customers numbered in the order of their first row, with a table from folded customer hash to number.
  /// - Parameter rows: The subscriptions indexed.
  /// - Returns: The table, each row's customer number and the number of customers.
  func customers(of rows: [Subscription]) -> (table: FoldTable, customerOfRow: [Int32], count: Int) {
    var table = FoldTable(expected: rows.count)
    var customerOfRow = [Int32](repeating: 0, count: rows.count)
    var firstRows: [Int32] = []
    var last: (fold: UInt32, number: Int32)?
    for row in rows.indices {
      let fold = customerFolds[row]
      let customer = rows[row].customer
      // Rows of one customer usually follow each other: the previous row's customer is checked first.
      if let last, last.fold == fold, rows[Int(firstRows[Int(last.number)])].customer == customer {
        customerOfRow[row] = last.number
        continue
      }
      let number: Int32
      if let known = table.find(fold, where: { rows[Int(firstRows[$0])].customer == customer }) {
        number = Int32(known)
      } else {
        number = Int32(firstRows.count)
        firstRows.append(Int32(row))
        table.insert(fold, number: Int(number))
      }
      customerOfRow[row] = number
      last = (fold, number)
    }
    return (table, customerOfRow, firstRows.count)
  }
}

extension FoldTable {
  /// A table of every row's subscription id, duplicates included (a lookup finds the earliest row).
  init(subscriptionIDs rows: [Subscription]) {
    self.init(expected: rows.count)
    for (row, subscription) in rows.enumerated() {
      insert(HashGrouping.fold(HashGrouping.hash(subscription.id.rawValue)), number: row)
    }
  }

  /// The earliest row of `rows` with this subscription id, or `nil`, in a table of their ids.
  func row(of id: SubscriptionID, in rows: [Subscription]) -> Int? {
    find(HashGrouping.fold(HashGrouping.hash(id.rawValue))) { rows[$0].id == id }
  }
}
