import Foundation
import KonaplateTestSupport
import Testing

/// `konaplate-build-tool`, the build plugin's generator, run as SwiftPM runs it: the specs folder and the plugin's
/// output folder. SwiftPM reruns it in situations of its own (an environment change, a new source file, a relink),
/// so it must write exactly the files the plugin declared, and touch only those whose bytes change.
struct BuildToolTests {
    static let tool = CommandLineTests.builtExecutable("konaplate-build-tool")

    let workspace: URL
    let output: URL

    init() throws {
        workspace = try workspaceWithSpecs()
        output = workspace.appendingPathComponent("out")
    }

    func run() throws -> CommandLineTests.Run {
        try CommandLineTests.run(["api-specs", output.path, "KonaplateAPI"], in: workspace, tool: Self.tool)
    }

    func modificationDate(_ name: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)[.modificationDate]
            as! Date
    }

    @Test func writesOneFilePerSpecNamedAfterItsPathAndTheEndpointList() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool.path), "build konaplate-build-tool first")
        let run = try run()
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == ["EndpointCatalogue.swift", "bankaccounts.info.swift"])
        let endpoint = try String(contentsOf: output.appendingPathComponent("bankaccounts.info.swift"), encoding: .utf8)
        #expect(endpoint.contains("public enum BankAccountsInfo: KonaplateEndpoint"))
    }

    @Test func rewritesOnlyTheFilesWhoseBytesChange() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool.path), "build konaplate-build-tool first")
        #expect(try run().status == 0)
        // A modification date far in the past: any rewrite would replace it, however coarse the file system's clock,
        // so the test needs no wait.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        for name in names {
            try FileManager.default.setAttributes(
                [.modificationDate: past], ofItemAtPath: output.appendingPathComponent(name).path)
        }
        #expect(try run().status == 0)
        for name in names { #expect(try modificationDate(name) == past, "\(name) was rewritten") }

        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "description: 은행 이름", with: "description: 은행의 이름").write(
            to: spec, atomically: true, encoding: .utf8)
        #expect(try run().status == 0)
        #expect(try modificationDate("bankaccounts.info.swift") != past)
        for name in names where name != "bankaccounts.info.swift" {
            #expect(try modificationDate(name) == past, "\(name)")
        }
    }

    @Test func aSpecErrorWritesNothingAndNamesItsLine() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool.path), "build konaplate-build-tool first")
        let spec = workspace.appendingPathComponent("api-specs/bankaccounts/info.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "presence: required", with: "presence: requird").write(
            to: spec, atomically: true, encoding: .utf8)
        let run = try run()
        #expect(run.status == 1)
        #expect(run.stderr.contains("api-specs/bankaccounts/info.yaml:"))
        #expect(run.stderr.contains(": error: "))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
