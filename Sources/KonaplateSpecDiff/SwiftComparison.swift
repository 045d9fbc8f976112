import KonaplateGenerator
import KonaplateSpecs
import KonaplateTextFormats

/// What code calling the generated module sees: compares two translated versions of one endpoint, declaration by
/// declaration. Properties are matched by JSON key (as the wire comparison matches fields), so both aspects of one
/// change land on the same subject.
enum SwiftComparison {
    static func compare(_ old: SwiftEndpoint, _ new: SwiftEndpoint, into collector: inout DiffCollector) {
        if old.typeName != new.typeName {
            collector.add(
                .swiftTypeRenamed, .breaking, "endpoint",
                "`\(old.typeName)` → `\(new.typeName)`: code naming `\(old.typeName)` no longer compiles")
        }
        compareBody(old.request, new.request, subject: "request", into: &collector)
        compareBody(old.response, new.response, subject: "response", into: &collector)
        compareHeaders(old.headers, new.headers, into: &collector)
        compareCases(
            old.resultCodes.map { ($0.code, $0.name) }, new.resultCodes.map { ($0.code, $0.name) },
            subject: { "result \($0)" }, enumName: "ResultCode", into: &collector)
    }

    private static func compareBody(
        _ old: SwiftBody, _ new: SwiftBody, subject: String, into collector: inout DiffCollector
    ) {
        switch (old, new) {
        case (.structure(let old), .structure(let new)):
            compareStruct(old, new, path: subject, into: &collector)
        case (.undocumented, .undocumented):
            break
        case (.structure, .undocumented), (.undocumented, .structure):
            collector.add(
                .swiftPropertyTypeChanged, .breaking, subject,
                new.structure == nil
                    ? "`\(subject.capitalized)` became an open JSON object"
                    : "`\(subject.capitalized)` became a struct of its fields")
        }
    }

    private static func compareStruct(
        _ old: SwiftStruct, _ new: SwiftStruct, path: String, into collector: inout DiffCollector
    ) {
        // A struct with sensitive properties prints through its own `customMirror` (CustomReflectable).
        if old.hasSensitiveProperties, !new.hasSensitiveProperties {
            collector.add(
                .swiftConformanceRemoved, .breaking, path,
                "`\(new.name)` no longer conforms to `CustomReflectable`: no property of it is sensitive any more")
        }
        let pairs = propertyPairs(old.properties, new.properties, path: path, renamed: collector.renamedPaths)
        for (oldProperty, newProperty) in pairs {
            switch (oldProperty, newProperty) {
            case (let oldProperty?, let newProperty?):
                let subject = path + "." + newProperty.jsonKey
                if oldProperty.name != newProperty.name {
                    collector.add(
                        .swiftPropertyRenamed, .breaking, subject,
                        "`\(oldProperty.name)` → `\(newProperty.name)`: code reading, setting or passing `\(oldProperty.name):` no longer compiles"
                    )
                }
                let oldType = oldProperty.declaredType
                let newType = newProperty.declaredType
                if oldType != newType {
                    collector.add(
                        .swiftPropertyTypeChanged, .breaking, subject,
                        "`\(newProperty.name)`: `\(oldType)` → `\(newType)`: code reading or setting it as `\(oldType)` no longer compiles"
                    )
                }
                compareNested(oldProperty.type, in: old, newProperty.type, in: new, subject: subject, into: &collector)
            case (let oldProperty?, nil):
                let subject = path + "." + oldProperty.jsonKey
                collector.add(
                    .swiftPropertyRemoved, .breaking, subject,
                    "`\(oldProperty.name)` is gone: code reading, setting or passing it no longer compiles",
                    at: collector.oldLocations[subject] ?? collector.location(of: subject))
            case (nil, let newProperty?):
                // A new optional property's init parameter defaults to nil: existing calls still compile.
                collector.add(
                    .swiftPropertyAdded, newProperty.isOptional ? .compatible : .breaking,
                    path + "." + newProperty.jsonKey,
                    newProperty.isOptional
                        ? "`\(newProperty.name): \(newProperty.declaredType)`, defaulting to nil in the init: existing calls compile"
                        : "`\(newProperty.name): \(newProperty.declaredType)`: `\(new.name).init` gains a parameter without a default, so existing calls no longer compile"
                )
            case (nil, nil): break
            }
        }
        let positions = collector
        compareOrder(
            pairs.compactMap { pair in pair.0.flatMap { old in pair.1.map { (old.name, $0.name, $0.jsonKey) } } },
            oldOrder: old.properties.map(\.name), newOrder: new.properties.map(\.name), initName: "\(new.name).init",
            subject: path,
            at: { positions.location(of: path + "." + $0) }, into: &collector)
    }

