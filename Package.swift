// swift-tools-version: 6.2
import PackageDescription

/// Every target of ours is Swift 6 language mode with warnings treated as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]
/// The numeric loops (the sentence model's forward pass, the understanding model's fit over ~1,600 examples) are
/// optimised in debug builds too: unoptimised they made a debug `serve` take about a minute to start, and the tests
/// that load the model as long.
let numeric: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Concierge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "concierge", targets: ["concierge"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already Hummingbird's: named for the web's connection timeouts (a channel handler of our own).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // Tests only: recorded page snapshots (its SnapshotTesting product needs no swift-syntax; only the unused
        // InlineSnapshotTesting does).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // Pure modules: no C, no I/O.
        .target(name: "Geo", swiftSettings: strict),
        .target(name: "Retrieval", swiftSettings: strict),
        .target(name: "PIIMasking", swiftSettings: strict),
        // The one seeded generator (SplitMix64) behind every reproducible draw: demo data, corpora, benchmarks.
        .target(name: "SeededRandom", swiftSettings: strict),
        // The analyst side's arithmetic: BTYD models (BG/NBD, Gamma-Gamma, CLV), clustering and its measures.
        .target(name: "Analytics", dependencies: ["SeededRandom"], swiftSettings: strict),
        // Labelled corpora, scorers and benchmarks for the pure modules: only the tests and concierge-bench use them.
        .target(name: "PIIMaskingEval", dependencies: ["PIIMasking", "SeededRandom"], swiftSettings: strict),
        .target(
            name: "RetrievalEval", dependencies: ["Retrieval", "RetrievalFiles", "SeededRandom"], swiftSettings: strict
        ),
        // The domain (types and ports) and the concierge turn: understand · facts · prompt · respond · guard.
        .target(
            name: "ConciergeCore",
            dependencies: ["Geo", "Retrieval", "PIIMasking"],
            swiftSettings: numeric
        ),
        // Synthetic data (deterministic, seeded) and validated imports: what `concierge seed` writes.
        .target(name: "Seeding", dependencies: ["ConciergeCore", "Geo", "SeededRandom"], swiftSettings: strict),

        // File I/O over Retrieval: policy directories (Markdown, HTML, and PDF through Poppler's pdftotext) and
        // lexicon files.
        .target(name: "RetrievalFiles", dependencies: ["Retrieval"], swiftSettings: strict),

        // Dedicated threads for blocking C calls, shared by the adapters below.
        .target(name: "BlockingThreads", swiftSettings: strict),

        // One system-library target per C library, each used by exactly one adapter.
        .systemLibrary(name: "CCrypt", pkgConfig: "libcrypt", providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(
            name: "CMongoC",
            pkgConfig: "libmongoc-1.0",
            providers: [.apt(["libmongoc-dev", "libbson-dev"])]
        ),

        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // pkg-config `openblas` supplies Debian's include directory (…/openblas-pthread/) for cblas.h.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // C, for one load-time job: re-selects OpenBLAS's kernels when it does not recognise the CPU (see the file).
        .target(name: "CBLASCoreSelection", dependencies: ["CBLAS"]),

        // Adapters.
        .target(
            name: "CurlLLM",
            dependencies: ["BlockingThreads", "CCurl", "ConciergeCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "Bcrypt", dependencies: ["BlockingThreads", "CCrypt", "ConciergeCore"], swiftSettings: strict),
        // all-MiniLM-L6-v2 run in process: safetensors, WordPiece, the BERT forward pass over OpenBLAS.
        .target(
            name: "SentenceEmbedding",
            dependencies: ["BlockingThreads", "CBLAS", "CBLASCoreSelection", "ConciergeCore"],
            swiftSettings: numeric
        ),
        .target(
            name: "SQLiteStore",
            dependencies: ["ConciergeCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "MongoStore",
            dependencies: ["BlockingThreads", "CMongoC", "ConciergeCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),

        // The web: typed page models rendered with Mustache, then Hummingbird routes over the core's ports.
        .target(
            name: "ConciergeViews",
            // Analytics: the analyst pages render its segment snapshots, insights and customer rows.
            dependencies: ["Analytics", "ConciergeCore", "PIIMasking", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        .target(
            name: "ConciergeWeb",
            dependencies: [
                // Analytics (pure): the types of the analyst desk port behind `/admin`.
                "Analytics", "ConciergeCore", "ConciergeViews", "Geo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Composition root (configuration, store selection, seeding runs) and the thin executable.
        .target(
            name: "ConciergeApp",
            dependencies: [
                "BlockingThreads", "ConciergeCore", "ConciergeViews", "ConciergeWeb", "SQLiteStore", "MongoStore",
                "Bcrypt", "CurlLLM", "PIIMasking", "RetrievalFiles", "Seeding", "SentenceEmbedding", "Analytics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // The analyst side's keyed pseudonyms (HMAC-SHA256).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "concierge-bench",
            dependencies: [
                "Analytics", "ConciergeApp", "ConciergeCore", "PIIMaskingEval", "Retrieval", "RetrievalEval",
                "RetrievalFiles", "Geo", "SeededRandom", "Seeding", "SentenceEmbedding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "concierge",
            dependencies: [
                // Every module it imports is named here, so an incremental build recompiles it when they change.
                "Analytics", "ConciergeApp", "ConciergeCore", "Bcrypt", "Retrieval", "RetrievalFiles", "Geo", "Seeding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),

        // Tests (Swift Testing only: see STACK-NOTES on the closing line of `swift test`).
        .target(
            name: "TestSupport",
            dependencies: [
                "ConciergeApp", "ConciergeCore", "Retrieval", "Seeding", "SQLiteStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            exclude: ["LlamaServer"],  // the real LLM server's Python launcher (LlamaServer.swift starts it)
            swiftSettings: strict
        ),
        .testTarget(name: "GeoTests", dependencies: ["Geo", "SeededRandom"], swiftSettings: strict),
        .testTarget(
            name: "AnalyticsTests", dependencies: ["Analytics", "SeededRandom"], exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"], swiftSettings: strict),
        // Not on TestSupport (it links the whole app): finds the repository root from #filePath itself.
        .testTarget(
            name: "SentenceEmbeddingTests",
            dependencies: ["SentenceEmbedding"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RetrievalTests",
            dependencies: ["Retrieval", "RetrievalEval", "RetrievalFiles"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RetrievalFilesTests",
            dependencies: ["Retrieval", "RetrievalFiles"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PIIMaskingTests",
            dependencies: ["PIIMasking", "PIIMaskingEval", "SeededRandom"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeCoreTests",
            dependencies: ["ConciergeCore", "SeededRandom", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SeedingTests", dependencies: ["ConciergeCore", "Seeding", "SeededRandom", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreContractTests",
            dependencies: [
                "Analytics", "ConciergeApp", "ConciergeCore", "Retrieval", "Seeding", "SQLiteStore", "MongoStore",
                "TestSupport",
            ],
            exclude: ["MongoPeer"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LLMClientTests",
            dependencies: ["ConciergeCore", "CurlLLM", "SeededRandom", "TestSupport"],
            exclude: ["FakeLLMServer"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ChatServiceTests",
            dependencies: [
                "ConciergeApp", "ConciergeCore", "CurlLLM", "Geo", "PIIMasking", "SeededRandom", "SentenceEmbedding", "SQLiteStore", "TestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeWebTests",
            dependencies: [
                "Analytics", "ConciergeWeb", "ConciergeViews", "ConciergeApp", "ConciergeCore", "SQLiteStore", "Bcrypt",
                "Retrieval", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeAppTests",
            dependencies: [
                "Analytics", "ConciergeApp", "ConciergeWeb", "Bcrypt", "Retrieval", "RetrievalFiles", "Seeding",
                "SentenceEmbedding", "SQLiteStore", "TestSupport",
            ],
            swiftSettings: strict
        ),
    ]
)
