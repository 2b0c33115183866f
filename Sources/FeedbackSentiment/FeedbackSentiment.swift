// The FeedbackSentiment module. Types are added by its issue; see Sources/FeedbackSentiment/FeedbackSentiment.docc for the overview.
import Foundation
