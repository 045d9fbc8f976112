import Foundation
import KonaplateTestSupport
import Testing

/// `konaplate-gen diff`, run as a reviewer and CI run it: against a folder and a git revision, exit codes, the
/// allow list and formats.
struct DiffCommandTests {
    let workspace: URL

    init() throws {
        workspace = try workspaceWithSpecs()
    }

    static let gitAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    private var spec: URL { workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml") }

    /// Removes the response's `bankName` field (a field both the wire and Swift callers depend on).
    private func removeBankName() throws {
        let text = try String(contentsOf: spec, encoding: .utf8)
        let field =
            "        bankName:\n          type: string\n          presence: required\n          length: 1...10\n          description: 은행 이름\n"
        try #require(text.contains(field))
        try text.replacingOccurrences(of: field, with: "").write(to: spec, atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> CommandLineTests.Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build konaplate-gen first")
        return try CommandLineTests.run(arguments, in: workspace)
    }

    @Test func againstAFolderABreakExitsFourAndAnAllowedOneZero() throws {
        try FileManager.default.copyItem(
            at: workspace.appendingPathComponent("api-specs"), to: workspace.appendingPathComponent("base-specs"))
        let same = try run(["diff", "base-specs"])
        #expect(same.status == 0)
        #expect(same.stdout == "konaplate-gen diff: base-specs → api-specs: 1 endpoint, 0 changes: no changes\n")

        try removeBankName()
        let broken = try run(["diff", "base-specs"])
        #expect(broken.status == 4)
        // A removed field is shown where it was: in the base specs.
        #expect(broken.stdout.contains("  BASE:base-specs/bankaccounts/info.yaml:"))
        #expect(broken.stdout.contains("response.accountInfo.bankName: wire breaking, Swift breaking"))
        #expect(broken.stderr.contains("breaking changes since base-specs"))

        let allowed = try run([
            "diff", "base-specs", "--allow", "BankAccountsInfo:field-removed", "--allow",
            "BankAccountsInfo:swift-property-removed",
        ])
        #expect(allowed.status == 0)

        let allowFile = workspace.appendingPathComponent("accepted-breaks.txt")
        try "# reviewed in #123\nBankAccountsInfo:*\n".write(to: allowFile, atomically: true, encoding: .utf8)
        #expect(try run(["diff", "base-specs", "--allow-file", allowFile.path]).status == 0)

        let json = try run(["diff", "base-specs", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["breaking"] as? Bool == true)
        #expect(try run(["diff", "base-specs", "--format", "markdown"]).stdout.hasPrefix("### konaplate-gen diff: ❌"))
    }

    @Test(.enabled(if: gitAvailable, "needs git")) func againstAGitRevision() throws {
        for arguments in [
            ["init", "-q"], ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "api-specs"],
            ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base"],
        ] {
            let process = try Process.run(
                URL(fileURLWithPath: "/usr/bin/git"), arguments: ["-C", workspace.path] + arguments)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
        }
        #expect(try run(["diff", "HEAD"]).status == 0)
        try removeBankName()
        let broken = try run(["diff", "HEAD", "--format", "markdown"])
        #expect(broken.status == 4)
        #expect(broken.stdout.contains("`HEAD` → `api-specs`: 1 endpoint, 1 change: 1 breaking"))

        let unknown = try run(["diff", "no-such-branch"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr == "konaplate-gen: error: 'no-such-branch' is neither a folder nor a git revision\n")
    }

    @Test func aBadAllowEntryIsAUsageError() throws {
        let result = try run(["diff", "api-specs", "--allow", "BankAccountsInfo:field-remved"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'field-removed'?"))
    }
}
