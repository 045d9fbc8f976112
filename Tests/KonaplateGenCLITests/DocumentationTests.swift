import Foundation
import KonaplateTestSupport
import Testing

@testable import KonaplateGenCLI

/// The reference articles say what the code does: tables the code also knows are compared with it, so a change to
/// one without the other fails here.
struct DocumentationTests {
    static let catalog = repositoryRoot.appendingPathComponent("Sources/KonaplateGenCLI/KonaplateGenCLI.docc")

    /// The text between `<!-- name:begin -->` and `<!-- name:end -->` of an article.
    static func block(_ name: String, in article: String) throws -> String {
        let text = try String(contentsOf: catalog.appendingPathComponent(article), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- \(name):begin -->\n"), "\(article) has no \(name) block")
        let end = try #require(text.range(of: "<!-- \(name):end -->", range: begin.upperBound..<text.endIndex))
        return String(text[begin.upperBound..<end.lowerBound])
    }

    @Test func theExitCodeTableIsTheCodes() throws {
        let table =
            "| exit code | meaning |\n|---|---|\n"
            + KonaplateExit.allCases.map { "| \($0.rawValue) | \($0.meaning) |\n" }.joined()
        #expect(try Self.block("exit-codes", in: "CommandLine.md") == table)
    }

    @Test func everySubcommandIsDocumented() throws {
        let text = try String(contentsOf: Self.catalog.appendingPathComponent("CommandLine.md"), encoding: .utf8)
        for command in KonaplateGenCommand.configuration.subcommands {
            let name = command._commandName
            #expect(text.contains("konaplate-gen \(name)"), "CommandLine.md does not show `konaplate-gen \(name)`")
        }
    }
}
