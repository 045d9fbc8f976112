import Foundation
import KonaplateGenerator
import KonaplateSpecFiles
import KonaplateSpecs
import KonaplateTestSupport
import Testing

@testable import KonaplateGenCLI

/// A fresh folder holding the bankaccounts/info spec (its header set is built in), for tests that write: the tests
/// count files, so they use a fixed set rather than however many endpoints api-specs/ has.
func workspaceWithSpecs() throws -> URL {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("konaplate-\(UUID().uuidString)")
    for path in ["api-specs/bankaccounts/info.yaml"] {
        let target = workspace.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(path), to: target)
    }
    return workspace
}

struct GoldenTests {
    /// The committed Generated/ is exactly what api-specs/ produces: no changed, missing or extra file.
    /// When this fails after an intended generator change: run `swift run konaplate-gen generate`, read the diff
    /// of Generated/ like any code change, and commit it with the change.
    @Test func generatedFolderMatchesTheSpecsByteForByte() throws {
        let inputs = try SpecFolder.read(repositoryRoot.appendingPathComponent("api-specs").path)
        let result = GeneratorPipeline.generate(inputs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(!result.files.isEmpty)
        let plan = try OutputPlan.make(
            files: result.files, folder: repositoryRoot.appendingPathComponent("Generated").path)
        let stale = plan.changes.map(\.name)
        #expect(stale.isEmpty, "Generated/ is stale; run `swift run konaplate-gen check` for the diff")
        for file in result.files where !stale.contains(file.name) {
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Generated/\(file.name)"))
            #expect(Array(committed) == Array(file.contents.utf8))
        }
    }

    /// KonaplateRuntime's types of the built-in header sets are what the generator renders from the built-in
    /// definitions. When this fails after changing them: run
    /// `swift run konaplate-gen definitions --runtime-swift Sources/KonaplateRuntime` and review the diff.
    @Test func theRuntimesBuiltInHeaderTypesMatchTheBuiltInDefinitions() throws {
        let file = GeneratorPipeline.builtInHeaderTypes()
        let committed = try Data(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/KonaplateRuntime/\(file.name)"))
        #expect(String(decoding: committed, as: UTF8.self) == file.contents)
    }
}

struct BuildPluginOutputTests {
    /// Where SwiftPM put the build tool plugin's output for the KonaplateAPI target. The folder between `outputs`
    /// and `KonaplateAPI` is the package's identity, which is the checkout folder's name: searched, not assumed.
    static func pluginOutputFolder() -> URL? {
        let outputs = repositoryRoot.appendingPathComponent(".build/plugins/outputs")
        let packages = (try? FileManager.default.contentsOfDirectory(atPath: outputs.path)) ?? []
        return packages.sorted().map {
            outputs.appendingPathComponent("\($0)/KonaplateAPI/destination/KonaplateGeneratorPlugin")
        }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// What the build plugin compiled into KonaplateAPI is, file for file and byte for byte, the committed Generated/,
    /// but for the header's second line, which tells a reader what to do instead of editing (change the spec and
    /// run `generate`, or only change the spec). The plugin names its outputs by spec path
    /// (`bankaccounts.info.swift`), Generated/ by Swift name (`BankAccountsInfo.swift`): files are paired through
    /// the spec each one names in its first line.
    @Test func thePluginProducesExactlyTheCommittedFiles() throws {
        let folder = try #require(Self.pluginOutputFolder(), "build the package first (swift build)")
        let produced = try Self.bySourceSpec(folder)
        let committed = try Self.bySourceSpec(repositoryRoot.appendingPathComponent("Generated"))
        #expect(produced.keys.sorted() == committed.keys.sorted())
        for (source, bytes) in produced {
            #expect(
                bytes == committed[source],
                "the file generated from \(source) differs between the build plugin and Generated/")
        }
        // Each plugin output is named after its spec's path, the one naming rule the plugin knows.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".swift") && name != SpecDiscovery.endpointListName {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let source = try #require(Self.sourceSpec(text))
            #expect(SpecDiscovery.pluginOutputName(String(source.drop { $0 != "/" }.dropFirst())) == name)
        }
    }

    /// The Swift files of a folder by the spec named in their first line (`api-specs/bankaccounts/info.yaml`).
    static func bySourceSpec(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".swift") && name != SpecDiscovery.endpointListName {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(decoding: data, as: UTF8.self)
            if let source = sourceSpec(text) { files[source] = Data(Self.withoutInstructions(text).utf8) }
        }
        return files
    }

    /// The text without the header's second line.
    static func withoutInstructions(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1 { lines.remove(at: 1) }
        return lines.joined(separator: "\n")
    }

    /// A plugin-generated file's header says it is regenerated on every build from its spec, which it names.
    @Test func thePluginsFilesSayTheyAreRegeneratedOnEveryBuild() throws {
        let folder = try #require(Self.pluginOutputFolder(), "build the package first (swift build)")
        let file = try String(contentsOf: folder.appendingPathComponent("bankaccounts.info.swift"), encoding: .utf8)
        #expect(
            file.hasPrefix(
                "// Generated by konaplate-gen from api-specs/bankaccounts/info.yaml. DO NOT EDIT.\n// Regenerated from the spec on every build by KonaplateGeneratorPlugin: change the spec.\n"
            ))
    }

    static func sourceSpec(_ text: String) -> String? {
        guard let first = text.split(separator: "\n", maxSplits: 1).first, let from = first.range(of: " from "),
            let end = first.range(of: ". DO NOT EDIT.")
        else { return nil }
        return String(first[from.upperBound..<end.lowerBound])
    }
}

/// Text from specs arrives intact: every URL of every spec appears unbroken in the file generated from it.
struct GeneratedTextTests {
    @Test func everyURLOfEverySpecAppearsWholeInItsGeneratedFile() throws {
        let inputs = try SpecFolder.read(repositoryRoot.appendingPathComponent("api-specs").path)
        let result = GeneratorPipeline.generate(inputs)
        let url = try Regex(#"https?://[^\s<>"'`)]+"#)
        var checked = 0
        for input in inputs where !input.isDefinitions {
            // Comments are not generated; only values are.
            let values = String(decoding: input.contents, as: UTF8.self).split(separator: "\n")
                .map { $0.split(separator: " #", maxSplits: 1).first.map(String.init) ?? "" }
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
            let file = try #require(result.files.first { $0.sourceName == input.sourceName })
            for match in values.matches(of: url) {
                checked += 1
                let found = String(values[match.range])
                #expect(file.contents.contains(found), "\(file.name) breaks \(found)")
            }
        }
        #expect(checked > 10)
    }
}
