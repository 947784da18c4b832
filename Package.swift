// swift-tools-version: 6.0
import PackageDescription

/// StatGuard: the monthly load job that validates China's above-size industrial
/// enterprise reports. One target per pipeline stage; dependencies flow one way:
/// Core ← Ingest ← Checks ← Store, Summaries ← Reports ← Job ← CLI, with Config beside them.
let package = Package(
    name: "StatGuard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "statguard", targets: ["StatGuardCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev, wrapped the way GRDB wraps SQLite.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(
            name: "StatGuardCore",
            resources: [.copy("Resources/gbt4754_2017_industrial.csv")]
        ),
        .target(
            name: "StatGuardIngest",
            dependencies: ["StatGuardCore", "CLibCSV"]
        ),
        // The only Yams importer: pipeline files.
        .target(
            name: "StatGuardConfig",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardRules", .product(name: "Yams", package: "Yams")]
        ),
        // The check catalog: C*, U*, O*, N*, G* over a period and its history.
        .target(
            name: "StatGuardChecks",
            dependencies: ["StatGuardCore", "StatGuardIngest"]
        ),
        // Statisticians' own rules: a small expression language, compiled once, evaluated over columns.
        .target(
            name: "StatGuardRules",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardChecks"]
        ),
        // The only GRDB importer: the embedded SQLite store with history.
        .target(
            name: "StatGuardStore",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardChecks", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Measures: totals, growth, shares, rates. They never judge.
        .target(
            name: "StatGuardSummaries",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardChecks"]
        ),
        // Renderers: CSV and Markdown outputs of a period.
        .target(
            name: "StatGuardReports",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardChecks", "StatGuardStore", "StatGuardSummaries"]
        ),
        // The monthly job: wires the stages for one period.
        .target(
            name: "StatGuardJob",
            dependencies: [
                "StatGuardCore", "StatGuardIngest", "StatGuardConfig", "StatGuardChecks", "StatGuardRules",
                "StatGuardStore", "StatGuardSummaries", "StatGuardReports",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Synthetic bureau data with labelled anomalies, and scoring alerts against the labels.
        .target(
            name: "StatGuardSample",
            dependencies: ["StatGuardCore", "StatGuardIngest"]
        ),
        .executableTarget(
            name: "StatGuardCLI",
            dependencies: [
                "StatGuardCore", "StatGuardIngest", "StatGuardConfig", "StatGuardChecks", "StatGuardStore",
                "StatGuardReports", "StatGuardJob", "StatGuardSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer target for the ingest (scripts/fuzz.sh ingest); built normally, it replays inputs.
        .executableTarget(
            name: "StatGuardFuzzIngest",
            dependencies: ["StatGuardCore", "StatGuardIngest"]
        ),
        .target(
            name: "StatGuardTestSupport",
            dependencies: ["StatGuardCore"],
            path: "Tests/StatGuardTestSupport"
        ),
        .testTarget(
            name: "StatGuardCoreTests",
            dependencies: ["StatGuardCore", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardIngestTests",
            dependencies: ["StatGuardIngest", "StatGuardReports", "StatGuardTestSupport", "StatGuardFuzzIngest"]
        ),
        .testTarget(
            name: "StatGuardChecksTests",
            dependencies: ["StatGuardChecks", "StatGuardIngest", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardRulesTests",
            dependencies: ["StatGuardRules", "StatGuardChecks", "StatGuardConfig", "StatGuardIngest", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardConfigTests",
            dependencies: ["StatGuardConfig", "StatGuardChecks", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardStoreTests",
            dependencies: ["StatGuardStore", "StatGuardChecks", "StatGuardIngest", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardJobTests",
            dependencies: ["StatGuardJob", "StatGuardConfig", "StatGuardStore", "StatGuardChecks", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardSummariesTests",
            dependencies: ["StatGuardSummaries", "StatGuardChecks", "StatGuardIngest", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardSampleTests",
            dependencies: ["StatGuardSample", "StatGuardIngest", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardCLITests",
            dependencies: ["StatGuardTestSupport"]
        ),
    ]
)
