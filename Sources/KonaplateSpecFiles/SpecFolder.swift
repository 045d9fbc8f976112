import Foundation
import KonaplateSpecs

/// Reads every spec below a folder. Which files are specs is `SpecDiscovery`'s rule, shared with the build tool
/// plugin; the order of the file system is never used: inputs are sorted by path.
public enum SpecFolder {
    /// - Parameter root: the specs folder as the user named it (relative or absolute); diagnostics use paths
    ///   built from it, so they stay clickable from where the tool ran.
    /// - Throws: when the folder holds no endpoint spec: an empty or mistyped folder must never read as "the API
    ///   has no endpoints", which would make `generate` remove every generated file.
    public static func read(_ root: String) throws(SpecFilesError) -> [SpecInput] {
        let paths = try specPaths(root)
        try requireEndpoints(paths, root: root)
        return try inputs(root, relativePaths: paths)
    }

    /// The YAML files below `root`, relative to it, sorted (symlinks followed).
    public static func specPaths(_ root: String) throws(SpecFilesError) -> [String] {
        do { return try SpecDiscovery.specPaths(in: root) } catch { throw .io(error.description) }
    }

    static func requireEndpoints(_ paths: [String], root: String) throws(SpecFilesError) {
        if paths.isEmpty {
            throw .noSpecs(
                "no specs found in '\(root)'; expected endpoint specs as \(root)/**/*.yaml and header sets in \(root)/common/"
            )
        }
        if paths.allSatisfy(SpecDiscovery.isDefinitions) {
            throw .noSpecs(
                "no endpoint specs found in '\(root)', only definitions in common/; expected endpoint specs as \(root)/**/*.yaml"
            )
        }
    }

    /// Only the definitions files (`common/`): what `import` compares a page's header tables with.
    public static func definitions(_ root: String) throws(SpecFilesError) -> [SpecInput] {
        try inputs(root, relativePaths: try specPaths(root).filter(SpecDiscovery.isDefinitions))
    }

    public static func inputs(_ root: String, relativePaths: [String]) throws(SpecFilesError) -> [SpecInput] {
        let rootName = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return try relativePaths.map { (relative) throws(SpecFilesError) in
            let path = prefix + relative
            guard let data = FileManager.default.contents(atPath: path) else { throw .io("cannot read '\(path)'") }
            return SpecInput(displayPath: path, sourceName: rootName + "/" + relative, contents: Array(data))
        }
    }
}

/// Why the specs could not be read or an output written: a message naming the path and what to do.
public enum SpecFilesError: Error, CustomStringConvertible {
    /// A file could not be read or written, or a file the generator did not write is in the way.
    case io(String)
    /// The specs folder holds no endpoint spec.
    case noSpecs(String)

    public var description: String {
        switch self {
        case .io(let message), .noSpecs(let message): message
        }
    }
}
