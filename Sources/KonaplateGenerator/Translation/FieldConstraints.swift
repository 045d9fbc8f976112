import KonaplateSpecs

/// What a field's constraint keys become: the checks `validate()` runs, and the words its doc comment shows. The
/// one place a constraint key is translated, so a new key is one change here.
enum FieldConstraints {
    /// The constraint checks of a field, after the checks its type brings (a code, a nested object): length,
    /// format, value range, element length, element count.
    /// - Parameter siblings: the fields of the same object, which a checkable `when` reads.
    static func checks(for field: FieldSpec, hasCodes: Bool, siblings: [FieldSpec]) -> [SwiftCheck] {
        var checks: [SwiftCheck] = []
        if let dependency = field.requiredWhen,
            let other = siblings.first(where: { $0.name.value == dependency.field.value })
        {
            checks.append(.requiredWhenField(condition(dependency, on: other)))
        }
        // A code's length was checked against its list when the spec was; at run time the list is the check.
        if let length = field.length?.value, !hasCodes { checks.append(.length(length)) }
        if let format = field.format.flatMap({ KonaplateFormat(rawValue: $0.value) }) { checks.append(.format(format)) }
        if let range = field.range?.value {
            // On a string, a number the docs type as a string (amounts, some user ids): its value is checked.
            checks.append(
                field.type == .string
                    ? .numericString(minimum: range.minimum, maximum: range.maximum)
                    : .range(minimum: range.minimum, maximum: range.maximum))
        }
        if let items = field.items, !items.isAny, items.codes.isEmpty, let length = items.length?.value {
            checks.append(.elementLength(length))
        }
        if let count = field.count?.value { checks.append(.count(count)) }
        if let pattern = field.pattern?.value { checks.append(.pattern(pattern)) }
        return checks
    }

    /// A checkable `when`: the other field, and how its value reads as the text the condition lists.
    private static func condition(_ dependency: FieldDependency, on other: FieldSpec) -> SwiftFieldCondition {
        let kind: SwiftFieldCondition.Kind =
            switch other.type {
            case .string: other.codes.isEmpty ? .text : .code
            case .boolean, .number: .describable
            case .object, .array: .text  // refused by the checker
            }
        return SwiftFieldCondition(
            property: SwiftIdentifiers.propertyName(of: other), jsonKey: other.name.value, kind: kind,
            isOptional: other.presence != .required, values: dependency.values)
    }

    /// Rules about groups of an object's fields.
    static func groupRules(_ rules: [GroupRule], fields: [FieldSpec]) -> [SwiftGroupRule] {
        rules.map { rule in
            SwiftGroupRule(
                kind: rule.kind,
                members: rule.fields.compactMap { name in
                    fields.first { $0.name.value == name.value }.map {
                        SwiftGroupRule.Member(jsonKey: name.value, property: SwiftIdentifiers.propertyName(of: $0))
                    }
                })
        }
    }

    /// The field's presence and constraints as the page states them, for its doc comment.
    static func facts(of field: FieldSpec) -> String {
        var facts: [String] = []
        switch field.presence {
        case .required: facts.append("Required")
        case .optional: facts.append("Optional")
        case .conditional(let when) where when.isEmpty: facts.append("Conditional (see the rules of its object)")
        case .conditional(let when):
            facts.append("Conditional: \(when)" + (field.requiredWhen == nil ? " (not checked)" : " (checked)"))
        }
        if let length = field.length { facts.append("length \(length.value)") }
        if let range = field.range { facts.append("range \(range.value)") }
        if let format = field.format { facts.append("format \(format.value)") }
        if let count = field.count { facts.append("\(count.value) elements") }
        if let pattern = field.pattern { facts.append("matching `\(pattern.value)`") }
        if field.sensitive { facts.append("sensitive: masked when printed") }
        return facts.joined(separator: ", ") + "."
    }
}

/// One documented constraint of a property, as the validator checks it.
public enum SwiftCheck: Sendable, Hashable {
    case length(LengthRule)
    case elementLength(LengthRule)
    case count(LengthRule)
    /// A whole number within inclusive bounds; nil is the bound of the property's integer type.
    case range(minimum: Int128?, maximum: Int128?)
    /// A number sent as a string: decimal digits within inclusive bounds; nil is unbounded.
    case numericString(minimum: Int128?, maximum: Int128?)
    case format(KonaplateFormat)
    /// A regular expression the whole value must match.
    case pattern(String)
    /// An enumerated code (or an array of them) that must be one the docs list.
    case documentedCode
    /// A nested object (or an array of them) whose own constraints apply.
    case nested
    /// A Conditional header: missing is a violation when the condition holds for the endpoint.
    case requiredWhen(HeaderCondition)
    /// A Conditional field: missing is a violation when another field of its object has one of some values.
    case requiredWhenField(SwiftFieldCondition)
}

/// `when: { field: type, oneOf: [INFINITE] }`, as the generated check reads it.
public struct SwiftFieldCondition: Sendable, Hashable {
    /// How the other field's value becomes the text the condition lists.
    public enum Kind: Sendable, Hashable {
        /// A string, as it is.
        case text
        /// A code enum: its raw value.
        case code
        /// A boolean or a number: its description (`true`, `2`).
        case describable
    }

    public var property: String
    public var jsonKey: String
    public var kind: Kind
    public var isOptional: Bool
    public var values: [String]
}

/// `rules: [{ exactlyOne: [par, cardNo] }]`, with each field's Swift property.
public struct SwiftGroupRule: Sendable, Hashable {
    public var kind: GroupRule.Kind
    public var members: [Member]

    public struct Member: Sendable, Hashable {
        public var jsonKey: String
        public var property: String
    }
}
