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
        // The pure core, for tools built on it (the fuzz harness in Fuzz/, editors' integrations): the front end (specs →
        // checked API + diagnostics), the generator (→ Swift) and the OpenAPI export. No API promise before 1.0.
        .library(name: "KonaplateSpecs", targets: ["KonaplateSpecs"]),
        .library(name: "KonaplateGenerator", targets: ["KonaplateGenerator"]),
        .library(name: "KonaplateOpenAPI", targets: ["KonaplateOpenAPI"]),
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
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])
                ),
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
        // The build plugin runs konaplate-build-tool: spec → Swift only, so plugin users never compile diff, import, the
        // OpenAPI export or swift-argument-parser.
        .plugin(name: "KonaplateGeneratorPlugin", capability: .buildTool(), dependencies: ["konaplate-build-tool"]),
        .plugin(
            name: "GenerateKonaplateCode",
            capability: .command(
                intent: .custom(
                    verb: "generate-konaplate-code",
                    description:
                        "Write Generated/ from api-specs/ (the same bytes as `swift run konaplate-gen generate`)"),
                permissions: [
                    .writeToPackageDirectory(reason: "konaplate-gen writes the generated Swift files into the package")
                ]
            ),
            dependencies: ["konaplate-gen"]
        ),
        .plugin(
            name: "DiffKonaplateSpecs",
            capability: .command(
                intent: .custom(
                    verb: "diff-konaplate-specs",
                    description:
                        "Report which spec changes since a git revision or a folder break the wire or Swift callers (`konaplate-gen diff`)"
                )
            ),
            dependencies: ["konaplate-gen"]
        ),
        // The front end: specs (bytes) → the checked API and its diagnostics. Loading (YAML with every node's
        // position), checking (every semantic rule) and the naming rules checking and generating share. Pure: no
        // file system. Every stage below reads its public face and nothing else.
        .target(
            name: "KonaplateSpecs",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Quoting text for the formats the tools write (Swift literals, JSON, YAML) and a JSON writer whose bytes never
        // vary: shared by the stages after the front end, none of which may borrow another's internals.
        .target(name: "KonaplateTextFormats"),
        // The checked API → Swift source: translation into a typed Swift model, then rendering that decides nothing.
        .target(name: "KonaplateGenerator", dependencies: ["KonaplateSpecs", "KonaplateTextFormats"]),
        // Two checked spec sets → every change with a wire and a Swift verdict (reads the translated Swift model).
        .target(
            name: "KonaplateSpecDiff", dependencies: ["KonaplateSpecs", "KonaplateGenerator", "KonaplateTextFormats"]),
        // A docs page's text → a draft spec.
        .target(name: "KonaplateSpecImport", dependencies: ["KonaplateSpecs", "KonaplateTextFormats"]),
        // The checked API → one OpenAPI 3.1 document.
        .target(name: "KonaplateOpenAPI", dependencies: ["KonaplateSpecs", "KonaplateTextFormats"]),
        // The file-system side both executables share: which files of a folder are specs (SpecDiscovery, also
        // compiled into the build plugin) and writing a file atomically, only when its bytes change.
        .target(name: "KonaplateSpecFiles", dependencies: ["KonaplateSpecs"]),
        .target(
            name: "KonaplateGenCLI",
            dependencies: [
                "KonaplateSpecs", "KonaplateGenerator", "KonaplateSpecDiff", "KonaplateSpecImport", "KonaplateOpenAPI",
                "KonaplateSpecFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "konaplate-gen", dependencies: ["KonaplateGenCLI"]),
        .executableTarget(
            name: "konaplate-build-tool", dependencies: ["KonaplateSpecs", "KonaplateGenerator", "KonaplateSpecFiles"]),
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
            dependencies: [
                "IdentifierStress", "KonaplateAPI", "KonaplateRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Spec fixtures and the real header sets, for the tests of every stage after the front end.
        .target(
            name: "SpecTestSupport", dependencies: ["KonaplateSpecs", "KonaplateGenerator", "KonaplateTestSupport"],
            path: "Tests/SpecTestSupport"),
        .testTarget(
            name: "KonaplateSpecsTests",
            dependencies: ["KonaplateSpecs", "KonaplateGenerator", "KonaplateOpenAPI", "SpecTestSupport"]),
        .testTarget(
            name: "KonaplateGeneratorTests",
            dependencies: ["KonaplateSpecs", "KonaplateGenerator", "SpecTestSupport", "KonaplateTestSupport"]),
        .testTarget(
            name: "KonaplateSpecDiffTests",
            dependencies: [
                "KonaplateSpecs", "KonaplateGenerator", "KonaplateSpecDiff", "SpecTestSupport", "KonaplateTestSupport",
            ]),
        .testTarget(
            name: "KonaplateSpecImportTests",
            dependencies: ["KonaplateSpecs", "KonaplateSpecImport", "KonaplateGenerator", "SpecTestSupport"]),
        .testTarget(
            name: "KonaplateOpenAPITests",
            dependencies: ["KonaplateSpecs", "KonaplateOpenAPI", "KonaplateTextFormats", "SpecTestSupport"]),
        .testTarget(
            name: "KonaplateGenCLITests",
            dependencies: [
                "KonaplateGenCLI", "KonaplateSpecs", "KonaplateGenerator", "KonaplateSpecFiles", "KonaplateSpecDiff",
                "KonaplateTestSupport",
            ]),
        .testTarget(
            name: "KonaplateRuntimeTests",
            dependencies: [
                "KonaplateRuntime", "KonaplateTestSupport",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The whole API's samples (from the specs) and a double with its client, for the API and loopback tests.
        .target(
            name: "KonaplateAPITestSupport",
            dependencies: [
                "KonaplateAPI", "KonaplateRuntime", "KonaplateClient", "KonaplateSpecs", "KonaplateGenerator",
                "KonaplateOpenAPI",
                "KonaplateTestSupport",
                "KonaplateDouble",
                // The hostile-server corpus logs through the client's logging middleware, to check it leaks nothing.
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/KonaplateAPITestSupport"
        ),
        .testTarget(
            name: "KonaplateAPITests",
            dependencies: [
                "KonaplateAPI", "KonaplateRuntime", "KonaplateClient", "KonaplateSpecs", "KonaplateGenerator",
                "KonaplateOpenAPI",
                "KonaplateTestSupport",
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
