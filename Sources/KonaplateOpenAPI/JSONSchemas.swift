import KonaplateSpecs
import KonaplateTextFormats

/// The JSON Schemas (OpenAPI 3.1's dialect) of bodies and headers: they say what `validate()` enforces, and where
/// JSON Schema has no word for it, an `x-konaplate-*` extension says it.
///
/// - A string's format is a pattern as strict as the runtime's check (months 01-12, hours 00-23, …).
/// - A number sent as a string gets a pattern of exactly its range (`IntegerPattern`), its bounds also as text.
/// - Code lists: a request's is closed (`enum`: `validate()` refuses any other code before it is sent); a response's
///   is open (`anyOf: [{enum}, {type: string}]`, the form OpenAPI generators read as an open enum: the server may
///   add codes, and clients decode them), with the documented codes in `x-konaplate-documented-codes`.
/// - Lengths are minLength/maxLength (not for code lists: the list is the check). JSON Schema counts code points, the runtime UTF-16 units (DECISIONS.md D34's
///   "Length"): they differ only for characters outside the BMP (emoji), which the docs' fields do not carry.
enum JSONSchemas {
    enum Direction {
        case request, response
    }

    static func body(_ body: BodySpec?, _ direction: Direction, description: String) -> JSON {
        if body?.isUndocumented == true {
            // Not an empty object: any object, since the fields are unknown.
            return .object([
                ("description", .string(description + " The stored docs page does not show it: any JSON object.")),
                ("type", .string("object")), ("additionalProperties", .bool(true)),
                ("x-konaplate-undocumented", .bool(true)),
            ])
        }
        var schema = objectSchema(body?.fields ?? [], rules: body?.rules ?? [], direction)
        schema.insert(("description", .string(description)), at: 0)
        return .object(schema)
    }

