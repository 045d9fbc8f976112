/// Accumulates Swift source line by line with managed indentation (4 spaces), like swift-protobuf's printer.
struct CodePrinter {
    private(set) var text = ""
    private var indentation = 0

    mutating func line(_ content: String = "") {
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: indentation) + content + "\n"
        }
    }

    /// `header {`, the body one level in, `}`.
    mutating func block(_ header: String, close: String = "}", _ body: (inout CodePrinter) -> Void) {
        line(header + " {")
        indentation += 1
        body(&self)
        indentation -= 1
        line(close)
    }

    /// `///` doc comment lines; empty lines become `///`.
    mutating func doc(_ lines: [String]) {
        for content in lines { line(content.isEmpty ? "///" : "/// " + SwiftLiteral.comment(content)) }
    }
}

/// Text from specs, made safe to place in generated source.
enum SwiftLiteral {
    /// A string literal: quotes, backslashes and every control or invisible formatting character escaped, so
    /// text from a spec can never end the literal or hide code (bidi overrides, zero-width characters).
    static func string(_ value: String) -> String {
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
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: true
        default: false
        }
    }
}
