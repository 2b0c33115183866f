// HostingSupport is the umbrella a panel imports: one `import HostingSupport` brings the shared vocabulary
// (SupportCore) and tickets and stores (SupportTickets) as well as the desk.
@_exported import SupportCore
@_exported import SupportTickets
