// The HostingSupport module. Types are added by its issue; see Sources/HostingSupport/HostingSupport.docc for the overview.
import Foundation
