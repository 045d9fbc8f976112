/// Exports the checked specs as one OpenAPI 3.1 document, so other OpenAPI tools (Swagger UI, other languages'
/// generators, swift-openapi-generator for comparison) can read the same API.
///
/// Konaplate facts OpenAPI has no word for are `x-konaplate-*` extensions: encrypted bodies, the result codes of each
/// HTTP status, code meanings, sensitive fields, the conditions of Conditional fields and headers, docs completeness.
enum OpenAPIExporter {
    typealias Checked = CheckedEndpoint

    static func document(_ api: CheckedAPI) -> String {
        let sorted = api.endpoints.sorted { ($0.spec.path.value, $0.spec.method.value) < ($1.spec.path.value, $1.spec.method.value) }
        var paths: [(String, JSON)] = []
        for path in uniqued(sorted.map(\.spec.path.value)) {
            let operations = sorted.filter { $0.spec.path.value == path }.map { endpoint in
                (endpoint.spec.method.value.lowercased(), operation(endpoint))
            }
            paths.append((path, .object(operations)))
        }
        var schemas: [(String, JSON)] = []
        for endpoint in sorted {
            let name = endpoint.spec.name.value
            schemas.append(("\(name).Request", body(endpoint.spec.request, description: "The request body of \(name).")))
            schemas.append(("\(name).Response", body(endpoint.spec.response, description: "The response body of \(name).")))
        }
        return JSON.object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Konaplate Open API")),
                    ("version", .string("1")),
                    (
                        "description",
                        .string(
                            "Exported by konaplate-gen from the endpoint specs. Every request carries the X-KM-* headers; bodies marked x-konaplate-encrypted-request/-response are JWE-encrypted."
                        )
                    ),
                ])
            ),
            ("servers", .array([.object([("url", .string("https://sandbox.konaplate.com/open-api"))])])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(schemas))])),
        ]).rendered()
    }

    private static func uniqued(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static func operation(_ endpoint: Checked) -> JSON {
        let spec = endpoint.spec
        var members: [(String, JSON)] = [
            ("operationId", .string(spec.name.value)),
            ("summary", .string(spec.title)),
        ]
        if let summary = spec.summary { members.append(("description", .string(summary))) }
        if let tag = tag(spec.path.value) { members.append(("tags", .array([.string(tag)]))) }
        if let source = spec.source { members.append(("externalDocs", .object([("url", .string(source))]))) }
        let encryptedRequest = spec.request?.encrypted ?? false
        let encryptedResponse = spec.response?.encrypted ?? false
        members.append(
            ("parameters", .array(endpoint.requestHeaders.map { header in
                var parameter: [(String, JSON)] = [("name", .string(header.name.value)), ("in", .string("header"))]
                parameter.append(("required", .bool(isRequired(header, of: endpoint))))
                if let description = header.description { parameter.append(("description", .string(description))) }
                parameter.append(("schema", headerSchema(header)))
                if let condition = header.condition { parameter.append(("x-konaplate-required-when", .string(condition.rawValue))) }
                return .object(parameter)
            })))
        members.append(
            (
                "requestBody",
                .object([
                    ("required", .bool(true)),
                    ("content", .object([("application/json", .object([("schema", reference("\(spec.name.value).Request"))]))])),
                ])
            ))
        members.append(("responses", responses(endpoint)))
        members.append(("x-konaplate-encrypted-request", .bool(encryptedRequest)))
        members.append(("x-konaplate-encrypted-response", .bool(encryptedResponse)))
        members.append(("x-konaplate-mode", .string(spec.mode.rawValue)))
        members.append(("x-konaplate-callback", .bool(spec.callback)))
        switch spec.docs {
        case .complete: members.append(("x-konaplate-docs", .object([("completeness", .string("complete"))])))
        case .partial(let missing):
            members.append(("x-konaplate-docs", .object([("completeness", .string("partial")), ("missing", .string(missing))])))
        }
        return .object(members)
    }

    /// `/api/v1/bankaccounts/info` → `bankaccounts`.
    private static func tag(_ path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        let start = segments.count > 1 && segments[0] == "api" ? 2 : 0
        return segments.count > start ? segments[start] : nil
    }

    /// Whether the endpoint requires the header: a Conditional one by the shared rule the runtime applies.
    private static func isRequired(_ header: HeaderSpec, of endpoint: CheckedEndpoint) -> Bool {
        switch header.presence {
        case .required: true
        case .optional: false
        case .conditional: header.condition.map(endpoint.requires) ?? false
        }
    }

    /// One response per documented HTTP status; 200 carries the response body and headers.
    private static func responses(_ endpoint: Checked) -> JSON {
        let spec = endpoint.spec
        var statuses = uniqued(spec.results.map { "\($0.status)" }).sorted()
        if !statuses.contains("200") { statuses.insert("200", at: 0) }
        return .object(
            statuses.map { status in
                let results = spec.results.filter { "\($0.status)" == status }
                let description =
                    results.isEmpty
                    ? "Success (the stored docs page does not list its result codes)"
                    : results.map { "\($0.code.value) \($0.message)" }.joined(separator: "; ")
                var members: [(String, JSON)] = [("description", .string(description))]
                if status == "200" {
                    members.append(
                        (
                            "headers",
                            .object(endpoint.responseHeaders.map { header in
                                var fields: [(String, JSON)] = [("required", .bool(header.presence == .required))]
                                if let description = header.description { fields.append(("description", .string(description))) }
                                fields.append(("schema", headerSchema(header)))
                                return (header.name.value, .object(fields))
                            })
                        ))
                    members.append(
                        ("content", .object([("application/json", .object([("schema", reference("\(spec.name.value).Response"))]))])))
                }
                if !results.isEmpty {
                    members.append(
                        ("x-konaplate-result-codes", .array(results.map { result in
                            var fields: [(String, JSON)] = [("code", .string(result.code.value)), ("message", .string(result.message))]
                            if let description = result.description { fields.append(("description", .string(description))) }
                            return .object(fields)
                        })))
                }
                return (status, .object(members))
            })
    }

    private static func reference(_ name: String) -> JSON { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

    private static func body(_ body: BodySpec?, description: String) -> JSON {
        var schema = objectSchema(body?.fields ?? [])
        schema.insert(("description", .string(description)), at: 0)
        return .object(schema)
    }

    private static func objectSchema(_ fields: [FieldSpec]) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("object"))]
        members.append(("properties", .object(fields.map { ($0.name.value, fieldSchema($0)) })))
        let required = fields.filter { $0.presence == .required }.map { JSON.string($0.name.value) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        return members
    }

    private static func fieldSchema(_ field: FieldSpec) -> JSON {
        var members: [(String, JSON)] = []
        switch field.type {
        case .string:
            members += stringSchema(length: field.length?.value, format: field.format?.value, codes: field.codes, range: field.range?.value)
        case .number:
            members += integerSchema(field.range?.value)
        case .boolean:
            members.append(("type", .string("boolean")))
        case .object:
            members += objectSchema(field.fields)
        case .array:
            members.append(("type", .string("array")))
            if let items = field.items {
                members.append(("items", itemSchema(items)))
            } else {
                members.append(("items", .object(objectSchema(field.fields))))
            }
            if let count = field.count?.value {
                if let minimum = count.minimum { members.append(("minItems", .integer(minimum))) }
                if let maximum = count.maximum { members.append(("maxItems", .integer(maximum))) }
            }
        }
        if let description = field.description { members.append(("description", .string(description))) }
        if case .conditional(let when) = field.presence { members.append(("x-konaplate-condition", .string(when))) }
        if field.sensitive { members.append(("x-konaplate-sensitive", .bool(true))) }
        return .object(members)
    }

    private static func itemSchema(_ items: ItemSpec) -> JSON {
        if items.isAny { return .object([]) }
        switch items.type {
        case .number: return .object(integerSchema(items.range?.value))
        case .boolean: return .object([("type", .string("boolean"))])
        default:
            return .object(stringSchema(length: items.length?.value, format: items.format?.value, codes: items.codes, range: items.range?.value))
        }
    }

    private static func stringSchema(length: LengthRule?, format: String?, codes: [CodeSpec], range: IntegerRange?) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("string"))]
        if let length {
            if let minimum = length.minimum { members.append(("minLength", .integer(minimum))) }
            if let maximum = length.maximum { members.append(("maxLength", .integer(maximum))) }
        }
        if let format, let pattern = pattern(format) {
            members.append(("pattern", .string(pattern)))
            members.append(("x-konaplate-format", .string(format)))
        }
        if let range {
            members.append(("pattern", .string("^-?[0-9]+$")))
            members.append(("x-konaplate-numeric-range", .string(range.description)))
        }
        if !codes.isEmpty {
            members.append(("enum", .array(codes.map { .string($0.code) })))
            members.append(("x-konaplate-code-meanings", .object(codes.map { ($0.code, .string($0.meaning)) })))
        }
        return members
    }

    /// A bound beyond Int64 (userId's 9999999999999999999) is more than most OpenAPI tools can hold exactly
    /// (OpenAPIKit, so swift-openapi-generator, rejects it; JavaScript rounds it). Such a bound is written exactly as
    /// text in `x-konaplate-minimum`/`-maximum`, with `format: uint64`, instead of being handed over rounded.
    private static func integerSchema(_ range: IntegerRange?) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("integer"))]
        let int64 = Int128(Int64.min)...Int128(Int64.max)
        if let maximum = range?.maximum, maximum > int64.upperBound { members.append(("format", .string("uint64"))) }
        for (name, bound) in [("minimum", range?.minimum), ("maximum", range?.maximum)] {
            guard let bound else { continue }
            members.append(int64.contains(bound) ? (name, .number("\(bound)")) : ("x-konaplate-\(name)", .string("\(bound)")))
        }
        return members
    }

    private static func headerSchema(_ header: HeaderSpec) -> JSON {
        .object(stringSchema(length: header.length?.value, format: header.format?.value, codes: [], range: nil))
    }

    /// The regular expression of a format (ECMA-262, as JSON Schema uses).
    static func pattern(_ format: String) -> String? {
        switch format {
        case "correlation-id": "^[0-9]{12}-[0-9A-Fa-f]{7}$"
        case "tran-token": "^KMV1:[0-9]{17}:[A-Za-z0-9+/]{43}=$"
        case "time-zone": "^[A-Z]{3}$"
        default: KnownFormat.named(format).map { "^[0-9]{\($0.length)}$" }
        }
    }
}
