import Foundation
import KonaplateGenerator
import KonaplateOpenAPI
import SpecTestSupport
import Testing

@testable import KonaplateSpecs

/// The JSON Schema in Schemas/ and the loader judge the same files the same way (Tests/Fixtures/SchemaAgreement),
/// and the schema accepts every real spec. The schema side runs Python's `jsonschema`, an independent validator.
@Suite(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
struct SchemaAgreementTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/SchemaAgreement")

    /// The endpoint specs of a folder, then the definitions files of its `common/`.
    static func fixtureFiles(_ folder: String) -> [String] {
        [folder, folder + "/common"].flatMap { folder in
            let directory = fixtures.appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
                $0.hasSuffix(".yaml")
            }
            .sorted().map { directory.appendingPathComponent($0).path }
        }
    }

    static func loaderAccepts(_ path: String) -> Bool {
        let isDefinitions = path.contains("/common/")
        let input = SpecInput(
            displayPath: path,
            sourceName: "api-specs/" + (isDefinitions ? "common/" : "") + (path as NSString).lastPathComponent,
            contents: Array(FileManager.default.contents(atPath: path) ?? Data()))
        return !SpecFrontEnd.lint([input]).contains { $0.severity == .error }
    }

    /// `Tools/validate-specs.py --verdicts`: {path: valid}.
    static func schemaVerdicts(_ paths: [String]) throws -> [String: Bool] {
        let run = try PythonTool.run("validate-specs.py", ["--verdicts"] + paths)
        try #require(run.status == 0, run.failure)
        return try JSONDecoder().decode([String: Bool].self, from: Data(run.stdout))
    }

    @Test func bothAcceptTheValidFixturesAndRejectTheInvalidOnes() throws {
        let valid = Self.fixtureFiles("valid")
        let invalid = Self.fixtureFiles("invalid")
        #expect(valid.count >= 5 && invalid.count >= 30)
        let schema = try Self.schemaVerdicts(valid + invalid)
        for path in valid {
            #expect(Self.loaderAccepts(path), "the loader rejects \(path)")
            #expect(schema[path] == true, "the schema rejects \(path)")
        }
        for path in invalid {
            #expect(!Self.loaderAccepts(path), "the loader accepts \(path)")
            #expect(schema[path] == false, "the schema accepts \(path)")
        }
    }

    @Test func theSchemaAcceptsEveryRealSpec() throws {
        let specs = repositoryRoot.appendingPathComponent("api-specs").path
        let verdicts = try Self.schemaVerdicts([specs])
        // Every spec file was judged: as many verdicts as the folder holds YAML files (however many that is).
        let files = FileManager.default.enumerator(atPath: specs)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".yaml")
        }
        #expect(!files.isEmpty)
        #expect(verdicts.count == files.count)
        #expect(verdicts.filter { !$0.value }.keys.sorted() == [])
    }
}

struct SpecReferenceTests {
    /// Every key the JSON Schema knows is documented in the spec format's reference tables (the DocC article
    /// "The spec format").
    @Test func theReferenceDocumentsEveryKeyOfTheSchema() throws {
        let readme = try String(
            contentsOf: repositoryRoot.appendingPathComponent(
                "Sources/KonaplateGenCLI/KonaplateGenCLI.docc/SpecFormat.md"),
            encoding: .utf8)
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { keys.formUnion(properties.keys) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        for schema in ["konaplate-endpoint.schema.json", "konaplate-definitions.schema.json"] {
            let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Schemas/\(schema)"))
            collect(try JSONSerialization.jsonObject(with: data))
        }
        #expect(keys.count >= 37)
        for key in keys.sorted() {
            #expect(
                readme.contains("| `\(key)`") || readme.contains(", `\(key)`"),
                "SpecFormat.md does not document '\(key)'")
        }
        #expect(Set(SpecLoader.fieldKeys).isSubset(of: keys))
        #expect(Set(SpecLoader.endpointKeys).isSubset(of: keys))
    }
}
