// HostingSupport is the umbrella a panel imports: one `import HostingSupport` brings the shared vocabulary
// (SupportCore), tickets and stores (SupportTickets), and the SLA and sentiment types the desk's API returns
// (SupportSLA, FeedbackSentiment), as well as the desk itself.
@_exported import FeedbackSentiment
@_exported import SupportCore
@_exported import SupportSLA
@_exported import SupportTickets
