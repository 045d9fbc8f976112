/// The Swift names fields become, checked where they are declared: one generated struct per object, each with a
/// property per field and a nested type per object, array of objects or code list. Two fields that become one name,
/// or a field that becomes a name the generated code already uses, are errors at the field: the generator never
/// silently renames one of two twins.
enum FieldNames {
    /// - Parameter typeName: the struct the fields are declared in (`Request`, `AccountInfo`).
    static func check(_ fields: [FieldSpec], in typeName: String, diagnostics: inout Diagnostics) {
        var properties: [String: FieldSpec] = [:]
        var types: [String: FieldSpec] = [:]
        for field in fields {
            let property = SwiftIdentifiers.propertyName(of: field)
            if let swiftName = field.swiftName, !SwiftIdentifiers.isASCIIIdentifier(swiftName.value) {
                diagnostics.error(
                    "'swiftName' must be an ASCII Swift identifier (letters, digits, '_'); found '\(swiftName.value)'",
                    at: swiftName.location)
                continue
            }
            if SwiftIdentifiers.reservedPropertyNames.contains(property) {
                diagnostics.error(
                    "field '\(field.name.value)' would become the Swift property '\(property)', which a generated type cannot have; set 'swiftName' (e.g. 'swiftName: \(alternative(to: property))')",
                    at: field.name.location)
                continue
            }
            if let owner = properties[property] {
                diagnostics.error(
                    "fields '\(owner.name.value)' (line \(owner.name.location.line)) and '\(field.name.value)' both become the Swift property '\(property)'; set 'swiftName' on one of them",
                    at: field.name.location)
                continue
            }
            properties[property] = field
            if let nested = SwiftIdentifiers.nestedTypeName(of: field) {
                if SwiftIdentifiers.reservedTypeNames.contains(nested) || nested == typeName {
                    diagnostics.error(
                        "field '\(field.name.value)' would declare the nested type '\(nested)', which the generated code already uses; set 'swiftName' to another name",
                        at: field.name.location)
                } else if let owner = types[nested] {
                    diagnostics.error(
                        "fields '\(owner.name.value)' (line \(owner.name.location.line)) and '\(field.name.value)' both become the Swift type '\(nested)'; set 'swiftName' on one of them",
                        at: field.name.location)
                } else {
                    types[nested] = field
                    if field.type == .object || (field.type == .array && field.items == nil) {
                        check(field.fields, in: nested, diagnostics: &diagnostics)
                    }
                }
            }
            CodeNames.check(field.items?.codes ?? field.codes, diagnostics: &diagnostics)
        }
    }

    /// A name to suggest instead of a reserved one.
    static func alternative(to property: String) -> String {
        property == "_" ? "underscore" : property.prefix(1).lowercased() + property.dropFirst() + "Value"
    }
}

/// The case names of one code list.
enum CodeNames {
    static func check(_ codes: [CodeSpec], diagnostics: inout Diagnostics) {
        var owners: [String: CodeSpec] = [:]
        for code in codes {
            let name = SwiftIdentifiers.caseName(of: code)
            if let explicit = code.caseName, !SwiftIdentifiers.isASCIIIdentifier(explicit.value) {
                diagnostics.error(
                    "'case' must be an ASCII Swift identifier (letters, digits, '_'); found '\(explicit.value)'",
                    at: explicit.location)
                continue
            }
            if SwiftIdentifiers.reservedCaseNames.contains(name) {
                diagnostics.error(
                    "code '\(code.code)' would become the case '\(name)', which the generated enum already uses; set 'case'",
                    at: code.location)
                continue
            }
            if let owner = owners[name] {
                diagnostics.error(
                    "codes '\(owner.code)' and '\(code.code)' both become the case '\(name)'; give one of them 'case:'",
                    at: code.location)
                continue
            }
            owners[name] = code
        }
    }
}
