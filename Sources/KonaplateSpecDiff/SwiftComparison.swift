import KonaplateGenerator
import KonaplateSpecs
import KonaplateTextFormats

/// What code calling the generated module sees: compares two translated versions of one endpoint, declaration by
/// declaration. Properties are matched by JSON key (as the wire comparison matches fields), so both aspects of one
/// change land on the same subject.
enum SwiftComparison {
    static func compare(_ old: SwiftEndpoint, _ new: SwiftEndpoint, into collector: inout DiffCollector) {
        if old.typeName != new.typeName {
            collector.add(.swiftTypeRenamed, .breaking, "endpoint", "`\(old.typeName)` → `\(new.typeName)`")
        }
        compareBody(old.request, new.request, subject: "request", into: &collector)
        compareBody(old.response, new.response, subject: "response", into: &collector)
        compareHeaders(old.headers, new.headers, into: &collector)
        compareCases(
            old.resultCodes.map { ($0.code, $0.name) }, new.resultCodes.map { ($0.code, $0.name) },
            subject: { "result \($0)" }, enumName: "ResultCode", into: &collector)
    }

    private static func compareBody(_ old: SwiftBody, _ new: SwiftBody, subject: String, into collector: inout DiffCollector) {
        switch (old, new) {
        case (.structure(let old), .structure(let new)):
            compareStruct(old, new, path: subject, into: &collector)
        case (.undocumented, .undocumented):
            break
        case (.structure, .undocumented), (.undocumented, .structure):
            collector.add(
                .swiftPropertyTypeChanged, .breaking, subject,
                new.structure == nil ? "`\(subject.capitalized)` became an open JSON object" : "`\(subject.capitalized)` became a struct of its fields")
        }
    }

    private static func compareStruct(_ old: SwiftStruct, _ new: SwiftStruct, path: String, into collector: inout DiffCollector) {
        // A struct with sensitive properties prints through its own `customMirror` (CustomReflectable).
        if old.hasSensitiveProperties, !new.hasSensitiveProperties {
            collector.add(
                .swiftConformanceRemoved, .breaking, path,
                "`\(new.name)` no longer conforms to `CustomReflectable`: no property of it is sensitive any more")
        }
        let pairs = FieldComparison.pairs(old.properties, new.properties, name: \.jsonKey, kind: { kindOf($0.type) })
        for (oldProperty, newProperty) in pairs {
            switch (oldProperty, newProperty) {
            case (let oldProperty?, let newProperty?):
                let subject = path + "." + newProperty.jsonKey
                if oldProperty.name != newProperty.name {
                    collector.add(
                        .swiftPropertyRenamed, .breaking, subject, "`\(oldProperty.name)` → `\(newProperty.name)`")
                }
                let oldType = oldProperty.declaredType
                let newType = newProperty.declaredType
                if oldType != newType {
                    collector.add(
                        .swiftPropertyTypeChanged, .breaking, subject, "`\(newProperty.name)`: `\(oldType)` → `\(newType)`")
                }
                compareNested(oldProperty.type, in: old, newProperty.type, in: new, subject: subject, into: &collector)
            case (let oldProperty?, nil):
                collector.add(
                    .swiftPropertyRemoved, .breaking, path + "." + oldProperty.jsonKey, "`\(oldProperty.name)` is gone")
            case (nil, let newProperty?):
                // A new optional property's init parameter defaults to nil: existing calls still compile.
                collector.add(
                    .swiftPropertyAdded, newProperty.isOptional ? .compatible : .breaking, path + "." + newProperty.jsonKey,
                    newProperty.isOptional
                        ? "`\(newProperty.name): \(newProperty.declaredType)`, defaulting to nil in the init"
                        : "`\(newProperty.name): \(newProperty.declaredType)`: `\(new.name).init` gains a parameter without a default")
            case (nil, nil): break
            }
        }
    }

    /// Follows a property into the struct or code enum its type names (through arrays and optionals).
    private static func compareNested(
        _ oldType: SwiftType, in oldParent: SwiftStruct, _ newType: SwiftType, in newParent: SwiftStruct, subject: String,
        into collector: inout DiffCollector
    ) {
        switch (innermost(oldType), innermost(newType)) {
        case (.model(let oldName), .model(let newName)):
            guard let old = nestedStruct(oldName, in: oldParent), let new = nestedStruct(newName, in: newParent) else { return }
            compareStruct(old, new, path: subject, into: &collector)
        case (.code(let oldName), .code(let newName)):
            guard let old = nestedEnum(oldName, in: oldParent), let new = nestedEnum(newName, in: newParent) else { return }
            compareCases(
                old.cases.map { ($0.code, $0.name) }, new.cases.map { ($0.code, $0.name) }, subject: { _ in subject },
                enumName: newName, into: &collector)
        default:
            break
        }
    }

