import KonaplateGenerator

/// The Swift oracle's probe: what a caller and a test double write against one generated endpoint, derived from the
/// base's translated model alone. Compiled against another version of the generated code, it fails exactly when that
/// version breaks such code; nothing here reads a rule of `diff`.
///
/// It calls every memberwise initializer with every label in order (once with every argument, once with the
/// required ones only), pins every property's exact type and settability with a `WritableKeyPath`, switches over
/// every code enum and the result codes without `default`, reads the endpoint's static members, builds its header
/// types and reads their properties, and uses the conformances generated code promises (`KonaplateEndpoint`,
/// `KonaplateModel`, `CustomReflectable` for a struct with sensitive properties).
enum UsageProbe {
    /// - Parameters:
    ///   - endpoint: the base's translated endpoint.
    ///   - typeName: the name the probed code declares it under (the oracle suffixes names to batch many mutants).
    ///   - function: a name for the probe's function, unique in its module.
    static func source(for endpoint: SwiftEndpoint, as typeName: String, function: String) -> String {
        var writer = ProbeWriter(root: typeName)
        writer.line("func \(function)() {")
        writer.line("    typealias E = \(typeName)")
        writer.line("    let _: any KonaplateEndpoint.Type = E.self")
        writer.line("    let _: HTTPRequest.Method = E.method")
        for member in ["path"] { writer.line("    let _: String = E.\(member)") }
        for member in ["isRequestEncrypted", "isResponseEncrypted", "isCallback", "isSafeToRepeat"] {
            writer.line("    let _: Bool = E.\(member)")
        }
        writer.body(endpoint.request, name: "Request")
        writer.body(endpoint.response, name: "Response")
        writer.headers(endpoint.headers.probeHeaders.request, type: "E.RequestHeaders", isRequest: true)
        writer.headers(endpoint.headers.probeHeaders.response, type: "E.ResponseHeaders", isRequest: false)
        writer.resultCodes(endpoint.resultCodes)
        writer.line("}")
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

private struct ProbeWriter {
    let root: String
    var lines: [String] = []
    var counter = 0

    mutating func line(_ text: String) { lines.append(text) }

    mutating func fresh(_ stem: String) -> String {
        counter += 1
        return "\(stem)\(counter)"
    }

    mutating func body(_ body: SwiftBody, name: String) {
        switch body {
        case .undocumented:
            // An open JSON object: code builds it from members and reads them back.
            line("    let _: KonaplateUndocumentedBody.Type = E.\(name).self")
            line("    let \(fresh("open")): E.\(name) = [\"member\": .string(\"\")]")
        case .structure(let structure):
            model(structure, path: "E.\(name)")
        }
    }

    /// A struct: both initializer calls, every property's exact type and every nested type.
    mutating func model(_ structure: SwiftStruct, path: String) {
        line("    func use\(counter)<Model: KonaplateModel>(_: Model.Type) {}")
        line("    use\(counter)(\(path).self)")
        counter += 1
        let full = structure.properties.map {
            "\($0.name.escapedLabel): \(self.value($0.type, optional: false, in: path))"
        }
        let value = fresh("value")
        line("    let \(value) = \(path)(\(full.joined(separator: ", ")))")
        let required = structure.properties.filter { !$0.isOptional }.map {
            "\($0.name.escapedLabel): \(self.value($0.type, optional: false, in: path))"
        }
        line("    _ = \(path)(\(required.joined(separator: ", ")))")
        for property in structure.properties {
            let type = qualified(property.type, in: path) + (property.isOptional ? "?" : "")
            line("    let _: WritableKeyPath<\(path), \(type)> = \\\(path).\(property.name.escapedMember)")
        }
        if structure.hasSensitiveProperties { line("    let _: any CustomReflectable = \(value)") }
        line("    _ = \(value)")
        for nested in structure.nestedTypes {
            switch nested {
            case .structure(let inner): model(inner, path: "\(path).\(inner.name)")
            case .codes(let codes): codeSwitch(codes, path: "\(path).\(codes.name)")
            }
        }
    }

    /// An exhaustive switch, without `default`, over a code enum's cases.
    mutating func codeSwitch(_ codes: SwiftCodeEnum, path: String) {
        let name = fresh("code")
        line("    let \(name) = \(path)(rawValue: \"\")")
        line("    let _: [\(path)] = \(path).documented")
        line("    let _: String = \(name).rawValue")
        line("    switch \(name) {")
        for code in codes.cases { line("    case .\(code.name.escapedMember): break") }
        line("    case .undocumented(let raw): _ = raw")
        line("    }")
    }

    mutating func headers(_ headers: [SwiftHeader], type: String, isRequest: Bool) {
        let arguments = headers.map { "\($0.propertyName.escapedLabel): \"\"" }
        let value = fresh("headers")
        line("    let \(value) = \(type)(\(arguments.joined(separator: ", ")))")
        let required = headers.filter { !$0.isOptional }.map { "\($0.propertyName.escapedLabel): \"\"" }
        line("    _ = \(type)(\(required.joined(separator: ", ")))")
        for header in headers {
            line(
                "    let _: WritableKeyPath<\(type), String\(header.isOptional ? "?" : "")> = \\\(type).\(header.propertyName.escapedMember)"
            )
        }
        line("    let _: any \(isRequest ? "KonaplateRequestHeaders" : "KonaplateResponseHeaders") = \(value)")
    }

    mutating func resultCodes(_ cases: [SwiftResultCase]) {
        let name = fresh("result")
        line("    let \(name) = E.ResultCode(code: \"\")")
        line("    let _: [E.ResultCode] = E.ResultCode.documented")
        line("    switch \(name) {")
        for result in cases { line("    case .\(result.name.escapedMember): break") }
        line("    case .undocumented(let code): _ = code")
        line("    }")
    }

    /// An expression of exactly `type` (nested models built with every argument).
    func value(_ type: SwiftType, optional: Bool, in path: String) -> String {
        switch type {
        case .string: return "String()"
        case .bool: return "false"
        case .integer(let integer): return "\(integer.rawValue)(0)"
        case .jsonValue: return "KonaplateJSONValue.null"
        case .code(let name): return "\(path).\(name)(rawValue: \"\")"
        case .model(let name):
            // The nested struct's own initializer is probed on its own; here any value of the type will do.
            return "probeValue(of: \(path).\(name).self)"
        case .array(let element): return "[\(value(element, optional: false, in: path))]"
        case .optional(let wrapped): return "Optional(\(value(wrapped, optional: true, in: path)))"
        }
    }

    func qualified(_ type: SwiftType, in path: String) -> String {
        switch type {
        case .model(let name), .code(let name): "\(path).\(name)"
        case .array(let element): "[\(qualified(element, in: path))]"
        case .optional(let wrapped): qualified(wrapped, in: path) + "?"
        default: type.spelling
        }
    }
}

extension SwiftHeaderBinding {
    var probeHeaders: (request: [SwiftHeader], response: [SwiftHeader]) {
        switch self {
        case .shared(let set): (set.request, set.response)
        case .own(let request, let response): (request, response)
        }
    }
}

extension String {
    /// An argument label: any keyword but `inout`, `var` and `let` may be one as it is.
    var escapedLabel: String { ["inout", "var", "let"].contains(self) ? "`\(self)`" : self }
    /// A member after a dot or in a key path: keywords need backticks there too.
    var escapedMember: String { Self.keywords.contains(self) ? "`\(self)`" : self }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type",
    ]
}
