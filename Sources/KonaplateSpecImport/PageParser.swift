import KonaplateSpecs

/// Reads the text a browser gives for a docs page (selected and copied, or saved as text) into an `ImportedPage`.
/// The page's layout is regular: the title with its Sync/Async badge, `Version: v1`, the method, the path, the
/// summary, then titled tables, one field per group of lines (name, type, presence, an optional constraint, the
/// description and its bullets), then the Response Code rows.
enum PageParser {
    /// One non-blank line of the page, with how many blank lines came before it: with the `<name>_item` rows, the
    /// only trace of nesting the text keeps (`PageNesting`).
    struct Line {
        var number: Int
        var text: String
        var blanksBefore: Int
    }

    static func parse(_ text: String) -> Result<ImportedPage, PageImportError> {
        let lines = Self.lines(text)
        guard !lines.isEmpty else { return .failure(PageImportError(line: 1, message: "the page text is empty")) }
        if let html = lines.first(where: {
            $0.text.lowercased().hasPrefix("<!doctype") || $0.text.lowercased().hasPrefix("<html")
        }) {
            return .failure(
                PageImportError(
                    line: html.number,
                    message:
                        "this is HTML, not the page's text; select the page in the browser and copy it, or save it as text"
                ))
        }
        guard let versionIndex = lines.firstIndex(where: { version(of: $0.text) != nil }), versionIndex > 0 else {
            return .failure(
                PageImportError(
                    line: 1,
                    message:
                        "not a Konaplate docs page: expected the title followed by a line 'Version: v1' (found none)"))
        }
        guard let methodIndex = lines[versionIndex...].firstIndex(where: { PageVocabulary.methods.contains($0.text) }),
            methodIndex + 1 < lines.count, lines[methodIndex + 1].text.hasPrefix("/api/")
        else {
            return .failure(
                PageImportError(
                    line: lines[versionIndex].number,
                    message:
                        "not a Konaplate docs page: expected the method (POST) and then the path (/api/v1/…) after the version"
                ))
        }
        let (title, mode) = titleAndMode(lines[versionIndex - 1].text)
        var page = ImportedPage(
            title: title, mode: mode, version: version(of: lines[versionIndex].text), method: lines[methodIndex].text,
            path: lines[methodIndex + 1].text, summary: nil, requestHeaders: [], responseHeaders: [], request: nil,
            response: nil, results: [], missing: [])
        let content = Array(
            lines[(methodIndex + 2)...].prefix { !PageVocabulary.pageEnd.contains($0.text.lowercased()) })
        let sections = split(content)
        let summary = sections.first { $0.title == nil }?.lines.map(\.text) ?? []
        page.summary = summary.isEmpty ? nil : summary.joined(separator: "\n")
        var seen: Set<PageVocabulary.Section> = []
        // The rows of each table, flat as the text lists them: the page's layout is learnt from all of them before
        // the parameters tables are nested.
        var tables: [PageVocabulary.Section: [PageNesting.Row]] = [:]
        for section in sections {
            guard let title = section.title else { continue }
            seen.insert(title)
            switch title {
            case .responseCode: page.results = results(section.lines)
            case .requestParameters: page.request = body(section)
            case .responseParameters: page.response = body(section)
            case .requestHeaders, .responseHeaders: break
            }
            if title != .responseCode { tables[title] = rows(section.lines) }
        }
        page.requestHeaders = (tables[.requestHeaders] ?? []).map(\.field)
        page.responseHeaders = (tables[.responseHeaders] ?? []).map(\.field)
        let nesting = PageNesting(
            tables: Array(tables.values),
            parameterTables: [.requestParameters, .responseParameters].map { tables[$0] ?? [] })
        page.request?.fields = nesting.nest(tables[.requestParameters] ?? [])
        page.response?.fields = nesting.nest(tables[.responseParameters] ?? [])
        let expected: [PageVocabulary.Section] = [
            .requestHeaders, .requestParameters, .responseHeaders, .responseParameters, .responseCode,
        ]
        page.missing = expected.filter { !seen.contains($0) }.map(\.rawValue)
        return .success(page)
    }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var blanks = 0
        // Any line end: LF, CRLF (one Character in Swift, so splitting at "\n" would miss it), CR.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                blanks += 1
            } else {
                result.append(Line(number: index + 1, text: trimmed, blanksBefore: blanks))
                blanks = 0
            }
        }
        return result
    }

    private static func version(of line: String) -> String? {
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, ["version", "버전"].contains(parts[0].lowercased()), parts[1].hasPrefix("v") else {
            return nil
        }
        return parts[1]
    }

    /// "회원 등록 계좌 조회Sync" → the title and `.sync`: the badge is printed right after the title.
    private static func titleAndMode(_ line: String) -> (String, EndpointMode?) {
        for (badge, mode) in [("Async", EndpointMode.async), ("Sync", .sync)] where line.hasSuffix(badge) {
            let title = String(line.dropLast(badge.count)).trimmingCharacters(in: .whitespaces)
            if !title.isEmpty { return (title, mode) }
        }
        return (line, nil)
    }

    private struct Section {
        var title: PageVocabulary.Section?
        var line: Int
        var lines: [Line]
    }

    /// The summary (no title), then one part per section title.
    private static func split(_ lines: [Line]) -> [Section] {
        var sections = [Section(title: nil, line: lines.first?.number ?? 1, lines: [])]
        for line in lines {
            if let title = PageVocabulary.sectionTitles[line.text.lowercased()] {
                sections.append(Section(title: title, line: line.number, lines: []))
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }

    /// A parameters table: the "Encrypted|" marker, if any, comes before its first field. Its fields are nested
    /// once the whole page is read.
    private static func body(_ section: Section) -> PageBody {
        let firstField = section.lines.indices.first { isFieldStart(section.lines, $0) } ?? section.lines.count
        let encrypted = section.lines[..<firstField].contains { PageVocabulary.isEncryptedMarker($0.text) }
        return PageBody(encrypted: encrypted, fields: [], line: section.line)
    }

    /// A field starts where a name is followed by a type and a presence.
    static func isFieldStart(_ lines: [Line], _ index: Int) -> Bool {
        index + 2 < lines.count && PageVocabulary.isFieldName(lines[index].text)
            && PageVocabulary.fieldType(lines[index + 1].text) != nil
            && PageVocabulary.presences[lines[index + 2].text.lowercased()] != nil
    }

    /// The rows of a table, flat as the text lists them, each with the blank lines before it.
    private static func rows(_ lines: [Line]) -> [PageNesting.Row] {
        var flat: [PageNesting.Row] = []
        var index = 0
        while index < lines.count {
            guard isFieldStart(lines, index), let type = PageVocabulary.fieldType(lines[index + 1].text) else {
                index += 1
                continue
            }
            var field = PageField(
                name: lines[index].text, line: lines[index].number, type: type.type, elements: type.elements,
                presence: PageVocabulary.presences[lines[index + 2].text.lowercased()]!, constraint: nil,
                description: [])
            let blanks = lines[index].blanksBefore
            index += 3
            if index < lines.count, let constraint = PageVocabulary.constraint(lines[index].text) {
                field.constraint = constraint
                index += 1
            }
            while index < lines.count, !isFieldStart(lines, index) {
                field.description.append(lines[index].text)  // bullets as the page writes them (•), as specs keep them
                index += 1
            }
            flat.append(PageNesting.Row(field: field, blanksBefore: blanks))
        }
        return flat
    }

    /// Response Code rows: the HTTP status, then labelled values ("Error code", "Message", "Description").
    private static func results(_ lines: [Line]) -> [PageResult] {
        var results: [PageResult] = []
        var index = 0
        while index < lines.count {
            guard lines[index].text.count == 3, let status = Int(lines[index].text), (100...599).contains(status) else {
                index += 1
                continue
            }
            var result = PageResult(status: status, code: "", message: "", description: nil, line: lines[index].number)
            index += 1
            while index + 1 < lines.count, let label = PageVocabulary.resultLabels[lines[index].text.lowercased()] {
                let value = lines[index + 1].text
                switch label {
                case "code": result.code = value
                case "message": result.message = value
                default: result.description = value
                }
                index += 2
            }
            if !result.code.isEmpty { results.append(result) }
        }
        return results
    }
}
