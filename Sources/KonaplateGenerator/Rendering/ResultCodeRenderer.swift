import KonaplateSpecs

/// An endpoint's `ResultCode`: a case per documented code, `undocumented` for any other, and the docs' row of each.
enum ResultCodeRenderer {
    static func render(_ cases: [SwiftResultCase], _ p: inout CodePrinter) {
        p.doc(DocText(["The result codes the docs list for this endpoint, and any other code the server sends."]))
        p.declaration("nonisolated public enum ResultCode", conformances: "KonaplateResultCode") { p in
            for entry in cases {
                let meaning = entry.meaning.map { " — \($0)" } ?? ""
                p.doc(DocText(["`\(entry.code)` (HTTP \(entry.status)): \(entry.message)\(meaning)"]))
                p.line("case \(SwiftIdentifiers.escaped(entry.name))")
            }
            p.doc(DocText(["A code the docs do not list for this endpoint, kept as sent."]))
            p.line("case undocumented(String)")
            p.line()
            CodeEnumRenderer.renderDocumented(cases.map(\.name), &p)
            p.line()
            p.block("public init(code: String)") { p in
                p.line("switch code {")
                for entry in cases {
                    p.line("case \(SwiftLiteral.string(entry.code)): self = .\(SwiftIdentifiers.escaped(entry.name))")
                }
                p.line("default: self = .undocumented(code)")
                p.line("}")
            }
            p.line()
            p.block("public var code: String") { p in
                p.line("switch self {")
                for entry in cases {
                    p.labeled("case .\(SwiftIdentifiers.escaped(entry.name)):", stringValue: entry.code)
                }
                p.line("case .undocumented(let code): code")
                p.line("}")
            }
            // One switch for the docs' whole row (status, message, meaning; the protocol derives the three
            // properties from it) rather than a switch per property: two fewer switches per endpoint took about 8%
            // off the release compile time on the generated code (BENCHMARKS.md, compile time).
            p.line()
            p.block("public var documentation: KonaplateResultCodeDocumentation?") { p in
                p.line("switch self {")
                for entry in cases { renderDocumentationCase(entry, &p) }
                p.line("case .undocumented: nil")
                p.line("}")
            }
        }
    }

    /// `case .name: .init(httpStatus: 200, message: "…", meaning: "…")`, broken one argument per line when long.
    private static func renderDocumentationCase(_ entry: SwiftResultCase, _ p: inout CodePrinter) {
        let label = "case .\(SwiftIdentifiers.escaped(entry.name)):"
        var texts = [("message", entry.message)]
        if let meaning = entry.meaning { texts.append(("meaning", meaning)) }
        let arguments = ["httpStatus: \(entry.status)"] + texts.map { "\($0.0): \(SwiftLiteral.string($0.1))" }
        let oneLine = "\(label) .init(\(arguments.joined(separator: ", ")))"
        guard !p.fits(oneLine) else { return p.line(oneLine) }
        p.line(label)
        p.indented { p in
            p.line(".init(")
            p.indented { p in
                p.line(arguments[0] + ",")
                for (index, (name, text)) in texts.enumerated() {
                    p.stringArgument(name, text, isLast: index == texts.count - 1)
                }
            }
            p.line(")")
        }
    }
}
