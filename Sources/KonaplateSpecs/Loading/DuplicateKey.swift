/// Where a duplicate key is. libyaml (through Yams) names only the first occurrence, but the mistake a person made
/// is the second: the line they added or pasted. This finds it in the text, in the same mapping.
enum DuplicateKey {
    /// The line and column of the next occurrence of `key` in the mapping whose first occurrence is at `line`,
    /// `column` (1-based), or nil when the text does not show it plainly.
    static func secondOccurrence(of key: String, firstAt line: Int, column: Int, in text: String) -> (
        line: Int, column: Int
    )? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        guard line >= 1, line <= lines.count else { return nil }
        let first = lines[line - 1]
        let start = column - 1
        guard start >= 0, start <= first.count else { return nil }
        if isFlow(first, before: start) {
            // `{ userId: 1, userId: 2 }`: the next `key:` after a `,` or `{` on the same line.
            var index = start + key.count
            while index < first.count {
                if first[index] == "," || first[index] == "{" {
                    let keyStart = first[(index + 1)...].firstIndex { $0 != " " } ?? first.count
                    if startsWithKey(first, at: keyStart, key) { return (line, keyStart + 1) }
                }
                index += 1
            }
            return nil
        }
        // A block mapping: its keys start at this column; it ends at the first line indented less.
        for number in line..<lines.count {
            let content = lines[number]
            guard let firstCharacter = content.firstIndex(where: { $0 != " " }), content[firstCharacter] != "#",
                content[firstCharacter] != "\r"
            else { continue }
            if firstCharacter < start { return nil }
            if firstCharacter == start, startsWithKey(content, at: start, key) { return (number + 1, start + 1) }
        }
        return nil
    }

    /// Whether the key at `index` is inside a flow mapping (`{ … }`): the text before it on its line ends in `{` or
    /// `,` once spaces are skipped.
    private static func isFlow(_ line: [Character], before index: Int) -> Bool {
        let previous = line[..<index].last { $0 != " " }
        return previous == "{" || previous == ","
    }

    /// Whether `line` has `key` (plain or quoted) followed by `:` at `index`.
    private static func startsWithKey(_ line: [Character], at index: Int, _ key: String) -> Bool {
        for spelling in [key, "\"\(key)\"", "'\(key)'"] {
            let end = index + spelling.count
            guard end <= line.count, String(line[index..<end]) == spelling else { continue }
            let rest = line[end...].drop { $0 == " " }
            if rest.first == ":" { return true }
        }
        return false
    }
}
