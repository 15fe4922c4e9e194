// swift-tools-version: 6.1
// Parley: a knowledge-graph store for diplomatic readouts, on LMDB.
// The module layout, and what each module may import, is in ARCHITECTURE.md.
import PackageDescription

/// How the release `parley` executable is linked on Linux, for start-up time (issue 14: every
/// `parley query` paid ~12 ms before doing anything, most of it in the dynamic loader).
/// - `-static-stdlib`: the Swift runtime, Foundation and ICU go into the binary instead of ~20
///   shared libraries the loader has to find, map and bind symbol by symbol.
/// - `-no-pie`: a fixed-address executable has no relative relocations to apply at start (a
///   static PIE had ~114,000, each touching a page of the 130 MB binary).
/// - `--no-export-dynamic`: the toolchain's static-stdlib arguments export every symbol; the
///   runtime's start-up `dladdr` then walks a 28,000-entry symbol table. Nothing looks our
///   symbols up by name (a fully static Swift executable exports none either).
/// - the `-l` flags: the static archives Foundation needs that the objects' autolink entries
///   only name when compiled against the static resource directory (SwiftPM compiles them
///   against the shared one; linking alone is what changes here).
/// Release only: debug builds and the test bundles (which load the dynamic Swift Testing
/// runtime) keep the shared libraries. LMDB, libedit, zlib and the C/C++ runtimes stay shared.
let releaseExecutableLinkerFlags = [
    "-static-stdlib",
    "-Xclang-linker", "-no-pie",
    "-Xlinker", "--no-export-dynamic",
    "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lstdc++", "-lm",
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyRDF", targets: ["ParleyRDF"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // The HTTP server of `parley serve` (SwiftNIO underneath); its optional traits
        // (swift-configuration, full Foundation) are off: the server needs neither.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
    ],
    targets: [
        // C libraries from Debian, reached through module maps.
        .systemLibrary(name: "CLMDB", providers: [.apt(["liblmdb-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CEditLine", providers: [.apt(["libedit-dev"])]),

        .target(name: "ParleyLMDB", dependencies: ["CLMDB"]),
        .target(name: "ParleyRDF", dependencies: ["CZlib"]),
        .target(name: "ParleyStore", dependencies: ["ParleyLMDB", "ParleyRDF"]),
        .target(name: "ParleySPARQL", dependencies: ["ParleyRDF"]),
        .target(
            name: "ParleyQuery",
            dependencies: [
                "ParleySPARQL", "ParleyStore", "ParleyRDF",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "ParleyExtraction", dependencies: ["ParleyRDF"]),
        .target(
            name: "ParleyOperations",
            dependencies: ["ParleyQuery", "ParleySPARQL", "ParleyStore", "ParleyRDF", "ParleyExtraction"]),
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyWeb", "ParleyOperations", "ParleyQuery", "ParleySPARQL", "ParleyStore", "ParleyRDF",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "ParleyShell",
            dependencies: ["ParleyOperations", "ParleyQuery", "ParleySPARQL", "ParleyStore", "ParleyRDF", "ParleyExtraction", "CEditLine"]),
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyShell", "ParleyServer", "ParleyOperations", "ParleyExtraction", "ParleyQuery", "ParleySPARQL", "ParleyStore", "ParleyRDF",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(releaseExecutableLinkerFlags, .when(platforms: [.linux], configuration: .release))]),
        // The page at `/`, entity pages and pictures: routes the server mounts.
        .target(
            name: "ParleyWeb",
            dependencies: [
                "ParleyOperations", "ParleyQuery", "ParleyStore", "ParleyRDF",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),

        .target(
            name: "ParleyTestSupport",
            dependencies: ["ParleyStore", "ParleySPARQL", "ParleyRDF"],
            path: "Tests/ParleyTestSupport"),
        .testTarget(name: "ParleyLMDBTests", dependencies: ["ParleyLMDB", "ParleyTestSupport"]),
        .testTarget(name: "ParleyRDFTests", dependencies: ["ParleyRDF", "ParleyTestSupport"]),
        // ParleyLMDB only where a test opens an environment directly (to damage a store on purpose).
        .testTarget(name: "ParleyStoreTests", dependencies: ["ParleyStore", "ParleyLMDB", "ParleyTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ParleySPARQLTests", dependencies: ["ParleySPARQL", "ParleyTestSupport"]),
        .testTarget(
            name: "ParleyExtractionTests", dependencies: ["ParleyExtraction", "ParleyTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ParleyOperationsTests",
            dependencies: ["ParleyOperations", "ParleyQuery", "ParleyStore", "ParleyRDF", "ParleyTestSupport"]),
        .testTarget(name: "ParleyShellTests", dependencies: ["ParleyShell", "ParleyOperations", "parley", "ParleyTestSupport"]),
        .testTarget(name: "ParleyQueryTests", dependencies: ["ParleyQuery", "ParleySPARQL", "ParleyStore", "ParleyTestSupport"]),
        .testTarget(
            name: "ParleyConformanceTests",
            dependencies: ["ParleyRDF", "ParleyStore", "ParleySPARQL", "ParleyQuery", "ParleyTestSupport"]),
        .testTarget(name: "ParleyEndToEndTests", dependencies: ["parley", "ParleySPARQL", "ParleyRDF", "ParleyTestSupport"]),
        .testTarget(name: "ParleyCLITests", dependencies: ["parley", "ParleyRDF", "ParleyTestSupport"]),
        .testTarget(
            name: "ParleyServerTests", dependencies: ["parley", "ParleyRDF", "ParleyTestSupport"],
            exclude: ["Clients"]),
        .testTarget(name: "ParleyReliabilityTests", dependencies: ["parley", "ParleyStore", "ParleyLMDB", "ParleyQuery", "ParleySPARQL", "ParleyRDF", "ParleyTestSupport"]),

        .testTarget(
            name: "ParleyWebTests",
            dependencies: [
                // Not HummingbirdTesting: it brings AsyncHTTPClient and BoringSSL to build. The
                // routes are tested through WebSite, the real server through the browser test.
                "ParleyWeb", "ParleyOperations", "ParleyStore", "ParleyRDF", "ParleyTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
