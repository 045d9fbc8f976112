import KonaplateSpecs

/// A code list as an open enum: a case per documented code, `undocumented` for any other, and the raw value both ways.
enum CodeEnumRenderer {
    static func render(_ codes: SwiftCodeEnum, _ p: inout CodePrinter) {
        p.doc(codes.doc.isEmpty ? DocText(["The codes the docs list."]) : codes.doc)
        p.declaration("nonisolated public enum \(codes.name)", conformances: "KonaplateCode") { p in
            for entry in codes.cases {
                p.doc(DocText(["`\(entry.code)`: \(entry.meaning)"]))
                p.line("case \(SwiftIdentifiers.escaped(entry.name))")
            }
            p.doc(DocText(["A code the docs do not list, kept as sent."]))
            p.line("case undocumented(String)")
            p.line()
            renderDocumented(codes.cases.map(\.name), &p)
            p.line()
            p.computed("public var isDocumented: Bool", "if case .undocumented = self { false } else { true }")
            p.line()
            p.block("public init(rawValue: String)") { p in
                p.line("switch rawValue {")
                for entry in codes.cases {
                    p.line("case \(SwiftLiteral.string(entry.code)): self = .\(SwiftIdentifiers.escaped(entry.name))")
                }
                p.line("default: self = .undocumented(rawValue)")
                p.line("}")
            }
            p.line()
            p.block("public var rawValue: String") { p in
                p.line("switch self {")
                for entry in codes.cases {
                    p.labeled("case .\(SwiftIdentifiers.escaped(entry.name)):", stringValue: entry.code)
                }
                p.line("case .undocumented(let code): code")
                p.line("}")
            }
        }
    }

    /// `documented`, computed: a stored `static let` costs a global, a lazy initializer and an addressor per enum
    /// in compile time, and only listings read it (validation asks `isDocumented`, a pattern match).
    static func renderDocumented(_ names: [String], _ p: inout CodePrinter) {
        let elements = names.map { ".\(SwiftIdentifiers.escaped($0))" }
        p.computed("public static var documented: [Self]", "[\(elements.joined(separator: ", "))]") { p in
            p.array("", elements)
        }
    }
}
