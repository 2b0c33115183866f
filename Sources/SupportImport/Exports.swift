// The importers produce tickets (SupportTickets) and subscriptions and survey answers (RetentionMetrics), and
// speak the kit's shared vocabulary (SupportCore), so `import SupportImport` is enough to use them.
@_exported import RetentionMetrics
@_exported import SupportCore
@_exported import SupportTickets
