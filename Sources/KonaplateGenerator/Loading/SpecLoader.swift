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

/// Loads spec files into `EndpointSpec` and `HeaderSetSpec` values, checking their shape.
enum SpecLoader {
    static let endpointKeys = [
        "name", "title", "summary", "method", "path", "version", "mode", "callback", "source", "docs", "missing",
        "notes", "headers", "request", "response", "results",
    ]
    static let bodyKeys = ["encrypted", "fields"]
    static let fieldKeys = [
        "type", "presence", "when", "length", "range", "format", "codes", "sensitive", "description", "fields",
        "items", "count", "swiftName",
    ]
    static let itemKeys = ["type", "length", "range", "format", "codes"]
    static let headerKeys = ["presence", "when", "length", "format", "sensitive", "description", "source"]
    static let resultKeys = ["status", "code", "message", "description", "case"]
    static let codeKeys = ["meaning", "case"]

    static let presences: [(String, Presence)] = [
        ("required", .required), ("optional", .optional), ("conditional", .conditional("")),
    ]

    // MARK: Endpoint files

    static func loadEndpoint(_ root: Node, input: SpecInput, reader: inout NodeReader) -> EndpointSpec? {
        guard let top = reader.mapping(root, allowed: endpointKeys, context: "the endpoint spec") else { return nil }
        func text(_ key: String, required: Bool = false) -> String? {
            guard let node = required ? reader.require(key, in: top) : top[key] else { return nil }
            return reader.text(node, key: key)
        }
        func locatedText(_ key: String) -> Located<String>? {
            guard let node = reader.require(key, in: top), let value = reader.text(node, key: key) else { return nil }
            return Located(value: value, location: reader.location(of: node))
        }
        let name = locatedText("name")
        let title = text("title", required: true)
        let method = locatedText("method")
        let path = locatedText("path")
        let mode = reader.require("mode", in: top).flatMap { reader.word($0, key: "mode", choices: [("sync", EndpointMode.sync), ("async", .async)]) }
        let callback = top["callback"].flatMap { reader.bool($0, key: "callback") } ?? false
        let docs = loadDocs(top, reader: &reader)
        let headers = reader.require("headers", in: top).flatMap { loadHeaderUse($0, reader: &reader) }
        let request = top["request"].flatMap { loadBody($0, context: "the request", reader: &reader) }
        let response = top["response"].flatMap { loadBody($0, context: "the response", reader: &reader) }
        var results: [ResultSpec] = []
        if let node = top["results"] {
            if case .sequence(let sequence) = node {
                for item in sequence {
                    if reader.isAlias(item, after: node) {
                        reader.diagnostics.error(
                            "a result code uses a YAML alias; aliases are not supported in specs, write the value out",
                            at: reader.location(of: node))
                        break
                    }
                    if let result = loadResult(item, reader: &reader) { results.append(result) }
                }
            } else {
                reader.diagnostics.error(
                    "'results' must be a list of result codes ({ status: 200, code: \"000_000\", message: Success. }); found \(NodeReader.kind(of: node))",
                    at: reader.location(of: node))
            }
        }
        guard let name, let title, let method, let path, let mode, let docs, let headers else { return nil }
        return EndpointSpec(
            file: input.displayPath, sourceName: input.sourceName, name: name, title: title, summary: text("summary"),
            method: method, path: path, version: text("version"), mode: mode, callback: callback,
            source: text("source"), docs: docs, notes: text("notes"), headers: headers, request: request,
            response: response, results: results)
    }

    private static func loadDocs(_ top: Mapping, reader: inout NodeReader) -> DocsCompleteness? {
        guard let node = reader.require("docs", in: top),
            let complete = reader.word(node, key: "docs", choices: [("complete", true), ("partial", false)])
        else { return nil }
        let missing = top["missing"]
        if complete {
            if let missing {
                reader.diagnostics.error("'missing' is only for 'docs: partial'; this spec says the page is complete", at: reader.location(of: missing))
            }
            return .complete
        }
        guard let missing else {
            reader.diagnostics.error("'docs: partial' needs 'missing:' saying what the stored page lacks", at: reader.location(of: node))
            return nil
        }
        return reader.text(missing, key: "missing").map { .partial(missing: $0) }
    }

