/// Which line's indentation is wrong, when libyaml stops at a line that is not the mistake.
///
/// libyaml reports where its grammar broke, which is often a line or more after the key a person mis-indented: a
/// key dedented to its parent's level turns the next, correctly indented line into the error ("mapping values are
/// not allowed"), and a key indented one space too far is read as the continuation of the value above. People see
/// the mistake as the odd one out: a key whose indentation differs from both the key line before it and the key
/// line after it, while those two agree. That is the line this names.
enum MisindentedKey {
    struct Finding: Equatable {
        /// 1-based.
        var line: Int
        var column: Int
        var key: String
        /// The column of the keys before and after it (1-based).
        var expectedColumn: Int
        var neighbours: (Int, Int)

        static func == (lhs: Finding, rhs: Finding) -> Bool {
            lhs.line == rhs.line && lhs.column == rhs.column && lhs.key == rhs.key
                && lhs.expectedColumn == rhs.expectedColumn
        }

        var message: String {
            let how =
                column > expectedColumn
                ? "further right (column \(column)) than the keys before and after it (column \(expectedColumn), lines \(neighbours.0) and \(neighbours.1)), so YAML reads it as part of the value above"
                : "to column \(column), left of the keys before and after it (column \(expectedColumn), lines \(neighbours.0) and \(neighbours.1)), so YAML reads it as a key of another mapping"
            return "'\(key)' is indented \(how); indent it like them"
        }
    }

    /// A key line: its indentation, its key, and whether it opens a nested block (nothing after the `:`).
    private struct KeyLine {
        var number: Int
        var indentation: Int
        var key: String
        var opensBlock: Bool
    }

    /// The odd one out among the key lines from `first` to a few lines past `last` (1-based), at or before `last`.
    static func find(in text: String, from first: Int, through last: Int) -> Finding? {
        let keys = keyLines(text, from: max(1, first), through: last + 3)
        guard keys.count >= 3 else { return nil }
        for index in 1..<(keys.count - 1) {
            let (previous, current, next) = (keys[index - 1], keys[index], keys[index + 1])
            guard current.number <= last, previous.indentation == next.indentation,
                current.indentation != previous.indentation
            else { continue }
            // `bankName:` then its one key, then the next sibling of `bankName`: a nested block, not a mistake.
            if previous.opensBlock && current.indentation > previous.indentation { continue }
            return Finding(
                line: current.number, column: current.indentation + 1, key: current.key,
                expectedColumn: previous.indentation + 1, neighbours: (previous.number, next.number))
        }
        return nil
    }

    /// The lines that start with a `key:`, skipping comments, sequence items, block scalars (`|`, `>`) and flow
    /// collections that span lines.
    private static func keyLines(_ text: String, from first: Int, through last: Int) -> [KeyLine] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [KeyLine] = []
        var blockScalarIndentation: Int?
        var openBraces = 0
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            if number > last { break }
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            guard let start = line.firstIndex(where: { $0 != " " }) else { continue }
            let indentation = line.distance(from: line.startIndex, to: start)
            if let scalar = blockScalarIndentation {
                if indentation > scalar { continue }
                blockScalarIndentation = nil
            }
            let content = line[start...]
            let wasInFlow = openBraces > 0
            openBraces = max(
                0,
                openBraces + content.count(where: { $0 == "{" || $0 == "[" })
                    - content.count(where: { $0 == "}" || $0 == "]" }))
            if wasInFlow || content.hasPrefix("#") || content.hasPrefix("- ") || content == "-" { continue }
            guard let colon = keyEnd(content) else { continue }
            let key = content[..<colon].trimmingCharacters(quotes: true)
            let value = content[content.index(after: colon)...].drop { $0 == " " }
            let valueWithoutComment = value.hasPrefix("#") ? "" : value
            if valueWithoutComment.hasPrefix("|") || valueWithoutComment.hasPrefix(">") {
                blockScalarIndentation = indentation
            }
            if number >= first {
                result.append(
                    KeyLine(number: number, indentation: indentation, key: key, opensBlock: valueWithoutComment.isEmpty)
                )
            }
        }
        return result
    }

    /// The index of the `:` ending a key at the start of `content`: followed by a space or the end of the line, and
    /// not inside quotes.
    private static func keyEnd(_ content: Substring) -> Substring.Index? {
        var quote: Character?
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if index == content.startIndex { quote = character }
            } else if character == "#" || character == "{" || character == "[" {
                return nil
            } else if character == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " { return index }
            }
            index = content.index(after: index)
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(quotes: Bool) -> String {
        var text = String(self)
        while text.last == " " { text.removeLast() }
        if quotes, text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}
