// The SupportTickets module. See Sources/SupportTickets/SupportTickets.docc for the overview.
import Foundation