    private static func loadBody(_ node: Node, context: String, reader: inout NodeReader) -> BodySpec? {
        guard let body = reader.mapping(node, allowed: bodyKeys, context: context) else { return nil }
        let encrypted = body["encrypted"].flatMap { reader.bool($0, key: "encrypted") } ?? false
        let fields = body["fields"].map { loadFields($0, reader: &reader) } ?? []
        return BodySpec(encrypted: encrypted, fields: fields, location: body.location)
    }

    /// Objects nest a few levels in the real docs; the limit bounds what a hostile input can cost.
    static let maximumFieldDepth = 32
    /// The real docs have at most a few dozen fields per object; a thousand already makes a memberwise init the
    /// Swift compiler struggles with.
    static let maximumFieldCount = 1000

    static func loadFields(_ node: Node, reader: inout NodeReader) -> [FieldSpec] {
        guard reader.fieldDepth < maximumFieldDepth else {
            reader.diagnostics.error(
                "fields are nested more than \(maximumFieldDepth) levels deep; flatten the spec", at: reader.location(of: node))
            return []
        }
        reader.fieldDepth += 1
        defer { reader.fieldDepth -= 1 }
        return namedEntries(
            node, context: "'fields'", expected: "a mapping of field names to fields", limit: maximumFieldCount,
            reader: &reader, loadField)
    }

    /// A mapping whose keys are names the spec chooses (fields, headers), each value loaded by `load`.
    private static func namedEntries<Value>(
        _ node: Node, context: String, expected: String, limit: Int = .max, reader: inout NodeReader,
        _ load: (Node, Located<String>, inout NodeReader) -> Value?
    ) -> [Value] {
        if case .mapping(let mapping) = node, mapping.count > limit {
            reader.diagnostics.error(
                "\(context) has \(mapping.count) entries; the limit is \(limit) (the docs' objects have a few dozen)",
                at: reader.location(of: node))
            return []
        }
        guard let mapping = reader.mapping(node, allowed: [], context: context, expected: expected) else { return [] }
        return mapping.entries.compactMap { entry in
            load(entry.value, Located(value: entry.key, location: entry.keyLocation), &reader)
        }
    }

    private static func loadField(_ node: Node, _ name: Located<String>, _ reader: inout NodeReader) -> FieldSpec? {
        let context = "field '\(name.value)'"
        guard let field = reader.mapping(node, allowed: fieldKeys, context: context) else { return nil }
        let type = reader.require("type", in: field).flatMap { reader.word($0, key: "type", as: FieldType.self) }
        var presence = reader.require("presence", in: field).flatMap { reader.word($0, key: "presence", choices: presences) }
        let when = field["when"].flatMap { reader.text($0, key: "when") }
        if case .conditional = presence {
            if let when { presence = .conditional(when) } else {
                reader.diagnostics.error("conditional \(context) needs 'when:' with the docs' condition in words", at: field.location)
            }
        } else if when != nil, presence != nil, let node = field["when"] {
            reader.diagnostics.error("'when' is only for 'presence: conditional'", at: reader.location(of: node))
        }
        let length = field["length"].flatMap { reader.lengthRule($0, key: "length") }
        let range = field["range"].flatMap { reader.integerRange($0, key: "range") }
        let format = located(field["format"], key: "format", reader: &reader)
        let codes = field["codes"].map { loadCodes($0, reader: &reader) } ?? []
        let sensitive = field["sensitive"].flatMap { reader.bool($0, key: "sensitive") } ?? false
        let description = field["description"].flatMap { reader.text($0, key: "description") }
        let fields = field["fields"].map { loadFields($0, reader: &reader) } ?? []
        let items = field["items"].flatMap { loadItems($0, reader: &reader) }
        let count = field["count"].flatMap { reader.lengthRule($0, key: "count") }
        let swiftName = located(field["swiftName"], key: "swiftName", reader: &reader)
        guard let type, let presence else { return nil }
        let spec = FieldSpec(
            name: name, type: type, presence: presence, length: length, range: range, format: format, codes: codes,
            sensitive: sensitive, description: description, fields: fields, items: items, count: count,
            swiftName: swiftName)
        checkKeysFit(type: type, field: field, context: context, reader: &reader)
        return spec
    }

