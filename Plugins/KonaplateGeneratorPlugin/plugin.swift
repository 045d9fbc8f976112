import Foundation
import PackagePlugin

/// Generates a target's Swift models from Konaplate specs on every build, incrementally.
///
/// Thin by design: it finds the specs, derives each output file's name, and hands every spec to
/// `konaplate-gen generate-file` as its own build command. So SwiftPM reruns a command only when its inputs change:
/// a no-op build runs none, editing one spec runs one, editing a shared definitions file runs every command that
/// reads it. The generator leaves an output untouched when its bytes would not change, so the reruns SwiftPM does
/// after the generator relinks cost no recompilation.
///
/// Where the specs are: the folder named by `konaplate-generator.json` in the target (`{"specs": "../../api-specs"}`,
/// relative to the target's folder), or else the target's own `api-specs` folder.
@main
struct KonaplateGeneratorPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configuration = target.directoryURL.appending(path: SpecsLocation.configurationFileName)
        let root = try SpecsLocation.specsFolder(forTargetAt: target.directoryURL)
        let generator = try context.tool(named: "konaplate-gen").url
        let specs: [String]
        do { specs = try SpecDiscovery.specPaths(in: root.path) } catch { throw PluginError("\(error)") }
        // Never "generate nothing" silently: a target applying the plugin without specs is a mistake.
        guard specs.contains(where: { !SpecDiscovery.isDefinitions($0) }) else {
            throw PluginError(
                "no endpoint specs found in \(root.path); expected api-specs/**/*.yaml in the target's folder (and header sets in api-specs/common/), or a folder named by \(SpecsLocation.configurationFileName)")
        }
        if let (first, second) = SpecDiscovery.outputNameClashes(specs).first {
            throw PluginError(
                "specs '\(first)' and '\(second)' would produce the same file \(SpecDiscovery.pluginOutputName(second)); rename one of them")
        }
        if let clash = specs.first(where: { SpecDiscovery.pluginOutputName($0).lowercased() == SpecDiscovery.endpointListName.lowercased() }) {
            throw PluginError("spec '\(clash)' would produce \(SpecDiscovery.endpointListName), the list of endpoint types; rename it")
        }
        let definitions = specs.filter(SpecDiscovery.isDefinitions)
        var extraInputs = [generator]
        if FileManager.default.fileExists(atPath: configuration.path) { extraInputs.append(configuration) }
        let commands: [Command] = specs.map { relative in
            // Paths as SwiftPM sees the target (through any symlink, not resolved): SwiftPM then knows the specs
            // are this plugin's inputs and does not list them as "unhandled files" on every build.
            let spec = root.appending(path: relative)
            let output = context.pluginWorkDirectoryURL.appending(path: SpecDiscovery.pluginOutputName(relative))
            // An endpoint depends on the definitions (its header set); a definitions file only on itself.
            let isDefinitions = SpecDiscovery.isDefinitions(relative)
            let inputs = [spec] + (isDefinitions ? [] : definitions.map { root.appending(path: $0) }) + extraInputs
            return .buildCommand(
                displayName: "Generating \(output.lastPathComponent) from \(relative)",
                executable: generator,
                arguments: ["generate-file", "--specs", root.path, "--spec", relative, "--output", output.path],
                inputFiles: inputs,
                outputFiles: [output])
        }
        // The list of every endpoint type reads every spec: one command, rerun when any spec changes (it rewrites the
        // file only when the list itself changes).
        let list = context.pluginWorkDirectoryURL.appending(path: SpecDiscovery.endpointListName)
        let endpointList: Command = .buildCommand(
            displayName: "Generating \(SpecDiscovery.endpointListName)",
            executable: generator,
            arguments: ["generate-endpoint-list", "--specs", root.path, "--output", list.path],
            inputFiles: specs.map { root.appending(path: $0) } + extraInputs,
            outputFiles: [list])
        removeStaleOutputs(
            in: context.pluginWorkDirectoryURL,
            keeping: Set(specs.map(SpecDiscovery.pluginOutputName) + [SpecDiscovery.endpointListName]))
        return commands + [endpointList]
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
