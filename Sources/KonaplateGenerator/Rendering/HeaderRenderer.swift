import KonaplateSpecs

/// The X-KM-* header structs: request headers (a builder that fills and signs them all, and their fields in
/// documentation order) and response headers (read from a response's fields), both validated with the header
/// checks the model carries.
enum HeaderRenderer {
    /// A shared set: the request headers generic over the endpoint whose rules they follow, and the response headers.
    static func renderSharedSet(_ set: SwiftHeaderSet, _ p: inout CodePrinter) {
        p.doc(
            DocText([
                "The X-KM-* request headers of the shared header set, for every endpoint that uses it",
                "(`\(set.requestTypeName)<Endpoint>` is `Endpoint.RequestHeaders` for each of them).",
                "`init(credentials:body:context:)` fills them all: it generates the correlation id, stamps the tran time",
                "and signs the tran token over the exact body bytes. Conditional headers follow the endpoint's metadata:",
                "X-KM-Crypto-Key-Id is sent and required when a body is encrypted, X-KM-Access-Key unless it is a callback.",
            ]))
        renderRequestHeaders(
            set.request, declaration: "\(set.requestTypeName)<Endpoint: KonaplateEndpoint>", endpoint: "Endpoint", &p)
        p.line()
        p.doc(DocText(["The response headers of the shared header set."]))
        renderResponseHeaders(set.response, declaration: set.responseTypeName, &p)
    }

    /// The header types of an endpoint that changes single headers of its set.
    static func renderOwnHeaders(
        request: [SwiftHeader], response: [SwiftHeader], endpoint: String, _ p: inout CodePrinter
    ) {
        p.doc(
            DocText([
                "The X-KM-* request headers, as this endpoint's page documents them (it changes the shared set).",
                "`init(credentials:body:context:)` fills them all: it generates the correlation id, stamps the tran",
                "time and signs the tran token over the exact body bytes.",
            ]))
        renderRequestHeaders(request, declaration: "RequestHeaders", endpoint: endpoint, &p)
        p.line()
        p.doc(DocText(["The documented response headers."]))
        renderResponseHeaders(response, declaration: "ResponseHeaders", &p)
    }

    private static func renderRequestHeaders(
        _ headers: [SwiftHeader], declaration: String, endpoint: String, _ p: inout CodePrinter
    ) {
        renderStruct(headers, declaration: declaration, conformance: "KonaplateRequestHeaders", endpoint: endpoint, &p)
        { p in
            p.doc(
                DocText([
                    "Builds every header for `body`, the bytes that will be sent (sealed, if the endpoint encrypts)."
                ]))
            let arguments = headers.map { header -> (String, InitArgument) in
                (SwiftIdentifiers.argumentLabel(header.propertyName), fillArgument(header, endpoint: endpoint))
            }
            let computed = ModelSpelling.computedHeadersName
            renderValidatingInit(
                parameters: ["credentials: KonaplateCredentials", "body: [UInt8]", "context: KonaplateHeaderContext"],
                effects: " throws(KonaplateValidationError)",
                prelude: [
                    "let \(computed) = KonaplateComputedHeaders(credentials: credentials, body: body, context: context)"
                ],
                arguments: arguments, &p)
            p.line()
            renderReadingInit(headers, what: "a request, as a server reads them (a test double)", &p)
            p.line()
            let sources = headers.namesBySource.map { ".\($0.source.rawValue): \(SwiftLiteral.string($0.name))" }
            p.doc(DocText(["The header each source fills, by name (the first, where two take the same source)."]))
            p.computed(
                "public static var headerNames: [KonaplateHeaderSource: String]", "[\(sources.joined(separator: ", "))]"
            ) { p in
                p.array("", sources)
            }
            p.line()
            p.block("public var headerFields: [(name: String, value: String)]") { p in
                p.line("var fields: [(name: String, value: String)] = []")
                for header in headers {
                    let name = SwiftLiteral.string(header.headerName)
                    let property = "self.\(SwiftIdentifiers.escaped(header.propertyName))"
                    if header.isOptional {
                        p.line("if let value = \(property) { fields.append((\(name), value)) }")
                    } else {
                        p.line("fields.append((\(name), \(property)))")
                    }
                }
                p.line("return fields")
            }
        }
    }

    /// The value the builder passes for a header: its source, checked or conditional as the model says.
    private static func fillArgument(_ header: SwiftHeader, endpoint: String) -> InitArgument {
        switch header.fill {
        case .value(let source)?:
            return .expression(ModelSpelling.sourceExpression(source))
        case .required(let source)?:
            return .call(
                "validator.require",
                [
                    ModelSpelling.sourceExpression(source), "header: \(SwiftLiteral.string(header.headerName))",
                    "because: \"the docs require it\"",
                ])
        case .conditional(let source, let condition)?:
            return .expression(
                "KonaplateHeaderCondition.\(ModelSpelling.conditionCase(condition)).applies(to: \(endpoint).self) ? \(ModelSpelling.sourceExpression(source)) : nil"
            )
        case nil:
            return .expression("nil")
        }
    }

