// HostingSupport is the umbrella a panel imports: one `import HostingSupport` brings the shared vocabulary
// (SupportCore), tickets and stores (SupportTickets), and the SLA and sentiment types the desk's API returns
// (SupportSLA, FeedbackSentiment), the retention types its surveys and churn risk use (RetentionMetrics: survey
// kinds, billing periods, the upgrade funnel), as well as the desk itself.
@_exported import FeedbackSentiment
@_exported import RetentionMetrics
@_exported import SupportCore
@_exported import SupportSLA
@_exported import SupportTickets
