import KonaplateSpecs

/// `collectViolations(into:at:)`: one validator call per documented constraint, for models and headers alike.
enum ValidationRenderer {
    /// - Parameter endpoint: the endpoint a Conditional header's rule reads (`Endpoint` in a shared set's generic
    ///   type); nil for models.
    static func render(
        _ properties: [SwiftProperty], rules: [SwiftGroupRule] = [], endpoint: String?, _ p: inout CodePrinter
    ) {
        let ruleCalls = rules.map { rule in
            let members = rule.members.map {
                "(\(SwiftLiteral.string($0.jsonKey)), self.\(SwiftIdentifiers.escaped($0.property)) != nil)"
            }
            return ["\(rule.kind.rawValue): [\(members.joined(separator: ", "))]", "at: path"]
        }
        let calls =
            ruleCalls.isEmpty
            ? propertyCalls(properties, endpoint: endpoint) : propertyCalls(properties, endpoint: endpoint) + ruleCalls
        let signature =
            "public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath)"
        if calls.isEmpty {
            p.line(signature + " {}")
        } else {
            p.block(signature) { p in for arguments in calls { p.call("validator.check", arguments) } }
        }
    }

    private static func propertyCalls(_ properties: [SwiftProperty], endpoint: String?) -> [[String]] {
        properties.flatMap { property in
            property.checks.map { check in
                [
                    "self.\(SwiftIdentifiers.escaped(property.name))",
                    "at: path + \(SwiftLiteral.string(property.jsonKey))",
                ]
                    + ModelSpelling.checkArguments(check, of: property.type, endpoint: endpoint)
            }
        }
    }
}

/// Sensitive fields appear as `<redacted>` in description, debugDescription, interpolation and dump().
enum MirrorRenderer {
    static func render(_ properties: [SwiftProperty], _ p: inout CodePrinter) {
        p.block("public var customMirror: Mirror") { p in
            p.line("Mirror(")
            p.indented { p in
                p.line("self,")
                let children = properties.map { property -> String in
                    let name = "self.\(SwiftIdentifiers.escaped(property.name))"
                    let value: String
                    if property.isSensitive {
                        value = property.isOptional ? "KonaplateRedacted.mask(\(name)) as Any" : "KonaplateRedacted()"
                    } else {
                        value = property.isOptional ? "\(name) as Any" : name
                    }
                    return "\(SwiftLiteral.string(property.name)): \(value)"
                }
                p.array("children: ", children, suffix: ",")
                p.line("displayStyle: .struct")
            }
            p.line(")")
        }
    }
}
