import Foundation
import KonaplateGenerator
import KonaplateOpenAPI
import SpecTestSupport
import Testing

@testable import KonaplateSpecs

/// Inputs built to hurt: each is refused with a clear, positioned error (or handled), never a crash or a hang.
/// Their time and memory on the real CLI are measured by Benchmarks/hostile-inputs.sh (BENCHMARKS.md).
struct ResourceBombTests {
    @Test func billionLaughsIsRefusedBeforeItExpands() {
        var lines = [#"lol0: &lol0 "lol""#]
        for level in 1...9 {
            lines.append(
                "lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ",")
                    + "]")
        }
        lines.append("results: *lol9")
        #expect(
            diagnostics(lines.joined(separator: "\n") + "\n") == [
                "spec.yaml:1:1: error: the YAML expands to more than 2000000 nodes (an alias counts each time it is used); specs use no aliases"
            ])
    }

    @Test func anAliasInAListIsRefused() {
        let yaml = validSpec + "x: &r { status: 200, code: \"000_000\", message: Success. }\nresults: [*r]\n"
        #expect(diagnostics(yaml).contains { $0.contains("error: a result code uses a YAML alias") })
    }

    @Test func deepNestingStopsAtLibyamlsLimit() {
        let yaml =
            "name: Deep\nnotes: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        #expect(
            diagnostics(yaml) == [
                "spec.yaml:2:9: error: invalid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing at line 2, column 9)"
            ])
    }

    @Test func fieldsNestedTooDeepAreRefused() {
        var lines = [String(validSpec.dropLast())]
        var indentation = "    "
        for level in 0..<40 {
            lines += [
                "\(indentation)o\(level):", "\(indentation)  type: object", "\(indentation)  presence: optional",
                "\(indentation)  fields:",
            ]
            indentation += "    "
        }
        lines.append("\(indentation)leaf: { type: string, presence: optional }")
        let messages = diagnostics(lines.joined(separator: "\n") + "\n")
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix("error: fields are nested more than 32 levels deep; flatten the spec") == true)
    }

    @Test func aHugeFileIsRefusedBeforeParsing() {
        var bytes = Array(validSpec.utf8)
        bytes += Array("# ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 9 * 1_048_576) + [10]
        #expect(
            diagnostics(bytes: bytes) == [
                "spec.yaml:1:1: error: the file is 9 MiB; a spec may be at most 8 MiB (real specs are a few KB)"
            ])
    }

    @Test func tooManyFieldsAreRefused() {
        let fields = (0..<1001).map { "    f\($0): { type: string, presence: optional }" }.joined(separator: "\n")
        #expect(
            diagnostics(validSpec + fields + "\n").filter { $0.contains("error:") } == [
                "spec.yaml:10:5: error: 'fields' has 1002 entries; the limit is 1000 (the docs' objects have a few dozen)"
            ])
    }

    @Test func aThousandFieldsAreHandled() throws {
        let fields = (1..<1000).map { "    f\($0): { type: string, presence: optional, length: ...10 }" }.joined(
            separator: "\n")
        let result = GeneratorPipeline.generate([endpointInput(validSpec + fields + "\n")])
        #expect(!result.hasErrors)
        #expect(
            try #require(result.files.first { $0.name == "Sample.swift" }).contents.contains("public var f999: String?")
        )
    }
}

/// The identifier stress fixture (Tests/IdentifierStress) through the generator: its clashes are positioned
/// errors, and its text cannot hide code.
struct IdentifierStressGenerationTests {
    static func stressInputs() throws -> [SpecInput] {
        let root = repositoryRoot.appendingPathComponent("Tests/IdentifierStress/api-specs")
        return try ["stress/keywords.yaml"].map { path in
            SpecInput(
                displayPath: path, sourceName: "api-specs/" + path,
                contents: Array(try Data(contentsOf: root.appendingPathComponent(path))))
        }
    }

    /// Bidi overrides and zero-width characters from descriptions and messages never reach the source as such:
    /// they are dropped from comments and escaped (`\u{202E}`) in literals.
    @Test func noInvisibleCharacterReachesTheGeneratedSource() throws {
        let result = GeneratorPipeline.generate(try Self.stressInputs())
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let file = try #require(result.files.first { $0.name == "KeywordFields.swift" })
        #expect(!file.contents.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{200B}" || $0 == "\r" })
        #expect(file.contents.contains(#""Strange \u{202E} code""#))
    }

    @Test func namesSwiftCannotHaveAreErrorsNotRenames() {
        let yaml =
            validSpec
            + "    self: { type: string, presence: optional }\n    description: { type: string, presence: optional }\n"
        #expect(
            diagnostics(yaml) == [
                "spec.yaml:11:5: error: field 'self' would become the Swift property 'self', which a generated type cannot have; set 'swiftName' (e.g. 'swiftName: selfValue')",
                "spec.yaml:12:5: error: field 'description' would become the Swift property 'description', which a generated type cannot have; set 'swiftName' (e.g. 'swiftName: descriptionValue')",
            ])
    }

    @Test func emojiNamesThatCollapseToOneSwiftNameAreAPositionedError() {
        let yaml =
            validSpec + "    😀: { type: string, presence: optional }\n    🎉: { type: string, presence: optional }\n"
        #expect(
            diagnostics(yaml) == [
                "spec.yaml:12:5: error: fields '😀' (line 11) and '🎉' both become the Swift property 'field'; set 'swiftName' on one of them"
            ])
    }
}
