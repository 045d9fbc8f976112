import ArgumentParser

/// The exit codes of every subcommand, written once: `--help` prints this table, the DocC article "The command line" shows it (a test keeps the two equal).
public enum KonaplateExit: Int32, CaseIterable, Sendable {
    case success = 0
    /// A spec has errors (printed as path:line:column: error: …). Nothing was written.
    case specErrors = 1
    /// `check`: the output folder differs from what the specs produce (a unified diff is printed).
    case outOfDate = 2
    /// A file could not be read or written, git failed, or a file the generator did not write is in the way.
    case ioError = 3
    /// `diff`: a change breaks deployed clients or Swift callers, and no `--allow` accepts it.
    case breakingChanges = 4
    /// The command line itself is wrong (swift-argument-parser's usage error).
    case usage = 64

    /// One line of `--help`.
    public var meaning: String {
        switch self {
        case .success: "success"
        case .specErrors: "a spec has errors (printed as path:line:column); nothing was written"
        case .outOfDate: "check: the output folder is out of date (a unified diff is printed)"
        case .ioError: "a file could not be read or written, git failed, or a hand-written file is in the way"
        case .breakingChanges: "diff: a change breaks deployed clients or Swift callers (and no --allow accepts it)"
        case .usage: "the command line is wrong"
        }
    }

    /// The table every subcommand's `--help` ends with.
    static let helpText =
        "Exit codes:\n"
        + allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0))\($0.meaning)" }
        .joined(separator: "\n") + "\n"

    var exitCode: ExitCode { ExitCode(rawValue) }
}
