import KonaplateSpecs

/// A Swift file the generator produces.
public struct GeneratedFile: Sendable, Hashable {
    /// The file name inside the output folder: `BankAccountsInfo.swift`.
    public var name: String
    public var contents: String
    /// The spec it came from, as named in its header.
    public var sourceName: String
}

public struct GenerationResult: Sendable {
    /// Empty when any error was found: output is all or nothing, so a bad spec never leaves a half-updated tree.
    public var files: [GeneratedFile]
    /// Every problem found, ordered by file, line and column.
    public var diagnostics: [Diagnostic]
    /// How many of `files` are endpoints; the others are shared header sets.
    public var endpointCount = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Generating: the checked API in, Swift source out. No file system, no printing, no clock; the CLI, the build tool,
/// `diff` and the tests all go through here.
///
/// A one-way pipeline after the front end (`SpecFrontEnd`: load → check), each stage with one job: translate (a
/// typed Swift model; decides, reports nothing) → render (prints the model, decides nothing).
public enum GeneratorPipeline {
    /// Every file the specs produce: one per endpoint, one per definitions file with header sets of its own, and
    /// the files about the whole API: the catalogue reviewers read (`README.md`) and the module's list of endpoint
    /// types (`EndpointCatalogue.swift`).
    /// - Parameter module: the module the files are compiled into (the names it declares beside its endpoints
    ///   derive from its name) and who writes them (what each file's header says to do instead of editing it).
    public static func generate(
        _ inputs: [SpecInput], module: SwiftModule = SwiftModule(name: "KonaplateAPI", writer: .command)
    ) -> GenerationResult {
        let (checked, diagnostics) = SpecFrontEnd.checkForOutput(inputs)
        guard let checked else { return GenerationResult(files: [], diagnostics: diagnostics) }
        let api = APITranslator.translate(checked, module: module)
        // One file per definitions file, holding the types of every header set it defines.
        let setFiles = Dictionary(grouping: api.headerSets, by: \.sourceName).map { sourceName, sets in
            GeneratedFile(
                name: SwiftIdentifiers.fileName(forDefinitions: sourceName),
                contents: EndpointFileRenderer.render(headerSets: sets, writer: module.writer), sourceName: sourceName)
        }
        let endpointFiles = api.endpoints.map { endpoint in
            GeneratedFile(
                name: endpoint.typeName + ".swift",
                contents: EndpointFileRenderer.render(endpoint, writer: module.writer),
                sourceName: endpoint.sourceName)
        }
        let root = rootName(inputs)
        let catalogue =
            api.endpoints.isEmpty
            ? []
            : [
                GeneratedFile(
                    name: CatalogueRenderer.fileName,
                    contents: CatalogueRenderer.renderCatalogue(api.endpoints, sourceName: root),
                    sourceName: root),
                GeneratedFile(
                    name: EndpointListRenderer.fileName, contents: EndpointListRenderer.render(api, sourceName: root),
                    sourceName: root),
            ]
        return GenerationResult(
            files: (setFiles + endpointFiles + catalogue).sorted { $0.name < $1.name },
            diagnostics: diagnostics, endpointCount: endpointFiles.count)
    }

    /// KonaplateRuntime's file of the built-in header sets' types (`KonaplateStandardRequestHeaders<Endpoint>`,
    /// `KonaplateStandardResponseHeaders`), which every generated module's endpoints name: declared once, so no two
    /// modules declare a type of the same name.
    public static func builtInHeaderTypes() -> GeneratedFile {
        let (checked, diagnostics) = SpecFrontEnd.checkForOutput([])
        // Constant input, checked by the tests: an error here is this package's bug, never a user's.
        guard let checked else { preconditionFailure("the built-in definitions have errors: \(diagnostics)") }
        let sets = APITranslator.builtInHeaderSets(checked)
        return GeneratedFile(
            name: builtInHeaderTypesFileName, contents: EndpointFileRenderer.render(headerSets: sets, writer: .runtime),
            sourceName: BuiltInDefinitions.sourceName)
    }

    /// Where KonaplateRuntime keeps `builtInHeaderTypes()`.
    public static let builtInHeaderTypesFileName = "KonaplateStandardHeaders.swift"

    /// The specs folder's name (`api-specs`), which files about the whole API name as their source.
    private static func rootName(_ inputs: [SpecInput]) -> String {
        inputs.map { String($0.sourceName.split(separator: "/").first ?? "") }.min() ?? "api-specs"
    }
}
