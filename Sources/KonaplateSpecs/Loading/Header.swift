import Yams

// MARK: - The model of headers

/// Where the header builder takes a request header's value from: `KonaplateHeaderSource`, the one definition the
/// runtime shares (Sources/Shared/HeaderSource.swift).
public typealias HeaderSource = KonaplateHeaderSource

public struct HeaderSpec: Sendable, Hashable {
    public var name: Located<String>
    public var presence: Presence
    public var condition: HeaderCondition?
    public var length: Located<LengthRule>?
    public var format: Located<String>?
    public var sensitive: Bool
    public var description: String?
    public var source: HeaderSource?
    /// The Swift property name, when the one derived from the header name is taken or reserved.
    public var swiftName: Located<String>?
}

public struct HeaderSetSpec: Sendable, Hashable {
    public var name: Located<String>
    /// The definitions file that defines it (`api-specs/common/headers.yaml`); its types go into that file's
    /// generated file.
    public var sourceName: String
    public var request: [HeaderSpec]
    public var response: [HeaderSpec]
}

/// `headers: standard`, or a set with per-endpoint changes (a page that documents a header differently).
public struct HeaderUse: Sendable, Hashable {
    public var set: Located<String>
    /// Partial header specs: the keys given replace the shared definition's, a new name adds a header.
    public var requestOverrides: [HeaderOverride]
    public var responseOverrides: [HeaderOverride]
}

public struct HeaderOverride: Sendable, Hashable {
    public var name: Located<String>
    public var presence: Presence?
    public var condition: HeaderCondition?
    public var length: Located<LengthRule>?
    public var format: Located<String>?
    public var sensitive: Bool?
    public var description: String?
    public var source: HeaderSource?
    public var swiftName: Located<String>?
}

// Header sets (definitions files) and an endpoint's use of one.
extension SpecLoader {
    // The keys a header may have.
    static let headerKeys = ["presence", "when", "length", "format", "sensitive", "description", "source", "swiftName"]

    static func loadHeaderUse(_ node: Node, reader: inout NodeReader) -> HeaderUse? {
        if case .scalar = node {
            return reader.text(node, key: "headers").map {
                HeaderUse(
                    set: Located(value: $0, location: reader.location(of: node)), requestOverrides: [],
                    responseOverrides: [])
            }
        }
        guard
            let use = reader.mapping(
                node, allowed: ["use", "request", "response"], context: "'headers'",
                expected: "a header set name or a mapping")
        else { return nil }
        guard let setNode = reader.require("use", in: use), let set = reader.text(setNode, key: "use") else {
            return nil
        }
        return HeaderUse(
            set: Located(value: set, location: reader.location(of: setNode)),
            requestOverrides: use["request"].map { loadHeaderOverrides($0, reader: &reader) } ?? [],
            responseOverrides: use["response"].map { loadHeaderOverrides($0, reader: &reader) } ?? [])
    }

    private static func loadHeaderOverrides(_ node: Node, reader: inout NodeReader) -> [HeaderOverride] {
        namedEntries(
            node, context: "the headers", expected: "a mapping of header names to headers", reader: &reader, loadHeader)
    }

    /// Reads a header's keys, all optional: a shared definition must then have `presence`, an override need not.
    private static func loadHeader(_ node: Node, _ name: Located<String>, _ reader: inout NodeReader) -> HeaderOverride?
    {
        let context = "header '\(name.value)'"
        guard let header = reader.mapping(node, allowed: headerKeys, context: context) else { return nil }
        var presence = header["presence"].flatMap { reader.word($0, key: "presence", choices: presences) }
        let condition = header["when"].flatMap { reader.word($0, key: "when", as: HeaderCondition.self) }
        if case .conditional = presence {
            if condition == nil && header["when"] == nil {
                reader.diagnostics.error(
                    "conditional \(context) needs 'when: \(HeaderCondition.allCases.map(\.rawValue).joined(separator: "' or 'when: "))'",
                    at: header.location)
                presence = nil
            }
        }
        return HeaderOverride(
            name: name, presence: presence, condition: condition,
            length: header["length"].flatMap { reader.lengthRule($0, key: "length") },
            format: located(header["format"], key: "format", reader: &reader),
            sensitive: header["sensitive"].flatMap { reader.bool($0, key: "sensitive") },
            description: header["description"].flatMap { reader.text($0, key: "description") },
            source: header["source"].flatMap { reader.word($0, key: "source", as: HeaderSource.self) },
            swiftName: located(header["swiftName"], key: "swiftName", reader: &reader))
    }

    // MARK: Definitions files

    /// A definitions file: header sets, result codes every endpoint shares, or both.
    static func loadDefinitions(_ root: Node, sourceName: String, reader: inout NodeReader) -> (
        sets: [HeaderSetSpec], results: [ResultSpec]
    ) {
        guard let top = reader.mapping(root, allowed: ["headerSets", "sharedResults"], context: "the definitions file")
        else {
            return ([], [])
        }
        guard top["headerSets"] != nil || top["sharedResults"] != nil else {
            reader.diagnostics.error(
                "a definitions file needs 'headerSets' (header sets endpoints name) or 'sharedResults' (result codes every endpoint has), or both",
                at: reader.location(of: root))
            return ([], [])
        }
        let sets = top["headerSets"].map { loadHeaderSets($0, sourceName: sourceName, reader: &reader) } ?? []
        let results = top["sharedResults"].map { loadResults($0, key: "sharedResults", reader: &reader) } ?? []
        return (sets, results)
    }

    static func loadHeaderSets(_ setsNode: Node, sourceName: String, reader: inout NodeReader) -> [HeaderSetSpec] {
        guard
            let sets = reader.mapping(
                setsNode, allowed: [], context: "'headerSets'", expected: "a mapping of set names to header sets")
        else { return [] }
        return sets.entries.compactMap { entry in
            guard
                let set = reader.mapping(
                    entry.value, allowed: ["request", "response"], context: "header set '\(entry.key)'")
            else { return nil }
            func headers(_ key: String, isRequest: Bool) -> [HeaderSpec] {
                guard let node = set[key] else { return [] }
                return loadHeaderOverrides(node, reader: &reader).compactMap { header in
                    guard let presence = header.presence else {
                        reader.diagnostics.error(
                            "missing required key 'presence' in header '\(header.name.value)'", at: header.name.location
                        )
                        return nil
                    }
                    if isRequest && header.source == nil {
                        reader.diagnostics.error(
                            "request header '\(header.name.value)' needs 'source:' (one of \(HeaderSource.allCases.map(\.rawValue).joined(separator: ", ")))",
                            at: header.name.location)
                    }
                    if !isRequest, let source = header.source {
                        reader.diagnostics.error(
                            "'source' is only for request headers; found '\(source.rawValue)'", at: header.name.location
                        )
                    }
                    return HeaderSpec(
                        name: header.name, presence: presence, condition: header.condition, length: header.length,
                        format: header.format, sensitive: header.sensitive ?? false, description: header.description,
                        source: header.source, swiftName: header.swiftName)
                }
            }
            return HeaderSetSpec(
                name: Located(value: entry.key, location: entry.keyLocation), sourceName: sourceName,
                request: headers("request", isRequest: true), response: headers("response", isRequest: false))
        }
    }
}
