// The SupportSLA module. Types are added by its issue; see Sources/SupportSLA/SupportSLA.docc for the overview.
import Foundation
