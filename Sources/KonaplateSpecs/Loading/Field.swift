import Yams

// MARK: - The model of a field

/// One enumerated code: `"01": 정상` or `"01": { case: normal, meaning: 정상 }`.
public struct CodeSpec: Sendable, Hashable {
    public var code: String
    public var meaning: String
    public var caseName: Located<String>?
    public var location: SourceLocation
}

public struct FieldSpec: Sendable, Hashable {
    public var name: Located<String>
    public var type: FieldType
    public var presence: Presence
    public var length: Located<LengthRule>?
    public var range: Located<IntegerRange>?
    public var format: Located<String>?
    public var codes: [CodeSpec]
    public var sensitive: Bool
    public var description: String?
    /// Fields of an object, or of each element of an array of objects.
    public var fields: [FieldSpec]
    /// The element of an array of scalars.
    public var items: ItemSpec?
    /// How many elements an array may have.
    public var count: Located<LengthRule>?
    /// `elements: optional`: an array whose elements may be null (a page that says so in words).
    public var elementsOptional: Bool = false
    /// The checkable form of a Conditional field's `when`.
    public var requiredWhen: FieldDependency?
    /// Rules about groups of this object's (or array element's) fields.
    public var rules: [GroupRule] = []
    /// A regular expression the whole value must match: a rule the docs state in words that no format covers.
    public var pattern: Located<String>?
    public var swiftName: Located<String>?
}

/// `items: string`, `items: { type: string, length: 3, codes: ... }`, or `items: any` when the docs do not show
/// the element's schema (request arrays render only as an "Add object" widget).
public struct ItemSpec: Sendable, Hashable {
    public var type: FieldType
    /// `items: any`: any JSON value; `type` is then meaningless.
    public var isAny: Bool = false
    public var length: Located<LengthRule>?
    public var range: Located<IntegerRange>?
    public var format: Located<String>?
    public var codes: [CodeSpec]
    public var location: SourceLocation
}

// Fields: their keys, the keys each type takes, array items and code lists.
extension SpecLoader {
    // The keys each mapping may have, in the order "The spec format" (KonaplateGenCLI's DocC) documents them.
    static let fieldKeys = [
        "type", "presence", "when", "length", "range", "format", "codes", "sensitive", "description", "fields",
        "items", "count", "swiftName", "pattern", "elements", "rules",
    ]
    static let itemKeys = ["type", "length", "range", "format", "codes"]
    static let codeKeys = ["meaning", "case"]

    /// Objects nest a few levels in the real docs; the limit bounds what a hostile input can cost.
    static let maximumFieldDepth = 32
    /// The real docs have at most a few dozen fields per object; a thousand already makes a memberwise init the
    /// Swift compiler struggles with.
    static let maximumFieldCount = 1000

    static func loadFields(_ node: Node, reader: inout NodeReader) -> [FieldSpec] {
        guard reader.fieldDepth < maximumFieldDepth else {
            reader.diagnostics.error(
                "fields are nested more than \(maximumFieldDepth) levels deep; flatten the spec",
                at: reader.location(of: node))
            return []
        }
        reader.fieldDepth += 1
        defer { reader.fieldDepth -= 1 }
        return namedEntries(
            node, context: "'fields'", expected: "a mapping of field names to fields", limit: maximumFieldCount,
            reader: &reader, loadField)
    }

    /// A mapping whose keys are names the spec chooses (fields, headers), each value loaded by `load`.
    static func namedEntries<Value>(
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
        var presence = reader.require("presence", in: field).flatMap {
            reader.word($0, key: "presence", choices: presences)
        }
        let (when, requiredWhen) = field["when"].map { loadWhen($0, reader: &reader) } ?? (nil, nil)
        if case .conditional = presence {
            // Without `when`, a rule of the object must name the field: the checker sees both.
            presence = .conditional(when ?? "")
        } else if field["when"] != nil, presence != nil, let node = field["when"] {
            reader.diagnostics.error("'when' is only for 'presence: conditional'", at: reader.location(of: node))
        }
        let rules = field["rules"].map { loadRules($0, reader: &reader) } ?? []
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
        let pattern = located(field["pattern"], key: "pattern", reader: &reader)
        let elementsOptional =
            field["elements"].flatMap {
                reader.word($0, key: "elements", choices: [("required", false), ("optional", true)])
            }
            ?? false
        guard let type, let presence else { return nil }
        let spec = FieldSpec(
            name: name, type: type, presence: presence, length: length, range: range, format: format, codes: codes,
            sensitive: sensitive, description: description, fields: fields, items: items, count: count,
            elementsOptional: elementsOptional, requiredWhen: requiredWhen, rules: rules,
            pattern: pattern, swiftName: swiftName)
        checkKeysFit(type: type, field: field, context: context, reader: &reader)
        return spec
    }

