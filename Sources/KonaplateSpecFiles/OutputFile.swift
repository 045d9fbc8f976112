import Foundation

/// Writing one generated file, the only way any command or the build tool writes one.
///
/// - Written only when its bytes change, so its modification time moves only then: SwiftPM and the compiler skip
///   what did not change, and a build tool command that SwiftPM reruns for reasons of its own costs no
///   recompilation.
/// - Written to `.name.konaplate-tmp` beside the target, then renamed over it: rename(2) is atomic within a file
///   system, so a killed run leaves the old file or the new one, never a truncated one.
///
/// Plain POSIX writes without fsync: Foundation's `Data.write` syncs every file, which made writing 1,000 new files
/// take 0.5 s of disk flushes. The output is reproducible from the specs, so surviving a power cut mid-run is not
/// worth that; surviving a killed process (what the rename guarantees) is.
public enum OutputFile {
    /// The suffix of the temporary file a write renames; a leftover one (a run killed between write and rename) is
    /// never a user's file.
    public static let temporarySuffix = ".konaplate-tmp"

    /// Writes `bytes` to `path` unless the file already holds exactly them.
    /// - Returns: whether the file was written.
    @discardableResult
    public static func writeIfChanged(_ bytes: [UInt8], to path: String) throws(SpecFilesError) -> Bool {
        if let existing = FileManager.default.contents(atPath: path), existing.elementsEqual(bytes) { return false }
        try writeAtomically(bytes, to: path)
        return true
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SpecFilesError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent)\(temporarySuffix)"
        ).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io("cannot write '\(path)'") }
        var written = 0
        let complete: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard complete, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .io("cannot write '\(path)'")
        }
    }
}
