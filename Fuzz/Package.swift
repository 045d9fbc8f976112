// swift-tools-version: 6.2
// libFuzzer harness for the spec loader and generator. Its own package, so normal builds never compile it with
// the fuzzer's instrumentation. See Fuzz/README.md.
import PackageDescription

let generatorPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() }
    ?? "konaplate-swift"

let package = Package(
    name: "KonaplateFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "KonaplateSpecFuzzer",
            dependencies: [.product(name: "KonaplateGenerator", package: generatorPackage)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
