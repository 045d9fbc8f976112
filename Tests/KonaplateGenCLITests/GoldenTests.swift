import Foundation
import KonaplateGenerator
import Testing

@testable import KonaplateGenCLI

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

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
        #expect(plan.isInSync, "Generated/ is stale:\n\(plan.unifiedDiff())")
        for file in result.files {
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Generated/\(file.name)"))
            #expect(Array(committed) == Array(file.contents.utf8))
        }
    }
}
