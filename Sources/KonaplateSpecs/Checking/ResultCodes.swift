/// An endpoint's result codes: each listed once, with an HTTP status, and each with a Swift case of its own.
enum ResultCodes {
    /// Longer derived case names get a lint suggestion to name the case.
    static let longCaseName = 40

    /// The first words of a long case name, up to a connecting word (`cancellationNotPossibleForThisTransaction` →
    /// `cancellationNotPossible`) or half the limit.
    static func shortened(_ name: String) -> String {
        let connecting: Set<String> = ["For", "While", "Due", "To", "And", "Of", "In", "The", "With", "By", "Through", "Is"]
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append("") }
            words[words.count - 1].append(character)
        }
        var result = words[0]
        for word in words.dropFirst() {
            if (connecting.contains(word) && result != words[0]) || result.count + word.count > longCaseName / 2 + 5 { break }
            result += word
        }
        return result
    }

    static func check(_ results: [ResultSpec], diagnostics: inout Diagnostics) {
        var codes: [String: SourceLocation] = [:]
        var cases: [String: ResultSpec] = [:]
        for result in results {
            if let first = codes[result.code.value] {
                diagnostics.error(
                    "result code '\(result.code.value)' is listed twice (first at line \(first.line))", at: result.code.location)
                continue
            }
            codes[result.code.value] = result.code.location
            if !(100...599).contains(result.status) {
                diagnostics.error("'status' must be an HTTP status (100...599); found \(result.status)", at: result.location)
            }
            guard let name = SwiftIdentifiers.caseName(of: result) else {
                diagnostics.error(
                    "result code '\(result.code.value)' needs 'case:' (its message gives no Swift name)", at: result.code.location)
                continue
            }
            if let explicit = result.caseName, !SwiftIdentifiers.isASCIIIdentifier(explicit.value) {
                diagnostics.error(
                    "'case' must be an ASCII Swift identifier (letters, digits, '_'); found '\(explicit.value)'", at: explicit.location)
                continue
            }
            if SwiftIdentifiers.reservedCaseNames.contains(name) {
                diagnostics.error(
                    "result code '\(result.code.value)' would become the case '\(name)', which the generated enum already uses; set 'case'",
                    at: result.code.location)
                continue
            }
            if let owner = cases[name] {
                diagnostics.error(
                    "result codes '\(owner.code.value)' and '\(result.code.value)' both become the case '\(name)'; give one of them 'case:'",
                    at: result.code.location)
                continue
            }
            cases[name] = result
            if result.caseName == nil && name.count > longCaseName {
                diagnostics.warning(
                    "result code '\(result.code.value)' becomes the case '\(name)' (\(name.count) characters); a shorter name reads better in a switch: set 'case:' (e.g. 'case: \(shortened(name))')",
                    at: result.code.location)
            }
        }
    }
}
