import Foundation
import KonaplateTestSupport
import Testing

/// `konaplate-gen import`, run as a maintainer runs it: where the draft goes, never over an existing spec unless
/// asked, `--stdout`, standard input, and the TODOs `lint` then reports.
struct ImportCommandTests {
    let workspace: URL
    static let page = repositoryRoot.appendingPathComponent("Tests/Fixtures/Import/bankaccounts-info.page.txt").path

    init() throws {
        workspace = try workspaceWithSpecs()
    }

    private func run(_ arguments: [String], input: String? = nil) throws -> CommandLineTests.Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build konaplate-gen first")
        guard let input else { return try CommandLineTests.run(arguments, in: workspace) }
        let file = workspace.appendingPathComponent("stdin.txt")
        try input.write(to: file, atomically: true, encoding: .utf8)
        return try CommandLineTests.run(
            ["sh", "-c", "\"$0\" \"$@\" < stdin.txt", CommandLineTests.executable.path] + arguments, in: workspace,
            viaShell: true)
    }

    @Test func writesTheDraftWhereTheConventionSaysButNeverOverASpec() throws {
        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let original = try String(contentsOf: spec, encoding: .utf8)
        let refused = try run(["import", Self.page])
        #expect(refused.status == 3)
        #expect(
            refused.stderr
                == "konaplate-gen: error: 'api-specs/bankaccounts/info.yaml' already exists; compare with --stdout, or replace it with --force\n"
        )
        #expect(try String(contentsOf: spec, encoding: .utf8) == original)

        let compared = try run(["import", Self.page, "--stdout"])
        #expect(compared.status == 0)
        #expect(compared.stdout.contains("path: /api/v1/bankaccounts/info\n"))

        try FileManager.default.removeItem(at: spec)
        let printed = try run(["import", Self.page, "--stdout"])  // no spec left to spell the name by
        #expect(printed.status == 0)
        let written = try run(["import", Self.page])
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("konaplate-gen: wrote api-specs/bankaccounts/info.yaml with "))
        #expect(try String(contentsOf: spec, encoding: .utf8) == printed.stdout)

        let lint = try run(["lint"])
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("api-specs/bankaccounts/info.yaml:"))
        #expect(lint.stderr.contains(": warning: unresolved TODO(import)"))

        #expect(try run(["import", Self.page, "--force"]).status == 0)
    }

    @Test func readsStandardInputAndRefusesForeignText() throws {
        let page = try String(contentsOfFile: Self.page, encoding: .utf8)
        let fromStdin = try run(["import", "--stdout"], input: page)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout.contains("# A draft by `konaplate-gen import` from the page text <stdin>."))

        let foreign = try run(["import", "--stdout"], input: "<!DOCTYPE html>\n<html></html>\n")
        #expect(foreign.status == 1)
        #expect(foreign.stderr.hasPrefix("<stdin>:1:1: error: this is HTML, not the page's text"))
    }

    /// The name is the path's upper camel case with each word spelled as the specs beside it spell it: the
    /// workspace's bankaccounts/info.yaml says BankAccountsInfo, so /api/v1/bankaccounts/xyz is BankAccountsXyz.
    @Test func theDraftedNameSpellsThePathAsTheSpecsDo() throws {
        let page = try String(contentsOfFile: Self.page, encoding: .utf8)
            .replacingOccurrences(of: "/api/v1/bankaccounts/info", with: "/api/v1/bankaccounts/xyz")
        let printed = try run(["import", "--stdout"], input: page)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("\nname: BankAccountsXyz\n"), "\(printed.stdout)")
    }
}
