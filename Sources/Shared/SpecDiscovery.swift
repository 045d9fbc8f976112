import Foundation

// Compiled into two modules, through a symlink in each: KonaplateSpecFiles (Sources/KonaplateSpecFiles/
// SpecDiscovery.swift), which konaplate-gen and the build tool read specs with, and the build tool plugin
// (Plugins/KonaplateGeneratorPlugin/SpecDiscovery.swift), which declares their outputs. A plugin cannot import a library,
// and the two must agree on which files are specs and what each one produces, so they share this source instead of
// keeping two copies that could drift.

/// Which files below a specs folder are specs, found the same way by the CLI and the build tool plugin.
///
/// - Symlinks are followed, for the folder itself and for files and folders inside it (monorepos often link a
///   shared `api-specs` into a package). A folder reached twice through links is read once.
/// - Names starting with `.` are skipped (editor backups, `.git`).
/// - Paths are returned relative to the folder, sorted, so nothing depends on the order the file system lists.
public enum SpecDiscovery {
    public static let extensions: Set<String> = ["yaml", "yml"]

    public enum Failure: Error, CustomStringConvertible {
        case notAFolder(String)
        case unreadable(String)
        case brokenLink(String)
        case extensionCase(String)

        public var description: String {
            switch self {
            case .extensionCase(let path):
                "'\(path)' ends in '.\(URL(fileURLWithPath: path).pathExtension)'; specs end in .yaml or .yml, in lower case (as the JSON Schema's file patterns and the editors expect): rename it"
            case .notAFolder(let path): "specs folder '\(path)' does not exist or is not a folder"
            case .unreadable(let path): "cannot list '\(path)'"
            case .brokenLink(let path):
                "'\(path)' is a symbolic link to a file that does not exist; fix or remove the link"
            }
        }
    }

    /// The spec files below `root`, relative to it, sorted.
    public static func specPaths(in root: String) throws(Failure) -> [String] {
        guard isFolder(root) else { throw .notAFolder(root) }
        var found: [String] = []
        var visited: Set<String> = []
        try collect(root: root, relative: "", into: &found, visited: &visited)
        return found.sorted()
    }

    private static func collect(
        root: String, relative: String, into found: inout [String], visited: inout Set<String>
    ) throws(Failure) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        // The real path, so a link back to an ancestor (or two links to one folder) is read once, not forever.
        guard visited.insert(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path).inserted else { return }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch { throw .unreadable(folder) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : relative + "/" + name
            let path = root + "/" + child
            if isFolder(path) {
                try collect(root: root, relative: child, into: &found, visited: &visited)
            } else if isYAMLName(name) {
                // `LOOKUP.YAML` is a spec its author meant to be read: refused with a reason, never silently skipped.
                guard extensions.contains(URL(fileURLWithPath: name).pathExtension) else { throw .extensionCase(path) }
                // fileExists follows links: false for a link whose target is gone.
                guard FileManager.default.fileExists(atPath: path) else { throw .brokenLink(path) }
                found.append(child)
            }
        }
    }

    /// Whether a file name ends in a YAML extension, in any letter case.
    public static func isYAMLName(_ name: String) -> Bool {
        extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased())
    }

    /// YAML files in a target's folder outside its specs folder, relative to the target's folder, sorted: files the
    /// build plugin does not read, which their author most likely meant as specs (SwiftPM itself only calls them
    /// "unhandled"). Hidden names and the build folder are skipped.
    public static func strayYAMLFiles(inTarget target: String, specsFolder: String) -> [String] {
        let specs = URL(fileURLWithPath: specsFolder).standardizedFileURL.path
        var found: [String] = []
        func walk(_ relative: String, depth: Int) {
            guard depth < 16 else { return }
            let folder = relative.isEmpty ? target : target + "/" + relative
            guard URL(fileURLWithPath: folder).standardizedFileURL.path != specs,
                let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
            else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                if isFolder(target + "/" + child) {
                    walk(child, depth: depth + 1)
                } else if isYAMLName(name) {
                    found.append(child)
                }
            }
        }
        walk("", depth: 0)
        return found
    }

    /// Whether `path` is a folder, following symbolic links.
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Files in `common/` directly below the specs folder hold shared definitions (the header sets); every other
    /// spec file is one endpoint.
    public static func isDefinitions(_ relative: String) -> Bool { relative.hasPrefix("common/") }

    /// The build tool plugin's output file for a spec: its path with `/` written as `.`
    /// (`bankaccounts/info.yaml` → `bankaccounts.info.swift`). It depends on the path alone, so the plugin needs no
    /// YAML and no copy of the generator's naming rules; and file names stay unique in the module, as Swift requires.
    public static func pluginOutputName(_ relative: String) -> String {
        let stem = relative.split(separator: ".").dropLast().joined(separator: ".")
        return stem.replacingOccurrences(of: "/", with: ".") + ".swift"
    }

    /// The build tool plugin's file listing every endpoint type (`EndpointCatalogue.swift` in `Generated/`).
    public static let endpointListName = "EndpointCatalogue.swift"

    /// Spec paths that would produce the same output name (`a/b.yaml` and `a.b.yaml`, or names differing only in
    /// case, which a case-insensitive file system cannot hold apart), as pairs.
    public static func outputNameClashes(_ relatives: [String]) -> [(String, String)] {
        var owners: [String: String] = [:]
        var clashes: [(String, String)] = []
        for relative in relatives {
            let key = pluginOutputName(relative).lowercased()
            if let owner = owners[key] { clashes.append((owner, relative)) } else { owners[key] = relative }
        }
        return clashes
    }
}