    /// Keys that only make sense for some types: a misplaced one is an error naming the type that takes it.
    private static func checkKeysFit(type: FieldType, field: Mapping, context: String, reader: inout NodeReader) {
        let applicable: [String: [FieldType]] = [
            "length": [.string], "format": [.string], "codes": [.string], "range": [.number, .string],
            "fields": [.object, .array], "items": [.array], "count": [.array],
        ]
        for entry in field.entries {
            guard let types = applicable[entry.key], !types.contains(type) else { continue }
            let hint: String = switch (entry.key, type) {
            case ("length", .number): " (use 'range' for a number's value range)"
            case ("fields", _): " (set 'type: object', or 'type: array' for a list of objects)"
            default: ""
            }
            reader.diagnostics.error(
                "'\(entry.key)' applies to \(types.map(\.rawValue).joined(separator: " and ")) fields; \(context) is a \(type.rawValue)\(hint)",
                at: entry.keyLocation)
        }
        if type == .object && field["fields"] == nil {
            reader.diagnostics.error("object \(context) needs 'fields'", at: field.location)
        }
        if type == .array && (field["fields"] == nil) == (field["items"] == nil) {
            reader.diagnostics.error(
                "array \(context) needs either 'fields' (a list of objects) or 'items' (a list of scalars: items: string)",
                at: field.location)
        }
    }

    private static func loadItems(_ node: Node, reader: inout NodeReader) -> ItemSpec? {
        let at = reader.location(of: node)
        let scalarTypes = [FieldType.string, .number, .boolean].map { ($0.rawValue, $0) }
        if case .scalar = node {
            let choices = scalarTypes.map { ($0.0, Optional($0.1)) } + [("any", nil)]
            return reader.word(node, key: "items", choices: choices).map {
                ItemSpec(type: $0 ?? .string, isAny: $0 == nil, length: nil, range: nil, format: nil, codes: [], location: at)
            }
        }
        guard let items = reader.mapping(node, allowed: itemKeys, context: "'items'", expected: "a scalar type or a mapping")
        else { return nil }
        guard let typeNode = reader.require("type", in: items),
            let type = reader.word(typeNode, key: "type", choices: scalarTypes)
        else { return nil }
        return ItemSpec(
            type: type, isAny: false, length: items["length"].flatMap { reader.lengthRule($0, key: "length") },
            range: items["range"].flatMap { reader.integerRange($0, key: "range") },
            format: located(items["format"], key: "format", reader: &reader),
            codes: items["codes"].map { loadCodes($0, reader: &reader) } ?? [], location: at)
    }

    private static func loadCodes(_ node: Node, reader: inout NodeReader) -> [CodeSpec] {
        guard let mapping = reader.mapping(node, allowed: [], context: "'codes'", expected: "a mapping of codes to meanings (\"01\": 정상)")
        else { return [] }
        return mapping.entries.compactMap { entry in
            if case .scalar = entry.value {
                return reader.text(entry.value, key: entry.key).map {
                    CodeSpec(code: entry.key, meaning: $0, caseName: nil, location: entry.keyLocation)
                }
            }
            guard let code = reader.mapping(entry.value, allowed: codeKeys, context: "code '\(entry.key)'"),
                let meaningNode = reader.require("meaning", in: code),
                let meaning = reader.text(meaningNode, key: "meaning")
            else { return nil }
            return CodeSpec(
                code: entry.key, meaning: meaning, caseName: located(code["case"], key: "case", reader: &reader),
                location: entry.keyLocation)
        }
    }

    private static func loadResult(_ node: Node, reader: inout NodeReader) -> ResultSpec? {
        guard let result = reader.mapping(node, allowed: resultKeys, context: "a result code") else { return nil }
        let status = reader.require("status", in: result).flatMap { reader.integer($0, key: "status") }
        let code = reader.require("code", in: result).flatMap { node in
            reader.text(node, key: "code").map { Located(value: $0, location: reader.location(of: node)) }
        }
        let message = reader.require("message", in: result).flatMap { reader.text($0, key: "message") }
        let description = result["description"].flatMap { reader.text($0, key: "description") }
        let caseName = located(result["case"], key: "case", reader: &reader)
        guard let status, let code, let message else { return nil }
        return ResultSpec(
            status: status, code: code, message: message, description: description, caseName: caseName,
            location: result.location)
    }

    private static func located(_ node: Node?, key: String, reader: inout NodeReader) -> Located<String>? {
        guard let node, let value = reader.text(node, key: key) else { return nil }
        return Located(value: value, location: reader.location(of: node))
    }

    // MARK: Headers

