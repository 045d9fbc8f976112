// swift-tools-version: 6.2
//
// Layout (one job per target):
//   KonaplateGenerator  pure core: spec bytes in → Swift source bytes + diagnostics out (no file system)
//   KonaplateGenCLI     the commands (generate, check, lint, diff, import, openapi) and the file-system side:
//                       reading specs (from a folder or a git revision), atomic writes, stale-file removal,
//                       unified diffs
//   konaplate-gen       the executable: a two-line entry point into KonaplateGenCLI
//   KonaplateRuntime    what generated code imports: validation, endpoint protocol, header primitives, signing
//   KonaplateClient     sends requests: KonaplateClient, the URLSession transport, middlewares
//   KonaplateDouble     the test double (in process); KonaplateDoubleServer and KonaplateAsyncHTTPClient behind traits
//   KonaplateAPI        the models generated from api-specs/ by the build tool plugin (Generated/ is the
//                       committed copy for review)
//   Plugins/            KonaplateGeneratorPlugin (build tool), GenerateKonaplateCode and DiffKonaplateSpecs
//                       (commands): thin wrappers that call konaplate-gen
import PackageDescription

let package = Package(
    name: "konaplate-swift",
    // Swift 6.2 or later (the tools version above). Linux: any distribution the Swift toolchain supports. Apple
    // platforms: the releases whose standard library has Int128, which exact 19-digit ids and their ranges need.
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .executable(name: "konaplate-gen", targets: ["konaplate-gen"]),
        .library(name: "KonaplateRuntime", targets: ["KonaplateRuntime"]),
        .library(name: "KonaplateAPI", targets: ["KonaplateAPI"]),
        // Sends requests: KonaplateClient, transports, middlewares (a separate product: the models do not need it).
        .library(name: "KonaplateClient", targets: ["KonaplateClient"]),
        // A test double that answers any generated endpoint in process, checking every request as the server would.
        .library(name: "KonaplateDouble", targets: ["KonaplateDouble"]),
        // Behind traits, so that a package using only the models never resolves or builds SwiftNIO:
        // the double served over HTTP (trait DoubleServer), a transport on AsyncHTTPClient (trait AsyncHTTPClient).
        .library(name: "KonaplateDoubleServer", targets: ["KonaplateDoubleServer"]),
        .library(name: "KonaplateAsyncHTTPClient", targets: ["KonaplateAsyncHTTPClient"]),
        // The pure core, for tools built on it (the fuzz harness in Fuzz/, editors' integrations).
        .library(name: "KonaplateGenerator", targets: ["KonaplateGenerator"]),
        .plugin(name: "KonaplateGeneratorPlugin", targets: ["KonaplateGeneratorPlugin"]),
        .plugin(name: "GenerateKonaplateCode", targets: ["GenerateKonaplateCode"]),
        .plugin(name: "DiffKonaplateSpecs", targets: ["DiffKonaplateSpecs"]),
    ],
    traits: [
        .trait(name: "DoubleServer", description: "KonaplateDoubleServer: the test double over HTTP, on SwiftNIO"),
        .trait(name: "AsyncHTTPClient", description: "KonaplateAsyncHTTPClient: a transport on AsyncHTTPClient"),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
    ],
    targets: [
        .target(
            name: "KonaplateRuntime",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA-OAEP for JWE key wrapping (swift-crypto's extras; AES-GCM is in Crypto).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The client, its own target so that a package using only the models builds neither its transport's
        // Foundation networking glue nor swift-log (measured: BENCHMARKS.md, "The client and the double").
        .target(
            name: "KonaplateClient",
            dependencies: [
                "KonaplateRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // URLSession with HTTPTypes (FoundationNetworking on Linux), for the default transport.
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                // The logging middleware: light, and what every Swift server logs through.
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KonaplateDouble",
            dependencies: [
                "KonaplateRuntime", "KonaplateClient",
                // KonaplateDoubleKeys makes throwaway RSA key pairs.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KonaplateDoubleServer",
            dependencies: [
                "KonaplateDouble", "KonaplateRuntime", "KonaplateClient",
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["DoubleServer"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["DoubleServer"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["DoubleServer"])),
            ]
        ),
        .target(
            name: "KonaplateAsyncHTTPClient",
            dependencies: [
                "KonaplateRuntime", "KonaplateClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
            ]
        ),
        // Built through the build tool plugin from api-specs/, which the target sees through the symlink
        // Sources/KonaplateAPI/api-specs: inside the target, SwiftPM notices specs being added or removed.
        .target(
            name: "KonaplateAPI",
            dependencies: ["KonaplateRuntime"],
            plugins: ["KonaplateGeneratorPlugin"]
        ),
        .plugin(name: "KonaplateGeneratorPlugin", capability: .buildTool(), dependencies: ["konaplate-gen"]),
        .plugin(
            name: "GenerateKonaplateCode",
            capability: .command(
                intent: .custom(
                    verb: "generate-konaplate-code",
                    description: "Write Generated/ from api-specs/ (the same bytes as `swift run konaplate-gen generate`)"),
                permissions: [.writeToPackageDirectory(reason: "konaplate-gen writes the generated Swift files into the package")]
            ),
            dependencies: ["konaplate-gen"]
        ),
        .plugin(
            name: "DiffKonaplateSpecs",
            capability: .command(
                intent: .custom(
                    verb: "diff-konaplate-specs",
                    description: "Report which spec changes since a git revision or a folder break the wire or Swift callers (`konaplate-gen diff`)")
            ),
            dependencies: ["konaplate-gen"]
        ),
        .target(
            name: "KonaplateGenerator",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "KonaplateGenCLI",
            dependencies: [
                "KonaplateGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "konaplate-gen", dependencies: ["KonaplateGenCLI"]),
        // Builds Generated/ again under default MainActor isolation (see its README).
        .target(
            name: "MainActorIsolationCheck",
            dependencies: ["KonaplateRuntime"],
            path: "Tests/MainActorIsolationCheck",
            exclude: ["README.md", "Generated/README.md"],
            swiftSettings: [.defaultIsolation(MainActor.self)]
        ),
        // Every awkward name and text, generated by the build plugin and compiled (see its IdentifierStress.swift).
        .target(
            name: "IdentifierStress",
            dependencies: ["KonaplateRuntime"],
            path: "Tests/IdentifierStress",
            plugins: ["KonaplateGeneratorPlugin"]
        ),
        .target(name: "KonaplateTestSupport", path: "Tests/KonaplateTestSupport"),
        .testTarget(
            name: "IdentifierStressTests",
            dependencies: ["IdentifierStress", "KonaplateRuntime", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .testTarget(name: "KonaplateGeneratorTests", dependencies: ["KonaplateGenerator", "KonaplateTestSupport"]),
        .testTarget(name: "KonaplateGenCLITests", dependencies: ["KonaplateGenCLI", "KonaplateTestSupport"]),
        .testTarget(
            name: "KonaplateRuntimeTests",
            dependencies: [
                "KonaplateRuntime", "KonaplateGenerator", "KonaplateTestSupport",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The whole API's samples (from the specs) and a double with its client, for the API and loopback tests.
        .target(
            name: "KonaplateAPITestSupport",
            dependencies: [
                "KonaplateAPI", "KonaplateRuntime", "KonaplateClient", "KonaplateGenerator", "KonaplateTestSupport",
                "KonaplateDouble",
                // The hostile-server corpus logs through the client's logging middleware, to check it leaks nothing.
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/KonaplateAPITestSupport"
        ),
        .testTarget(
            name: "KonaplateAPITests",
            dependencies: [
                "KonaplateAPI", "KonaplateRuntime", "KonaplateClient", "KonaplateGenerator", "KonaplateTestSupport",
                "KonaplateDouble", "KonaplateAPITestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Over real loopback HTTP: with the DoubleServer and AsyncHTTPClient traits only (see LoopbackTests.swift).
        .testTarget(
            name: "KonaplateLoopbackTests",
            dependencies: [
                "KonaplateAPI", "KonaplateRuntime", "KonaplateClient", "KonaplateDouble", "KonaplateAPITestSupport",
                "KonaplateDoubleServer", "KonaplateAsyncHTTPClient",
            ]
        ),
    ]
)
