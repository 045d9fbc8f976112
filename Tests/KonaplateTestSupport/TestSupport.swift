import Foundation

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

/// Runs `python3 Tools/<tool> arguments…` with `input` on standard input; its standard output, or nil when it exited
/// non-zero.
public func runPythonTool(_ tool: String, _ arguments: [String], input: [UInt8] = []) throws -> [UInt8]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/\(tool)").path] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = Pipe()
    try process.run()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? Array(output) : nil
}

/// Writes `text` to a new temporary file and returns its path (keys for the Python side).
public func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("konaplate-\(UUID().uuidString).pem")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
