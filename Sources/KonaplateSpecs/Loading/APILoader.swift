import Yams

/// A spec file handed to the generator: its bytes, the name diagnostics use, and its path below the specs folder.
public struct SpecInput: Sendable, Hashable {
    /// The path as the user would click it in diagnostics: `api-specs/bankaccounts/info.yaml`, or absolute.
    public var displayPath: String
    /// The path below the specs folder, with the folder's own name in front, used in generated headers so they
    /// do not depend on where the checkout lives: `api-specs/bankaccounts/info.yaml`.
    public var sourceName: String
    public var contents: [UInt8]

    public init(displayPath: String, sourceName: String, contents: [UInt8]) {
        self.displayPath = displayPath
        self.sourceName = sourceName
        self.contents = contents
    }

    /// Files in a `common/` folder directly below the specs folder hold shared definitions (the header sets);
    /// every other YAML file is one endpoint.
    public var isDefinitions: Bool { sourceName.split(separator: "/").dropFirst().first == "common" }
}

/// Loads spec files into `EndpointSpec` and `HeaderSetSpec` values, checking their shape: which keys a mapping may
/// have, what kind of value each key takes, which keys go together. What the values mean together (names, clashes,
/// references, contradictions) is the checker's job.
enum SpecLoader {
    static let presences: [(String, Presence)] = [
        ("required", .required), ("optional", .optional), ("conditional", .conditional("")),
    ]

    /// Every input, parsed and loaded: definitions files first (their header sets), then endpoints, each in path
    /// order, so a run never depends on the order files were listed in.
    static func load(_ unsorted: [SpecInput], diagnostics: inout Diagnostics) -> LoadedAPI {
        let inputs = unsorted.sorted { $0.sourceName < $1.sourceName }
        var api = LoadedAPI()
        for input in inputs where input.isDefinitions {
            let definitions = loadDefinitions(input, diagnostics: &diagnostics)
            api.headerSets += definitions.sets
            api.sharedResults += definitions.results
        }
        // The built-in definitions fill in what the specs' own do not define: a set by its name, a shared result
        // code by its code. So `headers: standard` needs no file of the user's, and a user's set of the same name
        // replaces the built-in one whole.
        let builtIn = loadDefinitions(BuiltInDefinitions.input, diagnostics: &diagnostics)
        let ownSets = Set(api.headerSets.map(\.name.value))
        api.headerSets += builtIn.sets.filter { !ownSets.contains($0.name.value) }
        let ownCodes = Set(api.sharedResults.map(\.code.value))
        api.sharedResults += builtIn.results.filter { !ownCodes.contains($0.code.value) }
        for input in inputs where !input.isDefinitions {
            var reader = NodeReader(file: input.displayPath)
            ImportTodos.report(input, into: &reader.diagnostics)
            if let root = YAMLParsing.parse(input.contents, file: input.displayPath, diagnostics: &reader.diagnostics),
                let spec = loadEndpoint(root, input: input, reader: &reader)
            {
                api.endpoints.append(spec)
            }
            diagnostics.append(contentsOf: reader.diagnostics.all)
        }
        return api
    }

    private static func loadDefinitions(_ input: SpecInput, diagnostics: inout Diagnostics) -> (
        sets: [HeaderSetSpec], results: [ResultSpec]
    ) {
        var reader = NodeReader(file: input.displayPath)
        defer { diagnostics.append(contentsOf: reader.diagnostics.all) }
        guard let root = YAMLParsing.parse(input.contents, file: input.displayPath, diagnostics: &reader.diagnostics)
        else {
            return ([], [])
        }
        return loadDefinitions(root, sourceName: input.sourceName, reader: &reader)
    }

    static func located(_ node: Node?, key: String, reader: inout NodeReader) -> Located<String>? {
        guard let node, let value = reader.text(node, key: key) else { return nil }
        return Located(value: value, location: reader.location(of: node))
    }
}

/// What loading produced: the specs whose shape is right, not yet checked against each other.
struct LoadedAPI {
    var headerSets: [HeaderSetSpec] = []
    /// The result codes every endpoint has, unless its own table lists the code (then its own row counts).
    var sharedResults: [ResultSpec] = []
    var endpoints: [EndpointSpec] = []
}
