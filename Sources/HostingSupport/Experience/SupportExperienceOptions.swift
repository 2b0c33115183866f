import Foundation

/// How the support-experience analysis groups customers and when it makes a claim.
public struct SupportExperienceOptions: Hashable, Sendable, Codable {
  /// Groups with fewer customers are reported with their counts only: no survival curve, no test, no claim.
  /// 30 by default; at least 2.
  public var minimumGroupSize: Int
  /// How long after the end of a negative answer's day an agent's public reply still counts as following it up
  /// (survey answers carry a day, not an instant). One day by default.
  public var followUpWindow: TimeInterval
  /// The p-value under which a difference is called significant; 0.05 by default.
  public var significanceLevel: Double
  /// The confidence level of the survival bands and the hazard intervals; 0.95 by default.
  public var confidenceLevel: Double

  /// Creates options.
  /// - Parameters:
  ///   - minimumGroupSize: The smallest group compared (at least 2).
  ///   - followUpWindow: The follow-up window in seconds (positive).
  ///   - significanceLevel: The significance level, in (0, 1).
  ///   - confidenceLevel: The confidence level, in (0, 1).
  public init(
    minimumGroupSize: Int = 30, followUpWindow: TimeInterval = 86_400, significanceLevel: Double = 0.05,
    confidenceLevel: Double = 0.95
  ) {
    self.minimumGroupSize = minimumGroupSize
    self.followUpWindow = followUpWindow
    self.significanceLevel = significanceLevel
    self.confidenceLevel = confidenceLevel
  }

  /// Checks the options.
  /// - Throws: ``HostingSupportError`` with code ``HostingSupportError/Code/invalidConfiguration`` naming the
  ///   option at fault.
  public func validate() throws(HostingSupportError) {
    guard minimumGroupSize >= 2 else {
      throw .invalidConfiguration(field: "minimumGroupSize", reason: "it must be at least 2, not \(minimumGroupSize)")
    }
    guard followUpWindow.isFinite, followUpWindow > 0 else {
      throw .invalidConfiguration(field: "followUpWindow", reason: "it must be a positive number of seconds")
    }
    guard significanceLevel > 0, significanceLevel < 1 else {
      throw .invalidConfiguration(field: "significanceLevel", reason: "it must be between 0 and 1")
    }
    guard confidenceLevel > 0, confidenceLevel < 1 else {
      throw .invalidConfiguration(field: "confidenceLevel", reason: "it must be between 0 and 1")
    }
  }
}
