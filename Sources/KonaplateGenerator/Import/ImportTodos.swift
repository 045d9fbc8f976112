/// A draft's `# TODO(import): …` comments are decisions still open: every command reports each as a warning at its
/// line, so a draft never passes review, or builds quietly, with one left.
enum ImportTodos {
    static func report(_ input: SpecInput, into diagnostics: inout Diagnostics) {
        let marker = Array(("# " + DraftSpecWriter.marker).utf8)
        var lineNumber = 0
        for line in input.contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let start = firstIndex(of: marker, in: Array(line)) else { continue }
            let text = String(decoding: line[(line.startIndex + start + marker.count)...], as: UTF8.self)
                .drop { $0 == ":" || $0 == " " }
            let column = String(decoding: line[line.startIndex..<(line.startIndex + start)], as: UTF8.self).count + 1
            diagnostics.warning(
                "unresolved \(DraftSpecWriter.marker) (decide, write the key, delete the comment): \(text)",
                at: SourceLocation(file: input.displayPath, line: lineNumber, column: column))
        }
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
