// swift-tools-version: 6.0
import PackageDescription

// A separate package, so that HostingSupportKit itself keeps no dependency: the kit's stores on PostgreSQL
// through libpq, the database's own C client library (Debian: libpq-dev).
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "postgres-store",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "PostgresStore", targets: ["PostgresStore"])
  ],
  dependencies: [
    .package(name: "HostingSupportKit", path: "../..")
  ],
  targets: [
    .systemLibrary(
      name: "CLibPQ",
      pkgConfig: "libpq",
      providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
    ),
    .target(
      name: "PostgresStore",
      dependencies: [
        "CLibPQ",
        .product(name: "SupportTickets", package: "HostingSupportKit"),
        .product(name: "HostingSupport", package: "HostingSupportKit"),
      ],
      swiftSettings: swiftSettings
    ),
    // One desk process on a database, driven line by line through stdin (the two-desk test starts two).
    .executableTarget(
      name: "desk-instance",
      dependencies: [
        "PostgresStore",
        .product(name: "HostingSupport", package: "HostingSupportKit"),
        .product(name: "FeedbackSentiment", package: "HostingSupportKit"),
      ],
      swiftSettings: swiftSettings
    ),
    // The PostgreSQL stores against the file stores on the same workloads.
    .executableTarget(
      name: "postgres-benchmarks",
      dependencies: [
        "PostgresStore",
        .product(name: "HostingSupport", package: "HostingSupportKit"),
        .product(name: "FeedbackSentiment", package: "HostingSupportKit"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "PostgresStoreTests",
      dependencies: [
        "PostgresStore",
        "desk-instance",
        .product(name: "SupportTickets", package: "HostingSupportKit"),
        .product(name: "HostingSupport", package: "HostingSupportKit"),
        .product(name: "HostingSupportTestKit", package: "HostingSupportKit"),
      ],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
