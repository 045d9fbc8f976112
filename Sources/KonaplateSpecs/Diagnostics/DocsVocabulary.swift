/// Pointers from the words a maintainer brings along — the docs page's own ("Value : 20", "Min : 1 , Max : 19",
/// "Required"), JSON Schema's, other generators' — to what the spec format says instead. Edit distance finds typos
/// (`lenght`); these are the right idea in another vocabulary, which no edit distance reaches.
enum DocsVocabulary {
    /// What to write instead of an unknown key, when the key is another vocabulary's word for one `allowed` here.
    static func keyHint(for key: String, allowed: [String]) -> String? {
        let hints: [(words: Set<String>, target: String, hint: String)] = [
            (
                ["value", "min", "max", "minimum", "maximum"], "range",
                "for the docs' \"Value\" or \"Min : a , Max : b\" write 'range: a...b' on a number, or 'length: a...b' on a string (see DECISIONS.md D27 for placeholders such as \"Value : 20\")"
            ),
            (
                ["minlength", "maxlength", "size", "len"], "length",
                "write 'length: a...b' (or 'length: ...b', 'length: a...')"
            ),
            (
                ["mincount", "maxcount", "minitems", "maxitems"], "count",
                "write 'count: a...b' for the number of elements"
            ),
            (
                ["required", "optional", "mandatory", "conditional", "nullable", "moc"], "presence",
                "write 'presence: required', 'presence: optional' or 'presence: conditional' (the docs' Required/Optional/Conditional)"
            ),
            (
                ["enum", "values", "allowed", "choices"], "codes",
                "write the docs' code list as 'codes: { \"01\": meaning, … }'"
            ),
            (["desc", "comment", "explanation"], "description", "write 'description:'"),
            (
                ["encrypt", "encryption", "secure"], "encrypted",
                "write 'encrypted: true' for the docs' \"Encrypted\" marker"
            ),
            (["secret", "masked", "pii", "private"], "sensitive", "write 'sensitive: true'"),
            (["condition", "if", "requiredwhen"], "when", "write 'when:' with the condition"),
        ]
        let lowered = key.lowercased()
        guard let match = hints.first(where: { $0.words.contains(lowered) && allowed.contains($0.target) }) else {
            return nil
        }
        // `range` and `length` both answer "min/max"; where only one of them applies (items of a list of objects,
        // headers) the other is named.
        if match.target == "range" && !allowed.contains("range") { return "write 'length: a...b'" }
        return match.hint
    }

    /// What to write instead of a value of `key` that is another vocabulary's word for one of `choices`.
    static func wordHint(for word: String, key: String, choices: [String]) -> String? {
        let words: [String: String] = [
            // type
            "int": "number", "integer": "number", "long": "number", "numeric": "number", "decimal": "number",
            "double": "number", "float": "number", "str": "string", "text": "string", "char": "string",
            "bool": "boolean",
            "map": "object", "dict": "object", "dictionary": "object", "list": "array", "array of objects": "array",
            "array of strings": "array",
            // presence
            "mandatory": "required", "must": "required", "m": "required", "yes": "required", "true": "required",
            "o": "optional", "opt": "optional", "no": "optional", "false": "optional", "c": "conditional",
            "cond": "conditional", "필수": "required", "옵션": "optional", "선택": "optional", "조건부": "conditional",
        ]
        guard let target = words[word.lowercased()], choices.contains(target) else { return nil }
        var hint = "write '\(key): \(target)'"
        if target == "number" { hint += " (a whole number: Konaplate amounts and ids are exact, never Double)" }
        if word.lowercased().hasPrefix("array of") { hint += " with 'fields' (objects) or 'items' (scalars)" }
        return hint
    }
}
