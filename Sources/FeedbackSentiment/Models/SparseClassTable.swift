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

  func validate(bucketCount: Int, allowNegative: Bool) throws {
    guard values.count == 3, values.allSatisfy({ $0.count == indices.count }) else {
      throw SentimentError.invalidModel("values must hold three arrays as long as indices")
    }
    var previous = -1
    for index in indices {
      guard index > previous, index < bucketCount else {
        throw SentimentError.invalidModel("indices must be increasing and below bucketCount \(bucketCount)")
      }
      previous = index
    }
    for row in values {
      for value in row where !value.isFinite || (!allowNegative && value < 0) {
        throw SentimentError.invalidModel("values must be finite\(allowNegative ? "" : " and non-negative")")
      }
    }
  }
}
