import Foundation
import KonaplateSpecs
import KonaplateTestSupport
import SpecTestSupport
import Testing

@testable import KonaplateGenerator

/// A bounded, seeded mutation fuzzer in the test suite (the long libFuzzer runs are in Fuzz/). Mutants of the real
/// specs and the schema fixtures go through the whole pipeline; none may crash, every rejection must carry a
/// positioned error, and output is all or nothing. Seeded, so a failure reproduces.
struct SeededFuzzTests {
    static let seeds: [[UInt8]] = {
        var files: [URL] = []
        for folder in ["api-specs", "Tests/Fixtures/SchemaAgreement"] {
            let root = repositoryRoot.appendingPathComponent(folder)
            for case let path as String in FileManager.default.enumerator(atPath: root.path)!
            where path.hasSuffix(".yaml") {
                files.append(root.appendingPathComponent(path))
            }
        }
        return files.sorted { $0.path < $1.path }.map { Array(try! Data(contentsOf: $0)) }
    }()

    /// Pieces of YAML and of the spec vocabulary, so mutants reach deep into the loader, not only the parser.
    static let tokens: [String] = [
        "{", "}", "[", "]", ": ", "- ", "&a ", "*a", "\n", "  ", "\t", "'", "\"", "#", "...", "---\n", "? ", "|\n",
        ">-\n",
        "type: object\n", "type: array\n", "fields: {}", "fields:\n", "items: any", "presence: conditional",
        "length: 9...1", "range: 1...99999999999999999999999", "codes: {\"01\": a, \"01\": b}", "format: tran-token",
        "swiftName: default", "name: class", "path: api", "headers: nowhere", "\u{FEFF}", "\u{202E}", "\u{0}",
        "\u{FFFD}",
        "😀", "회원", "\r\n", "\r", "!!binary ", "!custom ", "<<: *a", "~", "null", "yes", "0x1F", "1e309",
    ]

    static func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
            case 1:
                bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(min(position, end)..<end)
            case 3:
                bytes = Array(bytes.prefix(position))
            case 4:
                let other = seeds.randomElement(using: &random)!
                let cut = Int.random(in: 0...other.count, using: &random)
                bytes = Array(bytes.prefix(position)) + other.suffix(from: cut)
            case 5:
                // Duplicate a line: duplicate keys, repeated fields.
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                if !lines.isEmpty {
                    let line = Int.random(in: 0..<lines.count, using: &random)
                    lines.insert(lines[line], at: line)
                    bytes = Array(lines.joined(separator: [10]))
                }
            default:
                // Re-indent a line by a random amount: moves keys between levels.
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                if !lines.isEmpty {
                    let line = Int.random(in: 0..<lines.count, using: &random)
                    lines[line] = ArraySlice(
                        Array(repeating: 32, count: Int.random(in: 0...8, using: &random))
                            + lines[line].drop { $0 == 32 })
                    bytes = Array(lines.joined(separator: [10]))
                }
            }
        }
        return bytes
    }

    /// Every mutant goes through the whole pipeline: none may crash, every rejection carries a positioned error, and
    /// output is all or nothing. Every spec the generator accepts yields Swift the Swift parser accepts (each
    /// distinct generated file, parsed by the toolchain's `swiftc -parse`), and a sample of them type-checks against
    /// the runtime: accepted ⇒ compiles.
    @Test func twentyThousandMutantsNeverCrashAndEveryAcceptedOneCompiles() throws {
        var random = SeededRandom(seed: 20_261_125)
        var rejected = 0
        var accepted = 0
        var distinctFiles: [String: String] = [:]  // contents → a name
        var samples: [[GeneratedFile]] = []
        for iteration in 0..<20_000 {
            let mutant = Self.mutate(Self.seeds.randomElement(using: &random)!, &random)
            let asDefinitions = iteration % 7 == 0
            let input = SpecInput(
                displayPath: "m.yaml", sourceName: asDefinitions ? "api-specs/common/m.yaml" : "api-specs/m.yaml",
                contents: mutant)
            let result = GeneratorPipeline.generate(asDefinitions ? [input] : [input])
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
                #expect(!diagnostic.message.isEmpty)
            }
            if result.hasErrors {
                rejected += 1
                #expect(result.files.isEmpty)
                continue
            }
            accepted += 1
            let swiftFiles = result.files.filter { $0.name.hasSuffix(".swift") }
            var isNew = false
            for file in swiftFiles where distinctFiles[file.contents] == nil {
                distinctFiles[file.contents] = "\(distinctFiles.count)-\(file.name)"
                isNew = true
            }
            // Every 150th accepted mutant with output of its own is type-checked whole (a few seconds each).
            if isNew && accepted % 150 == 1 { samples.append(swiftFiles) }
        }
        // Both outcomes are exercised, so the mutants are neither all garbage nor all harmless.
        #expect(rejected > 1000 && accepted > 100, "rejected \(rejected), accepted \(accepted)")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "konaplate-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (contents, name) in distinctFiles {
            let path = folder.appendingPathComponent(name).path
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        // One frontend process parses them all (the driver would start one per file: minutes instead of a second).
        let parse = try Swiftc.run(["-frontend", "-parse"] + paths.sorted())
        #expect(parse.status == 0, "generated Swift the parser rejects:\n\(parse.output.prefix(4000))")

        var typeChecked = 0
        for (index, sample) in samples.enumerated() {
            let sampleFolder = folder.appendingPathComponent("sample-\(index)")
            try FileManager.default.createDirectory(at: sampleFolder, withIntermediateDirectories: true)
            let files = try sample.map { file in
                let path = sampleFolder.appendingPathComponent(file.name).path
                try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let check = try Swiftc.run(
                ["-typecheck", "-I", Swiftc.modules.path, "-module-name", "Sample\(index)"] + files)
            #expect(check.status == 0, "a generated sample does not type-check:\n\(check.output.prefix(4000))")
            typeChecked += 1
        }
        #expect(typeChecked >= 3)
        print(
            "seeded fuzz: 20000 mutants, \(rejected) rejected with positioned errors, \(accepted) accepted; "
                + "\(distinctFiles.count) distinct generated files parsed by swiftc, \(typeChecked) accepted mutants type-checked against KonaplateRuntime"
        )
    }
}

/// The toolchain's Swift compiler, for checks of generated code in tests.
enum Swiftc {
    /// The modules `swift build` built (KonaplateRuntime among them): beside the test bundle.
    static let modules: URL = {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("Modules") }
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("KonaplateRuntime.swiftmodule").path)
        }
            ?? candidates[0]
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runMerged(swiftcCommand + arguments)
    }
}
