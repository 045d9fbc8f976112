import Testing

/// One way a browser may lay out the text of a docs page: what `PageTextRenderer` writes and `import` must read
/// the same way. The stored page (Tests/Fixtures/Import) has one blank line between lines, LF line ends, and an
/// extra blank line where an object's fields start; nothing else about the layout is known, so `import` is tested
/// against several.
struct PageLayout: Sendable, CustomTestStringConvertible {
    /// How blank lines show which fields are nested (the text keeps nesting no other way, DECISIONS.md D37).
    enum Nesting: Sendable {
        /// An extra blank line before a nested block's first field, and one per level after its last (before the
        /// next field of an outer level): blank lines before and after nested blocks.
        case marked
        /// An extra blank line before a nested block's first field only: where the block ends is not shown.
        case openingOnly
        /// No extra blank line: only the `<name>_item` rows and the types show nesting.
        case unmarked
    }

    var name: String
    var nesting = Nesting.marked
    var korean = false
    /// Blank lines where the stored page has one (0: a copy without blank lines); runs of more keep their extras.
    var lineGap = 1
    /// One more blank line after every row of a table.
    var blankLineAfterRows = false
    var lineEnding = "\n"
    /// Spaces at the ends of lines, whitespace-only blank lines, and blank lines at the end of the text.
    var trailingWhitespace = false
    /// Arrays as the docs render them (DECISIONS.md D36): "array of objects" and a `<name>_item` row before the
    /// element's fields, "array of strings"; false: the type word "array" and the element's fields directly.
    var docsArrays = true

    var testDescription: String { name }

    /// Layouts that show the whole nesting: `import` must draft the same spec from each.
    static let complete: [PageLayout] = [
        PageLayout(name: "stored page, nesting marked before and after"),
        PageLayout(name: "Korean", korean: true),
        PageLayout(name: "no blank lines", lineGap: 0),
        PageLayout(name: "a blank line after every row", blankLineAfterRows: true),
        PageLayout(name: "CRLF, trailing whitespace", lineEnding: "\r\n", trailingWhitespace: true),
        PageLayout(name: "arrays without _item rows", docsArrays: false),
        PageLayout(name: "Korean, no blank lines, CRLF", korean: true, lineGap: 0, lineEnding: "\r\n"),
    ]

    /// Layouts that do not show where a nested block ends (or starts): the draft says so with a TODO.
    static let ambiguous: [PageLayout] = [
        PageLayout(name: "nesting marked before blocks only", nesting: .openingOnly),
        PageLayout(name: "nesting unmarked", nesting: .unmarked),
        PageLayout(name: "nesting unmarked, no blank lines", nesting: .unmarked, lineGap: 0),
        PageLayout(
            name: "Korean, before blocks only, CRLF", nesting: .openingOnly, korean: true, lineEnding: "\r\n",
            trailingWhitespace: true),
    ]

    static let reference = complete[0]

    /// The text of `lines` (the stored page's layout: "" is a blank line) in this layout.
    func text(_ lines: [String]) -> String {
        var out: [String] = []
        var blanks = 0
        let pad = trailingWhitespace ? " " : ""
        for line in lines {
            guard !line.isEmpty else {
                blanks += 1
                continue
            }
            // Adjacent lines stay adjacent; a run of n blank lines becomes lineGap + (n - 1).
            let gap = blanks == 0 ? 0 : lineGap + blanks - 1
            out += Array(repeating: pad, count: gap)
            out.append(line + pad)
            blanks = 0
        }
        if trailingWhitespace { out += [pad, "\t"] }
        return out.joined(separator: lineEnding) + lineEnding
    }
}
