// The HostingSupportTestKit module. Types are added by its issue; see Sources/HostingSupportTestKit/HostingSupportTestKit.docc for the overview.
import Foundation