    /// Properties by JSON key; of the rest, the pairs the wire comparison took as renamed fields, and properties
    /// that kept their Swift name.
    private static func propertyPairs(
        _ old: [SwiftProperty], _ new: [SwiftProperty], path: String, renamed: [String: String]
    ) -> [(SwiftProperty?, SwiftProperty?)] {
        let oldByKey = Dictionary(old.map { ($0.jsonKey, $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.jsonKey))
        var removed = old.filter { !newKeys.contains($0.jsonKey) }
        var result: [(SwiftProperty?, SwiftProperty?)] = []
        for property in new {
            if let match = oldByKey[property.jsonKey] {
                result.append((match, property))
                continue
            }
            let index =
                removed.firstIndex { renamed[path + "." + $0.jsonKey] == path + "." + property.jsonKey }
                ?? removed.firstIndex { $0.name == property.name }
            if let index {
                result.append((removed.remove(at: index), property))
            } else {
                result.append((nil, property))
            }
        }
        return result + removed.map { ($0, nil) }
    }

    /// A memberwise init takes its arguments in declaration order: the properties both versions have, in another
    /// order, break every call that passes them ("argument 'x' must precede argument 'y'").
    private static func compareOrder(
        _ kept: [(old: String, new: String, key: String)], oldOrder: [String], newOrder: [String], initName: String,
        subject: String,
        at location: (String) -> SourceLocation, into collector: inout DiffCollector
    ) {
        let renamedToNew = Dictionary(kept.map { ($0.old, $0.new) }, uniquingKeysWith: { first, _ in first })
        let keptNames = Set(kept.map(\.new))
        let before = oldOrder.compactMap { renamedToNew[$0] }
        let after = newOrder.filter { keptNames.contains($0) }
        guard before != after, let moved = zip(before, after).first(where: { $0 != $1 })?.1,
            let key = kept.first(where: { $0.new == moved })?.key
        else { return }
        collector.add(
            .swiftInitOrderChanged, .breaking, subject,
            "`\(initName)` takes its arguments in another order: (\(before.map { $0 + ":" }.joined())) → (\(after.map { $0 + ":" }.joined())); a call written for the old order no longer compiles",
            at: location(key))
    }

    /// Follows a property into the struct or code enum its type names (through arrays and optionals).
    private static func compareNested(
        _ oldType: SwiftType, in oldParent: SwiftStruct, _ newType: SwiftType, in newParent: SwiftStruct,
        subject: String,
        into collector: inout DiffCollector
    ) {
        switch (innermost(oldType), innermost(newType)) {
        case (.model(let oldName), .model(let newName)):
            guard let old = nestedStruct(oldName, in: oldParent), let new = nestedStruct(newName, in: newParent) else {
                return
            }
            compareStruct(old, new, path: subject, into: &collector)
        case (.code(let oldName), .code(let newName)):
            guard let old = nestedEnum(oldName, in: oldParent), let new = nestedEnum(newName, in: newParent) else {
                return
            }
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
                collector.add(
                    .swiftCaseRenamed, .breaking, subject(code),
                    "`\(enumName).\(oldName)` → `.\(name)`: code naming `.\(oldName)` no longer compiles")
            }
        }
        for (code, name) in old where !newCodes.contains(code) {
            collector.add(
                .swiftCaseRemoved, .breaking, subject(code),
                "`\(enumName).\(name)` is gone: code naming it no longer compiles")
        }
    }

    /// Header properties of the header types, by header name.
    private static func compareHeaders(
        _ old: SwiftHeaderBinding, _ new: SwiftHeaderBinding, into collector: inout DiffCollector
    ) {
        for (side, oldHeaders, newHeaders) in [
            ("request", old.headers.request, new.headers.request),
            ("response", old.headers.response, new.headers.response),
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
                            ? "`\(header.propertyName): String?`, defaulting to nil in the init: existing calls compile"
                            : "`\(header.propertyName): String`: the \(side) headers' init gains a parameter without a default, so existing calls no longer compile"
                    )
                    continue
                }
                if oldHeader.propertyName != header.propertyName {
                    collector.add(
                        .swiftPropertyRenamed, .breaking, subject,
                        "`\(oldHeader.propertyName)` → `\(header.propertyName)`: code reading, setting or passing `\(oldHeader.propertyName):` no longer compiles"
                    )
                }
                if oldHeader.isOptional != header.isOptional {
                    collector.add(
                        .swiftPropertyTypeChanged, .breaking, subject,
                        "`\(header.propertyName)`: `String\(oldHeader.isOptional ? "?" : "")` → `String\(header.isOptional ? "?" : "")`: code reading or setting it as before no longer compiles"
                    )
                }
            }
            for header in oldHeaders where !newNames.contains(header.headerName.lowercased()) {
                let subject = "\(side) header \(header.headerName)"
                collector.add(
                    .swiftPropertyRemoved, .breaking, subject,
                    "`\(header.propertyName)` is gone: code reading, setting or passing it no longer compiles",
                    at: collector.oldLocations[subject] ?? collector.location(of: subject))
            }
            let kept = newHeaders.compactMap { header in
                oldByName[header.headerName.lowercased()].map {
                    (old: $0.propertyName, new: header.propertyName, key: header.headerName)
                }
            }
            let typeName = side == "request" ? "RequestHeaders" : "ResponseHeaders"
            let positions = collector
            compareOrder(
                kept, oldOrder: oldHeaders.map(\.propertyName), newOrder: newHeaders.map(\.propertyName),
                initName: "\(typeName).init",
                subject: "\(side) headers", at: { positions.location(of: "\(side) header \($0)") }, into: &collector)
        }
    }

    private static func innermost(_ type: SwiftType) -> SwiftType {
        switch type {
        case .array(let element), .optional(let element): innermost(element)
        default: type
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
