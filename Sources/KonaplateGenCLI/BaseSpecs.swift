import Foundation
import KonaplateSpecFiles
import KonaplateSpecs

/// The specs `diff` compares against: a folder as it is, or the specs folder as a git revision had it.
enum BaseSpecs {
    /// - Parameters:
    ///   - base: a folder, or a revision git understands (`main`, `HEAD~1`, `origin/main`, a commit).
    ///   - specs: the specs folder of the working tree; at a revision, the same folder is read.
    /// - Returns: the inputs, and how to name them in the report.
    static func read(_ base: String, specs: String) throws(SpecFilesError) -> (inputs: [SpecInput], label: String) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue {
            return (try SpecFolder.read(base), base)
        }
        return (try atRevision(base, specs: specs), base)
    }

    /// The specs folder at `revision`, extracted by `git archive` into a temporary folder of the same name, with
    /// diagnostics naming `revision:path` (as `git show` takes it). A folder the revision lacks has no specs: every
    /// endpoint is then new.
    private static func atRevision(_ revision: String, specs: String) throws(SpecFilesError) -> [SpecInput] {
        guard FileManager.default.fileExists(atPath: specs) else {
            throw .io("the specs folder '\(specs)' does not exist")
        }
        let prefix = try git(["rev-parse", "--show-prefix"], in: specs).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try git(
            ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: specs,
            failure: {
                "'\(revision)' is neither a folder nor a git revision"
            })
        let name = URL(fileURLWithPath: specs).standardizedFileURL.lastPathComponent
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "konaplate-diff-\(UUID().uuidString)")
        let folder = temporary.appendingPathComponent(name)
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create a temporary folder: \(error.localizedDescription)")
        }
        let listed = try git(["ls-tree", "-r", "--name-only", revision, "--", "."], in: specs)
        guard !listed.isEmpty else { return [] }
        let archive = folder.appendingPathComponent(".base.tar").path
        _ = try git(["archive", "--format=tar", "--output", archive, revision, "--", "."], in: specs)
        try run("/usr/bin/env", ["tar", "-xf", archive, "-C", folder.path], in: specs)
        try? FileManager.default.removeItem(atPath: archive)
        let inputs: [SpecInput]
        do { inputs = try SpecFolder.read(folder.path) } catch .noSpecs { return [] }
        // Name files as `revision:path/in/repository`, which `git show` opens.
        return inputs.map { input in
            var input = input
            input.displayPath = revision + ":" + prefix + input.displayPath.dropFirst(folder.path.count + 1)
            return input
        }
    }

    private static func git(_ arguments: [String], in folder: String, failure: (() -> String)? = nil)
        throws(SpecFilesError) -> String
    {
        do {
            return try run("/usr/bin/env", ["git"] + arguments, in: folder)
        } catch {
            throw .io(failure?() ?? "git \(arguments.joined(separator: " ")) failed in '\(folder)': \(error)")
        }
    }

    /// Runs a command; its standard output, or its standard error as the failure.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], in folder: String) throws(SpecFilesError)
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw .io("cannot run \(arguments.first ?? executable): \(error.localizedDescription)")
        }
        // Read before waiting: a full pipe would otherwise block the child forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .io(
                message.isEmpty
                    ? "\(arguments.joined(separator: " ")) exited with \(process.terminationStatus)" : message)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
