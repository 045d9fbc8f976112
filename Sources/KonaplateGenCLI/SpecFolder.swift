import Foundation
import KonaplateGenerator

/// Reads every spec below a folder. The order of the file system is never used: inputs are sorted by path.
public enum SpecFolder {
    public static let extensions: Set<String> = ["yaml", "yml"]

    /// - Parameter root: the specs folder as the user named it (relative or absolute); diagnostics use paths
    ///   built from it, so they stay clickable from where the tool ran.
    public static func read(_ root: String) throws(CLIError) -> [SpecInput] {
        try inputs(root, relativePaths: try specPaths(root))
    }

    /// The YAML files below `root`, relative to it, sorted.
    static func specPaths(_ root: String) throws(CLIError) -> [String] {
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
        return relativePaths.sorted()
    }

    /// The definitions files (`common/`) and one endpoint spec: all that one endpoint's file depends on.
    /// Reads only those files: the build plugin runs this once per spec, so reading every spec each time would
    /// make a build read N² files.
    public static func read(_ root: String, spec relative: String) throws(CLIError) -> [SpecInput] {
        let paths = try specPaths(root)
        guard paths.contains(relative) else { throw .io("spec '\(relative)' is not in '\(root)'") }
        return try inputs(root, relativePaths: paths.filter { $0 == relative || $0.hasPrefix("common/") })
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
