/// The rules of one endpoint spec: its name, method and path, the header set it names, its fields' constraints and
/// Swift names, its result codes.
enum EndpointChecker {
    static let methods = ["POST", "GET", "PUT", "PATCH", "DELETE"]

    static func check(_ spec: EndpointSpec, results: [ResultSpec], knownSets: [String], diagnostics: inout Diagnostics)
    {
        if !SwiftIdentifiers.isTypeName(spec.name.value) {
            diagnostics.error(
                "'name' must be a Swift type name (letters and digits, starting with an upper-case letter); found '\(spec.name.value)'"
                    + SwiftIdentifiers.typeNameHint(spec.name.value),
                at: spec.name.location)
        }
        if !methods.contains(spec.method.value) {
            diagnostics.error(
                "'method' must be one of \(methods.joined(separator: ", ")); found '\(spec.method.value)'"
                    + Suggestion.hint(for: spec.method.value, among: methods),
                at: spec.method.location)
        }
        checkPath(spec.path, diagnostics: &diagnostics)
        if !knownSets.contains(spec.headers.set.value) {
            diagnostics.error(
                "header set '\(spec.headers.set.value)' is not defined in common/"
                    + (knownSets.isEmpty
                        ? " (no header sets are defined)"
                        : Suggestion.hint(for: spec.headers.set.value, among: knownSets)),
                at: spec.headers.set.location)
        }
        for (typeName, body) in [("Request", spec.request), ("Response", spec.response)] {
            guard let body else { continue }
            checkConstraints(body.fields, diagnostics: &diagnostics)
            ConditionChecker.check(body.fields, rules: body.rules, diagnostics: &diagnostics)
            FieldNames.check(body.fields, in: typeName, diagnostics: &diagnostics)
        }
        ResultCodes.check(results, ownCount: spec.results.count, diagnostics: &diagnostics)
        if SwiftIdentifiers.isTypeName(spec.name.value) {
            SpecConventions.check(name: spec.name, path: spec.path.value, diagnostics: &diagnostics)
        }
    }

    /// Paths start with `/`. One docs page prints `api/v1/user/deduction/info` (DECISIONS.md D21): the spec must say
    /// `/api/...`.
    private static func checkPath(_ path: Located<String>, diagnostics: inout Diagnostics) {
        let value = path.value
        if !value.hasPrefix("/") {
            diagnostics.error(
                "'path' must start with '/'; found '\(value)' (did you mean '/\(value)'?)", at: path.location)
        } else if !isPlainPath(value) {
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

    /// - Parameter array: the array whose element `fields` describe, if they do.
    private static func checkConstraints(_ fields: [FieldSpec], in array: String? = nil, diagnostics: inout Diagnostics)
    {
        for field in fields {
            ConstraintChecker.check(field, diagnostics: &diagnostics)
            DocsArtefacts.check(field, isArrayElement: array != nil, arrayName: array, diagnostics: &diagnostics)
            SpecConventions.check(field, diagnostics: &diagnostics)
            checkConstraints(field.fields, in: field.type == .array ? field.name.value : nil, diagnostics: &diagnostics)
        }
    }
}
