/// Checks what the loader cannot see in one node: constraints that contradict each other, references between
/// files, and values that must follow a rule (paths, names). Swift naming clashes are the translator's job.
struct SpecChecker {
    var diagnostics = Diagnostics()

    static let methods = ["POST", "GET", "PUT", "PATCH", "DELETE"]

    mutating func check(_ spec: EndpointSpec, headerSets: [String: HeaderSetSpec]) {
        if !SwiftNaming.isTypeName(spec.name.value) {
            diagnostics.error(
                "'name' must be a Swift type name (letters and digits, starting with an upper-case letter); found '\(spec.name.value)'"
                    + SwiftNaming.typeNameHint(spec.name.value),
                at: spec.name.location)
        }
        if !Self.methods.contains(spec.method.value) {
            diagnostics.error(
                "'method' must be one of \(Self.methods.joined(separator: ", ")); found '\(spec.method.value)'"
                    + Suggestion.hint(for: spec.method.value, among: Self.methods),
                at: spec.method.location)
        }
        checkPath(spec.path)
        if spec.headers.set.value.isEmpty || headerSets[spec.headers.set.value] == nil {
            let known = headerSets.keys.sorted()
            diagnostics.error(
                "header set '\(spec.headers.set.value)' is not defined in common/"
                    + (known.isEmpty ? " (no header sets are defined)" : Suggestion.hint(for: spec.headers.set.value, among: known)),
                at: spec.headers.set.location)
        }
        for body in [spec.request, spec.response].compactMap({ $0 }) { checkFields(body.fields) }
        var seenCodes: [String: SourceLocation] = [:]
        for result in spec.results {
            if let first = seenCodes[result.code.value] {
                diagnostics.error(
                    "result code '\(result.code.value)' is listed twice (first at line \(first.line))", at: result.code.location)
            }
            seenCodes[result.code.value] = result.code.location
            if !(100...599).contains(result.status) {
                diagnostics.error("'status' must be an HTTP status (100...599); found \(result.status)", at: result.location)
            }
        }
    }

    /// Paths start with `/`. One docs page prints `api/v1/user/deduction/info`: the spec must say `/api/...`.
    private mutating func checkPath(_ path: Located<String>) {
        let value = path.value
        if !value.hasPrefix("/") {
            diagnostics.error("'path' must start with '/'; found '\(value)' (did you mean '/\(value)'?)", at: path.location)
        } else if !Self.isPlainPath(value) {
            diagnostics.error(
                "'path' must be a plain URL path: segments of letters, digits and -._~!$&'()*+,;=:@% (no spaces, query, fragment or '//'); found '\(value)'",
                at: path.location)
        }
    }

    /// `^(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?$`, the JSON Schema's rule: RFC 3986 path characters, no empty segment.
    static func isPlainPath(_ path: String) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~!$&'()*+,;=:@%-")
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() }
        return segments.allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed.contains) }
    }

    private mutating func checkFields(_ fields: [FieldSpec]) {
        for field in fields {
            checkConstraints(
                name: field.name.value, length: field.length, format: field.format, codes: field.codes)
            if let items = field.items {
                checkConstraints(
                    name: field.name.value + " items", length: items.length, format: items.format, codes: items.codes)
            }
            checkFields(field.fields)
        }
    }

    mutating func checkConstraints(
        name: String, length: Located<LengthRule>?, format: Located<String>?, codes: [CodeSpec]
    ) {
        if let format {
            if let known = KnownFormat.named(format.value) {
                if let length, !length.value.allows(known.length) {
                    diagnostics.error(
                        "'length' \(length.value) of '\(name)' contradicts its format \(known.name), whose values are \(known.length) characters; remove 'length' or fix it",
                        at: length.location)
                }
            } else {
                let names = KnownFormat.all.map(\.name)
                diagnostics.error(
                    "unknown format '\(format.value)'\(Suggestion.hint(for: format.value, among: names)); known formats: \(names.joined(separator: ", "))",
                    at: format.location)
            }
        }
        var seen: Set<String> = []
        for code in codes {
            if !seen.insert(code.code).inserted {
                diagnostics.error("code '\(code.code)' of '\(name)' is listed twice", at: code.location)
            }
            if let length, !length.value.allows(code.code.utf16.count) {
                diagnostics.error(
                    "code '\(code.code)' of '\(name)' is \(code.code.utf16.count) characters, but 'length' is \(length.value)",
                    at: code.location)
            }
        }
    }

    /// Resolves an endpoint's header set and its per-endpoint overrides into the headers it documents.
    mutating func resolveHeaders(_ use: HeaderUse, set: HeaderSetSpec) -> (request: [HeaderSpec], response: [HeaderSpec]) {
        (merge(set.request, use.requestOverrides, isRequest: true), merge(set.response, use.responseOverrides, isRequest: false))
    }

    private mutating func merge(_ base: [HeaderSpec], _ overrides: [HeaderOverride], isRequest: Bool) -> [HeaderSpec] {
        var headers = base
        var touched: Set<String> = []
        for override in overrides {
            touched.insert(override.name.value)
            if let index = headers.firstIndex(where: { $0.name.value == override.name.value }) {
                var header = headers[index]
                if let presence = override.presence { header.presence = presence }
                if let condition = override.condition { header.condition = condition }
                if let length = override.length { header.length = length }
                if let format = override.format { header.format = format }
                if let sensitive = override.sensitive { header.sensitive = sensitive }
                if let description = override.description { header.description = description }
                if let source = override.source { header.source = source }
                headers[index] = header
            } else if let presence = override.presence, !isRequest || override.source != nil {
                headers.append(
                    HeaderSpec(
                        name: override.name, presence: presence, condition: override.condition, length: override.length,
                        format: override.format, sensitive: override.sensitive ?? false,
                        description: override.description, source: override.source))
            } else {
                let names = headers.map(\.name.value)
                diagnostics.error(
                    "header '\(override.name.value)' is not in the header set\(Suggestion.hint(for: override.name.value, among: names)); a new header needs 'presence'\(isRequest ? " and 'source'" : "")",
                    at: override.name.location)
            }
        }
        // The shared set's own headers are checked once, where the set is defined; here only what this spec changed.
        for header in headers where touched.contains(header.name.value) {
            checkConstraints(name: header.name.value, length: header.length, format: header.format, codes: [])
        }
        return headers
    }
}
