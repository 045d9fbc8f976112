import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateSpecDiff

/// The mutation corpus (Tests/Fixtures/DiffCorpus): each case is the base spec with one change, or a few; its
/// `.expected` file is the report `diff` must print, reviewed by hand. A missing `.expected` file is written and
/// the test fails, so a new case is always read by someone before it passes.
struct DiffCorpusTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Fixtures/DiffCorpus")
    static let cases: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("cases").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The base spec and a case, as the two sides of a diff (the same file below the specs folder, so they pair).
    static func report(_ name: String, allow: [DiffAllowance] = []) throws -> DiffReport {
        func input(_ path: String) throws -> SpecInput {
            SpecInput(
                displayPath: path, sourceName: "api-specs/corpus.yaml",
                contents: Array(try Data(contentsOf: corpus.appendingPathComponent(path))))
        }
        return SpecDiff.compare(
            base: [try input("base.yaml")], head: [try input("cases/\(name).yaml")],
            allow: allow)
    }

    @Test func theCorpusHasACaseForEveryRule() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases) func reportMatchesTheReviewedExpectation(_ name: String) throws {
        let report = try Self.report(name)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let text = report.rendered(.text, base: "base.yaml", head: "cases/\(name).yaml")
        let expectedURL = Self.corpus.appendingPathComponent("cases/\(name).expected")
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            try text.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded cases/\(name).expected: review it, then run the tests again")
            return
        }
        #expect(text == expected)
    }

    /// Each case's first comment line says what changed; a case named for a rule must fire that rule (so a
    /// renamed or broken rule cannot leave an expectation file silently agreeing with nothing).
    @Test(arguments: cases) func aCaseNamedForARuleFiresIt(_ name: String) throws {
        let report = try Self.report(name)
        let rules = Set(report.changes.flatMap(\.findings).map(\.rule.rawValue))
        if name.hasPrefix("noop") {
            #expect(report.changes.isEmpty, "\(rules)")
        } else {
            #expect(!report.changes.isEmpty)
            if let rule = DiffRule(rawValue: name) { #expect(rules.contains(rule.rawValue)) }
        }
    }
}
