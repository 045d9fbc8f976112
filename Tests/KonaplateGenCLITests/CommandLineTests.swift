import Foundation
import KonaplateTestSupport
import Testing

/// The real `konaplate-gen` executable, run as a user runs it: exit codes, summary line, diagnostics on stderr.
struct CommandLineTests {
    /// `swift build` puts the executable in the build folder that holds the test bundle (on Linux the bundle URL
    /// is that folder, on macOS the .xctest bundle inside it).
    static let executable = builtExecutable("konaplate-gen")

    static func builtExecutable(_ name: String) -> URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent(name) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// - Parameters:
    ///   - viaShell: run `arguments` with /bin/sh instead of konaplate-gen (for a redirection).
    ///   - tool: another executable of this package to run instead of konaplate-gen.
    static func run(_ arguments: [String], in directory: URL, viaShell: Bool = false, tool: URL = executable) throws
        -> Run
    {
        let process = Process()
        process.executableURL = viaShell ? URL(fileURLWithPath: "/bin/sh") : tool
        process.arguments = viaShell ? Array(arguments.dropFirst()) : arguments
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
        #expect(
            generate.stdout == "konaplate-gen: 1 endpoint (3 files): 3 written, 0 unchanged, 0 removed in Generated\n")

        let again = try Self.run(["generate"], in: workspace)
        #expect(again.stdout == "konaplate-gen: 1 endpoint (3 files): 0 written, 3 unchanged, 0 removed in Generated\n")

        let check = try Self.run(["check"], in: workspace)
        #expect(check.status == 0)

        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Generated/BankAccountsInfo.swift"))
        let stale = try Self.run(["check"], in: workspace)
        #expect(stale.status == 2)
        #expect(stale.stdout.hasPrefix("--- /dev/null\n+++ Generated/BankAccountsInfo.swift\n@@ -0,0 +1,"))
        #expect(stale.stderr.contains("Generated is out of date (1 file differs)"))
    }

    @Test func specErrorsExitOneWithPositionsOnStandardError() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "length: 5", with: "lenght: 5").write(
            to: spec, atomically: true, encoding: .utf8)
        let lint = try Self.run(["lint"], in: workspace)
        #expect(lint.status == 1)
        #expect(
            lint.stderr.hasPrefix(
                "api-specs/bankaccounts/info.yaml:41:11: error: unknown key 'lenght' in field 'accountId'; did you mean 'length'?\n"
            ))
        let generate = try Self.run(["generate"], in: workspace)
        #expect(generate.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Generated").path))
    }

    @Test func aMissingSpecsFolderExitsThree() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let run = try Self.run(["generate", "--specs", "nowhere"], in: workspace)
        #expect(run.status == 3)
        #expect(run.stderr == "konaplate-gen: error: specs folder 'nowhere' does not exist or is not a folder\n")
    }

    /// A lint run writes nothing, so its summary does not claim to have held back writes; warnings are counted.
    @Test func lintSaysWhatItFound() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let clean = try Self.run(["lint"], in: workspace)
        #expect(clean.status == 0)
        #expect(clean.stdout == "konaplate-gen: 1 spec file in api-specs: no errors\n")
        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "length: 5", with: "lenght: 5").write(
            to: spec, atomically: true, encoding: .utf8)
        let broken = try Self.run(["lint"], in: workspace)
        #expect(broken.stderr.hasSuffix("konaplate-gen: 1 error\n"))
    }

    @Test func versionIsPrinted() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let run = try Self.run(["--version"], in: workspace)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: ".").count == 3)
    }

    @Test func helpDocumentsTheExitCodes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build konaplate-gen first")
        let help = try Self.run(["--help"], in: workspace)
        #expect(help.stdout.contains("  2   check: the output folder is out of date (a unified diff is printed)\n"))
    }
}

/// What the CLI writes does not depend on the machine: locale, time zone or the order files are listed in.
struct DeterminismTests {
    static func generate(in workspace: URL, environment: [String: String]) throws -> [String: Data] {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["generate"]
        process.currentDirectoryURL = workspace
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let output = workspace.appendingPathComponent("Generated")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            files[name] = try Data(contentsOf: output.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: output)
        return files
    }

