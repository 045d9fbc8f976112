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
        // `string` escapes every quote, so no `"""` can end the literal early.
        let escaped = String(string(value).dropFirst().dropLast())
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
