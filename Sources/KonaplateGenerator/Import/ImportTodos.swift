/// A draft's `# TODO(import): …` comments are decisions still open: every command reports each as a warning at its
/// line, so a draft never passes review, or builds quietly, with one left.
enum ImportTodos {
    static func report(_ input: SpecInput, into diagnostics: inout Diagnostics) {
        let marker = "# " + DraftSpecWriter.marker
        let text = String(decoding: input.contents, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let found = line.range(of: marker) else { continue }
            let todo = line[found.upperBound...].drop { $0 == ":" || $0 == " " }
            diagnostics.warning(
                "unresolved \(DraftSpecWriter.marker) (decide, write the key, delete the comment): \(todo)",
                at: SourceLocation(
                    file: input.displayPath, line: index + 1, column: line.distance(from: line.startIndex, to: found.lowerBound) + 1))
        }
    }
}
