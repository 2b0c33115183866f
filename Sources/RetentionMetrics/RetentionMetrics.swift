// The RetentionMetrics module. Types are added by its issue; see Sources/RetentionMetrics/RetentionMetrics.docc for the overview.
import Foundation
