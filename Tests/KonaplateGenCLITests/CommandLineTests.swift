import Foundation
import Testing

/// The real `konaplate-gen` executable, run as a user runs it: exit codes, summary line, diagnostics on stderr.
struct CommandLineTests {
    /// `swift build` puts the executable in the build folder that holds the test bundle (on Linux the bundle URL
    /// is that folder, on macOS the .xctest bundle inside it).
    static let executable: URL = {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("konaplate-gen") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    let workspace: URL

    init() throws {
        workspace = try workspaceWithSpecs()
    }

    @Test func generateThenCheckThenBreakThenCheck() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let generate = try Self.run(["generate"], in: workspace)
        #expect(generate.status == 0)
        #expect(generate.stdout == "konaplate-gen: 1 endpoint (3 files): 3 written, 0 unchanged, 0 removed in Generated\n")

        let again = try Self.run(["generate"], in: workspace)
        #expect(again.stdout == "konaplate-gen: 1 endpoint (3 files): 0 written, 3 unchanged, 0 removed in Generated\n")

        let check = try Self.run(["check"], in: workspace)
        #expect(check.status == 0)

        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Generated/BankAccountsInfo.swift"))
        let stale = try Self.run(["check"], in: workspace)
        #expect(stale.status == 2)
        #expect(stale.stdout.hasPrefix("--- /dev/null\n+++ Generated/BankAccountsInfo.swift\n@@ -0,0 +1,"))
        #expect(stale.stderr.contains("Generated is out of date (1 file differ)"))
    }

    @Test func specErrorsExitOneWithPositionsOnStandardError() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "length: 5", with: "lenght: 5").write(to: spec, atomically: true, encoding: .utf8)
        let lint = try Self.run(["lint"], in: workspace)
        #expect(lint.status == 1)
        #expect(
            lint.stderr.hasPrefix(
                "api-specs/bankaccounts/info.yaml:40:11: error: unknown key 'lenght' in field 'accountId'; did you mean 'length'?\n"
            ))
        let generate = try Self.run(["generate"], in: workspace)
        #expect(generate.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Generated").path))
    }

    @Test func aMissingSpecsFolderExitsThree() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let run = try Self.run(["generate", "--specs", "nowhere"], in: workspace)
        #expect(run.status == 3)
        #expect(run.stderr == "konaplate-gen: error: specs folder 'nowhere' does not exist\n")
    }

    /// The build plugin's entry point: SwiftPM reruns it after every relink, so it must not touch an unchanged file.
    @Test func generateFileWritesOnlyWhenTheBytesChange() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let output = workspace.appendingPathComponent("out/BankAccountsInfo.swift")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let arguments = ["generate-file", "--specs", "api-specs", "--spec", "bankaccounts/info.yaml", "--output", output.path]
        #expect(try Self.run(arguments, in: workspace).status == 0)
        let written = try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as! Date
        Thread.sleep(forTimeInterval: 0.05)
        #expect(try Self.run(arguments, in: workspace).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as! Date == written)
        let generated = try String(contentsOf: output, encoding: .utf8)
        #expect(generated.hasPrefix("// Generated by konaplate-gen from api-specs/bankaccounts/info.yaml. DO NOT EDIT.\n"))

        let definitions = workspace.appendingPathComponent("out/CommonHeaders.swift")
        let run = try Self.run(
            ["generate-file", "--specs", "api-specs", "--spec", "common/headers.yaml", "--output", definitions.path], in: workspace)
        #expect(run.status == 0)
        #expect(try String(contentsOf: definitions, encoding: .utf8).contains("public struct StandardRequestHeaders<Endpoint: KonaplateEndpoint>"))
    }

    @Test func generateFileRefusesAnOutputNameThatIsNotTheSpecs() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let run = try Self.run(
            ["generate-file", "--specs", "api-specs", "--spec", "bankaccounts/info.yaml", "--output", workspace.appendingPathComponent("Wrong.swift").path],
            in: workspace)
        #expect(run.status == 3)
        #expect(run.stderr.contains("produces BankAccountsInfo.swift, but the build plugin expected Wrong.swift"))
    }

    @Test func helpDocumentsTheExitCodes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let help = try Self.run(["--help"], in: workspace)
        #expect(help.stdout.contains("  2   check: the output folder is out of date (a unified diff is printed)\n"))
    }
}
