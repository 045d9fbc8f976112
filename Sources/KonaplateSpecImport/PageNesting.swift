import KonaplateSpecs

/// Nests the fields of a table. The page text keeps nesting only through blank lines: an object's (or array's)
/// fields start after an extra blank line, as the stored page of bankaccounts/info shows. Where they end is not
/// shown there; `import` reads an extra blank line before a later field as the end of one level per extra line
/// (what `konaplate-gen import`'s own page layout writes) and otherwise runs the fields to the end of the table.
/// Every nesting it decides is marked in the draft for review. A `<name>_item` row right after an array stands for
/// each element (DECISIONS.md D36): the fields after it are the element's.
enum PageNesting {
    static func nest(_ flat: [(field: PageField, blanksBefore: Int)]) -> [PageField] {
        var blanks = flat.map(\.blanksBefore)
        var position = 0
        var closes = 0
        return level(flat.map(\.field), &blanks, &position, depth: 0, closes: &closes)
    }

    private static func level(
        _ flat: [PageField], _ blanks: inout [Int], _ position: inout Int, depth: Int, closes: inout Int
    ) -> [PageField] {
        var fields: [PageField] = []
        while position < flat.count {
            if closes > 0 {
                if depth > 0 {
                    closes -= 1
                    return fields
                }
                closes = 0  // nothing left to close at the top of the table
            }
            if depth > 0, !fields.isEmpty, blanks[position] >= 2 {
                // This field closes levels: one per extra blank line. The signal is used once.
                closes = blanks[position] - 1
                blanks[position] = 1
                continue
            }
            var field = flat[position]
            position += 1
            guard field.type == "object" || field.type == "array", position < flat.count else {
                fields.append(field)
                continue
            }
            if flat[position].name == field.name + "_item" {
                position += 1
                if position < flat.count { blanks[position] = 1 }
                field.children = level(flat, &blanks, &position, depth: depth + 1, closes: &closes)
                field.nesting = .itemRow(field.name + "_item")
            } else if blanks[position] >= 2 {
                blanks[position] = 1
                field.children = level(flat, &blanks, &position, depth: depth + 1, closes: &closes)
                if let first = field.children.first, let last = field.children.last {
                    field.nesting = .extraBlankLine(first: first.name, last: last.name)
                }
            }
            fields.append(field)
        }
        return fields
    }
}
