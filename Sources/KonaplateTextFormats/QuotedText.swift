/// Text from specs and pages, quoted for the three formats the tools write: Swift string literals (the generator),
/// JSON (the OpenAPI export) and YAML (import's drafts). The three share the C-style escapes; each writes the other
/// invisible characters its own way, so each passes `escapeInvisible`. It lives in the front end because every
/// stage after it writes text from specs, and none of them may reach into another's internals.
public enum QuotedText {
    /// `"…"` with `"`, `\\`, `\n`, `\r` and `\t` escaped as all three formats write them, and every other control
    /// or invisible character (bidi overrides, zero-width characters) written by `escapeInvisible`, so text can
    /// never end the literal early or hide code.
    public static func quoted(_ value: String, escapeInvisible: (Unicode.Scalar) -> String) -> String {
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

    /// Control characters, invisible formatting characters, separators other than the space, and code points with
    /// no character: what a reader could not see in a file.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
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
