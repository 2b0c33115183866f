import Foundation

extension MaintenanceRecord: Codable {
  private enum CodingKeys: String, CodingKey {
    case window, revision, isCancelled, corrections, revisedAt, completedAt, overrunEstimates
  }

  /// Decodes a record. `completedAt` is always written (`null` while the work is not done); a record without the
  /// key was written before windows were marked done and reads as done at its planned end, as it was then.
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a record that does not decode.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    window = try container.decode(MaintenanceWindow.self, forKey: .window)
    revision = try container.decode(Int.self, forKey: .revision)
    isCancelled = try container.decode(Bool.self, forKey: .isCancelled)
    corrections = try container.decode([Correction].self, forKey: .corrections)
    revisedAt = try container.decodeIfPresent(Date.self, forKey: .revisedAt)
    if container.contains(.completedAt) {
      completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
    } else {
      completedAt = window.end
    }
    overrunEstimates = try container.decodeIfPresent([Date].self, forKey: .overrunEstimates) ?? []
  }

  /// Encodes the record, with `completedAt` as `null` while the work is not done.
  /// - Parameter encoder: The encoder.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(window, forKey: .window)
    try container.encode(revision, forKey: .revision)
    try container.encode(isCancelled, forKey: .isCancelled)
    try container.encode(corrections, forKey: .corrections)
    try container.encodeIfPresent(revisedAt, forKey: .revisedAt)
    if let completedAt {
      try container.encode(completedAt, forKey: .completedAt)
    } else {
      try container.encodeNil(forKey: .completedAt)
    }
    try container.encode(overrunEstimates, forKey: .overrunEstimates)
  }
}
