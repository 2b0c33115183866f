import Foundation

/// Per-label numbers for the hash buckets that are in use: the stored form of a trained model.
///
/// JSON shape: `{"indices": [b0, b1, …], "values": [[negative…], [neutral…], [positive…]]}`, each inner array as
/// long as `indices`.
struct SparseClassTable: Sendable, Hashable, Codable {
  var indices: [Int]
  var values: [[Double]]

  init(indices: [Int], values: [[Double]]) {
    self.indices = indices
    self.values = values
  }

  /// Keeps the buckets where any label has a non-zero value.
  init(dense: [[Double]]) {
    let buckets = dense.first?.count ?? 0
    var indices: [Int] = []
    var values: [[Double]] = Array(repeating: [], count: dense.count)
    for bucket in 0..<buckets where dense.contains(where: { $0[bucket] != 0 }) {
      indices.append(bucket)
      for label in dense.indices { values[label].append(dense[label][bucket]) }
    }
    self.indices = indices
    self.values = values
  }

  /// Checks the shape and the numbers of a decoded table, in one pass over its entries.
  ///
  /// - Parameters:
  ///   - bucketCount: The model's number of hash buckets; every index must be below it.
  ///   - allowNegative: Whether values may be negative (weights) or not (counts).
  ///   - limits: The largest value allowed for each label (its magnitude, when negatives are allowed).
  ///   - what: The name of the values in the error (`"weights"`, `"feature counts"`).
  /// - Throws: ``SentimentError`` with code ``SentimentError/Code/invalidModel``.
  func validate(bucketCount: Int, allowNegative: Bool, limits: [Double], what: String) throws {
    guard values.count == 3, values.allSatisfy({ $0.count == indices.count }) else {
      throw SentimentError.invalidModel(
        "\(what) must hold three arrays as long as indices (\(indices.count)), found "
          + values.map { String($0.count) }.joined(separator: ", "))
    }
    var previous = -1
    for index in indices {
      guard index > previous, index < bucketCount else {
        throw SentimentError.invalidModel("indices must be increasing and below bucketCount \(bucketCount)")
      }
      previous = index
    }
    for (label, row) in values.enumerated() {
      let limit = limits[label]
      for value in row where !(allowNegative ? abs(value) <= limit : value >= 0 && value <= limit) {
        let range = allowNegative ? "within ±\(limit)" : "in 0...\(limit)"
        throw SentimentError.invalidModel("\(what) must be finite numbers \(range), found \(value)")
      }
    }
  }
}
