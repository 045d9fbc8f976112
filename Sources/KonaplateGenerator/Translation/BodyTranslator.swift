import KonaplateSpecs

/// Bodies and nested objects: a struct per object, a property per field with its Swift type and checks, a nested
/// type per object, array of objects or code list.
enum BodyTranslator {
    static func structure(name: String, doc: DocText, fields: [FieldSpec], rules: [GroupRule] = []) -> SwiftStruct {
        var properties: [SwiftProperty] = []
        var nested: [SwiftNestedType] = []
        for field in fields {
            let (type, checks, nestedType) = typeAndChecks(of: field, siblings: fields)
            if let nestedType { nested.append(nestedType) }
            properties.append(
                SwiftProperty(
                    name: SwiftIdentifiers.propertyName(of: field), jsonKey: field.name.value, type: type,
                    isOptional: field.presence != .required, doc: fieldDoc(field), isSensitive: field.sensitive,
                    checks: checks))
        }
        return SwiftStruct(
            name: name, doc: doc, properties: properties, nestedTypes: nested,
            rules: FieldConstraints.groupRules(rules, fields: fields))
    }

    /// The field's Swift type, its checks (what its type brings, then its constraints) and the nested type it
    /// declares, if any.
    private static func typeAndChecks(of field: FieldSpec, siblings: [FieldSpec]) -> (
        SwiftType, [SwiftCheck], SwiftNestedType?
    ) {
        let nestedName = SwiftIdentifiers.nestedTypeName(of: field)
        let (type, structural, nested) = typeAndStructure(of: field, nestedName: nestedName)
        let hasCodes = field.type == .string && nestedName != nil
        return (type, structural + FieldConstraints.checks(for: field, hasCodes: hasCodes, siblings: siblings), nested)
    }

    private static func typeAndStructure(of field: FieldSpec, nestedName: String?) -> (
        SwiftType, [SwiftCheck], SwiftNestedType?
    ) {
        switch field.type {
        case .string:
            guard let nestedName else { return (.string, [], nil) }
            let codes = codeEnum(nestedName, doc: DocText(text: field.description), codes: field.codes)
            return (.code(nestedName), [.documentedCode], .codes(codes))
        case .number:
            return (.integer(SwiftInteger.narrowest(for: field.range?.value)!), [], nil)
        case .boolean:
            return (.bool, [], nil)
        case .object:
            let structure = structure(
                name: nestedName!, doc: DocText(text: field.description), fields: field.fields, rules: field.rules)
            return (.model(nestedName!), [.nested], .structure(structure))
        case .array:
            let (element, checks, nested) = element(of: field, nestedName: nestedName)
            return (.array(field.elementsOptional ? .optional(element) : element), checks, nested)
        }
    }

    private static func element(of field: FieldSpec, nestedName: String?) -> (SwiftType, [SwiftCheck], SwiftNestedType?)
    {
        guard let items = field.items else {
            let element = structure(
                name: nestedName!, doc: DocText(["An element of `\(SwiftIdentifiers.propertyName(of: field))`."]),
                fields: field.fields, rules: field.rules)
            return (.model(nestedName!), [.nested], .structure(element))
        }
        if items.isAny { return (.jsonValue, [], nil) }
        switch items.type {
        case .string where !items.codes.isEmpty:
            let codes = codeEnum(nestedName!, doc: DocText(text: field.description), codes: items.codes)
            return (.code(nestedName!), [.documentedCode], .codes(codes))
        case .string:
            return (.string, [], nil)
        case .number:
            return (.integer(SwiftInteger.narrowest(for: items.range?.value)!), [], nil)
        default:
            return (.bool, [], nil)
        }
    }

    private static func codeEnum(_ name: String, doc: DocText, codes: [CodeSpec]) -> SwiftCodeEnum {
        SwiftCodeEnum(
            name: name, doc: doc,
            cases: codes.map {
                SwiftCodeCase(name: SwiftIdentifiers.caseName(of: $0), code: $0.code, meaning: $0.meaning)
            })
    }

    /// The doc comment of a property: the docs' description, then its presence and constraints as the page states
    /// them, so a reader of the generated code sees the page.
    private static func fieldDoc(_ field: FieldSpec) -> DocText {
        DocText(text: field.description).paragraph(FieldConstraints.facts(of: field))
    }
}
