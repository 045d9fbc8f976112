import Yams

// MARK: - The model of an endpoint

public struct BodySpec: Sendable, Hashable {
    public var encrypted: Bool
    public var fields: [FieldSpec]
    /// The stored page does not show this body (`request: undocumented`, or `fields: undocumented`): unlike a body
    /// the page shows empty, its fields are unknown.
    public var isUndocumented: Bool = false
    /// Rules about groups of the body's fields.
    public var rules: [GroupRule] = []
    public var location: SourceLocation
}

public struct ResultSpec: Sendable, Hashable {
    public var status: Int
    public var code: Located<String>
    public var message: String
    public var description: String?
    public var caseName: Located<String>?
    public var location: SourceLocation
}

public enum DocsCompleteness: Sendable, Hashable {
    case complete
    /// The stored page was cut or lacks parts; `missing` says what a maintainer should look up.
    case partial(missing: String)
}

public enum EndpointMode: String, Sendable, Hashable {
    case sync, async
}

public struct EndpointSpec: Sendable, Hashable {
    /// The path used in diagnostics, as the user named the file.
    public var file: String
    /// The path below the specs folder, with the folder's name in front: `api-specs/bankaccounts/info.yaml`.
    public var sourceName: String
    public var name: Located<String>
    public var title: String
    public var summary: String?
    public var method: Located<String>
    public var path: Located<String>
    public var version: String?
    public var mode: EndpointMode
    public var callback: Bool
    /// The endpoint only reads (an inquiry): a client may send it again after a failure.
    public var safeToRepeat: Bool = false
    public var source: String?
    public var docs: DocsCompleteness
    public var notes: String?
    public var headers: HeaderUse
    public var request: BodySpec?
    public var response: BodySpec?
    public var results: [ResultSpec]
}

// An endpoint spec's top level, its bodies and its result codes.
extension SpecLoader {
    // The keys each mapping may have, in the order "The spec format" (KonaplateGenCLI's DocC) documents them.
    static let endpointKeys = [
        "name", "title", "summary", "method", "path", "version", "mode", "callback", "source", "docs", "missing",
        "notes", "headers", "request", "response", "results", "safeToRepeat",
    ]
    static let bodyKeys = ["encrypted", "fields", "rules"]
    static let resultKeys = ["status", "code", "message", "description", "case"]

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
        let mode = reader.require("mode", in: top).flatMap {
            reader.word($0, key: "mode", choices: [("sync", EndpointMode.sync), ("async", .async)])
        }
        let callback = top["callback"].flatMap { reader.bool($0, key: "callback") } ?? false
        let safeToRepeat = top["safeToRepeat"].flatMap { reader.bool($0, key: "safeToRepeat") } ?? false
        let docs = loadDocs(top, reader: &reader)
        let headers = reader.require("headers", in: top).flatMap { loadHeaderUse($0, reader: &reader) }
        let request = top["request"].flatMap { loadBody($0, context: "the request", reader: &reader) }
        let response = top["response"].flatMap { loadBody($0, context: "the response", reader: &reader) }
        let results = top["results"].map { loadResults($0, key: "results", reader: &reader) } ?? []
        guard let name, let title, let method, let path, let mode, let docs, let headers else { return nil }
        return EndpointSpec(
            file: input.displayPath, sourceName: input.sourceName, name: name, title: title, summary: text("summary"),
            method: method, path: path, version: text("version"), mode: mode, callback: callback,
            safeToRepeat: safeToRepeat,
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
                reader.diagnostics.error(
                    "'missing' is only for 'docs: partial'; this spec says the page is complete",
                    at: reader.location(of: missing))
            }
            return .complete
        }
        guard let missing else {
            reader.diagnostics.error(
                "'docs: partial' needs 'missing:' saying what the stored page lacks", at: reader.location(of: node))
            return nil
        }
        return reader.text(missing, key: "missing").map { .partial(missing: $0) }
    }

    /// A body's mapping, or `undocumented` when the stored page does not show it (`fields: undocumented` keeps a
    /// known "Encrypted" marker).
    private static func loadBody(_ node: Node, context: String, reader: inout NodeReader) -> BodySpec? {
        if isUndocumented(node) {
            return BodySpec(encrypted: false, fields: [], isUndocumented: true, location: reader.location(of: node))
        }
        guard
            let body = reader.mapping(
                node, allowed: bodyKeys, context: context, expected: "a mapping or 'undocumented'")
        else { return nil }
        let encrypted = body["encrypted"].flatMap { reader.bool($0, key: "encrypted") } ?? false
        if let fields = body["fields"], isUndocumented(fields) {
            return BodySpec(encrypted: encrypted, fields: [], isUndocumented: true, location: body.location)
        }
        let fields = body["fields"].map { loadFields($0, reader: &reader) } ?? []
        let rules = body["rules"].map { loadRules($0, reader: &reader) } ?? []
        return BodySpec(encrypted: encrypted, fields: fields, rules: rules, location: body.location)
    }

    private static func isUndocumented(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.string == "undocumented" { return true }
        return false
    }

    /// A list of result codes: an endpoint's `results`, or a definitions file's `sharedResults`.
    static func loadResults(_ node: Node, key: String, reader: inout NodeReader) -> [ResultSpec] {
        guard case .sequence(let sequence) = node else {
            reader.diagnostics.error(
                "'\(key)' must be a list of result codes ({ status: 200, code: \"000_000\", message: Success. }); found \(NodeReader.kind(of: node))",
                at: reader.location(of: node))
            return []
        }
        var results: [ResultSpec] = []
        for item in sequence {
            if reader.isAlias(item, after: node) {
                reader.diagnostics.error(
                    "a result code uses a YAML alias; aliases are not supported in specs, write the value out",
                    at: reader.location(of: node))
                break
            }
            if let result = loadResult(item, reader: &reader) { results.append(result) }
        }
        return results
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
}
