import KonaplateSpecs

/// `init(from:)` and `encode(to:)` written out with the shared `KonaplateCodingKey` instead of a synthesized
/// `CodingKeys` enum per type: each enum brought a dozen functions (string switch, hashing, descriptions), a fifth
/// of all functions the optimizer saw, for 2–4% of release compile time (BENCHMARKS.md, compile time); the written-out
/// form also shows reviewers exactly what goes on the wire. Behaviour is the synthesized one: optionals use the
/// `IfPresent` variants (absent or null decodes as nil; nil is omitted). Code fields use `decodeCode`, which reads
/// the string directly instead of through a nested decoder.
enum CodableRenderer {
    static func render(_ properties: [SwiftProperty], _ p: inout CodePrinter) {
        let keyed = "(keyedBy: KonaplateCodingKey.self)"
        method(
            "public init(from decoder: any Decoder) throws", binding: "let", container: "try decoder.container\(keyed)",
            properties, &p
        ) {
            let method = ($0.type.isCode ? "decodeCode" : "decode") + ($0.isOptional ? "IfPresent" : "")
            // The type comes from the property (no `String.self` here: a property may be named `String`).
            return (
                "self.\(SwiftIdentifiers.escaped($0.name)) = try container.\(method)", [SwiftLiteral.string($0.jsonKey)]
            )
        }
        p.line()
        method(
            "public func encode(to encoder: any Encoder) throws", binding: "var",
            container: "encoder.container\(keyed)", properties, &p
        ) {
            let method = $0.isOptional ? "encodeIfPresent" : "encode"
            return (
                "try container.\(method)",
                ["self.\(SwiftIdentifiers.escaped($0.name))", "forKey: \(SwiftLiteral.string($0.jsonKey))"]
            )
        }
    }

    /// One method: the container (only `_ = …` for a body without fields, which must still be an object), then a
    /// call per property.
    private static func method(
        _ header: String, binding: String, container: String, _ properties: [SwiftProperty], _ p: inout CodePrinter,
        _ call: (SwiftProperty) -> (String, [String])
    ) {
        p.block(header) { p in
            guard !properties.isEmpty else { return p.line("_ = \(container)") }
            p.line("\(binding) container = \(container)")
            for property in properties {
                let (prefix, arguments) = call(property)
                p.call(prefix, arguments)
            }
        }
    }
}
