import Foundation

extension SLAError.Code {
  /// A policy or policy-set document is malformed: a missing or wrongly typed field, an unknown metric,
  /// status, priority or tier, or a target listed twice.
  public static let invalidPolicy = SLAError.Code(rawValue: "invalidPolicy")
  /// A target duration is not a positive, finite amount such as `3600` or `"1h30m"`.
  public static let invalidDuration = SLAError.Code(rawValue: "invalidDuration")
  /// A warning threshold is not a fraction strictly between 0 and 1, or an escalation delay is negative.
  public static let invalidThreshold = SLAError.Code(rawValue: "invalidThreshold")
}

extension SLAError {
  /// A policy document that is malformed.
  ///
  /// - Parameters:
  ///   - field: The JSON field path that was wrong, e.g. `policies[1].targets[0].metric`.
  ///   - message: What was wrong.
  /// - Returns: An error with code ``Code/invalidPolicy``.
  public static func invalidPolicy(field: String, message: String) -> SLAError {
    SLAError(code: .invalidPolicy, message: message, context: ["path": field])
  }

  /// A target duration that is not positive and finite.
  ///
  /// - Parameters:
  ///   - text: The rejected value as written.
  ///   - field: The JSON field path, or the parameter name for programmatic use.
  /// - Returns: An error with code ``Code/invalidDuration``.
  public static func invalidDuration(_ text: String, field: String) -> SLAError {
    SLAError(
      code: .invalidDuration,
      message: "'\(text)' is not a positive duration; write seconds (3600) or units d/h/m/s such as \"1h30m\"",
      context: ["path": field, "value": text])
  }

  /// A warning threshold outside (0, 1) or a negative escalation delay.
  ///
  /// - Parameters:
  ///   - value: The rejected value.
  ///   - field: The JSON field path, or the parameter name for programmatic use.
  ///   - message: What was wrong.
  /// - Returns: An error with code ``Code/invalidThreshold``.
  public static func invalidThreshold(_ value: Double, field: String, message: String) -> SLAError {
    SLAError(code: .invalidThreshold, message: message, context: ["path": field, "value": "\(value)"])
  }
}
