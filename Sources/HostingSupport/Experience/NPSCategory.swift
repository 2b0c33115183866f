import Foundation

/// Where a Net Promoter Score answer puts a customer: promoters answer 9–10, passives 7–8, detractors 0–6.
public enum NPSCategory: String, CaseIterable, Hashable, Sendable, Codable {
  /// 9–10.
  case promoter
  /// 7–8.
  case passive
  /// 0–6.
  case detractor

  /// The category of an NPS answer.
  /// - Parameter score: The answer, 0…10 (values outside the scale are clamped).
  public init(score: Int) {
    switch score {
    case 9...: self = .promoter
    case 7...8: self = .passive
    default: self = .detractor
    }
  }
}