    /// The result codes or a field's codes: cases by code value.
    private static func compareCases(
        _ old: [(code: String, name: String)], _ new: [(code: String, name: String)], subject: (String) -> String,
        enumName: String, into collector: inout DiffCollector
    ) {
        let oldNames = Dictionary(old.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let newCodes = Set(new.map(\.code))
        for (code, name) in new {
            guard let oldName = oldNames[code] else {
                collector.add(
                    .swiftCaseAdded, .breaking, subject(code),
                    "`\(enumName).\(name)` added: an exhaustive `switch` without `default` no longer compiles")
                continue
            }
            if oldName != name {
                collector.add(.swiftCaseRenamed, .breaking, subject(code), "`\(enumName).\(oldName)` → `.\(name)`")
            }
        }
        for (code, name) in old where !newCodes.contains(code) {
            collector.add(.swiftCaseRemoved, .breaking, subject(code), "`\(enumName).\(name)` is gone")
        }
    }

    /// Header properties of the header types, by header name.
    private static func compareHeaders(_ old: SwiftHeaderBinding, _ new: SwiftHeaderBinding, into collector: inout DiffCollector) {
        for (side, oldHeaders, newHeaders) in [
            ("request", old.headers.request, new.headers.request), ("response", old.headers.response, new.headers.response),
        ] {
            let oldByName = Dictionary(
                oldHeaders.map { ($0.headerName.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            let newNames = Set(newHeaders.map { $0.headerName.lowercased() })
            for header in newHeaders {
                let subject = "\(side) header \(header.headerName)"
                guard let oldHeader = oldByName[header.headerName.lowercased()] else {
                    // The header types have memberwise inits, as bodies do: a required header is a new parameter.
                    collector.add(
                        .swiftPropertyAdded, header.isOptional ? .compatible : .breaking, subject,
                        header.isOptional
                            ? "`\(header.propertyName): String?`, defaulting to nil in the init"
                            : "`\(header.propertyName): String`: the \(side) headers' init gains a parameter without a default")
                    continue
                }
                if oldHeader.propertyName != header.propertyName {
                    collector.add(
                        .swiftPropertyRenamed, .breaking, subject, "`\(oldHeader.propertyName)` → `\(header.propertyName)`")
                }
                if oldHeader.isOptional != header.isOptional {
                    collector.add(
                        .swiftPropertyTypeChanged, .breaking, subject,
                        "`\(header.propertyName)`: `String\(oldHeader.isOptional ? "?" : "")` → `String\(header.isOptional ? "?" : "")`")
                }
            }
            for header in oldHeaders where !newNames.contains(header.headerName.lowercased()) {
                collector.add(
                    .swiftPropertyRemoved, .breaking, "\(side) header \(header.headerName)", "`\(header.propertyName)` is gone")
            }
        }
    }

    private static func innermost(_ type: SwiftType) -> SwiftType {
        switch type {
        case .array(let element), .optional(let element): innermost(element)
        default: type
        }
    }

    /// What kind of value a property holds, for telling a rename from a removal: the same kind on both sides.
    private static func kindOf(_ type: SwiftType) -> String {
        switch innermost(type) {
        case .model: "struct"
        case .code: "code"
        default: type.spelling
        }
    }

    private static func nestedStruct(_ name: String, in parent: SwiftStruct) -> SwiftStruct? {
        for case .structure(let nested) in parent.nestedTypes where nested.name == name { return nested }
        return nil
    }

    private static func nestedEnum(_ name: String, in parent: SwiftStruct) -> SwiftCodeEnum? {
        for case .codes(let nested) in parent.nestedTypes where nested.name == name { return nested }
        return nil
    }
}

extension SwiftHeaderBinding {
    /// The headers the endpoint's header types declare, shared or its own.
    var headers: (request: [SwiftHeader], response: [SwiftHeader]) {
        switch self {
        case .shared(let set): (set.request, set.response)
        case .own(let request, let response): (request, response)
        }
    }
}