    /// Keys that only make sense for some types: a misplaced one is an error naming the type that takes it.
    private static func checkKeysFit(type: FieldType, field: Mapping, context: String, reader: inout NodeReader) {
        let applicable: [String: [FieldType]] = [
            "length": [.string], "format": [.string, .number], "codes": [.string], "pattern": [.string],
            "range": [.number, .string],
            "fields": [.object, .array], "items": [.array], "count": [.array], "elements": [.array],
            "rules": [.object, .array],
        ]
        for entry in field.entries {
            guard let types = applicable[entry.key], !types.contains(type) else { continue }
            let hint: String =
                switch (entry.key, type) {
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

    /// `when: text`, or `when: { field: type, oneOf: [INFINITE], text: … }`: the words, and the checkable form.
    static func loadWhen(_ node: Node, reader: inout NodeReader) -> (String?, FieldDependency?) {
        if case .scalar = node { return (reader.text(node, key: "when"), nil) }
        guard
            let when = reader.mapping(
                node, allowed: ["field", "oneOf", "text"], context: "'when'", expected: "text or { field, oneOf, text }"
            )
        else { return (nil, nil) }
        let text = when["text"].flatMap { reader.text($0, key: "text") }
        guard let fieldNode = reader.require("field", in: when), let field = reader.text(fieldNode, key: "field"),
            let valuesNode = reader.require("oneOf", in: when)
        else { return (text, nil) }
        guard case .sequence(let sequence) = valuesNode, !sequence.isEmpty else {
            reader.diagnostics.error(
                "'oneOf' expects a list of the values that make the field required ([INFINITE]); found \(NodeReader.kind(of: valuesNode))",
                at: reader.location(of: valuesNode))
            return (text, nil)
        }
        let values = sequence.compactMap { reader.text($0, key: "oneOf") }
        let dependency = FieldDependency(
            field: Located(value: field, location: reader.location(of: fieldNode)), values: values,
            location: when.location)
        return (text ?? "\(field) is \(values.joined(separator: " or "))", dependency)
    }

    /// `rules: [{ exactlyOne: [par, cardNo] }, { atLeastOne: [a, b] }]`.
    static func loadRules(_ node: Node, reader: inout NodeReader) -> [GroupRule] {
        guard case .sequence(let sequence) = node else {
            reader.diagnostics.error(
                "'rules' expects a list of rules ({ exactlyOne: [par, cardNo] } or { atLeastOne: [a, b] }); found \(NodeReader.kind(of: node))",
                at: reader.location(of: node))
            return []
        }
        return sequence.compactMap { item -> GroupRule? in
            let kinds = GroupRule.Kind.allCases.map(\.rawValue)
            guard
                let rule = reader.mapping(
                    item, allowed: kinds, context: "a rule", expected: "{ exactlyOne: [...] } or { atLeastOne: [...] }"),
                rule.entries.count == 1, let entry = rule.entries.first, let kind = GroupRule.Kind(rawValue: entry.key)
            else {
                if case .mapping = item {
                    reader.diagnostics.error(
                        "a rule has exactly one key: \(kinds.joined(separator: " or "))", at: reader.location(of: item))
                }
                return nil
            }
            guard case .sequence(let names) = entry.value else {
                reader.diagnostics.error(
                    "'\(entry.key)' expects a list of field names", at: reader.location(of: entry.value))
                return nil
            }
            let fields = names.compactMap { name in
                reader.text(name, key: entry.key).map { Located(value: $0, location: reader.location(of: name)) }
            }
            return GroupRule(kind: kind, fields: fields, location: entry.keyLocation)
        }
    }

    private static func loadItems(_ node: Node, reader: inout NodeReader) -> ItemSpec? {
        let at = reader.location(of: node)
        let scalarTypes = [FieldType.string, .number, .boolean].map { ($0.rawValue, $0) }
        if case .scalar = node {
            let choices = scalarTypes.map { ($0.0, Optional($0.1)) } + [("any", nil)]
            return reader.word(node, key: "items", choices: choices).map {
                ItemSpec(
                    type: $0 ?? .string, isAny: $0 == nil, length: nil, range: nil, format: nil, codes: [], location: at
                )
            }
        }
        guard
            let items = reader.mapping(
                node, allowed: itemKeys, context: "'items'", expected: "a scalar type or a mapping")
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
        guard
            let mapping = reader.mapping(
                node, allowed: [], context: "'codes'", expected: "a mapping of codes to meanings (\"01\": 정상)")
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
}
