// swift-tools-version: 6.2
// A consumer of the generator, as an app team would set it up: it depends on the repository by path, applies the
// build tool plugin to its own target, and keeps its own specs in that target's api-specs/ folder.
import PackageDescription

// A path dependency's identity is the name of the folder it points at; CI clones the repository into a folder
// with another name than a developer's checkout, so the identity is read from the path, not assumed.
let generatorPackage =
    Context.packageDirectory.split(separator: "/").dropLast(2).last.map { String($0).lowercased() }
    ?? "konaplate-swift"

let package = Package(
    name: "KonaplateConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "ConsumerDemo",
            dependencies: [
                .product(name: "KonaplateRuntime", package: generatorPackage),
                .product(name: "KonaplateClient", package: generatorPackage),
                // The demo sends to the double in process; an app would depend on it from its test target only.
                .product(name: "KonaplateDouble", package: generatorPackage),
            ],
            // api-specs/ is not excluded: SwiftPM then notices specs being added or removed and asks the plugin
            // again. (It prints once that the YAML files are "unhandled"; the plugin reads them.)
            plugins: [.plugin(name: "KonaplateGeneratorPlugin", package: generatorPackage)]
        )
    ]
)
