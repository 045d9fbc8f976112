import KonaplateSpecs

/// Writes an `ImportedPage` as a draft spec: every fact the page states in the spec's keys, and every decision the
/// format needs but the page cannot settle as a `# TODO(import): …` comment next to its key (lint warns on each).
/// The draft always passes lint without errors: where a value is unknown, the key is left out and the TODO says
/// what to write.
struct DraftSpecWriter {
    let page: ImportedPage
    /// The page file, named in the draft's first comment.
    let pageName: String
    /// The shared header set the page's header tables are compared with (`standard`), if the specs define it.
    let standardSet: HeaderSetSpec?
    /// How the specs beside the draft spell the words of its path.
    let names: DraftName

    static let marker = ImportTodos.marker

    func render() -> String {
        var lines = [
            "# A draft by `konaplate-gen import` from the page text \(pageName).",
            "# Resolve every \(Self.marker) (lint warns on each), compare with the page, then remove this comment.",
        ]
        if let name = names.draft(for: page.path) {
            lines += name.todos.map { "# \(Self.marker): \($0)" } + name.comments.map { "# \($0)" }
            lines.append("name: \(name.name)")
        } else {
            lines.append("name: TODO")
        }
        lines += YAMLText.entry("title", page.title, indent: "")
        if let summary = page.summary { lines += YAMLText.entry("summary", summary, indent: "") }
        lines.append("method: \(page.method)")
        lines.append("path: \(page.path)")
        if let version = page.version { lines.append("version: \(version)") }
        if let mode = page.mode {
            lines.append("mode: \(mode.rawValue)")
        } else {
            lines.append("# \(Self.marker): the page shows no Sync/Async badge after its title; sync is assumed")
            lines.append("mode: sync")
        }
        if looksLikeAnInquiry {
            lines.append(
                "# \(Self.marker): an inquiry? Mark it 'safeToRepeat: true' if sending it twice changes nothing (DECISIONS.md D43)"
            )
        }
        lines.append(
            "# \(Self.marker): the page's address ('source: https://konaplate.com/…'); its text does not carry it")
        if page.missing.isEmpty {
            lines.append("docs: complete")
        } else {
            lines.append(
                "# \(Self.marker): the page text lacks \(page.missing.joined(separator: ", ")); was it cut short?")
            lines.append("docs: partial")
            lines.append("missing: \(YAMLText.scalar("the page text has no " + page.missing.joined(separator: ", ")))")
        }
        lines += headerLines()
        lines += body(
            "request", page.request, missing: page.missing.contains(PageVocabulary.Section.requestParameters.rawValue))
        lines += body(
            "response", page.response,
            missing: page.missing.contains(PageVocabulary.Section.responseParameters.rawValue))
        if !page.results.isEmpty {
            lines.append("")
            lines.append("results:")
            for result in page.results {
                var parts = [
                    "status: \(result.status)", "code: \(YAMLText.quoted(result.code))",
                    "message: \(YAMLText.scalar(result.message, flow: true))",
                ]
                if let description = result.description {
                    parts.append("description: \(YAMLText.scalar(description, flow: true))")
                }
                if SwiftIdentifiers.caseName(forMessage: result.message) == nil {
                    // The generator names a result's case from its message; this message gives no name.
                    lines.append("  # \(Self.marker): name the Swift case of \(result.code) (its message gives none)")
                    parts.append("case: \(SwiftIdentifiers.caseName(forCode: result.code))")
                }
                lines.append("  - { \(parts.joined(separator: ", ")) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Titles that read: 조회, Inquiry, Search, Check, List (DECISIONS.md D43's test).
    private var looksLikeAnInquiry: Bool {
        let title = page.title.lowercased()
        return ["조회", "inquiry", "search", "check", "list", "확인"].contains { title.contains($0) }
    }

    // MARK: Headers

    /// `headers: standard` when the page's tables name the shared set's headers with compatible presence;
    /// otherwise an override of what differs, and TODOs for what an override cannot say.
    private func headerLines() -> [String] {
        guard let set = standardSet, !(page.requestHeaders.isEmpty && page.responseHeaders.isEmpty) else {
            return [
                "# \(Self.marker): the page shows no header tables; the standard set is assumed", "headers: standard",
            ]
        }
        var overrides: [String: [String]] = ["request": [], "response": []]
        var todos: [String] = []
        for (side, pageHeaders, setHeaders) in [
            ("request", page.requestHeaders, set.request), ("response", page.responseHeaders, set.response),
        ] {
            let setByName = Dictionary(
                setHeaders.map { ($0.name.value.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            for header in pageHeaders {
                guard let shared = setByName[header.name.lowercased()] else {
                    if side == "request" {
                        todos.append(
                            "the page lists the request header \(header.name) (\(header.presence.rawValue)), which the set '\(set.name.value)' lacks: add it to common/ or as an override with its 'source'"
                        )
                    } else {
                        overrides["response"]!.append(
                            "    \(header.name): { presence: \(header.presence.rawValue)\(headerLength(header)) }")
                    }
                    continue
                }
                // Optional and Conditional both leave the header out of some requests; the set decides which.
                if (header.presence == .required) != (shared.presence == .required) {
                    overrides[side]!.append("    \(header.name): { presence: \(header.presence.rawValue) }")
                }
            }
            let pageNames = Set(pageHeaders.map { $0.name.lowercased() })
            for shared in setHeaders where !pageNames.contains(shared.name.value.lowercased()) {
                todos.append(
                    "the page does not list the \(side) header \(shared.name.value) of the set '\(set.name.value)'")
            }
        }
        var lines = todos.map { "# \(Self.marker): \($0)" }
        let changed = overrides.values.contains { !$0.isEmpty }
        guard changed else {
            lines.append("headers: \(set.name.value)   # the page's header tables are this set")
            return lines
        }
        lines.append(
            "# \(Self.marker): the page's header tables differ from the set '\(set.name.value)' (below): confirm")
        lines.append("headers:")
        lines.append("  use: \(set.name.value)")
        for side in ["request", "response"] where !overrides[side]!.isEmpty {
            lines.append("  \(side):")
            lines += overrides[side]!.map { "  " + $0.dropFirst(2) }
        }
        return lines
    }

    private func headerLength(_ header: PageField) -> String {
        if case .length(let length) = header.constraint, length > 0 { return ", length: \(length)" }
        return ""
    }

    // MARK: Bodies and fields

    private func body(_ key: String, _ body: PageBody?, missing: Bool) -> [String] {
        if missing {
            return [
                "", "# \(Self.marker): the page text has no \(key == "request" ? "Request" : "Response") Parameters",
                "\(key): undocumented",
            ]
        }
        guard let body, !(body.fields.isEmpty && !body.encrypted) else { return [] }
        var lines = ["", "\(key):"]
        if body.encrypted { lines.append("  encrypted: true") }
        if body.fields.isEmpty {
            lines.append("  # \(Self.marker): encrypted, but the page lists no field: cut short?")
            lines.append("  fields: undocumented")
            return lines
        }
        lines.append("  fields:")
        for field in body.fields { lines += fieldLines(field, indent: "    ") }
        return lines
    }

    private func fieldLines(_ field: PageField, indent: String) -> [String] {
        var lines: [String] = []
        if let row = field.nesting?.itemRow {
            lines.append("\(indent)# the page's '\(row)' row stands for each element (DECISIONS.md D36)")
        }
        if field.nesting?.guessed == true, let first = field.children.first, let last = field.children.last {
            lines.append(
                "\(indent)# \(Self.marker): '\(first.name)' to '\(last.name)' are drafted as the fields of '\(field.name)', but the page text does not show where they end (DECISIONS.md D37): move those that follow '\(field.name)' out of it"
            )
        }
        lines.append("\(indent)\(field.name):")
        let inner = indent + "  "
        let type = field.type == "integer" ? "number" : field.type
        lines.append("\(inner)type: \(type)")
        lines.append("\(inner)presence: \(field.presence.rawValue)")
        if field.presence == .conditional {
            lines.append(
                "\(inner)# \(Self.marker): when is it required? State it in words, or as { field: <sibling>, oneOf: [values] }"
            )
            lines.append("\(inner)when: \(YAMLText.quoted("not stated on the page"))")
        }
        lines += constraintLines(field, type: type, indent: inner)
        if ["string", "number"].contains(type), isLikelySensitive(field) {
            lines.append(
                "\(inner)# \(Self.marker): sensitive? (a name, an account or card number, CI, a password, a phone number, an address, a birth date or an e-mail): confirm"
            )
            lines.append("\(inner)sensitive: true")
        }
        let description = field.description.joined(separator: "\n")
        if !description.isEmpty { lines += YAMLText.entry("description", description, indent: inner) }
        if type == "array", field.children.isEmpty {
            lines += itemsLines(field, indent: inner)
        }
        if type == "object", field.children.isEmpty {
            lines.append("\(inner)# \(Self.marker): the page shows no field of '\(field.name)': was it cut short?")
            lines.append("\(inner)fields: {}")
        }
        if !field.children.isEmpty {
            lines.append("\(inner)fields:")
            for child in field.children { lines += fieldLines(child, indent: inner + "  ") }
        }
        return lines
    }

    /// The elements of an array whose fields the page does not show: "array of strings" says their type; an
    /// "array of objects" without an `_item` row is a request array, shown only as an "Add object" widget (D38).
    private func itemsLines(_ field: PageField, indent: String) -> [String] {
        switch field.elements {
        case "object"?:
            return [
                "\(indent)# \(Self.marker): the page shows no field of the elements (a request array shows only an \"Add object\" widget, DECISIONS.md D38): any JSON value, or their fields from another page?",
                "\(indent)items: any",
            ]
        case let elements?:
            return ["\(indent)items: \(elements)"]
        case nil:
            return ["\(indent)# \(Self.marker): the page does not show the elements' type", "\(indent)items: any"]
        }
    }

    /// The page's constraint in the spec's terms, or a TODO when its meaning is not certain.
    private func constraintLines(_ field: PageField, type: String, indent: String) -> [String] {
        let todo = "\(indent)# \(Self.marker): "
        switch (field.constraint, type) {
        case (nil, _), (_, "object"), (_, "boolean"):
            return []
        case (.length(0), _):
            return [
                todo
                    + "\"Length : 0\" is a placeholder (DECISIONS.md D27): take the length from the description, or leave it out"
            ]
        case (.value(let value), _):
            return [
                todo
                    + "\"Value : \(value)\" is a placeholder (DECISIONS.md D27): take the range from the description or another page, or leave it out"
            ]
        case (.length(1), "string") where field.presence == .required:
            return ["\(indent)length: 1"]  // exactly 1 and 1...1 are the same
        case (.length(let length), "string"):
            // Whatever the name: an id may be a code of fixed width or free text (loginId's 80 is a maximum, D34).
            let format = [6: "yyMMdd", 8: "yyyyMMdd", 14: "yyyyMMddHHmmss", 17: "yyyyMMddHHmmssSSS"][length]
            let hint = format.map { " A date or a time? Then 'format: \($0)' instead." } ?? ""
            return [
                todo
                    + "\"Length : \(length)\": exact (a code, a fixed format) or a maximum (free text such as a login or a name: 1...\(length) if required, ...\(length) if optional, DECISIONS.md D34)?\(hint)",
                "\(indent)length: \(length)",
            ]
        case (.length(let length), "number"):
            return [
                todo
                    + "\"Length : \(length)\" on a number: \(length) digits? Write the range it means (range: 0...\(String(repeating: "9", count: max(1, min(length, 38)))))"
            ]
        case (.length(let length), "array"):
            return ["\(indent)count: \(length)"]
        case (.minMax(let minimum, let maximum), "string") where (maximum ?? 0) > 10_000:
            // No text field of the docs is that long: the bounds are values of a number sent as text.
            return [
                todo
                    + "\"Min : \(minimum.map(String.init) ?? "") , Max : \(maximum.map(String.init) ?? "")\" on text: the values of a number sent as text (range), or lengths?",
                "\(indent)range: \(bounds(minimum, maximum))",
            ]
        case (.minMax(let minimum, let maximum), "string"):
            return ["\(indent)length: \(bounds(minimum, maximum))"]
        case (.minMax(let minimum, let maximum), "number"):
            let digits = maximum.map { max -> String in
                let low = minimum.map { $0 <= 1 ? "1" : "1" + String(repeating: "0", count: Int($0) - 1) } ?? "0"
                return "range: \(low)...\(String(repeating: "9", count: Int(min(max, 38))))"
            }
            return [
                todo
                    + "\"Min : \(minimum.map(String.init) ?? "") , Max : \(maximum.map(String.init) ?? "")\" on a number: values, or digit counts (then \(digits ?? "the range of that many digits"))?",
                "\(indent)range: \(bounds(minimum, maximum))",
            ]
        case (.minMax(let minimum, let maximum), "array"):
            return ["\(indent)count: \(bounds(minimum, maximum))"]
        default:
            return [todo + "the page's constraint does not fit a \(type)"]
        }
    }

    private func bounds(_ minimum: Int128?, _ maximum: Int128?) -> String {
        "\(minimum.map(String.init) ?? "")...\(maximum.map(String.init) ?? "")"
    }

    /// Names, account and card numbers, CI, passwords, phone numbers, addresses, birth dates, e-mail addresses.
    private func isLikelySensitive(_ field: PageField) -> Bool {
        let name = field.name.lowercased()
        let description = field.description.first ?? ""
        if name.hasSuffix("id") || name.hasSuffix("code") || name.hasSuffix("type") { return false }
        let names = ["username", "holdername", "ownername", "customername", "realname", "custnm", "usernm"]
        let words = [
            "cardno", "cardnumber", "account", "password", "passwd", "pwd", "phone", "mobileno", "telno",
            "address", "addr", "birth", "email", "mail",
        ]
        if names.contains(where: name.contains) || words.contains(where: name.contains) { return true }
        if name == "ci" || name.hasSuffix("ci") && field.name.hasSuffix("Ci") { return true }
        return ["성명", "회원 이름", "예금주", "카드 번호", "카드번호", "계좌번호", "비밀번호", "전화", "주소", "생년월일", "이메일"]
            .contains(where: description.contains)
    }
}
