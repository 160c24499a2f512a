// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClinicSync",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clinicsync", targets: ["clinicsync"]),
        .library(name: "BillingModel", targets: ["BillingModel"]),
        .library(name: "ClinicStore", targets: ["ClinicStore"]),
        .library(name: "SyncModel", targets: ["SyncModel"]),
        .library(name: "SyncWire", targets: ["SyncWire"]),
        .library(name: "SyncEngine", targets: ["SyncEngine"]),
        .library(name: "CentralServer", targets: ["CentralServer"]),
        .library(name: "CentralPostgres", targets: ["CentralPostgres"]),
        .library(name: "ClaimExport", targets: ["ClaimExport"]),
        .library(name: "PayerFiles", targets: ["PayerFiles"]),
        .executable(name: "clinicsync-bench", targets: ["ClinicSyncBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Imported directly by SyncEngine and CentralServer (also reached through Hummingbird and
        // AsyncHTTPClient): declared, not borrowed.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "BillingModel"),
        .target(name: "SyncModel", dependencies: ["BillingModel"]),
        // The wire: the fast JSON codec (one scanner for WireJSON and FlatJSON), gzip, header names, protocol version.
        .target(name: "SyncWire", dependencies: ["SyncModel", "CZlib"]),
        .target(
            name: "ClinicStore",
            dependencies: [
                "BillingModel", "SyncModel", "SyncWire", "ClaimExport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "SyncEngine",
            dependencies: [
                "ClinicStore", "SyncWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CentralServer",
            dependencies: [
                "SyncEngine", "SyncWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "CentralPostgres",
            dependencies: [
                "CentralServer", "ClinicStore", "SyncModel", "SyncWire", "ClaimExport", "BillingModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ClaimExport", dependencies: ["BillingModel"]),
        // What comes back from payers (DESIGN §10): the one X12 reader, 835 / 999 / 277CA as values,
        // the code lists and the claim money rules. Pure: no store, no I/O but its bundled lists.
        .target(name: "PayerFiles", dependencies: ["BillingModel"], resources: [.process("Resources")]),
        .target(
            name: "Demo",
            dependencies: [
                "ClinicStore", "SyncEngine", "CentralServer", "BillingModel", "SyncModel",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What the command line shares that is worth testing alone: exit codes, progress lines,
        // terminal-safe text, the manual page and the version report.
        .target(
            name: "CommandSupport",
            dependencies: ["ClinicStore", "SyncEngine", "SyncModel", "CentralServer", "CentralPostgres", "ClaimExport"]
        ),
        // `clinicsync doctor`: pure checks over gathered facts, and the gathering at the edge.
        .target(
            name: "Doctor",
            dependencies: [
                "CommandSupport", "ClinicStore", "SyncEngine", "SyncModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "clinicsync",
            dependencies: [
                "BillingModel", "ClinicStore", "SyncEngine", "SyncModel", "CentralServer", "CentralPostgres", "ClaimExport",
                "Demo", "CommandSupport", "Doctor",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .systemLibrary(name: "CSQLiteSession", path: "Benchmarks/CSQLiteSession", providers: [.apt(["libsqlite3-dev"])]),
        .executableTarget(
            name: "ClinicSyncBench",
            dependencies: [
                "ClinicStore", "SyncEngine", "SyncModel", "SyncWire", "BillingModel", "CentralServer", "CentralPostgres", "Demo",
                "CSQLiteSession",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/ClinicSyncBench"
        ),
        // Runs the built `clinicsync` binary for the tests that drive it as a user or an operator would.
        .target(name: "CLITesting", path: "Tests/CLITesting"),
        .testTarget(name: "BillingModelTests", dependencies: ["BillingModel", "CLITesting"]),
        .testTarget(name: "SyncModelTests", dependencies: ["SyncModel", "BillingModel"]),
        .testTarget(name: "SyncWireTests", dependencies: ["SyncWire", "SyncModel", "CLITesting"]),
        .testTarget(name: "ClinicStoreTests", dependencies: ["ClinicStore", "BillingModel", "CLITesting", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ClaimExportTests", dependencies: ["ClaimExport", "BillingModel", "CLITesting"], exclude: ["Fixtures"]),
        .testTarget(name: "PayerFilesTests", dependencies: ["PayerFiles", "BillingModel", "CLITesting"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["clinicsync", "CLITesting"]),
        .testTarget(name: "SyncEngineTests", dependencies: ["SyncEngine"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Demo", "ClinicStore", "SyncEngine", "SyncModel", "BillingModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CentralPostgresTests",
            dependencies: [
                "clinicsync", "CLITesting", "CentralPostgres", "CentralServer", "ClinicStore", "SyncEngine", "SyncModel", "BillingModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "ChaosTests",
            dependencies: [
                "clinicsync", "CLITesting", "ClinicStore", "SyncModel", "SyncWire", "BillingModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "CentralServerTests",
            dependencies: [
                "CentralServer", "ClinicStore", "SyncModel", "SyncWire", "BillingModel", "CLITesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Issue 24's pure parts: exit codes, progress, terminal text, manual page; doctor's checks.
        .testTarget(name: "CommandSupportTests", dependencies: ["CommandSupport", "ClinicStore", "SyncEngine", "SyncModel"]),
        .testTarget(name: "DoctorTests", dependencies: ["Doctor", "CommandSupport"]),
    ]
)
