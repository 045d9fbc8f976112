import Foundation
import KonaplateGenerator
import Testing

@testable import KonaplateGenCLI

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh folder holding the real header sets and the bankaccounts/info spec, for tests that write: the tests
/// count files, so they use a fixed set rather than however many endpoints api-specs/ has.
func workspaceWithSpecs() throws -> URL {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("konaplate-\(UUID().uuidString)")
    for path in ["api-specs/common/headers.yaml", "api-specs/bankaccounts/info.yaml"] {
        let target = workspace.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(path), to: target)
    }
    return workspace
}

struct GoldenTests {
    /// The committed Generated/ is exactly what api-specs/ produces: no changed, missing or extra file.
    /// When this fails after an intended generator change: run `swift run konaplate-gen generate`, read the diff
    /// of Generated/ like any code change, and commit it with the change.
    @Test func generatedFolderMatchesTheSpecsByteForByte() throws {
        let inputs = try SpecFolder.read(repositoryRoot.appendingPathComponent("api-specs").path)
        let result = KonaplateGenerator.generate(inputs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(!result.files.isEmpty)
        let plan = try OutputPlan.make(files: result.files, folder: repositoryRoot.appendingPathComponent("Generated").path)
        let stale = plan.changes.map(\.name)
        #expect(stale.isEmpty, "Generated/ is stale; run `swift run konaplate-gen check` for the diff")
        for file in result.files where !stale.contains(file.name) {
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Generated/\(file.name)"))
            #expect(Array(committed) == Array(file.contents.utf8))
        }
    }
}
