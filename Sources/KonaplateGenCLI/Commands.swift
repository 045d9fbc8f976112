import ArgumentParser
import Foundation
import KonaplateGenerator

/// Exit codes, the same for every subcommand (also in `--help` and the README).
public enum KonaplateExit {
    public static let success: Int32 = 0
    /// A spec has errors (printed as path:line:column: error: ...). Nothing was written.
    public static let specErrors: Int32 = 1
    /// `check`: Generated/ differs from what the specs produce (the diff is printed).
    public static let outOfDate: Int32 = 2
    /// A file could not be read or written, or a file the generator did not write is in the way.
    public static let ioError: Int32 = 3
    /// `diff`: a change breaks the wire or the Swift API, and `--allow` does not accept it.
    public static let breakingChanges: Int32 = 4
    // 64: the command line itself is wrong (swift-argument-parser's usage error).
}

private let exitCodeHelp = """
    Exit codes:
      0   success
      1   a spec has errors (printed as path:line:column); nothing was written
      2   check: the output folder is out of date (a unified diff is printed)
      3   a file could not be read or written, or a hand-written file is in the way
      4   diff: a change breaks deployed clients or Swift callers (and no --allow accepts it)
      64  the command line is wrong

    """

public struct KonaplateGenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "konaplate-gen",
        abstract: "Generates Swift models, header builders and validators from Konaplate API specs.",
        discussion: exitCodeHelp,
        version: KonaplateGenerator.version,
        subcommands: [Generate.self, Check.self, Lint.self, Diff.self, Import.self, OpenAPI.self, GenerateFile.self, GenerateEndpointList.self],
        defaultSubcommand: Generate.self)

    public init() {}
}

struct Folders: ParsableArguments {
    @Option(name: .long, help: "The folder of YAML specs.")
    var specs = "api-specs"

    @Option(name: .long, help: "The folder of generated Swift files.")
    var output = "Generated"
}

