import KonaplateSpecs

/// Accumulates Swift source line by line with managed indentation (4 spaces), like swift-protobuf's printer.
///
/// It also keeps lines within `lineLimit`, in the shapes `swift-format` accepts as they are (the repository's
/// `.swift-format`): a construct that does not fit on one line is broken one element per line. So the generated code
/// passes `swift format lint` without a formatting pass.
struct CodePrinter {
    static let lineLimit = 120

    private(set) var text = ""
    private var indentation = 0

    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            for _ in 0..<indentation { text.append("    ") }
            text.append(content)
        }
        text.append("\n")
    }

    /// Whether `content` fits on one line at the current indentation. One column short of the limit: swift-format
    /// breaks a call or collection literal that ends exactly at it.
    func fits(_ content: String) -> Bool {
        indentation * 4 + content.count < Self.lineLimit
    }

    mutating func indented(_ body: (inout CodePrinter) -> Void) {
        indentation += 1
        body(&self)
        indentation -= 1
    }

    /// `header {`, the body one level in, `}`.
    mutating func block(_ header: String, _ body: (inout CodePrinter) -> Void) {
        line(header + " {")
        indented(body)
        line("}")
    }

    /// `prefix(a, b, c)suffix` on one line when it fits; otherwise one argument per line and `)suffix` alone.
    mutating func call(_ prefix: String, _ arguments: [String], suffix: String = "") {
        let oneLine = prefix + "(" + arguments.joined(separator: ", ") + ")" + suffix
        if fits(oneLine) || arguments.isEmpty {
            line(oneLine)
            return
        }
        line(prefix + "(")
        indented { p in
            for (index, argument) in arguments.enumerated() {
                p.line(argument + (index == arguments.count - 1 ? "" : ","))
            }
        }
        line(")" + suffix)
    }

    /// `prefix[a, b]suffix` on one line when it fits; otherwise one element per line, each with a trailing comma.
    mutating func array(_ prefix: String, _ elements: [String], suffix: String = "") {
        let oneLine = prefix + "[" + elements.joined(separator: ", ") + "]" + suffix
        if fits(oneLine) || elements.isEmpty {
            line(oneLine)
            return
        }
        line(prefix + "[")
        indented { p in for element in elements { p.line(element + ",") } }
        line("]" + suffix)
    }

    /// A declaration with conformances: `header: A, B {` or, when too long, the conformances on their own line.
    mutating func declaration(_ header: String, conformances: String, _ body: (inout CodePrinter) -> Void) {
        if fits(header + ": " + conformances + " {") {
            block(header + ": " + conformances, body)
            return
        }
        line(header + ":")
        indented { p in p.line(conformances) }
        line("{")
        indented(body)
        line("}")
    }

    /// `label value` when it fits (a switch case and its value); otherwise the value on the next line, as a
    /// multi-line string literal when even that is too long.
    mutating func labeled(_ label: String, stringValue value: String) {
        let literal = SwiftLiteral.string(value)
        if fits(label + " " + literal) {
            line(label + " " + literal)
            return
        }
        line(label)
        indented { p in
            if p.fits(literal) {
                p.line(literal)
            } else {
                p.line("\"\"\"")
                p.multilineLiteralBody(value, closingSuffix: "")
            }
        }
    }

    /// `name: "value",` as one line of a call broken one argument per line; the value as a multi-line string
    /// literal when the line would be too long.
    mutating func stringArgument(_ name: String, _ value: String, isLast: Bool) {
        let literal = SwiftLiteral.string(value)
        let comma = isLast ? "" : ","
        if fits("\(name): \(literal)\(comma)") {
            line("\(name): \(literal)\(comma)")
            return
        }
        line("\(name): \"\"\"")
        indented { p in p.multilineLiteralBody(value, closingSuffix: comma) }
    }

    /// The lines of a multi-line string literal after its opening `"""`, at the current indentation (which the
    /// closing delimiter sets, so no indentation enters the value), then the closing `"""` and `closingSuffix`.
    private mutating func multilineLiteralBody(_ value: String, closingSuffix: String) {
        for piece in SwiftLiteral.multilinePieces(value, width: Self.lineLimit - 1 - indentation * 4) { line(piece) }
        line("\"\"\"" + closingSuffix)
    }

    /// `signature { expression }` when it fits on one line; otherwise a block whose body is `body` (by default the
    /// expression on its own line).
    mutating func computed(
        _ signature: String, _ expression: String, orBlock body: ((inout CodePrinter) -> Void)? = nil
    ) {
        let oneLine = "\(signature) { \(expression) }"
        if fits(oneLine) { return line(oneLine) }
        block(signature, body ?? { p in p.line(expression) })
    }

    /// `///` doc comment lines, wrapped at spaces to stay within the line limit; empty lines become `///`. A URL, a
    /// code span or any word longer than the line stays whole on a line of its own (swift-format accepts a long
    /// comment line; Xcode and DocC cannot follow a link cut in two).
    mutating func doc(_ text: DocText) {
        let width = Self.lineLimit - 1 - indentation * 4 - 4
        for content in text.lines {
            let cleaned = SwiftLiteral.comment(content)
            if cleaned.isEmpty {
                line("///")
                continue
            }
            for piece in Self.wrap(cleaned, width: width) { line("/// " + piece) }
        }
    }

    /// Word-wraps `text` into lines of at most `width` characters, breaking only at spaces outside code spans: a
    /// backticked span is one word however many spaces it holds, and a word is never cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in words(text) {
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map(\.trimmingTrailingSpaces)
    }

    /// The words of `text`, split at spaces, except inside a `code span`.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inCode = false
        // A backtick without a partner opens no span: the rest of the line must still wrap.
        var unpaired = text.filter { $0 == "`" }.count % 2 == 1 ? text.lastIndex(of: "`") : nil
        for index in text.indices {
            let character = text[index]
            if character == "`" {
                if index == unpaired { unpaired = nil } else { inCode.toggle() }
            }
            if character == " " && !inCode {
                words.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words
    }
}
