/// Bodies and nested objects: a struct per object, a property per field with its Swift type and checks, a nested
/// type per object, array of objects or code list.
enum BodyTranslator {
    static func structure(name: String, doc: DocText, fields: [FieldSpec]) -> SwiftStruct {
        var properties: [SwiftProperty] = []
        var nested: [SwiftNestedType] = []
        for field in fields {
            let (type, checks, nestedType) = typeAndChecks(of: field)
            if let nestedType { nested.append(nestedType) }
            properties.append(
                SwiftProperty(
                    name: SwiftNaming.propertyName(of: field), jsonKey: field.name.value, type: type,
                    isOptional: field.presence != .required, doc: fieldDoc(field), isSensitive: field.sensitive,
                    checks: checks))
        }
        return SwiftStruct(name: name, doc: doc, properties: properties, nestedTypes: nested)
    }

    private static func typeAndChecks(of field: FieldSpec) -> (SwiftType, [SwiftCheck], SwiftNestedType?) {
        let nestedName = SwiftNaming.nestedTypeName(of: field)
        switch field.type {
        case .string:
            var checks: [SwiftCheck] = []
            var nested: SwiftNestedType?
            let type: SwiftType
            if let nestedName {
                type = .code(nestedName)
                nested = .codes(codeEnum(nestedName, doc: DocText(text: field.description), codes: field.codes))
                checks.append(.documentedCode)
            } else {
                type = .string
            }
            checks += stringChecks(length: field.length?.value, format: field.format?.value, hasCodes: nestedName != nil)
            if let range = field.range?.value {
                // A number the docs type as a string (amounts, some user ids): keep the string, check its value.
                checks.append(.numericString(minimum: range.minimum, maximum: range.maximum))
            }
            return (type, checks, nested)
        case .number:
            let integer = SwiftInteger.narrowest(for: field.range?.value)!
            return (.integer(integer), field.range.map { [rangeCheck($0.value, integer)] } ?? [], nil)
        case .boolean:
            return (.bool, [], nil)
        case .object:
            let structure = structure(name: nestedName!, doc: DocText(text: field.description), fields: field.fields)
            return (.model(nestedName!), [.nested], .structure(structure))
        case .array:
            var (element, checks, nested) = elementTypeAndChecks(of: field, nestedName: nestedName)
            if let count = field.count?.value { checks.append(.count(count)) }
            return (.array(element), checks, nested)
        }
    }

    private static func elementTypeAndChecks(
        of field: FieldSpec, nestedName: String?
    ) -> (SwiftType, [SwiftCheck], SwiftNestedType?) {
        guard let items = field.items else {
            let element = structure(
                name: nestedName!, doc: DocText(["An element of `\(SwiftNaming.propertyName(of: field))`."]),
                fields: field.fields)
            return (.model(nestedName!), [.nested], .structure(element))
        }
        if items.isAny { return (.jsonValue, [], nil) }
        switch items.type {
        case .string where !items.codes.isEmpty:
            let codes = codeEnum(nestedName!, doc: DocText(text: field.description), codes: items.codes)
            return (.code(nestedName!), [.documentedCode], .codes(codes))
        case .string:
            return (.string, items.length.map { [.elementLength($0.value)] } ?? [], nil)
        case .number:
            return (.integer(SwiftInteger.narrowest(for: items.range?.value)!), [], nil)
        default:
            return (.bool, [], nil)
        }
    }

    private static func stringChecks(length: LengthRule?, format: String?, hasCodes: Bool) -> [SwiftCheck] {
        var checks: [SwiftCheck] = []
        // A code's length is checked against 'length' when the spec is checked; at run time the code check covers it.
        if let length, !hasCodes { checks.append(.length(length)) }
        if let format, let known = KnownFormat.named(format) { checks.append(.format(known)) }
        return checks
    }

    /// The documented bounds, within the type's own (a bound the type cannot exceed is not checked twice).
    private static func rangeCheck(_ range: IntegerRange, _ type: SwiftInteger) -> SwiftCheck {
        .range(minimum: range.minimum, maximum: range.maximum)
    }

    private static func codeEnum(_ name: String, doc: DocText, codes: [CodeSpec]) -> SwiftCodeEnum {
        SwiftCodeEnum(
            name: name, doc: doc,
            cases: codes.map { SwiftCodeCase(name: SwiftNaming.caseName(of: $0), code: $0.code, meaning: $0.meaning) })
    }

    /// The doc comment of a property: the docs' description, then its presence and constraints as the page states
    /// them, so a reader of the generated code sees the page.
    private static func fieldDoc(_ field: FieldSpec) -> DocText {
        var facts: [String] = []
        switch field.presence {
        case .required: facts.append("Required")
        case .optional: facts.append("Optional")
        case .conditional(let when): facts.append("Conditional: \(when)")
        }
        if let length = field.length { facts.append("length \(length.value)") }
        if let range = field.range { facts.append("range \(range.value)") }
        if let format = field.format { facts.append("format \(format.value)") }
        if let count = field.count { facts.append("\(count.value) elements") }
        if field.sensitive { facts.append("sensitive: masked when printed") }
        return DocText(text: field.description).paragraph(facts.joined(separator: ", ") + ".")
    }
}
