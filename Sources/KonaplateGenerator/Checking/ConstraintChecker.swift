/// Constraints of one value that contradict each other or name what does not exist: an unknown format, a length
/// its format can never have, a code listed twice or longer than its field.
enum ConstraintChecker {
    static func check(
        name: String, length: Located<LengthRule>?, format: Located<String>?, codes: [CodeSpec], diagnostics: inout Diagnostics
    ) {
        if let format {
            if let known = KnownFormat.named(format.value) {
                if let length, !length.value.allows(known.length) {
                    diagnostics.error(
                        "'length' \(length.value) of '\(name)' contradicts its format \(known.name), whose values are \(known.length) characters; remove 'length' or fix it",
                        at: length.location)
                }
            } else {
                let names = KnownFormat.all.map(\.name)
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
