import Foundation
import KonaplateGenerator
import KonaplateSpecDiff
import KonaplateSpecFiles
import KonaplateSpecs
import KonaplateTestSupport
import Testing

@testable import KonaplateGenCLI

/// The DocC article "Reviewing spec changes" (KonaplateGenCLI.docc) shows a real report, the exit codes and every
/// rule with its verdict and reason; each is checked against `diff` itself.
struct DiffReadmeTests {
    static let articlePath = "Sources/KonaplateGenCLI/KonaplateGenCLI.docc/ReviewingSpecChanges.md"
    static let readme = try! String(contentsOf: repositoryRoot.appendingPathComponent(articlePath), encoding: .utf8)

    static func block(_ name: String) throws -> String {
        let begin = try #require(readme.range(of: "<!-- \(name):begin -->\n"))
        let end = try #require(
            readme.range(of: "\n<!-- \(name):end -->", range: readme.index(before: begin.upperBound)..<readme.endIndex))
        return String(readme[begin.upperBound..<end.lowerBound])
    }

    /// The article's block `name` is `expected`; with KONAPLATE_UPDATE_DOCS=1 in the environment it is written
    /// instead (then read the article's diff before committing it).
    static func expectBlock(_ name: String, _ expected: String) throws {
        if ProcessInfo.processInfo.environment["KONAPLATE_UPDATE_DOCS"] == "1" {
            let url = repositoryRoot.appendingPathComponent(articlePath)
            let text = try String(contentsOf: url, encoding: .utf8)
            let begin = try #require(text.range(of: "<!-- \(name):begin -->\n"))
            let end = try #require(text.range(of: "<!-- \(name):end -->", range: begin.upperBound..<text.endIndex))
            try (text[..<begin.upperBound] + expected + "\n" + text[end.lowerBound...]).write(
                to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(try block(name) == expected)
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
        try Self.expectBlock(
            "diff-example", String(report.rendered(.markdown, base: "main", head: "api-specs").dropLast()))
        try Self.expectBlock(
            "diff-example-text", "```\n" + report.rendered(.text, base: "main", head: "api-specs") + "```")
    }

    @Test func theRuleTableListsEveryRuleWithItsVerdictAndReason() throws {
        let rows = DiffRule.allCases.map {
            "| `\($0.rawValue)` | \($0.aspect == .wire ? "wire" : "Swift") | \($0.summary.replacingOccurrences(of: "|", with: "\\|")) |"
        }
        try Self.expectBlock(
            "diff-rules", (["| rule | aspect | verdict, and why |", "|---|---|---|"] + rows).joined(separator: "\n"))
    }

    @Test func theExitCodesAreTheCommands() throws {
        let codes: [KonaplateExit] = [.success, .breakingChanges, .specErrors, .ioError, .usage]
        let rows = codes.map { "| `\($0.rawValue)` | \($0.meaning) |" }
        try Self.expectBlock("diff-exit-codes", (["| exit | meaning |", "|---|---|"] + rows).joined(separator: "\n"))
    }
}
