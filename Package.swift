// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "HostingSupportKit",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "SupportCore", targets: ["SupportCore"]),
    .library(name: "SupportTickets", targets: ["SupportTickets"]),
    .library(name: "SupportSLA", targets: ["SupportSLA"]),
    .library(name: "FeedbackSentiment", targets: ["FeedbackSentiment"]),
    .library(name: "RetentionMetrics", targets: ["RetentionMetrics"]),
    .library(name: "HostingSupport", targets: ["HostingSupport"]),
    .library(name: "HostingSupportTestKit", targets: ["HostingSupportTestKit"]),
    .library(name: "SupportImport", targets: ["SupportImport"]),
  ],
  targets: [
    // MARK: Libraries
    .target(name: "SupportCore", swiftSettings: swiftSettings),
    .target(name: "SupportTickets", dependencies: ["SupportCore"], swiftSettings: swiftSettings),
    .target(name: "SupportSLA", dependencies: ["SupportCore", "SupportTickets"], swiftSettings: swiftSettings),
    .target(
      name: "FeedbackSentiment",
      dependencies: ["SupportCore"],
      resources: [.copy("Resources")],
      swiftSettings: swiftSettings
    ),
    .target(name: "RetentionMetrics", dependencies: ["SupportCore"], swiftSettings: swiftSettings),
    .target(
      name: "HostingSupport",
      dependencies: ["SupportCore", "SupportTickets", "SupportSLA", "FeedbackSentiment", "RetentionMetrics"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "HostingSupportTestKit",
      dependencies: ["HostingSupport", "SupportCore", "SupportTickets"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "SupportImport",
      dependencies: ["SupportCore", "SupportTickets", "RetentionMetrics"],
      swiftSettings: swiftSettings
    ),

    // MARK: Examples (executables, not products)
    .target(
      name: "CommandLineSupport",
      dependencies: ["SupportCore"],
      path: "Examples/CommandLineSupport",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "support-desk",
      dependencies: [
        "CommandLineSupport", "HostingSupport", "SupportTickets", "SupportSLA", "FeedbackSentiment", "RetentionMetrics",
        "SupportImport",
      ],
      path: "Examples/support-desk",
      exclude: ["samples"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "sla-check",
      dependencies: ["CommandLineSupport", "SupportSLA", "SupportTickets"],
      path: "Examples/sla-check",
      exclude: ["samples"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "feedback-triage",
      dependencies: ["CommandLineSupport", "FeedbackSentiment"],
      path: "Examples/feedback-triage",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "retention-report",
      dependencies: ["CommandLineSupport", "HostingSupport", "RetentionMetrics", "SupportImport"],
      path: "Examples/retention-report",
      swiftSettings: swiftSettings
    ),

    // MARK: Test-only executables
    .executableTarget(
      name: "store-crash-writer",
      dependencies: ["CommandLineSupport", "SupportTickets"],
      path: "Tests/StoreCrashWriter",
      swiftSettings: swiftSettings
    ),

    // MARK: Benchmarks
    .executableTarget(
      name: "hosting-benchmarks",
      dependencies: [
        "SupportCore", "SupportTickets", "SupportSLA", "FeedbackSentiment", "RetentionMetrics", "HostingSupport",
        "SupportImport",
      ],
      path: "Benchmarks/hosting-benchmarks",
      swiftSettings: swiftSettings
    ),

    // MARK: Tests
    .testTarget(name: "SupportCoreTests", dependencies: ["SupportCore"], swiftSettings: swiftSettings),
    .testTarget(
      name: "SupportTicketsTests",
      dependencies: ["SupportTickets", "store-crash-writer"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SupportSLATests",
      dependencies: ["SupportSLA", "SupportTickets"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "FeedbackSentimentTests",
      dependencies: ["FeedbackSentiment"],
      resources: [.copy("Resources")],
      swiftSettings: swiftSettings
    ),
    .testTarget(name: "RetentionMetricsTests", dependencies: ["RetentionMetrics"], swiftSettings: swiftSettings),
    .testTarget(
      name: "HostingSupportTests",
      dependencies: [
        "HostingSupport", "HostingSupportTestKit", "SupportTickets", "SupportSLA", "FeedbackSentiment",
        "RetentionMetrics",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "HostingSupportTestKitTests",
      dependencies: ["HostingSupportTestKit", "HostingSupport", "SupportTickets"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SupportImportTests",
      dependencies: ["SupportImport", "SupportTickets", "RetentionMetrics"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "HostingBenchmarksTests", dependencies: ["hosting-benchmarks"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ExamplesTests",
      dependencies: [
        "CommandLineSupport", "HostingSupportTestKit", "support-desk", "sla-check", "feedback-triage",
        "retention-report",
      ],
      resources: [.copy("Resources")],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
