import Foundation
import KonaplateGenerator

/// Reads every spec below a folder. The order of the file system is never used: inputs are sorted by path.
public enum SpecFolder {
    public static let extensions: Set<String> = ["yaml", "yml"]

    /// - Parameter root: the specs folder as the user named it (relative or absolute); diagnostics use paths
    ///   built from it, so they stay clickable from where the tool ran.
    public static func read(_ root: String) throws(CLIError) -> [SpecInput] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io("specs folder '\(root)' does not exist")
        }
        guard let enumerator = fileManager.enumerator(atPath: root) else { throw .io("cannot list '\(root)'") }
        var relativePaths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let url = URL(fileURLWithPath: relative)
            if extensions.contains(url.pathExtension) && !url.lastPathComponent.hasPrefix(".") {
                relativePaths.append(relative)
            }
        }
        return try inputs(root, relativePaths: relativePaths.sorted())
    }

    /// The definitions files (`common/`) and one endpoint spec: all that one endpoint's file depends on.
    public static func read(_ root: String, spec relative: String) throws(CLIError) -> [SpecInput] {
        let all = try read(root)
        let rootName = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        guard all.contains(where: { $0.sourceName == rootName + "/" + relative }) else {
            throw .io("spec '\(relative)' is not in '\(root)'")
        }
        return all.filter { $0.isDefinitions || $0.sourceName == rootName + "/" + relative }
    }

    static func inputs(_ root: String, relativePaths: [String]) throws(CLIError) -> [SpecInput] {
        let rootName = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return try relativePaths.map { (relative) throws(CLIError) in
            let path = prefix + relative
            guard let data = FileManager.default.contents(atPath: path) else { throw .io("cannot read '\(path)'") }
            return SpecInput(displayPath: path, sourceName: rootName + "/" + relative, contents: Array(data))
        }
    }
}

public enum CLIError: Error, CustomStringConvertible {
    case io(String)

    public var description: String {
        switch self {
        case .io(let message): message
        }
    }
}
