import KonaplateSpecs
import KonaplateTextFormats

/// Text from specs, made safe to place in generated Swift source: string and integer literals, comments.
enum SwiftLiteral {
    /// A string literal: quotes, backslashes and every control or invisible formatting character escaped, so
    /// text from a spec can never end the literal or hide code (bidi overrides, zero-width characters).
    static func string(_ value: String) -> String {
        QuotedText.quoted(value) { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
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
        for scalar in value.unicodeScalars where !QuotedText.isInvisible(scalar) || scalar == "\t" {
            result.unicodeScalars.append(scalar == "\t" ? " " : scalar)
        }
        return result.trimmingTrailingSpaces
    }
}
