import Foundation
import Testing

// What several test targets need: the repository's location, a fixed instant, the printed form of `dump()`, and a
// way to run the Python tools that play the independent side of a test.

/// The repository's root, found from this file's path, so tests read the real api-specs/, Generated/ and Tools/.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// 2026-11-25 09:11:04.123 UTC = 18:11:04.123 KST.
public let fixedInstant = Date(timeIntervalSince1970: 1_795_597_864.123)

/// What `dump(value)` prints.
public func dumped(_ value: some Any) -> String {
    var output = ""
    dump(value, to: &output)
    return output
}

/// The Python tools that play the independent side of a test (Tools/*.py: JSON Schema, OpenAPI and JOSE
/// implementations other than ours), run through `Tools/python`, which installs their pinned packages into
/// .build/python-tools on first use. Only python3 itself must be installed; without it the tests that need it are
/// skipped with `skipReason`, never passed.
public enum PythonTool {
    /// Whether python3 (or `KONAPLATE_PYTHON`) runs on this machine.
    public static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["KONAPLATE_PYTHON"] ?? "python3", "--version"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    public static let skipReason: Comment =
        "python3 is not installed: this test checks the project against an independent Python implementation. Install Python 3.9 or later; Tools/python then installs the pinned packages itself"

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String

        /// What to print when a run that should succeed did not: the tool's own words.
        public var failure: Comment { "Tools/python exited \(status): \(stderr)" }
    }

    /// Runs `Tools/python Tools/<script> arguments…` with `input` on standard input.
    public static func run(_ script: String, _ arguments: [String], input: [UInt8] = []) throws -> Result {
        let process = Process()
        process.executableURL = repositoryRoot.appendingPathComponent("Tools/python")
        process.arguments = [repositoryRoot.appendingPathComponent("Tools/\(script)").path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Input is written from another thread, so a tool that answers before reading everything cannot deadlock.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(output), stderr: errors.text())
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }.start()
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Writes `text` to a new temporary file and returns its path (keys for the Python side).
public func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("konaplate-\(UUID().uuidString).pem")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// Runs a command found on the PATH (`/usr/bin/env arguments…`), in `folder` when given, and returns its exit status
/// and everything it printed, standard output and standard error together in the order written (a compiler's
/// diagnostics and notes interleave). For the tests that compile code a caller would write.
public func runMerged(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// The toolchain's compiler as a command: `xcrun swiftc` on macOS (where `swiftc` on the PATH may be another
/// toolchain's), `swiftc` elsewhere.
public let swiftcCommand: [String] = {
    #if os(macOS)
        ["xcrun", "swiftc"]
    #else
        ["swiftc"]
    #endif
}()
