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
        let specs = SpecsLocation.specFiles(in: root)
        let definitions = specs.filter(SpecsLocation.isDefinitions)
        var extraInputs = [generator]
        if FileManager.default.fileExists(atPath: configuration.path) { extraInputs.append(configuration) }
        var outputNames: Set<String> = []
        let commands: [Command] = specs.map { relative in
            let spec = root.appending(path: relative)
            let isDefinitions = SpecsLocation.isDefinitions(relative)
            let outputName = isDefinitions ? SpecsLocation.definitionsFileName(relative) : SpecsLocation.endpointFileName(spec, relative)
            let output = context.pluginWorkDirectoryURL.appending(path: outputName)
            outputNames.insert(outputName)
            // An endpoint depends on the definitions (its header set); a definitions file only on itself.
            let inputs = [spec] + (isDefinitions ? [] : definitions.map { root.appending(path: $0) }) + extraInputs
            return .buildCommand(
                displayName: "Generating \(outputName) from \(relative)",
                executable: generator,
                arguments: ["generate-file", "--specs", root.path, "--spec", relative, "--output", output.path],
                inputFiles: inputs,
                outputFiles: [output])
        }
        removeStaleOutputs(in: context.pluginWorkDirectoryURL, keeping: outputNames)
        return commands
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

    struct Configuration: Decodable {
        var specs: String
    }

    static func specsFolder(forTargetAt directory: URL) throws -> URL {
        let configuration = directory.appending(path: configurationFileName)
        guard let data = FileManager.default.contents(atPath: configuration.path) else {
            // Resolved, so a symlink to a specs folder elsewhere (as this package's own target has) is read through.
            return directory.appending(path: "api-specs").resolvingSymlinksInPath()
        }
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let unknown = (object?.keys.sorted() ?? []).filter { $0 != "specs" }
        guard let object, unknown.isEmpty, let specs = object["specs"] as? String else {
            throw PluginError(
                "\(configuration.path): expected {\"specs\": \"<folder relative to the target>\"}"
                    + (unknown.isEmpty ? "" : "; unknown key '\(unknown[0])'"))
        }
        return directory.appending(path: specs).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The YAML files below `root`, as paths relative to it, sorted.
    static func specFiles(in root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !($0.split(separator: "/").last ?? "").hasPrefix(".") }
            .sorted()
    }

    static func isDefinitions(_ relative: String) -> Bool { relative.hasPrefix("common/") }

    /// `common/headers.yaml` → `CommonHeaders.swift`, as the generator names it.
    static func definitionsFileName(_ relative: String) -> String {
        let stem = String((relative.split(separator: "/").last ?? "").split(separator: ".").first ?? "")
        return "Common" + upperCamel(stem) + ".swift"
    }

    /// `<name>.swift`, from the spec's top-level `name:` line. When it cannot be read here, a placeholder name is
    /// used and the generator reports the real problem at its line and column.
    static func endpointFileName(_ spec: URL, _ relative: String) -> String {
        let text = (try? String(contentsOf: spec, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("name:") {
            var value = line.dropFirst("name:".count)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let name = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return name + ".swift" }
        }
        return "Unnamed_" + upperCamel(relative) + ".swift"
    }

    static func upperCamel(_ text: String) -> String {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
        guard let first = words.first else { return "" }
        let joined = first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
