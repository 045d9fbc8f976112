// swift-tools-version: 6.2
// libFuzzer harness for the spec loader and generator. Its own package, so normal builds never compile it with
// the fuzzer's instrumentation. See Fuzz/README.md.
import PackageDescription

let generatorPackage =
    Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() }
    ?? "konaplate-swift"

let package = Package(
    name: "KonaplateFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // The Swift parser, to assert that every spec the generator accepts yields Swift that parses (here only:
        // the main package never builds swift-syntax).
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "KonaplateSpecFuzzer",
            dependencies: [
                .product(name: "KonaplateSpecs", package: generatorPackage),
                .product(name: "KonaplateGenerator", package: generatorPackage),
                .product(name: "KonaplateOpenAPI", package: generatorPackage),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