/// Prints diagnostics to standard error, then fails with exit code 1 when any is an error.
/// - Parameter writes: whether the command would have written files, so the summary can say nothing was.
func report(_ diagnostics: [Diagnostic], writes: Bool = true) throws {
    for diagnostic in diagnostics { printError("\(diagnostic)") }
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
        printError("konaplate-gen: \(counted(errors, "error"))" + (writes ? "; nothing was written" : ""))
        throw ExitCode(KonaplateExit.specErrors)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `1 file`, `2 files`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Reports a failure that is not about one spec's content, with its exit code.
func fail(_ error: CLIError) -> ExitCode {
    printError("konaplate-gen: error: \(error)")
    switch error {
    case .noSpecs: return ExitCode(KonaplateExit.specErrors)
    case .io, .refusedRemoval: return ExitCode(KonaplateExit.ioError)
    }
}

/// Reads the specs and generates everything in memory; fails before any file is touched.
func generateAll(_ folders: Folders) throws -> (GenerationResult, OutputPlan) {
    do {
        let inputs = try SpecFolder.read(folders.specs)
        let result = KonaplateGenerator.generate(inputs)
        try report(result.diagnostics)
        return (result, try OutputPlan.make(files: result.files, folder: folders.output))
    } catch let error as CLIError {
        throw fail(error)
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the generated Swift files (only those whose bytes change; stale generated files are removed).",
        discussion: exitCodeHelp)

    @OptionGroup var folders: Folders

    @Flag(
        name: .long,
        help: "Remove stale generated files even when they outnumber the files the specs produce (after deleting most specs).")
    var prune = false

    func run() throws {
        let (result, plan) = try generateAll(folders)
        let removed = plan.changes.filter { if case .remove = $0 { true } else { false } }.count
        // A mistyped --specs or a half-checked-out folder must not read as "most endpoints were deleted": removing
        // more generated files than the specs produce needs the user to say so.
        if removed > result.files.count && !prune {
            throw fail(
                .refusedRemoval(
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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fail (exit 2, with a unified diff) when the generated folder differs from what the specs produce.",
        discussion: exitCodeHelp)

    @OptionGroup var folders: Folders

    func run() throws {
        let (result, plan) = try generateAll(folders)
        if plan.isInSync {
            print("konaplate-gen: \(folders.output) is up to date with \(folders.specs) (\(result.files.count) files)")
            return
        }
        print(plan.unifiedDiff(), terminator: "")
        FileHandle.standardError.write(
            Data(
                "konaplate-gen: \(folders.output) is out of date (\(counted(plan.changes.count, "file")) \(plan.changes.count == 1 ? "differs" : "differ")); run `swift run konaplate-gen generate` and commit the result\n"
                    .utf8))
        throw ExitCode(KonaplateExit.outOfDate)
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the specs and print diagnostics; write nothing.", discussion: exitCodeHelp)

    @Option(name: .long, help: "The folder of YAML specs.")
    var specs = "api-specs"

    func run() throws {
        let inputs: [SpecInput]
        do { inputs = try SpecFolder.read(specs) } catch { throw fail(error) }
        let diagnostics = KonaplateGenerator.lint(inputs)
        try report(diagnostics, writes: false)
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let remarks = diagnostics.filter { $0.severity == .remark }.count
        print(
            "konaplate-gen: \(counted(inputs.count, "spec file")) in \(specs): no errors"
                + (warnings > 0 ? ", \(counted(warnings, "warning"))" : "")
                + (remarks > 0 ? ", \(counted(remarks, "remark"))" : ""))
    }
}

/// The build tool plugin's entry point: one spec in, its one Swift file out, written only when its bytes change
/// (so SwiftPM's reruns after a relink or an environment change leave the compiler nothing to redo).
struct GenerateFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-file",
        abstract: "Write the Swift file of one spec (used by the build tool plugin).",
        discussion: exitCodeHelp)

    @Option(name: .long, help: "The folder of YAML specs.")
    var specs: String

    @Option(name: .long, help: "The spec's path inside the specs folder, e.g. bankaccounts/info.yaml.")
    var spec: String

    @Option(name: .long, help: "The Swift file to write.")
    var output: String

    func run() throws {
        do {
            let inputs = try SpecFolder.read(specs, spec: spec)
            let result = KonaplateGenerator.generate(inputs, includeCatalogue: false)
            try report(result.diagnostics)
            let sourceName = URL(fileURLWithPath: specs).standardizedFileURL.lastPathComponent + "/" + spec
            guard let file = result.files.first(where: { $0.sourceName == sourceName }) else {
                throw CLIError.io("spec '\(spec)' produced no Swift file")
            }
            let existing = FileManager.default.contents(atPath: output).map { Array($0) }
            if existing != Array(file.contents.utf8) {
                try OutputPlan.writeAtomically(Array(file.contents.utf8), to: output)
            }
        } catch let error as CLIError {
            throw fail(error)
        }
    }
}

/// The build tool plugin's entry point for the one file about every spec: the list of endpoint types.
struct GenerateEndpointList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-endpoint-list",
        abstract: "Write EndpointCatalogue.swift, the list of every endpoint type (used by the build tool plugin).",
        discussion: exitCodeHelp)

    @Option(name: .long, help: "The folder of YAML specs.")
    var specs: String

    @Option(name: .long, help: "The Swift file to write.")
    var output: String

    func run() throws {
        do {
            let (file, diagnostics) = KonaplateGenerator.endpointList(try SpecFolder.read(specs))
            try report(diagnostics)
            guard let file else { throw CLIError.io("the specs in '\(specs)' produced no endpoint list") }
            let existing = FileManager.default.contents(atPath: output).map { Array($0) }
            if existing != Array(file.contents.utf8) { try OutputPlan.writeAtomically(Array(file.contents.utf8), to: output) }
        } catch let error as CLIError {
            throw fail(error)
        }
    }
}

struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Export every spec as one OpenAPI 3.1 document (JSON), for other OpenAPI tools.",
        discussion: exitCodeHelp)

    @Option(name: .long, help: "The folder of YAML specs.")
    var specs = "api-specs"

    @Option(name: .long, help: "The file to write; standard output when omitted.")
    var output: String?

    func run() throws {
        do {
            let (document, diagnostics) = KonaplateGenerator.openAPI(try SpecFolder.read(specs))
            try report(diagnostics)
            guard let document else { return }
            if let output {
                try OutputPlan.writeAtomically(Array(document.utf8), to: output)
            } else {
                print(document, terminator: "")
            }
        } catch let error as CLIError {
            throw fail(error)
        }
    }
}
