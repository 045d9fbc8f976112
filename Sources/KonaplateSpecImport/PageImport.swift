import KonaplateSpecs

/// `import`'s one entry: a docs page's text (as a browser copies or saves it) → a draft spec with a
/// `# TODO(import)` comment for every decision the page cannot settle.
public enum PageImport {
    /// A draft spec from a docs page's text, or the error that makes the text unusable (empty, HTML, not a Konaplate
    /// page), at its line.
    /// - Parameters:
    ///   - pageName: the page file as the user named it, for the draft's comment and diagnostics.
    ///   - definitions: the specs' definitions files, whose `standard` header set the page's tables are compared with.
    public static func draft(from text: String, pageName: String, definitions: [SpecInput]) -> ImportResult {
        switch PageParser.parse(text) {
        case .failure(let error):
            return ImportResult(
                draft: nil, relativePath: nil,
                diagnostics: [
                    Diagnostic(.error, error.message, at: SourceLocation(file: pageName, line: error.line, column: 1))
                ])
        case .success(let page):
            let (sets, diagnostics) = SpecFrontEnd.headerSets(definitions)
            let standard = sets.first { $0.name.value == "standard" } ?? sets.first
            let draft = DraftSpecWriter(page: page, pageName: pageName, standardSet: standard).render()
            return ImportResult(
                draft: draft, relativePath: ImportResult.relativePath(for: page.path), diagnostics: diagnostics)
        }
    }
}