    private static func loadHeaderUse(_ node: Node, reader: inout NodeReader) -> HeaderUse? {
        if case .scalar = node {
            return reader.text(node, key: "headers").map {
                HeaderUse(set: Located(value: $0, location: reader.location(of: node)), requestOverrides: [], responseOverrides: [])
            }
        }
        guard let use = reader.mapping(node, allowed: ["use", "request", "response"], context: "'headers'", expected: "a header set name or a mapping")
        else { return nil }
        guard let setNode = reader.require("use", in: use), let set = reader.text(setNode, key: "use") else { return nil }
        return HeaderUse(
            set: Located(value: set, location: reader.location(of: setNode)),
            requestOverrides: use["request"].map { loadHeaderOverrides($0, reader: &reader) } ?? [],
            responseOverrides: use["response"].map { loadHeaderOverrides($0, reader: &reader) } ?? [])
    }

    private static func loadHeaderOverrides(_ node: Node, reader: inout NodeReader) -> [HeaderOverride] {
        namedEntries(node, context: "the headers", expected: "a mapping of header names to headers", reader: &reader, loadHeader)
    }

    /// Reads a header's keys, all optional: a shared definition must then have `presence`, an override need not.
    private static func loadHeader(_ node: Node, _ name: Located<String>, _ reader: inout NodeReader) -> HeaderOverride? {
        let context = "header '\(name.value)'"
        guard let header = reader.mapping(node, allowed: headerKeys, context: context) else { return nil }
        if !name.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) || name.value.isEmpty {
            reader.diagnostics.error("'\(name.value)' is not a valid header name (letters, digits and '-')", at: name.location)
        }
        var presence = header["presence"].flatMap { reader.word($0, key: "presence", choices: presences) }
        let condition = header["when"].flatMap { reader.word($0, key: "when", as: HeaderCondition.self) }
        if case .conditional = presence {
            if condition == nil && header["when"] == nil {
                reader.diagnostics.error("conditional \(context) needs 'when: \(HeaderCondition.allCases.map(\.rawValue).joined(separator: "' or 'when: "))'", at: header.location)
                presence = nil
            }
        }
        return HeaderOverride(
            name: name, presence: presence, condition: condition,
            length: header["length"].flatMap { reader.lengthRule($0, key: "length") },
            format: located(header["format"], key: "format", reader: &reader),
            sensitive: header["sensitive"].flatMap { reader.bool($0, key: "sensitive") },
            description: header["description"].flatMap { reader.text($0, key: "description") },
            source: header["source"].flatMap { reader.word($0, key: "source", as: HeaderSource.self) })
    }

    // MARK: Definitions files

    static func loadHeaderSets(_ root: Node, reader: inout NodeReader) -> [HeaderSetSpec] {
        guard let top = reader.mapping(root, allowed: ["headerSets"], context: "the definitions file"),
            let setsNode = reader.require("headerSets", in: top),
            let sets = reader.mapping(setsNode, allowed: [], context: "'headerSets'", expected: "a mapping of set names to header sets")
        else { return [] }
        return sets.entries.compactMap { entry in
            guard let set = reader.mapping(entry.value, allowed: ["request", "response"], context: "header set '\(entry.key)'")
            else { return nil }
            func headers(_ key: String, isRequest: Bool) -> [HeaderSpec] {
                guard let node = set[key] else { return [] }
                return loadHeaderOverrides(node, reader: &reader).compactMap { header in
                    guard let presence = header.presence else {
                        reader.diagnostics.error("missing required key 'presence' in header '\(header.name.value)'", at: header.name.location)
                        return nil
                    }
                    if isRequest && header.source == nil {
                        reader.diagnostics.error(
                            "request header '\(header.name.value)' needs 'source:' (one of \(HeaderSource.allCases.map(\.rawValue).joined(separator: ", ")))",
                            at: header.name.location)
                    }
                    if !isRequest, let source = header.source {
                        reader.diagnostics.error("'source' is only for request headers; found '\(source.rawValue)'", at: header.name.location)
                    }
                    return HeaderSpec(
                        name: header.name, presence: presence, condition: header.condition, length: header.length,
                        format: header.format, sensitive: header.sensitive ?? false, description: header.description,
                        source: header.source)
                }
            }
            return HeaderSetSpec(
                name: Located(value: entry.key, location: entry.keyLocation),
                request: headers("request", isRequest: true), response: headers("response", isRequest: false))
        }
    }
}
