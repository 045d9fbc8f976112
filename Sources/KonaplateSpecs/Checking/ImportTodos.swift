/// A draft's `# TODO(import): …` comments are decisions still open: every command reports each as a warning at its
/// line, so a draft never passes review, or builds quietly, with one left.
public enum ImportTodos {
    /// What `import` writes before each open decision: `# TODO(import): …`.
    public static let marker = "TODO(import)"

    static func report(_ input: SpecInput, into diagnostics: inout Diagnostics) {
        let comment = "# " + marker
        let text = String(decoding: input.contents, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let found = line.range(of: comment) else { continue }
            let todo = line[found.upperBound...].drop { $0 == ":" || $0 == " " }
            diagnostics.warning(
                "unresolved \(marker) (decide, write the key, delete the comment): \(todo)",
                at: SourceLocation(
                    file: input.displayPath, line: index + 1,
                    column: line.distance(from: line.startIndex, to: found.lowerBound) + 1))
        }
    }
}