    private static func renderResponseHeaders(_ headers: [SwiftHeader], declaration: String, _ p: inout CodePrinter) {
        renderStruct(headers, declaration: declaration, conformance: "KonaplateResponseHeaders", endpoint: nil, &p) {
            p in
            renderReadingInit(headers, what: "a response", &p)
        }
    }

    /// `init(_ fields: HTTPFields)`: reads the headers from HTTP fields; throws when a required one is missing or
    /// breaks its constraints.
    private static func renderReadingInit(_ headers: [SwiftHeader], what: String, _ p: inout CodePrinter) {
        p.doc(
            DocText(["Reads the headers of \(what); throws when a required one is missing or breaks its constraints."]))
        let arguments = headers.map { header -> (String, InitArgument) in
            let lookup = "fields.konaplateValue(\(SwiftLiteral.string(header.headerName)))"
            let value: InitArgument =
                header.isOptional
                ? .expression(lookup)
                : .call(
                    "validator.require",
                    [lookup, "header: \(SwiftLiteral.string(header.headerName))", "because: \"the docs require it\""])
            return (SwiftIdentifiers.argumentLabel(header.propertyName), value)
        }
        renderValidatingInit(
            parameters: ["_ fields: HTTPFields"], effects: " throws(KonaplateValidationError)", prelude: [],
            arguments: arguments,
            &p)
    }

    /// A header struct: its properties and memberwise init, the members `body` adds, then validation and the
    /// masking mirror.
    private static func renderStruct(
        _ headers: [SwiftHeader], declaration: String, conformance: String, endpoint: String?, _ p: inout CodePrinter,
        body: (inout CodePrinter) -> Void
    ) {
        let properties = headers.map(asProperty)
        let sensitive = headers.contains(where: \.isSensitive)
        p.declaration(
            "nonisolated public struct \(declaration)",
            conformances: conformance + (sensitive ? ", CustomReflectable" : "")
        ) { p in
            for header in headers {
                p.doc(header.doc)
                p.line(
                    "public var \(SwiftIdentifiers.escaped(header.propertyName)): String\(header.isOptional ? "?" : "")"
                )
            }
            p.line()
            ModelRenderer.renderInit(
                properties.map { property in
                    var plain = property
                    plain.checks = []
                    return plain
                }, &p)
            p.line()
            body(&p)
            p.line()
            ValidationRenderer.render(properties, endpoint: endpoint, &p)
            if sensitive {
                p.line()
                MirrorRenderer.render(properties, &p)
            }
        }
    }

    private static func asProperty(_ header: SwiftHeader) -> SwiftProperty {
        SwiftProperty(
            name: header.propertyName, jsonKey: header.headerName, type: .string, isOptional: header.isOptional,
            doc: DocText(), isSensitive: header.isSensitive, checks: header.checks)
    }

    /// An argument of the memberwise init call: an expression, or a call that is wrapped when it is too long.
    private enum InitArgument {
        case expression(String)
        case call(String, [String])
    }

    /// An init that fills every property through the memberwise init, collecting what is missing, then validates.
    private static func renderValidatingInit(
        parameters: [String], effects: String, prelude: [String], arguments: [(String, InitArgument)],
        _ p: inout CodePrinter
    ) {
        let body: (inout CodePrinter) -> Void = { p in
            for line in prelude { p.line(line) }
            p.line("var validator = KonaplateValidator()")
            p.line("self.init(")
            p.indented { p in
                for (index, (name, value)) in arguments.enumerated() {
                    let comma = index == arguments.count - 1 ? "" : ","
                    switch value {
                    case .expression(let expression): p.line("\(name): \(expression)\(comma)")
                    case .call(let callee, let callArguments):
                        p.call("\(name): \(callee)", callArguments, suffix: comma)
                    }
                }
            }
            p.line(")")
            p.line("collectViolations(into: &validator, at: .root)")
            p.line("try validator.throwIfInvalid()")
        }
        let oneLine = "public init(\(parameters.joined(separator: ", ")))\(effects)"
        if p.fits(oneLine + " {") {
            p.block(oneLine, body)
        } else {
            p.line("public init(")
            p.indented { p in
                for (index, parameter) in parameters.enumerated() {
                    p.line(parameter + (index == parameters.count - 1 ? "" : ","))
                }
            }
            p.block(")" + effects, body)
        }
    }
}
