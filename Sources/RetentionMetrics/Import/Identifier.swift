import Foundation

/// Tag for subscription identifiers.
public enum SubscriptionTag: Sendable {}

/// Identifies one subscription (one plan a customer pays for).
public typealias SubscriptionID = Identifier<SubscriptionTag>
