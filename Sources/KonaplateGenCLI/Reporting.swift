import ArgumentParser
import Foundation
import KonaplateSpecFiles
import KonaplateSpecs

/// Prints diagnostics to standard error, then fails with `specErrors` when any is an error.
/// - Parameter writes: whether the command would have written files, so the summary can say nothing was.
func report(_ diagnostics: [Diagnostic], writes: Bool = true) throws {
    for diagnostic in diagnostics { printError("\(diagnostic)") }
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
        printError("konaplate-gen: \(counted(errors, "error"))" + (writes ? "; nothing was written" : ""))
        throw KonaplateExit.specErrors.exitCode
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
func fail(_ error: SpecFilesError) -> ExitCode {
    printError("konaplate-gen: error: \(error)")
    switch error {
    case .noSpecs: return KonaplateExit.specErrors.exitCode
    case .io: return KonaplateExit.ioError.exitCode
    }
}

/// Reads the specs of `--specs`, or fails with the reason and its exit code.
func readSpecs(_ folder: String) throws -> [SpecInput] {
    do { return try SpecFolder.read(folder) } catch { throw fail(error) }
}
