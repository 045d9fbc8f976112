// swift-tools-version: 6.1
// The benchmark suite: its own package, so normal builds and tests never pay for it. Benchmarks/run.sh runs
// everything and writes BENCHMARKS.md; `swift package benchmark` runs the runtime benchmarks alone.
import PackageDescription

// A path dependency's identity is the name of its folder, which differs between checkouts: read it, don't assume it.
let generatorPackage =
    Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() }
    ?? "konaplate-swift"

let package = Package(
    name: "KonaplateBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The traits bring the double served over HTTP and the AsyncHTTPClient transport (the loopback benchmarks).
        .package(path: "..", traits: ["DoubleServer", "AsyncHTTPClient"]),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // The comparison: swift-openapi-generator's CLI and the runtime its output needs.
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KonaplateAPI", package: generatorPackage),
                .product(name: "KonaplateRuntime", package: generatorPackage),
            ],
            path: "Benchmarks/RuntimeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ClientBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KonaplateAPI", package: generatorPackage),
                .product(name: "KonaplateRuntime", package: generatorPackage),
                .product(name: "KonaplateClient", package: generatorPackage),
                .product(name: "KonaplateDouble", package: generatorPackage),
                .product(name: "KonaplateDoubleServer", package: generatorPackage),
                .product(name: "KonaplateAsyncHTTPClient", package: generatorPackage),
            ],
            path: "Benchmarks/ClientBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // KonaplateClient against a swift-openapi-generator client of the same operation (ServiceInfoList), generated
        // by swift-openapi-generator's build plugin from openapi.json (Benchmarks/client-comparison.sh writes it from
        // our OpenAPI export), alternating in one process.
        .executableTarget(
            name: "ClientComparison",
            dependencies: [
                .product(name: "KonaplateAPI", package: generatorPackage),
                .product(name: "KonaplateRuntime", package: generatorPackage),
                .product(name: "KonaplateClient", package: generatorPackage),
                .product(name: "KonaplateDouble", package: generatorPackage),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/ClientComparison",
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The hostile-server measurements of Benchmarks/hostile-server.sh (slow faults, memory, load): a plain
        // executable, one process per scenario. FaultServer.swift and LoopbackSocket.swift are symbolic links to the
        // tests' own (Tests/KonaplateAPITestSupport), so the tests and the script run the same server.
        .executableTarget(
            name: "HostileServer",
            dependencies: [
                .product(name: "KonaplateAPI", package: generatorPackage),
                .product(name: "KonaplateRuntime", package: generatorPackage),
                .product(name: "KonaplateClient", package: generatorPackage),
                .product(name: "KonaplateDouble", package: generatorPackage),
                .product(name: "KonaplateDoubleServer", package: generatorPackage),
                .product(name: "KonaplateAsyncHTTPClient", package: generatorPackage),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "MallocInUse",
            ],
            path: "Benchmarks/HostileServer"
        ),
        // malloc's live heap for HostileServer's load rounds (glibc's mallinfo2, which Swift's Glibc module lacks).
        .target(name: "MallocInUse", path: "Benchmarks/MallocInUse"),
    ]
)
