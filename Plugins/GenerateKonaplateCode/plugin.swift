import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-konaplate-code [--specs api-specs] [--output Generated]`
///
/// Writes the generated folder with exactly the bytes `swift run konaplate-gen generate` writes: it runs the same
/// executable. Without the permission flag SwiftPM refuses and names the flag.
@main
struct GenerateKonaplateCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let specs = extractor.extractOption(named: "specs").last ?? "api-specs"
        let output = extractor.extractOption(named: "output").last ?? "Generated"
        guard extractor.remainingArguments.isEmpty else {
            throw PluginError(
                "unknown arguments \(extractor.remainingArguments); expected [--specs FOLDER] [--output FOLDER]")
        }
        let tool = try context.tool(named: "konaplate-gen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate", "--specs", specs, "--output", output]
        // Relative folders are the package's, and diagnostics show paths relative to it.
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PluginError(
                "konaplate-gen generate failed with exit code \(process.terminationStatus) (see the diagnostics above)")
        }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
