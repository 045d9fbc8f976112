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

    /// Whether `content` fits on one line at the current indentation (plus `extraLevels`). One column short of the
    /// limit: swift-format breaks a call or collection literal that ends exactly at it.
    func fits(_ content: String, extraLevels: Int = 0) -> Bool {
        (indentation + extraLevels) * 4 + content.count < Self.lineLimit
    }

    mutating func indented(_ body: (inout CodePrinter) -> Void) {
        indentation += 1
        body(&self)
        indentation -= 1
    }

    /// `header {`, the body one level in, `}`.
    mutating func block(_ header: String, close: String = "}", _ body: (inout CodePrinter) -> Void) {
        line(header + " {")
        indented(body)
        line(close)
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
            for (index, argument) in arguments.enumerated() { p.line(argument + (index == arguments.count - 1 ? "" : ",")) }
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

    /// `///` doc comment lines, wrapped at word boundaries to stay within the line limit; empty lines become `///`.
    mutating func doc(_ lines: [String]) {
        let width = Self.lineLimit - 1 - indentation * 4 - 4
        for content in lines {
            let cleaned = SwiftLiteral.comment(content)
            if cleaned.isEmpty {
                line("///")
                continue
            }
            for piece in Self.wrap(cleaned, width: width) { line("/// " + piece) }
        }
    }

    /// Word-wraps `text` into lines of at most `width` characters (a word longer than that is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map(\.trimmingTrailingSpaces)
    }
}

/// Text from specs, made safe to place in generated source.
enum SwiftLiteral {
    /// A string literal: quotes, backslashes and every control or invisible formatting character escaped, so
    /// text from a spec can never end the literal or hide code (bidi overrides, zero-width characters).
    static func string(_ value: String) -> String {
        quoted(value) { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
    }

    /// `"…"` with `"`, `\\` and the common control characters escaped the way both Swift and JSON write them, and
    /// every other control or invisible character written by `escapeInvisible`.
    static func quoted(_ value: String, escapeInvisible: (Unicode.Scalar) -> String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isInvisible(scalar) {
                    result += escapeInvisible(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The body lines of a multi-line string literal holding `value` on one logical line: escaped like `string`,
    /// broken at spaces with a trailing `\` (a line continuation, so no newline enters the value).
    static func multilinePieces(_ value: String, width: Int) -> [String] {
        let escaped = String(string(value).dropFirst().dropLast()).replacingOccurrences(of: "\"\"\"", with: "\\\"\"\"")
        var pieces: [String] = []
        var rest = Substring(escaped)
        while rest.count > width {
            // Break after the last space that keeps the piece (with its trailing space and `\`) within the width.
            let window = rest.prefix(width - 1)
            guard let space = window.lastIndex(of: " "), space > rest.startIndex else { break }
            let piece = rest[...space]
            pieces.append(piece + "\\")
            rest = rest[rest.index(after: space)...]
        }
        pieces.append(String(rest))
        return pieces
    }

    /// An integer literal with its digits grouped by three (`9_999_999_999_999_999_999`), as swift-format wants;
    /// anything else (`Int64.max`) is returned as it is.
    static func integer(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count > 4 else { return text }
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        return (negative ? "-" : "") + groups.joined(separator: "_")
    }

    /// A line inside a `///` comment: control and invisible formatting characters are dropped.
    static func comment(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars where !isInvisible(scalar) || scalar == "\t" {
            result.unicodeScalars.append(scalar == "\t" ? " " : scalar)
        }
        return result.trimmingTrailingSpaces
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        // Fast paths for what specs are made of (printable ASCII, Hangul syllables): the Unicode property lookup
        // below was the generator's hottest function.
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        if scalar.value >= 0xAC00 && scalar.value <= 0xD7A3 { return false }
        return switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: true
        default: false
        }
    }
}
