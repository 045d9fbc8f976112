/// Owns every semantic rule of a set of specs: what one file cannot tell on its own (names, clashes, references,
/// routes) and what the values of one spec mean together (contradicting constraints, names Swift cannot take).
/// Loading has checked each file's shape; translation assumes everything here passed.
enum APIChecker {
    static func check(_ api: LoadedAPI, diagnostics: inout Diagnostics) -> CheckedAPI {
        var sets: [String: HeaderSetSpec] = [:]
        for set in checkedHeaderSets(api.headerSets, diagnostics: &diagnostics) { sets[set.name.value] = set }
        checkEndpointNames(api.endpoints, sets: Array(sets.values), diagnostics: &diagnostics)
        checkRoutes(api.endpoints, diagnostics: &diagnostics)
        ResultCodes.check(api.sharedResults, diagnostics: &diagnostics)
        var endpoints: [CheckedEndpoint] = []
        for spec in api.endpoints {
            let results = ResultCodes.effective(own: spec.results, shared: api.sharedResults)
            EndpointChecker.check(spec, results: results, knownSets: sets.keys.sorted(), diagnostics: &diagnostics)
            guard let set = sets[spec.headers.set.value] else { continue }
            let headers = HeaderResolution.resolve(spec.headers, set: set, diagnostics: &diagnostics)
            endpoints.append(
                CheckedEndpoint(
                    spec: spec, set: set, requestHeaders: headers.request, responseHeaders: headers.response,
                    results: results))
        }
        return CheckedAPI(
            headerSets: sets.values.sorted { $0.name.value < $1.name.value }, sharedResults: api.sharedResults,
            endpoints: endpoints)
    }

    // MARK: Header sets

    /// The sets whose names are usable; the others are reported and left out.
    private static func checkedHeaderSets(_ all: [HeaderSetSpec], diagnostics: inout Diagnostics) -> [HeaderSetSpec] {
        var byName: [String: HeaderSetSpec] = [:]
        var byTypeName: [String: HeaderSetSpec] = [:]
        var usable: [HeaderSetSpec] = []
        for set in all {
            let name = set.name
            if let existing = byName[name.value] {
                diagnostics.error(
                    "header set '\(name.value)' is already defined at \(existing.name.location)", at: name.location)
                continue
            }
            byName[name.value] = set
            guard name.value.first?.isASCII == true, name.value.first?.isLetter == true,
                name.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else {
                diagnostics.error(
                    "header set name '\(name.value)' must start with a letter and contain only letters and digits",
                    at: name.location)
                continue
            }
            // `standard` and `Standard` would both declare StandardRequestHeaders.
            let typeName = SwiftIdentifiers.baseName(of: set)
            if let other = byTypeName[typeName] {
                diagnostics.error(
                    "header sets '\(other.name.value)' (\(other.name.location)) and '\(name.value)' name the same Swift types (…\(typeName)RequestHeaders and …\(typeName)ResponseHeaders); rename one of them",
                    at: name.location)
                continue
            }
            byTypeName[typeName] = set
            for header in set.request + set.response {
                ConstraintChecker.check(
                    name: header.name.value, length: header.length, format: header.format, codes: [],
                    diagnostics: &diagnostics)
            }
            HeaderNames.check(set.request, diagnostics: &diagnostics)
            HeaderNames.check(set.response, diagnostics: &diagnostics)
            usable.append(set)
        }
        return usable
    }

    // MARK: Endpoints

    /// Each endpoint is a top-level type and a file of the generated module: its name must be its own, also where a
    /// file system ignores case, and must not shadow what the generated code uses.
    private static func checkEndpointNames(
        _ endpoints: [EndpointSpec], sets: [HeaderSetSpec], diagnostics: inout Diagnostics
    ) {
        var owners: [String: EndpointSpec] = [:]
        // A set's types are `<Module><Set>RequestHeaders` (the built-in sets': `Konaplate<Set>…`, which the
        // `Konaplate` prefix rule covers). The module's name is not known here, so any name ending the way a set's
        // type ends is refused: whatever the module, the endpoint cannot be one of its set's types.
        let setTypeEndings = sets.filter { !BuiltInDefinitions.isBuiltIn(sourceName: $0.sourceName) }.flatMap { set in
            let base = SwiftIdentifiers.baseName(of: set)
            return [(base + "RequestHeaders", set), (base + "ResponseHeaders", set)]
        }
        let setFiles = Set(sets.map { SwiftIdentifiers.fileName(forDefinitions: $0.sourceName).lowercased() })
        for spec in endpoints {
            let name = spec.name
            if let first = owners[name.value.lowercased()] {
                let how =
                    first.name.value == name.value ? "" : " (as '\(first.name.value)': file names ignore case on macOS)"
                diagnostics.error(
                    "endpoint name '\(name.value)' is already used by \(first.file)\(how); each endpoint needs its own name",
                    at: name.location)
                continue
            }
            owners[name.value.lowercased()] = spec
            if SwiftIdentifiers.isReservedTopLevelName(name.value) {
                diagnostics.error(
                    "endpoint name '\(name.value)' is a name the generated code uses (Swift's, swift-http-types' or KonaplateRuntime's, whose names all start with 'Konaplate'); choose another name",
                    at: name.location)
            }
            if let (_, set) = setTypeEndings.first(where: { name.value.hasSuffix($0.0) }) {
                diagnostics.error(
                    "endpoint name '\(name.value)' is the name of a type of the header set '\(set.name.value)'; choose another name",
                    at: name.location)
            }
            if setFiles.contains((name.value + ".swift").lowercased()) {
                diagnostics.error(
                    "endpoint name '\(name.value)' is the name of a definitions file's generated file; choose another name",
                    at: name.location)
            }
        }
    }

    private static func checkRoutes(_ endpoints: [EndpointSpec], diagnostics: inout Diagnostics) {
        var routes: [String: SourceLocation] = [:]
        for spec in endpoints {
            let route = "\(spec.method.value) \(spec.path.value)"
            if let first = routes[route] {
                diagnostics.error("\(route) is already specified in \(first.file)", at: spec.path.location)
            } else {
                routes[route] = spec.path.location
            }
        }
    }
}
