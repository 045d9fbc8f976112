import Foundation
import Testing

@testable import KonaplateGenerator

/// Inputs built to hurt: each is refused with a clear, positioned error (or handled), never a crash or a hang.
/// Their time and memory on the real CLI are measured by Benchmarks/hostile-inputs.sh (BENCHMARKS.md).
struct ResourceBombTests {
    @Test func billionLaughsIsRefusedBeforeItExpands() {
        var lines = [#"lol0: &lol0 "lol""#]
        for level in 1...9 {
            lines.append("lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ",") + "]")
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
        let yaml = "name: Deep\nnotes: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        #expect(
            diagnostics(yaml) == [
                "spec.yaml:2:9: error: invalid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing at line 2, column 9)"
            ])
    }

    @Test func fieldsNestedTooDeepAreRefused() {
        var lines = [String(validSpec.dropLast())]
        var indentation = "    "
        for level in 0..<40 {
            lines += ["\(indentation)o\(level):", "\(indentation)  type: object", "\(indentation)  presence: optional", "\(indentation)  fields:"]
            indentation += "    "
        }
        lines.append("\(indentation)leaf: { type: string, presence: optional }")
        let messages = diagnostics(lines.joined(separator: "\n") + "\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasSuffix("error: fields are nested more than 32 levels deep; flatten the spec") == true)
    }

    @Test func aHugeFileIsRefusedBeforeParsing() {
        var bytes = Array(validSpec.utf8)
        bytes += Array("# ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 9 * 1_048_576) + [10]
        #expect(diagnostics(bytes: bytes) == ["spec.yaml:1:1: error: the file is 9 MiB; a spec may be at most 8 MiB (real specs are a few KB)"])
    }

    @Test func tooManyFieldsAreRefused() {
        let fields = (0..<1001).map { "    f\($0): { type: string, presence: optional }" }.joined(separator: "\n")
        #expect(
            diagnostics(validSpec + fields + "\n").filter { $0.contains("error:") } == [
                "spec.yaml:10:5: error: 'fields' has 1002 entries; the limit is 1000 (the docs' objects have a few dozen)"
            ])
    }

    @Test func aThousandFieldsAreHandled() throws {
        let fields = (1..<1000).map { "    f\($0): { type: string, presence: optional, length: ...10 }" }.joined(separator: "\n")
        let result = KonaplateGenerator.generate([standardHeaders, endpointInput(validSpec + fields + "\n")])
        #expect(!result.hasErrors)
        #expect(try #require(result.files.first { $0.name == "Sample.swift" }).contents.contains("public var f999: String?"))
    }
}
