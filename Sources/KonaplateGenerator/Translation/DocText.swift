import KonaplateSpecs

/// The text of a doc comment, as lines: what the translator decides a reader of the generated code sees. The
/// renderer only prints it (wrapped to the line limit, never inside a URL or a code span).
public struct DocText: Sendable, Hashable {
    public var lines: [String]

    init(_ lines: [String] = []) { self.lines = lines }

    /// Text from a spec: its lines, trailing spaces and trailing empty lines removed.
    init(text: String?) {
        guard let text else {
            self.lines = []
            return
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            String($0).trimmingTrailingSpaces
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }

    /// `self`, an empty line, then `other`: paragraphs. Either may be empty.
    func paragraph(_ other: DocText) -> DocText {
        if lines.isEmpty { return other }
        if other.lines.isEmpty { return self }
        return DocText(lines + [""] + other.lines)
    }

    func paragraph(_ line: String) -> DocText { paragraph(DocText([line])) }
}

extension String {
    var trimmingTrailingSpaces: String {
        var slice = Substring(self)
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
