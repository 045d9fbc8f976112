import Foundation
import PackagePlugin

/// `swift package diff-konaplate-specs <base> [--specs api-specs] [--format text|markdown|json] [--allow E:R]…`
///
/// Runs `konaplate-gen diff` in the package's folder with the same arguments: the report on standard output, a
/// failure when a change breaks the wire or Swift and is not allowed. It only reads, so it needs no permission.
@main
struct DiffKonaplateSpecs: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard !arguments.isEmpty else {
            throw DiffPluginError("expected a base to compare with: a git revision (main, HEAD~1) or a folder of specs")
        }
        let process = Process()
        process.executableURL = try context.tool(named: "konaplate-gen").url
        process.arguments = ["diff"] + arguments
        // Relative folders are the package's, and the report shows paths relative to it.
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return
        case 4: throw DiffPluginError("breaking changes (see the report above)")
        case let status:
            throw DiffPluginError("konaplate-gen diff failed with exit code \(status) (see the messages above)")
        }
    }
}

struct DiffPluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
