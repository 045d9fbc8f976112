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

/// The pure core: spec bytes in, Swift source and diagnostics out. No file system, no printing, no clock; the
/// CLI, both SwiftPM plugins and the tests all go through here.
///
/// Pipeline: parse YAML (keeping positions) → load and shape-check specs → semantic checks → translate into the
/// Swift model → render text.
public enum KonaplateGenerator {
    /// The first characters of every generated file.
    public static let generatedFileMarker = EndpointRenderer.headerMarker

    public static func generate(_ inputs: [SpecInput]) -> GenerationResult {
        var run = Run()
        let (sets, endpoints) = run.process(inputs)
        guard !run.diagnostics.hasErrors else { return GenerationResult(files: [], diagnostics: run.sortedDiagnostics) }
        let setFiles = sets.map { set in
            GeneratedFile(name: set.fileName, contents: EndpointRenderer.renderHeaderSet(set), sourceName: set.sourceName)
        }
        let endpointFiles = endpoints.map { endpoint in
            GeneratedFile(name: endpoint.typeName + ".swift", contents: EndpointRenderer.render(endpoint), sourceName: endpoint.sourceName)
        }
        return GenerationResult(
            files: (setFiles + endpointFiles).sorted { $0.name < $1.name }, diagnostics: run.sortedDiagnostics,
            endpointCount: endpointFiles.count)
    }

    /// Checks the specs without rendering anything.
    public static func lint(_ inputs: [SpecInput]) -> [Diagnostic] {
        var run = Run()
        _ = run.process(inputs)
        return run.sortedDiagnostics
    }

    /// Loads one endpoint spec for inspection (tests, tooling). Header sets are not resolved.
    public static func loadEndpoint(_ input: SpecInput) -> (spec: EndpointSpec?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: input.displayPath)
        guard let root = YAMLParsing.parse(input.contents, file: input.displayPath, diagnostics: &reader.diagnostics) else {
            return (nil, reader.diagnostics.all)
        }
        let spec = SpecLoader.loadEndpoint(root, input: input, reader: &reader)
        return (spec, reader.diagnostics.all)
    }

    private struct Run {
        var diagnostics = Diagnostics()

        var sortedDiagnostics: [Diagnostic] {
            // Stable sort by position: the order of a run never depends on the order files were listed in.
            diagnostics.all.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
                .map(\.element)
        }

        mutating func process(_ unsorted: [SpecInput]) -> (sets: [SwiftHeaderSet], endpoints: [SwiftEndpoint]) {
            let inputs = unsorted.sorted { $0.sourceName < $1.sourceName }
            var headerSets: [String: HeaderSetSpec] = [:]
            var sharedSets: [String: SwiftHeaderSet] = [:]
            var translator = EndpointTranslator()
            var checker = SpecChecker()
            for input in inputs where input.isDefinitions {
                var reader = NodeReader(file: input.displayPath)
                if let root = YAMLParsing.parse(input.contents, file: input.displayPath, diagnostics: &reader.diagnostics) {
                    for set in SpecLoader.loadHeaderSets(root, reader: &reader) {
                        if let existing = headerSets[set.name.value] {
                            reader.diagnostics.error(
                                "header set '\(set.name.value)' is already defined at \(existing.name.location)", at: set.name.location)
                            continue
                        }
                        let shared = translator.headerSet(set, sourceName: input.sourceName)
                        if !SwiftNaming.isTypeName(shared.baseName) {
                            reader.diagnostics.error(
                                "header set name '\(set.name.value)' must start with a letter and contain only letters and digits",
                                at: set.name.location)
                            continue
                        }
                        headerSets[set.name.value] = set
                        sharedSets[set.name.value] = shared
                        for header in set.request + set.response {
                            checker.checkConstraints(
                                name: header.name.value, length: header.length, format: header.format, codes: [], range: nil)
                        }
                    }
                }
                diagnostics.append(contentsOf: reader.diagnostics.all)
            }

            var endpoints: [SwiftEndpoint] = []
            var names: [String: SourceLocation] = [:]
            var routes: [String: SourceLocation] = [:]
            let setFileNames = Set(sharedSets.values.map(\.fileName))
            for input in inputs where !input.isDefinitions {
                var reader = NodeReader(file: input.displayPath)
                guard let root = YAMLParsing.parse(input.contents, file: input.displayPath, diagnostics: &reader.diagnostics),
                    let spec = SpecLoader.loadEndpoint(root, input: input, reader: &reader)
                else {
                    diagnostics.append(contentsOf: reader.diagnostics.all)
                    continue
                }
                diagnostics.append(contentsOf: reader.diagnostics.all)
                checker.check(spec, headerSets: headerSets)
                if let first = names[spec.name.value] {
                    checker.diagnostics.error(
                        "endpoint name '\(spec.name.value)' is already used by \(first.file); each endpoint needs its own name",
                        at: spec.name.location)
                }
                names[spec.name.value] = names[spec.name.value] ?? spec.name.location
                let route = "\(spec.method.value) \(spec.path.value)"
                if let first = routes[route] {
                    checker.diagnostics.error("\(route) is already specified in \(first.file)", at: spec.path.location)
                }
                routes[route] = routes[route] ?? spec.path.location
                if setFileNames.contains(spec.name.value + ".swift") {
                    checker.diagnostics.error(
                        "endpoint name '\(spec.name.value)' is the name of a header set's generated file; choose another name",
                        at: spec.name.location)
                }
                guard let set = headerSets[spec.headers.set.value], let shared = sharedSets[spec.headers.set.value] else { continue }
                let binding: SwiftHeaderBinding
                if spec.headers.requestOverrides.isEmpty && spec.headers.responseOverrides.isEmpty {
                    binding = .shared(shared)
                } else {
                    let headers = checker.resolveHeaders(spec.headers, set: set)
                    binding = .own(
                        request: translator.headers(headers.request, isRequest: true),
                        response: translator.headers(headers.response, isRequest: false))
                }
                endpoints.append(translator.translate(spec, headers: binding))
            }
            diagnostics.append(contentsOf: checker.diagnostics.all)
            diagnostics.append(contentsOf: translator.diagnostics.all)
            return (sharedSets.values.sorted { $0.baseName < $1.baseName }, endpoints)
        }
    }
}