    private static func objectSchema(_ fields: [FieldSpec], rules: [GroupRule] = [], _ direction: Direction) -> [(
        String, JSON
    )] {
        var members: [(String, JSON)] = [("type", .string("object"))]
        members.append(("properties", .object(fields.map { ($0.name.value, fieldSchema($0, direction)) })))
        let required = fields.filter { $0.presence == .required }.map { JSON.string($0.name.value) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        let conditions =
            fields.compactMap { field in field.requiredWhen.map { dependency(field, $0, among: fields) } }
            + rules.map(groupRule)
        if !conditions.isEmpty { members.append(("allOf", .array(conditions))) }
        return members
    }

    /// `when: { field: type, oneOf: [INFINITE] }` → if type is one of them, the field is required.
    private static func dependency(_ field: FieldSpec, _ dependency: FieldDependency, among fields: [FieldSpec]) -> JSON
    {
        let other = fields.first { $0.name.value == dependency.field.value }
        let values: [JSON] = dependency.values.map { value in
            switch other?.type {
            case .boolean?: .bool(value == "true")
            case .number?: .number(value)
            default: .string(value)
            }
        }
        return .object([
            (
                "if",
                .object([
                    ("properties", .object([(dependency.field.value, .object([("enum", .array(values))]))])),
                    ("required", .array([.string(dependency.field.value)])),
                ])
            ),
            ("then", .object([("required", .array([.string(field.name.value)]))])),
        ])
    }

    /// `exactlyOne: [a, b]` → oneOf of "a is present", "b is present"; `atLeastOne` → anyOf.
    private static func groupRule(_ rule: GroupRule) -> JSON {
        let alternatives = JSON.array(rule.fields.map { .object([("required", .array([.string($0.value)]))]) })
        return .object([(rule.kind == .exactlyOne ? "oneOf" : "anyOf", alternatives)])
    }

    private static func fieldSchema(_ field: FieldSpec, _ direction: Direction) -> JSON {
        var members: [(String, JSON)] = []
        switch field.type {
        case .string:
            members += stringSchema(
                length: field.length?.value, format: field.format?.value, codes: field.codes, range: field.range?.value,
                direction,
                pattern: field.pattern?.value)
        case .number:
            members += integerSchema(field.range?.value)
            if let format = field.format.flatMap({ KonaplateFormat(rawValue: $0.value) }) {
                // JSON Schema has no pattern for numbers: the digits' pattern, for tools that read the extension.
                members.append(("x-konaplate-format", .string(format.rawValue)))
                members.append(("x-konaplate-pattern", .string(pattern(format))))
            }
        case .boolean:
            members.append(("type", .string("boolean")))
        case .object:
            members += objectSchema(field.fields, rules: field.rules, direction)
        case .array:
            members.append(("type", .string("array")))
            let element =
                field.items.map { itemSchema($0, direction) }
                ?? .object(objectSchema(field.fields, rules: field.rules, direction))
            // `elements: optional`: an element may also be null.
            members.append(
                (
                    "items",
                    field.elementsOptional
                        ? .object([("anyOf", .array([element, .object([("type", .string("null"))])]))]) : element
                ))
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

    private static func itemSchema(_ items: ItemSpec, _ direction: Direction) -> JSON {
        if items.isAny { return .object([]) }
        switch items.type {
        case .number: return .object(integerSchema(items.range?.value))
        case .boolean: return .object([("type", .string("boolean"))])
        default:
            return .object(
                stringSchema(
                    length: items.length?.value, format: items.format?.value, codes: items.codes,
                    range: items.range?.value,
                    direction))
        }
    }

    private static func stringSchema(
        length: LengthRule?, format: String?, codes: [CodeSpec], range: IntegerRange?, _ direction: Direction,
        pattern spec: String? = nil
    ) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("string"))]
        // A code's length was checked against its list when the spec was; at run time the list is the check.
        if let length, codes.isEmpty {
            if let minimum = length.minimum { members.append(("minLength", .integer(minimum))) }
            if let maximum = length.maximum { members.append(("maxLength", .integer(maximum))) }
        }
        // One `pattern` per schema object: a second constraint goes into `allOf`.
        var patterns: [String] = []
        if let format, let known = KonaplateFormat(rawValue: format) {
            patterns.append(pattern(known))
            members.append(("x-konaplate-format", .string(format)))
        }
        if let range {
            patterns.append(IntegerPattern.pattern(minimum: range.minimum, maximum: range.maximum))
            members.append(("x-konaplate-numeric-range", .string(range.description)))
        }
        // JSON Schema searches a pattern; the runtime matches the whole value.
        if let spec { patterns.append("^(?:\(spec))$") }
        if let first = patterns.first { members.append(("pattern", .string(first))) }
        if patterns.count > 1 {
            members.append(("allOf", .array(patterns.dropFirst().map { .object([("pattern", .string($0))]) })))
        }
        if !codes.isEmpty {
            let documented = JSON.array(codes.map { .string($0.code) })
            switch direction {
            case .request:
                members.append(("enum", documented))
            case .response:
                members.append(
                    ("anyOf", .array([.object([("enum", documented)]), .object([("type", .string("string"))])])))
                members.append(("x-konaplate-documented-codes", documented))
            }
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
            members.append(
                int64.contains(bound) ? (name, .number("\(bound)")) : ("x-konaplate-\(name)", .string("\(bound)")))
        }
        return members
    }

    static func header(_ header: HeaderSpec) -> JSON {
        .object(
            stringSchema(length: header.length?.value, format: header.format?.value, codes: [], range: nil, .request))
    }

    /// The regular expression of a format (ECMA-262, as JSON Schema uses), as strict as the runtime's check: each
    /// date and time field within its own range.
    static func pattern(_ format: KonaplateFormat) -> String {
        switch format {
        case .correlationID: "^" + datePattern("yyMMddHHmmss") + "-[0-9A-Fa-f]{7}$"
        case .tranToken: "^KMV1:" + datePattern("yyyyMMddHHmmssSSS") + ":[A-Za-z0-9+/]{43}=$"
        case .timeZone: "^[A-Z]{3}$"
        default: "^" + datePattern(format.rawValue) + "$"
        }
    }

    /// `yyyyMMdd` → `[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])`.
    private static func datePattern(_ layout: String) -> String {
        var pattern = ""
        var rest = Substring(layout)
        while let letter = rest.first {
            let run = rest.prefix { $0 == letter }
            rest = rest.dropFirst(run.count)
            switch letter {
            case "M": pattern += "(?:0[1-9]|1[0-2])"
            case "d": pattern += "(?:0[1-9]|[12][0-9]|3[01])"
            case "H": pattern += "(?:[01][0-9]|2[0-3])"
            case "m", "s": pattern += "[0-5][0-9]"
            default: pattern += "[0-9]{\(run.count)}"  // years, milliseconds
            }
        }
        return pattern
    }
}
