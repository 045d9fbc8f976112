// swift-tools-version: 6.2
// The floor of what SwiftPM costs around a build tool plugin: this repository's KonaplateGeneratorPlugin (the same
// source, through a symlink) with a one-file tool that reads no YAML and writes a trivial file per spec, and an empty
// runtime. Benchmarks/plugin_builds.py runs the same scenarios against it as against the real package, so the
// difference is what the real tool, its dependencies and the generated code add (BENCHMARKS.md, "Build plugin").
import PackageDescription

let package = Package(
    name: "PluginFloor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KonaplateRuntime", targets: ["KonaplateRuntime"]),
        .plugin(name: "KonaplateGeneratorPlugin", targets: ["KonaplateGeneratorPlugin"]),
    ],
    targets: [
        .target(name: "KonaplateRuntime"),
        .plugin(name: "KonaplateGeneratorPlugin", capability: .buildTool(), dependencies: ["konaplate-build-tool"]),
        .executableTarget(name: "konaplate-build-tool"),
    ]
)
