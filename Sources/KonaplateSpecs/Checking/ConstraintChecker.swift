/// Constraints of one value that contradict each other or name what does not exist: an unknown format, a length
/// its format can never have, a code listed twice or longer than its field.
enum ConstraintChecker {
    /// A field's constraints, and its array items' (`tags items`).
    static func check(_ field: FieldSpec, diagnostics: inout Diagnostics) {
        check(
            name: field.name.value, length: field.length, format: field.format, codes: field.codes,
            diagnostics: &diagnostics)
        if let items = field.items {
            check(
                name: field.name.value + " items", length: items.length, format: items.format, codes: items.codes,
                diagnostics: &diagnostics)
        }
        if field.type == .number, let format = field.format, let known = KonaplateFormat(rawValue: format.value),
            !known.isNumberFormat
        {
            diagnostics.error(
                "format \(known.rawValue) cannot be a number's: a number drops leading zeros, and only dates and times that start with a 4-digit year keep every digit; type '\(field.name.value)' as a string",
                at: format.location)
        }
        if let pattern = field.pattern, (try? Regex(pattern.value)) == nil {
            diagnostics.error(
                "'pattern' of '\(field.name.value)' is not a regular expression Swift reads; write one both Swift and JSON Schema read (ECMA-262 syntax: [0-9], \\d, (?:…), {n,m})",
                at: pattern.location)
        }
        if field.type == .number || field.items?.type == .number, let range = field.range ?? field.items?.range,
            SwiftInteger.narrowest(for: range.value) == nil
        {
            diagnostics.error(
                "'range' \(range.value) of '\(field.name.value)' does not fit a 64-bit integer (signed or unsigned)",
                at: range.location)
        }
    }

    static func check(
        name: String, length: Located<LengthRule>?, format: Located<String>?, codes: [CodeSpec],
        diagnostics: inout Diagnostics
    ) {
        if let format {
            if let known = KonaplateFormat(rawValue: format.value) {
                if let length, !length.value.allows(known.length) {
                    diagnostics.error(
                        "'length' \(length.value) of '\(name)' contradicts its format \(known.rawValue), whose values are \(known.length) characters; remove 'length' or fix it",
                        at: length.location)
                }
            } else {
                let names = KonaplateFormat.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown format '\(format.value)'\(Suggestion.hint(for: format.value, among: names)); known formats: \(names.joined(separator: ", "))",
                    at: format.location)
            }
        }
        var seen: Set<String> = []
        for code in codes {
            if !seen.insert(code.code).inserted {
                diagnostics.error("code '\(code.code)' of '\(name)' is listed twice", at: code.location)
            }
            if let length, !length.value.allows(code.code.utf16.count) {
                diagnostics.error(
                    "code '\(code.code)' of '\(name)' is \(code.code.utf16.count) characters, but 'length' is \(length.value)",
                    at: code.location)
            }
        }
    }
}
