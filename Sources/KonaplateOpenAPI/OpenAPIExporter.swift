import KonaplateSpecs
import KonaplateTextFormats

/// Exports the checked specs as one OpenAPI 3.1 document, so other OpenAPI tools (Swagger UI, other languages'
/// generators, swift-openapi-generator for comparison) can read the same API.
///
/// Konaplate facts OpenAPI has no word for are `x-konaplate-*` extensions: encrypted bodies, the result codes of each
/// HTTP status, code meanings, sensitive fields, the conditions of Conditional fields and headers, docs completeness.
public enum OpenAPIExporter {
    typealias Checked = CheckedEndpoint

    /// One OpenAPI 3.1 document (JSON) describing every endpoint, for other OpenAPI tools; nil when a spec has
    /// errors.
    public static func document(_ inputs: [SpecInput]) -> (document: String?, diagnostics: [Diagnostic]) {
        let (checked, diagnostics) = SpecFrontEnd.checkForOutput(inputs)
        return (checked.map(document), diagnostics)
    }

    static func document(_ api: CheckedAPI) -> String {
        let sorted = api.endpoints.sorted {
            ($0.spec.path.value, $0.spec.method.value) < ($1.spec.path.value, $1.spec.method.value)
        }
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
            schemas.append(
                (
                    "\(name).Request",
                    JSONSchemas.body(endpoint.spec.request, .request, description: "The request body of \(name).")
                ))
            schemas.append(
                (
                    "\(name).Response",
                    JSONSchemas.body(endpoint.spec.response, .response, description: "The response body of \(name).")
                ))
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
            (
                "parameters",
                .array(
                    endpoint.requestHeaders.map { header in
                        var parameter: [(String, JSON)] = [
                            ("name", .string(header.name.value)), ("in", .string("header")),
                        ]
                        parameter.append(("required", .bool(isRequired(header, of: endpoint))))
                        if let description = header.description {
                            parameter.append(("description", .string(description)))
                        }
                        parameter.append(("schema", JSONSchemas.header(header)))
                        if let condition = header.condition {
                            parameter.append(("x-konaplate-required-when", .string(condition.rawValue)))
                        }
                        return .object(parameter)
                    })
            ))
        members.append(
            (
                "requestBody",
                .object([
                    ("required", .bool(true)),
                    (
                        "content",
                        .object([("application/json", .object([("schema", reference("\(spec.name.value).Request"))]))])
                    ),
                ])
            ))
        members.append(("responses", responses(endpoint)))
        members.append(("x-konaplate-encrypted-request", .bool(encryptedRequest)))
        members.append(("x-konaplate-encrypted-response", .bool(encryptedResponse)))
        members.append(("x-konaplate-mode", .string(spec.mode.rawValue)))
        members.append(("x-konaplate-callback", .bool(spec.callback)))
        members.append(("x-konaplate-safe-to-repeat", .bool(spec.safeToRepeat)))
        switch spec.docs {
        case .complete: members.append(("x-konaplate-docs", .object([("completeness", .string("complete"))])))
        case .partial(let missing):
            members.append(
                ("x-konaplate-docs", .object([("completeness", .string("partial")), ("missing", .string(missing))])))
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
                            .object(
                                endpoint.responseHeaders.map { header in
                                    var fields: [(String, JSON)] = [("required", .bool(header.presence == .required))]
                                    if let description = header.description {
                                        fields.append(("description", .string(description)))
                                    }
                                    fields.append(("schema", JSONSchemas.header(header)))
                                    return (header.name.value, .object(fields))
                                })
                        ))
                    members.append(
                        (
                            "content",
                            .object([
                                ("application/json", .object([("schema", reference("\(spec.name.value).Response"))]))
                            ])
                        ))
                }
                if !results.isEmpty {
                    members.append(
                        (
                            "x-konaplate-result-codes",
                            .array(
                                results.map { result in
                                    var fields: [(String, JSON)] = [
                                        ("code", .string(result.code.value)), ("message", .string(result.message)),
                                    ]
                                    if let description = result.description {
                                        fields.append(("description", .string(description)))
                                    }
                                    return .object(fields)
                                })
                        ))
                }
                return (status, .object(members))
            })
    }

    private static func reference(_ name: String) -> JSON {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }
}
