import Foundation

/// Tag for ``CustomerID``.
public enum CustomerTag: Sendable {}
/// Tag for ``PartnerID``.
public enum PartnerTag: Sendable {}
/// Tag for ``AgentID``.
public enum AgentTag: Sendable {}
/// Tag for ``ServiceID``.
public enum ServiceTag: Sendable {}

/// Identifies a customer: the account holder at the host (or at a reseller) who pays for services.
public typealias CustomerID = Identifier<CustomerTag>
/// Identifies a partner of the host: a reseller who bills and supports its own customers, or an affiliate who
/// refers them.
public typealias PartnerID = Identifier<PartnerTag>
/// Identifies a support agent (a member of the host's staff).
public typealias AgentID = Identifier<AgentTag>
/// Identifies a hosted service: a shared hosting account, a VPS or a dedicated server.
public typealias ServiceID = Identifier<ServiceTag>
