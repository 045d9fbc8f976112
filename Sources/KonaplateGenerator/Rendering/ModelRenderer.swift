import KonaplateSpecs

/// A generated struct (a body, a nested object, an array's element): properties, memberwise init, Codable,
/// validation, the masking mirror when it has sensitive fields, then its nested types.
enum ModelRenderer {
    /// A body: its struct, or a typealias to the runtime's open object when the page does not show it.
    static func render(_ body: SwiftBody, _ p: inout CodePrinter) {
        switch body {
        case .structure(let structure): render(structure, &p)
        case .undocumented(let name, let doc):
            p.doc(doc)
            p.line("public typealias \(name) = KonaplateUndocumentedBody")
        }
    }

    static func render(_ type: SwiftStruct, _ p: inout CodePrinter) {
        p.doc(type.doc)
        let conformances = "KonaplateModel" + (type.hasSensitiveProperties ? ", CustomReflectable" : "")
        p.declaration("nonisolated public struct \(type.name)", conformances: conformances) { p in
            for property in type.properties {
                p.doc(property.doc)
                p.line("public var \(SwiftIdentifiers.escaped(property.name)): \(property.declaredType)")
            }
            if !type.properties.isEmpty { p.line() }
            renderInit(type.properties, &p)
            p.line()
            CodableRenderer.render(type.properties, &p)
            p.line()
            ValidationRenderer.render(type.properties, rules: type.rules, endpoint: nil, &p)
            if type.hasSensitiveProperties {
                p.line()
                MirrorRenderer.render(type.properties, &p)
            }
            for nested in type.nestedTypes {
                p.line()
                switch nested {
                case .structure(let structure): render(structure, &p)
                case .codes(let codes): CodeEnumRenderer.render(codes, &p)
                }
            }
        }
    }

    /// The memberwise initializer, public (Swift's synthesized one is internal); optionals default to nil.
    static func renderInit(_ properties: [SwiftProperty], _ p: inout CodePrinter) {
        guard !properties.isEmpty else {
            p.line("public init() {}")
            return
        }
        let parameters = properties.map { property in
            "\(SwiftIdentifiers.escaped(property.name)): \(property.declaredType)"
                + (property.isOptional ? " = nil" : "")
        }
        let assignments: (inout CodePrinter) -> Void = { p in
            for property in properties {
                let name = SwiftIdentifiers.escaped(property.name)
                p.line("self.\(name) = \(name)")
            }
        }
        let signature = "public init(\(parameters.joined(separator: ", ")))"
        if p.fits(signature + " {") {
            p.block(signature, assignments)
        } else {
            p.line("public init(")
            for (index, parameter) in parameters.enumerated() {
                p.line("    \(parameter)\(index == parameters.count - 1 ? "" : ",")")
            }
            p.block(")", assignments)
        }
    }
}
