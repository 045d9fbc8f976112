import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateSpecDiff

/// Random spec changes over the real api-specs/, each through `diff` and both oracles: a disagreement fails and
/// prints the mutant. CI runs a seeded sample; `Tools/diff-mutations.sh` runs the long one through the same test
/// (KONAPLATE_MUTATION_START / _COUNT / _SEED / _LOG pick the slice and where its result goes).
struct MutationTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = UInt64(environment["KONAPLATE_MUTATION_SEED"] ?? "") ?? 22
    static let start = Int(environment["KONAPLATE_MUTATION_START"] ?? "") ?? 0
    static let count = Int(environment["KONAPLATE_MUTATION_COUNT"] ?? "") ?? 300
    static let batchSize = 150

    @Test func everyMutantAgreesWithBothOracles() throws {
        let toolchain: OracleToolchain
        switch OracleToolchain.locate() {
        case .success(let found): toolchain = found
        case .failure(let unavailable):
            Issue.record("the oracles cannot run: \(unavailable)")
            return
        }
        // The built-in definitions written out as the folder's own file, so the set operators have a file to edit.
        let mutator = SpecMutator(base: try realSpecInputs() + [builtInDefinitionsAsFile()])
        // The long run keeps its folder (the base module, compiled once) and its answers between batches.
        let kept = Self.environment["KONAPLATE_ORACLE_FOLDER"].map { URL(fileURLWithPath: $0) }
        let folder =
            kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("konaplate-diff-oracle-\(getpid())")
        defer {
            if kept == nil && Self.environment["KONAPLATE_ORACLE_KEEP"] == nil {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        var mutants = 0
        var invalid = 0
        var compiled = 0
        var disagreements = 0
        var byOperator: [String: Int] = [:]
        let clock = ContinuousClock()
        let began = clock.now
        let oracle = try OracleBatch(
            toolchain: toolchain, folder: folder, base: mutator.base,
            answersFile: kept?.appendingPathComponent("answers.tsv"))
        for batchStart in stride(from: Self.start, to: Self.start + Self.count, by: Self.batchSize) {
            let indices = batchStart..<min(batchStart + Self.batchSize, Self.start + Self.count)
            let batch = indices.compactMap { mutator.mutant(seed: Self.seed, index: $0) }
            invalid += indices.count - batch.count
            let outcomes = try oracle.run(batch)
            for outcome in outcomes {
                guard outcome.report != nil else {
                    invalid += 1
                    continue
                }
                mutants += 1
                if outcome.compiled { compiled += 1 }
                byOperator[String(outcome.mutant.label.prefix { $0 != " " }), default: 0] += 1
                for disagreement in outcome.disagreements {
                    disagreements += 1
                    Issue.record(Comment(rawValue: MutantDescription.describe(outcome, disagreement)))
                }
            }
        }
        let elapsed = clock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let summary =
            "mutants \(mutants) (seed \(Self.seed), from \(Self.start)), compiled \(compiled), skipped as invalid \(invalid), "
            + "disagreements \(disagreements), seconds \(String(format: "%.1f", seconds)), operators \(byOperator.count)"
        print("diff-mutations: " + summary)
        print(
            "diff-mutations phases: "
                + oracle.phases.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value)) s" }
                .joined(separator: ", "))
        if let log = Self.environment["KONAPLATE_MUTATION_LOG"] {
            let line =
                "\(Self.seed)\t\(Self.start)\t\(mutants)\t\(compiled)\t\(invalid)\t\(disagreements)\t\(String(format: "%.3f", seconds))\n"
            if !FileManager.default.fileExists(atPath: log) {
                _ = FileManager.default.createFile(atPath: log, contents: nil)
            }
            let handle = try #require(FileHandle(forWritingAtPath: log))
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try handle.close()
        }
        #expect(mutants > 0)
    }
}

/// A disagreement as a reviewer needs it: the mutant, the lines it changed, what each side said.
enum MutantDescription {
    static func describe(_ outcome: OracleOutcome, _ disagreement: String) -> String {
        var lines = ["mutant \(outcome.mutant.id): \(outcome.mutant.label)", "  \(disagreement)"]
        for (old, new) in zip(outcome.mutant.base, outcome.mutant.head) where old.contents != new.contents {
            let before = String(decoding: old.contents, as: UTF8.self).components(separatedBy: "\n")
            let after = String(decoding: new.contents, as: UTF8.self).components(separatedBy: "\n")
            let removed = before.filter { !after.contains($0) }
            let added = after.filter { !before.contains($0) }
            lines.append("  \(new.sourceName):")
            lines += removed.prefix(12).map { "  - " + $0 } + added.prefix(12).map { "  + " + $0 }
        }
        if let report = outcome.report {
            lines.append("  diff's report:")
            lines += report.rendered(.text, base: "base", head: "mutant").split(separator: "\n").prefix(30).map {
                "    " + $0
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The reviewed corpus (Tests/Fixtures/DiffCorpus) through both oracles too: each reviewed verdict is also one the
/// compiler and the replay agree with, or the case is named in `oracle-exceptions.txt` with why.
struct CorpusOracleTests {
    @Test func everyCorpusCaseAgreesWithBothOracles() throws {
        guard case .success(let toolchain) = OracleToolchain.locate() else {
            Issue.record("the oracles cannot run: no debug build of KonaplateRuntime")
            return
        }
        let base = [try DiffTests.corpusInput("base.yaml")]
        let mutants = try DiffCorpusTests.cases.map { name in
            OracleMutant(
                id: "C\(DiffCorpusTests.cases.firstIndex(of: name)!)", label: name, base: base,
                head: [try DiffTests.corpusInput("cases/\(name).yaml")],
                touched: [("api-specs/corpus.yaml", "api-specs/corpus.yaml")])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "konaplate-diff-corpus-oracle-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = try OracleBatch(toolchain: toolchain, folder: folder, base: base).run(mutants)
        for outcome in outcomes {
            #expect(outcome.report != nil, "\(outcome.mutant.label): the case has spec errors")
            for disagreement in outcome.disagreements {
                Issue.record(Comment(rawValue: MutantDescription.describe(outcome, disagreement)))
            }
        }
    }
}