    @Test func localeAndTimeZoneChangeNoByte() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build konaplate-gen first")
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "konaplate-det-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("api-specs"), to: workspace.appendingPathComponent("api-specs"))
        let plain = try Self.generate(in: workspace, environment: ["LANG": "C", "LC_ALL": "C", "TZ": "UTC"])
        let turkish = try Self.generate(
            in: workspace, environment: ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Asia/Seoul"])
        let other = try Self.generate(
            in: workspace, environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8", "TZ": "Pacific/Chatham"])
        // One file per spec (endpoints and definitions files), the catalogue and the list of endpoint types.
        let specs = FileManager.default.enumerator(atPath: workspace.appendingPathComponent("api-specs").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }
        #expect(plain.count == specs.count + 2)
        #expect(plain == turkish)
        #expect(plain == other)
    }
}

/// `generate` killed in the middle of its writes leaves every generated file whole: old or new, never truncated;
/// files whose bytes did not change are not touched at all.
struct CrashSafetyTests {
    @Test func aKilledGenerateLeavesEveryFileOldOrNew() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build konaplate-gen first")
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "konaplate-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let specs = workspace.appendingPathComponent("api-specs")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("api-specs"), to: specs)
        let output = workspace.appendingPathComponent("Generated")
        #expect(try CommandLineTests.run(["generate"], in: workspace).status == 0)
        let old = try Self.snapshot(output)
        let oldDates = try Self.modificationDates(output)

        // Change every second endpoint's spec; the others must keep their files untouched.
        let endpointSpecs = FileManager.default.enumerator(atPath: specs.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("common/") }.sorted()
        for (index, path) in endpointSpecs.enumerated() where index % 2 == 0 {
            let url = specs.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: (changed) ").write(
                to: url, atomically: true, encoding: .utf8)
        }
        let reference = workspace.appendingPathComponent("Reference")
        #expect(try CommandLineTests.run(["generate", "--output", "Reference"], in: workspace).status == 0)
        let new = try Self.snapshot(reference)
        let changed = Set(new.keys.filter { old[$0] != new[$0] })
        #expect(changed.count > 25)

        // Kill the run part way through its writes: it stops after 10 writes and says so, then the kill lands. No
        // sleep decides where the kill falls, so the machine's load cannot move it.
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["generate"]
        process.currentDirectoryURL = workspace
        process.environment = ProcessInfo.processInfo.environment.merging(["KONAPLATE_GEN_TEST_STOP_AFTER_WRITES": "10"]
        ) { $1 }
        process.standardOutput = Pipe()
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")), let chunk = try stderr.fileHandleForReading.read(upToCount: 1),
            !chunk.isEmpty
        {
            said.append(chunk)
        }
        #expect(
            String(decoding: said, as: UTF8.self) == "konaplate-gen: stopped after 10 writes (test fault injection)\n")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try Self.snapshot(output)
        let nowNew = after.keys.filter { after[$0] == new[$0] && old[$0] != new[$0] }
        let stillOld = after.keys.filter { after[$0] == old[$0] && old[$0] != new[$0] }
        #expect(nowNew.count == 10, "the run stopped after 10 writes: \(nowNew.count) new, \(stillOld.count) old")
        #expect(!stillOld.isEmpty)
        for (name, bytes) in after {
            #expect(bytes == old[name] || bytes == new[name], "\(name) is neither the old nor the new file")
        }
        let dates = try Self.modificationDates(output)
        for name in old.keys where !changed.contains(name) {
            #expect(dates[name] == oldDates[name], "\(name) was rewritten")
        }

        // The next run finishes the job and cleans up the interrupted run's temporary file.
        #expect(try CommandLineTests.run(["generate"], in: workspace).status == 0)
        #expect(try Self.snapshot(output) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !$0.hasPrefix(".") })
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func modificationDates(_ folder: URL) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            dates[name] =
                try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[
                    .modificationDate] as? Date
        }
        return dates
    }
}
