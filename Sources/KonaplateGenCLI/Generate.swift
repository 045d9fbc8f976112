import ArgumentParser
import KonaplateGenerator
import KonaplateSpecFiles
import KonaplateSpecs

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the generated Swift files (only those whose bytes change; stale generated files are removed).",
        discussion: KonaplateExit.helpText)

    @OptionGroup var folders: FoldersOptions

    @Flag(
        name: .long,
        help:
            "Remove stale generated files even when they outnumber the files the specs produce (after deleting most specs)."
    )
    var prune = false

    func run() throws {
        let (result, plan) = try generateInMemory(folders)
        let removed = plan.changes.filter { if case .remove = $0 { true } else { false } }.count
        // A mistyped --specs or a half-checked-out folder must not read as "most endpoints were deleted": removing
        // more generated files than the specs produce needs the user to say so.
        if removed > result.files.count && !prune {
            throw fail(
                .io(
                    "the specs in '\(folders.specs)' produce \(counted(result.files.count, "file")), and \(counted(removed, "generated file")) in '\(folders.output)' would be removed; nothing was written. If the specs are right (most endpoints were deleted), run again with --prune"
                ))
        }
        do { try plan.apply() } catch { throw fail(error) }
        let written = plan.changes.count - removed
        print(
            "konaplate-gen: \(counted(result.endpointCount, "endpoint")) (\(counted(result.files.count, "file"))): "
                + "\(written) written, \(plan.unchanged) unchanged, \(removed) removed in \(folders.output)")
    }
}

/// Reads the specs and generates everything in memory; fails before any file is touched.
func generateInMemory(_ folders: FoldersOptions) throws -> (GenerationResult, OutputPlan) {
    let module = SwiftModule(name: folders.moduleOption.module, writer: .command)
    let result = GeneratorPipeline.generate(try readSpecs(folders.specs), module: module)
    try report(result.diagnostics)
    do { return (result, try OutputPlan.make(files: result.files, folder: folders.output)) } catch { throw fail(error) }
}
