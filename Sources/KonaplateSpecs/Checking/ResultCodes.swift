/// An endpoint's result codes: each listed once, with an HTTP status, and each with a Swift case of its own.
enum ResultCodes {
    /// Longer derived case names get a lint suggestion to name the case.
    static let longCaseName = 40

    /// The first words of a long case name, up to a connecting word (`cancellationNotPossibleForThisTransaction` →
    /// `cancellationNotPossible`) or half the limit.
    static func shortened(_ name: String) -> String {
        let connecting: Set<String> = [
            "For", "While", "Due", "To", "And", "Of", "In", "The", "With", "By", "Through", "Is",
        ]
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append("") }
            words[words.count - 1].append(character)
        }
        var result = words[0]
        for word in words.dropFirst() {
            if (connecting.contains(word) && result != words[0]) || result.count + word.count > longCaseName / 2 + 5 {
                break
            }
            result += word
        }
        return result
    }

    /// An endpoint's result codes: its own table's rows, then the shared codes its table does not list, in the order
    /// of their codes. Its own row wins: the page's words about a code are more precise than the shared ones.
    static func effective(own: [ResultSpec], shared: [ResultSpec]) -> [ResultSpec] {
        let listed = Set(own.map(\.code.value))
        return own + shared.filter { !listed.contains($0.code.value) }.sorted { $0.code.value < $1.code.value }
    }

    /// - Parameter ownCount: how many of `results`, from the start, are the endpoint's own rows; the others are
    ///   shared codes, whose own mistakes `check(_:)` reports once for all endpoints, so here they only take part
    ///   in case-name clashes, reported at the endpoint's row.
    static func check(_ results: [ResultSpec], ownCount: Int, diagnostics: inout Diagnostics) {
        var codes: [String: SourceLocation] = [:]
        var cases: [String: ResultSpec] = [:]
        for (index, result) in results.enumerated() {
            let isShared = index >= ownCount
            if let first = codes[result.code.value] {
                diagnostics.error(
                    "result code '\(result.code.value)' is listed twice (first at line \(first.line))",
                    at: result.code.location)
                continue
            }
            codes[result.code.value] = result.code.location
            if !isShared && !(100...599).contains(result.status) {
                diagnostics.error(
                    "'status' must be an HTTP status (100...599); found \(result.status)", at: result.location)
            }
            guard let name = SwiftIdentifiers.caseName(of: result) else {
                if !isShared {
                    diagnostics.error(
                        "result code '\(result.code.value)' needs 'case:' (its message gives no Swift name)",
                        at: result.code.location)
                }
                continue
            }
            if let explicit = result.caseName, !SwiftIdentifiers.isASCIIIdentifier(explicit.value) {
                if !isShared {
                    diagnostics.error(
                        "'case' must be an ASCII Swift identifier (letters, digits, '_'); found '\(explicit.value)'",
                        at: explicit.location)
                }
                continue
            }
            if SwiftIdentifiers.reservedCaseNames.contains(name) {
                if !isShared {
                    diagnostics.error(
                        "result code '\(result.code.value)' would become the case '\(name)', which the generated enum already uses; set 'case'",
                        at: result.code.location)
                }
                continue
            }
            if let owner = cases[name] {
                if isShared {
                    diagnostics.error(
                        "result code '\(owner.code.value)' becomes the case '\(name)', which the shared result code '\(result.code.value)' (\(result.code.location)) also becomes; give '\(owner.code.value)' a 'case:' of its own",
                        at: owner.code.location)
                } else {
                    diagnostics.error(
                        "result codes '\(owner.code.value)' and '\(result.code.value)' both become the case '\(name)'; give one of them 'case:'",
                        at: result.code.location)
                }
                continue
            }
            cases[name] = result
            if !isShared && result.caseName == nil && name.count > longCaseName {
                diagnostics.warning(
                    "result code '\(result.code.value)' becomes the case '\(name)' (\(name.count) characters); a shorter name reads better in a switch: set 'case:' (e.g. 'case: \(shortened(name))')",
                    at: result.code.location)
            }
        }
    }

    /// Shared result codes (a definitions file's `sharedResults`), checked once for every endpoint.
    static func check(_ shared: [ResultSpec], diagnostics: inout Diagnostics) {
        check(shared, ownCount: shared.count, diagnostics: &diagnostics)
    }
}
