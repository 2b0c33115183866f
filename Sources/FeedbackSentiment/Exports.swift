// The kit's shared vocabulary (identifiers, Money, plan tiers, channels, civil dates, the error protocol) is part
// of this module's API, so `import FeedbackSentiment` is enough to use it.
@_exported import SupportCore
