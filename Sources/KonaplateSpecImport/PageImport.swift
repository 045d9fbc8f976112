import KonaplateSpecs

/// `import`'s one entry: a docs page's text (as a browser copies or saves it) → a draft spec with a
/// `# TODO(import)` comment for every decision the page cannot settle.
public enum PageImport {
    /// A draft spec from a docs page's text, or the error that makes the text unusable (empty, HTML, not a Konaplate
    /// page), at its line.
    /// - Parameters:
    ///   - pageName: the page file as the user named it, for the draft's comment and diagnostics.
    ///   - specs: the files of the specs folder the draft joins (none is fine): its definitions, whose `standard`
    ///     header set the page's tables are compared with (the built-in one when they define none), and its
    ///     endpoint specs, whose names show how the draft's name spells the words of its path.
    public static func draft(from text: String, pageName: String, specs: [SpecInput]) -> ImportResult {
        switch PageParser.parse(text) {
        case .failure(let error):
            return ImportResult(
                draft: nil, relativePath: nil,
                diagnostics: [
                    Diagnostic(.error, error.message, at: SourceLocation(file: pageName, line: error.line, column: 1))
                ])
        case .success(let page):
            let (sets, diagnostics) = SpecFrontEnd.headerSets(specs.filter(\.isDefinitions))
            let standard = sets.first { $0.name.value == "standard" } ?? sets.first
            let siblings = specs.filter { !$0.isDefinitions }.compactMap { SpecFrontEnd.loadEndpoint($0).spec }
            let names = DraftName(siblings: siblings.map { ($0.path.value, $0.name.value) })
            let draft = DraftSpecWriter(page: page, pageName: pageName, standardSet: standard, names: names).render()
            return ImportResult(
                draft: draft, relativePath: ImportResult.relativePath(for: page.path), diagnostics: diagnostics)
        }
    }
}
