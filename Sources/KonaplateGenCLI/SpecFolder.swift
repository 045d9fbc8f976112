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
        let rootName = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return try relativePaths.sorted().map { (relative) throws(CLIError) in
            let path = prefix + relative
            guard let data = fileManager.contents(atPath: path) else { throw .io("cannot read '\(path)'") }
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
