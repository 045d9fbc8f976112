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
    // 64: the command line itself is wrong (swift-argument-parser's usage error).
}

private let exitCodeHelp = """
    Exit codes:
      0   success
      1   a spec has errors (printed as path:line:column); nothing was written
      2   check: the output folder is out of date (a unified diff is printed)
      3   a file could not be read or written, or a hand-written file is in the way
      64  the command line is wrong

    """

public struct KonaplateGenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "konaplate-gen",
        abstract: "Generates Swift models, header builders and validators from Konaplate API specs.",
        discussion: exitCodeHelp,
        subcommands: [Generate.self, Check.self, Lint.self],
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
func report(_ diagnostics: [Diagnostic]) throws {
    for diagnostic in diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
    if diagnostics.contains(where: { $0.severity == .error }) {
        let count = diagnostics.filter { $0.severity == .error }.count
        FileHandle.standardError.write(Data("konaplate-gen: \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
        throw ExitCode(KonaplateExit.specErrors)
    }
}

func failIO(_ error: CLIError) -> ExitCode {
    FileHandle.standardError.write(Data("konaplate-gen: error: \(error)\n".utf8))
    return ExitCode(KonaplateExit.ioError)
}

/// Reads the specs and generates everything in memory; fails before any file is touched.
func generateAll(_ folders: Folders) throws -> (GenerationResult, OutputPlan) {
    do {
        let inputs = try SpecFolder.read(folders.specs)
        let result = KonaplateGenerator.generate(inputs)
        try report(result.diagnostics)
        return (result, try OutputPlan.make(files: result.files, folder: folders.output))
    } catch let error as CLIError {
        throw failIO(error)
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the generated Swift files (only those whose bytes change; stale generated files are removed).",
        discussion: exitCodeHelp)

    @OptionGroup var folders: Folders

    func run() throws {
        let (result, plan) = try generateAll(folders)
        do { try plan.apply() } catch { throw failIO(error) }
        let written = plan.changes.filter { if case .remove = $0 { false } else { true } }.count
        let removed = plan.changes.count - written
        let endpoints = result.endpointCount
        print(
            "konaplate-gen: \(endpoints) endpoint\(endpoints == 1 ? "" : "s") (\(result.files.count) files): "
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
                "konaplate-gen: \(folders.output) is out of date (\(plan.changes.count) file\(plan.changes.count == 1 ? "" : "s") differ); run `swift run konaplate-gen generate` and commit the result\n"
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
        do { inputs = try SpecFolder.read(specs) } catch { throw failIO(error) }
        let diagnostics = KonaplateGenerator.lint(inputs)
        try report(diagnostics)
        print("konaplate-gen: \(inputs.count) spec file\(inputs.count == 1 ? "" : "s") in \(specs): no errors")
    }
}
