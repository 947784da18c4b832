// swift-tools-version: 6.0
import PackageDescription

/// StatGuard: the monthly load job that validates China's above-size industrial
/// enterprise reports. One target per pipeline stage; dependencies flow one way.
/// Core holds what every stage passes (codes, periods, the column table, findings,
/// the finding catalog's types, load records, the workflow's keys, statuses and audit entries);
/// each stage depends on Core and on no sibling but Workflow, the one service over the store:
///
///     Core ← Ingest                  (libcsv; S* rules)
///     Core ← Checks ← Rules ← Config  (the catalog; the rule language; pipeline files)
///     Core ← Store                   (GRDB)
///     Core ← Summaries
///     Core, Ingest, Store ← Workflow (cases, statuses, carry-over, audit log, triage)
///     Core ← Charts, Workbook        (SVG; libxlsxwriter)
///     Summaries, Charts, Workbook, Ingest (`check`'s file results) ← Reports
///     Config ← Notify                (chat and mail digests)
///     Core, Store ← Accounts         (workbench users; bcrypt)
///     Job, Workflow, Accounts, Reports ← Web   (`statguard serve`; Hummingbird)
///     all of the above ← Job ← CLI
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev, wrapped the way GRDB wraps SQLite.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // libxlsxwriter from Debian's libxlsxwriter-dev, wrapped the same way; only the workbook target imports it.
        .systemLibrary(
            name: "CLibXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libzstd from Debian's libzstd-dev, wrapped the same way; only the store target imports it.
        .systemLibrary(
            name: "CLibZstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // glibc's <malloc.h>, for the command line's memory policy (``MemoryPolicy``).
        .systemLibrary(name: "CGlibcMalloc"),
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
            dependencies: ["StatGuardCore", "StatGuardRules", .product(name: "Yams", package: "Yams")]
        ),
        // The check catalog: C*, U*, O*, N*, G* over a period and its history.
        .target(
            name: "StatGuardChecks",
            dependencies: ["StatGuardCore"]
        ),
        // Statisticians' own rules: a small expression language, compiled once, evaluated over columns.
        .target(
            name: "StatGuardRules",
            dependencies: ["StatGuardCore", "StatGuardChecks"]
        ),
        // The only GRDB importer: the embedded SQLite store with history.
        .target(
            name: "StatGuardStore",
            dependencies: ["StatGuardCore", "CLibZstd", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The verification workflow every front end calls: alert keys' statuses carried across
        // periods, the append-only audit log, triage decisions and imports, revisions, cases.
        .target(
            name: "StatGuardWorkflow",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardStore"]
        ),
        // Workbench accounts in the store: roles bounded by a region, bcrypt hashes, login checks.
        .target(
            name: "StatGuardAccounts",
            dependencies: ["StatGuardCore", "StatGuardStore", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")]
        ),
        // Measures: totals, growth, shares, rates. They never judge.
        .target(
            name: "StatGuardSummaries",
            dependencies: ["StatGuardCore"]
        ),
        // Server-side SVG charts as values: line and horizontal bar charts, shared by the reports and the web workbench.
        .target(
            name: "StatGuardCharts",
            dependencies: ["StatGuardCore"]
        ),
        // .xlsx workbooks as values (sheets of typed cells), byte-stable; the only CLibXLSXWriter importer.
        .target(
            name: "StatGuardWorkbook",
            dependencies: ["StatGuardCore", "CLibXLSXWriter"]
        ),
        // Renderers: CSV, Markdown, workbook and chart outputs of a period.
        .target(
            name: "StatGuardReports",
            dependencies: [
                "StatGuardCore", "StatGuardIngest", "StatGuardSummaries",
                "StatGuardCharts", "StatGuardWorkbook",
            ]
        ),
        // The monthly job: wires the stages for one period.
        .target(
            name: "StatGuardJob",
            dependencies: [
                "StatGuardCore", "StatGuardIngest", "StatGuardConfig", "StatGuardChecks", "StatGuardRules",
                "StatGuardStore", "StatGuardSummaries", "StatGuardReports", "StatGuardNotify", "StatGuardWorkflow",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Digests pushed to the statisticians' group chats (WeCom, DingTalk, Feishu) and mail, after the store commit.
        .target(
            name: "StatGuardNotify",
            dependencies: ["StatGuardCore", "StatGuardConfig", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // `statguard serve`: the statisticians' workbench (Hummingbird), pages and a JSON API over the
        // store, every answer bounded by the user's region; another renderer of the same findings.
        .target(
            name: "StatGuardWeb",
            dependencies: [
                "StatGuardCore", "StatGuardStore", "StatGuardWorkflow", "StatGuardAccounts", "StatGuardSummaries",
                "StatGuardCharts", "StatGuardReports", "StatGuardJob", "StatGuardConfig",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
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
                "StatGuardReports", "StatGuardJob", "StatGuardSample", "StatGuardWorkflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                "StatGuardNotify", "StatGuardAccounts", "StatGuardWeb", "CGlibcMalloc",
            ]
        ),
        // libFuzzer target for the rule language (-sanitize=fuzzer -DFUZZING); otherwise it replays input files.
        .executableTarget(
            name: "StatGuardFuzzRules",
            dependencies: ["StatGuardCore", "StatGuardIngest", "StatGuardChecks", "StatGuardRules"]
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
            dependencies: ["StatGuardChecks", "StatGuardIngest", "StatGuardReports", "StatGuardTestSupport"]
        ),
        .testTarget(
            name: "StatGuardRulesTests",
            dependencies: [
                "StatGuardRules", "StatGuardChecks", "StatGuardConfig", "StatGuardIngest", "StatGuardReports", "StatGuardTestSupport",
            ]
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
            dependencies: [
                "StatGuardJob", "StatGuardConfig", "StatGuardStore", "StatGuardChecks", "StatGuardTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "StatGuardWorkflowTests",
            dependencies: [
                "StatGuardWorkflow", "StatGuardStore", "StatGuardCore", "StatGuardTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
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
            name: "StatGuardReportsTests",
            dependencies: ["StatGuardReports", "StatGuardChecks", "StatGuardStore", "StatGuardCore", "StatGuardTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "StatGuardRenderTests",
            dependencies: [
                "StatGuardCharts", "StatGuardWorkbook", "StatGuardReports", "StatGuardSummaries", "StatGuardCore",
                "StatGuardTestSupport",
            ],
            exclude: ["Golden", "check_xlsx.py"]
        ),
        .testTarget(
            name: "StatGuardNotifyTests",
            dependencies: ["StatGuardNotify", "StatGuardConfig", "StatGuardCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "StatGuardWebTests",
            dependencies: [
                "StatGuardWeb", "StatGuardAccounts", "StatGuardStore", "StatGuardCore", "StatGuardTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "StatGuardCLITests",
            dependencies: ["StatGuardTestSupport"]
        ),
    ]
)
