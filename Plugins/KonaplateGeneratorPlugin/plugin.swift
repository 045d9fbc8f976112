import Foundation
import PackagePlugin

/// Generates a target's Swift models from Konaplate specs on every build, incrementally.
///
/// Thin by design: it finds the specs, derives each output file's name from the spec's path (no YAML read here),
/// and declares one build command that runs `konaplate-build-tool` on the whole specs folder. One command, not one
/// per spec: SwiftPM reruns plugin commands in situations of its own (an environment change, a new source file in
/// the target, the tool relinked), and each rerun then costs one process generating every spec in a fraction of a
/// second instead of one process per spec (BENCHMARKS.md, "Build plugin"). The tool writes a file only when its
/// bytes change, so an edit to one spec recompiles one Swift file, and a rerun that changes nothing recompiles none.
///
/// Where the specs are: the folder named by `konaplate-generator.json` in the target (`{"specs": "../../api-specs"}`,
/// relative to the target's folder), or else the target's own `api-specs` folder.
@main
struct KonaplateGeneratorPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configuration = target.directoryURL.appending(path: SpecsLocation.configurationFileName)
        let root = try SpecsLocation.specsFolder(forTargetAt: target.directoryURL)
        let tool = try context.tool(named: "konaplate-build-tool").url
        let specs: [String]
        do { specs = try SpecDiscovery.specPaths(in: root.path) } catch { throw PluginError("\(error)") }
        // Never "generate nothing" silently: a target applying the plugin without specs is a mistake.
        guard specs.contains(where: { !SpecDiscovery.isDefinitions($0) }) else {
            throw PluginError(
                "no endpoint specs found in \(root.path); expected api-specs/**/*.yaml in the target's folder (and header sets in api-specs/common/), or a folder named by \(SpecsLocation.configurationFileName)"
            )
        }
        if let (first, second) = SpecDiscovery.outputNameClashes(specs).first {
            throw PluginError(
                "specs '\(first)' and '\(second)' would produce the same file \(SpecDiscovery.pluginOutputName(second)); rename one of them"
            )
        }
        if let clash = specs.first(where: {
            SpecDiscovery.pluginOutputName($0).lowercased() == SpecDiscovery.endpointListName.lowercased()
        }) {
            throw PluginError(
                "spec '\(clash)' would produce \(SpecDiscovery.endpointListName), the list of endpoint types; rename it"
            )
        }
        // A YAML file beside the specs folder is most likely a spec put in the wrong place; SwiftPM only calls it
        // "unhandled", so say what it is and where it belongs.
        for stray in SpecDiscovery.strayYAMLFiles(inTarget: target.directoryURL.path, specsFolder: root.path) {
            Diagnostics.warning(
                "\(target.name)/\(stray) is outside the specs folder \(root.lastPathComponent)/, so KonaplateGeneratorPlugin does not read it; move it into \(root.lastPathComponent)/ (header sets into \(root.lastPathComponent)/common/), or name its folder in \(SpecsLocation.configurationFileName)",
                file: target.directoryURL.appending(path: stray).path)
        }
        let outputNames = specs.map(SpecDiscovery.pluginOutputName) + [SpecDiscovery.endpointListName]
        // Paths as SwiftPM sees the target (through any symlink, not resolved): SwiftPM then knows the specs are this
        // plugin's inputs and does not list them as "unhandled files" on every build.
        var inputs = specs.map { root.appending(path: $0) }
        if FileManager.default.fileExists(atPath: configuration.path) { inputs.append(configuration) }
        removeStaleOutputs(in: context.pluginWorkDirectoryURL, keeping: Set(outputNames))
        return [
            .buildCommand(
                displayName:
                    "Generating Swift for \(target.name) from \(specs.count) \(specs.count == 1 ? "spec" : "specs") in \(root.lastPathComponent)",
                executable: tool,
                arguments: [root.path, context.pluginWorkDirectoryURL.path, target.moduleName],
                inputFiles: inputs,
                outputFiles: outputNames.map { context.pluginWorkDirectoryURL.appending(path: $0) })
        ]
    }

    /// SwiftPM never empties the plugin's work folder: the file of a removed spec would stay there. It is not
    /// compiled (it is no command's output), but the folder should say what the target is built from.
    private func removeStaleOutputs(in folder: URL, keeping names: Set<String>) {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in existing where name.hasSuffix(".swift") && !names.contains(name) {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }
}

enum SpecsLocation {
    static let configurationFileName = "konaplate-generator.json"

    /// The specs folder: the one named by `konaplate-generator.json` (relative to the target's folder), or the
    /// target's own `api-specs`. Not resolved through symlinks (see the inputs above); SpecDiscovery follows them.
    static func specsFolder(forTargetAt directory: URL) throws -> URL {
        let configuration = directory.appending(path: configurationFileName)
        guard let data = FileManager.default.contents(atPath: configuration.path) else {
            return directory.appending(path: "api-specs")
        }
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let unknown = (object?.keys.sorted() ?? []).filter { $0 != "specs" }
        guard let object, unknown.isEmpty, let specs = object["specs"] as? String else {
            throw PluginError(
                "\(configuration.path): expected {\"specs\": \"<folder relative to the target>\"}"
                    + (unknown.isEmpty ? "" : "; unknown key '\(unknown[0])'"))
        }
        return directory.appending(path: specs).standardizedFileURL
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
