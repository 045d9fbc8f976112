import Foundation
import KonaplateGenerator
import KonaplateSpecDiff
import KonaplateSpecs
import KonaplateTestSupport
import KonaplateSpecFiles
import Testing

@testable import KonaplateGenCLI

/// The README's "Reviewing a PR" shows a real report and every rule; both are checked against `diff` itself.
struct DiffReadmeTests {
    static let readme = try! String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)

    static func block(_ name: String) throws -> String {
        let begin = try #require(readme.range(of: "<!-- \(name):begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- \(name):end -->", range: begin.upperBound..<readme.endIndex))
        return String(readme[begin.upperBound..<end.lowerBound])
    }

    /// The example edit, compared as a reviewer runs it from the fixture's head folder: `diff main`.
    static func exampleReport() throws -> DiffReport {
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/DiffReadmeExample")
        let base = try SpecFolder.read(fixture.appendingPathComponent("base/api-specs").path)
        let head = try SpecFolder.read(fixture.appendingPathComponent("head/api-specs").path).map { input in
            var input = input
            input.displayPath = input.sourceName  // as printed when run from the head folder: api-specs/…
            return input
        }
        return SpecDiff.compare(base: base, head: head)
    }

    @Test func theExampleReportIsWhatDiffPrints() throws {
        let report = try Self.exampleReport()
        #expect(report.diagnostics.isEmpty)
        #expect(try Self.block("diff-example") + "\n" == report.rendered(.markdown, base: "main", head: "api-specs"))
        #expect(
            try Self.block("diff-example-text") == "```\n" + report.rendered(.text, base: "main", head: "api-specs") + "```")
    }

    @Test func theRuleTableListsEveryRuleWithItsSummary() throws {
        let rows = DiffRule.allCases.map { "| `\($0.rawValue)` | \($0.summary.replacingOccurrences(of: "|", with: "\\|")) |" }
        #expect(try Self.block("diff-rules") == (["| rule | verdict |", "|---|---|"] + rows).joined(separator: "\n"))
    }
}
