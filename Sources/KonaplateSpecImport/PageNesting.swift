/// Nests the rows of a parameters table. The page text keeps nesting only through two traces: a `<name>_item` row
/// right after an array, which stands for each element and is followed by the element's fields (DECISIONS.md D36),
/// and blank lines. How many blank lines separate two rows depends on how the page was copied, so only the blank
/// lines beyond the fewest between two rows anywhere on the page count: the extra ones. The stored page has an
/// extra blank line where an object's fields start; a layout may also have one per level after a nested block's
/// last field (before the next field of an outer level), or none at all.
///
/// A block of fields starts after an object (or an array written "array" alone) where an extra blank line follows
/// its row, or right after its row when the page has no such line anywhere (an object's fields follow its row); an
/// "array of objects" has fields only after its `_item` row (a request array shows none, D38). A block ends where
/// extra blank lines close it, as many as opened it, or at the end of the table. When no extra blank line on the
/// page closes a block, the layout does not show where blocks end: every block is then marked guessed, and so is
/// one whose closing lines do not match its opening ones; the draft says so (D37).
struct PageNesting {
    struct Row {
        var field: PageField
        var blanksBefore: Int
    }

    /// The blank lines between two rows that carry no nesting: the fewest between two rows of a table on the page.
    let plainGap: Int
    /// Whether the page shows where a nested block starts (an extra blank line after an object's row).
    let marksStarts: Bool
    /// Whether the page shows where a nested block ends (an extra blank line after a row that opens no block).
    let marksEnds: Bool

    /// - Parameters:
    ///   - tables: every table of the page, headers included: the layout's plain gap between rows.
    ///   - parameterTables: the tables whose rows may nest: what the layout shows of nesting.
    init(tables: [[Row]], parameterTables: [[Row]]) {
        let plainGap = tables.flatMap { $0.dropFirst().map(\.blanksBefore) }.min() ?? 0
        var starts = false
        var ends = false
        for rows in parameterTables {
            for index in rows.indices.dropFirst() where Self.extra(rows, index, plainGap: plainGap) > 0 {
                if Self.isBlock(rows, index - 1) { starts = true } else { ends = true }
            }
        }
        self.plainGap = plainGap
        marksStarts = starts
        marksEnds = ends
    }

    /// The fields of a table, nested.
    func nest(_ rows: [Row]) -> [PageField] {
        var reading = Reading()
        var index = 0
        var firstOfBlock = false
        while index < rows.count {
            if !firstOfBlock { close(extra(rows, index), &reading) }
            firstOfBlock = false
            guard opensBlock(rows, index) else {
                reading.append(rows[index].field)
                index += 1
                continue
            }
            // The extra blank lines that open the block (the `_item` row's and the element's first field's, for an
            // array of objects) are the ones that close it in a layout that shows both.
            var block = Block(field: rows[index].field, weight: extra(rows, index + 1))
            index += 1
            if Self.isItemRow(rows, index) {
                block.itemRow = rows[index].field.name
                index += 1
                block.weight += extra(rows, index)
            }
            reading.open.append(block)
            firstOfBlock = true
        }
        while !reading.open.isEmpty { end(&reading) }
        return reading.table
    }

    /// The fields read so far: the table's, and those of each block still open, innermost last.
    private struct Reading {
        var table: [PageField] = []
        var open: [Block] = []

        mutating func append(_ field: PageField) {
            if open.isEmpty { table.append(field) } else { open[open.count - 1].fields.append(field) }
        }
    }

    /// An object or array whose fields are being read.
    private struct Block {
        var field: PageField
        /// The extra blank lines that opened it.
        var weight: Int
        var fields: [PageField] = []
        var itemRow: String?
        var guessed = false
    }

    /// Ends blocks, innermost first, with `extra` blank lines: each takes as many as opened it.
    private func close(_ extra: Int, _ reading: inout Reading) {
        var extra = extra
        while extra > 0, let weight = reading.open.last?.weight {
            // Closing lines that do not match the opening ones: which blocks they end is a guess.
            if weight == 0 || weight > extra { reading.open[reading.open.count - 1].guessed = true }
            extra -= max(weight, 1)
            end(&reading)
        }
    }

    private func end(_ reading: inout Reading) {
        let block = reading.open.removeLast()
        var field = block.field
        field.children = block.fields
        if block.itemRow != nil || !block.fields.isEmpty {
            let guessed = !block.fields.isEmpty && (block.guessed || !marksEnds)
            field.nesting = NestingNote(itemRow: block.itemRow, guessed: guessed)
        }
        reading.append(field)
    }

    /// Whether the fields after this row are its own.
    private func opensBlock(_ rows: [Row], _ index: Int) -> Bool {
        guard index + 1 < rows.count, Self.isBlock(rows, index) else { return false }
        if Self.isItemRow(rows, index + 1) { return true }
        return extra(rows, index + 1) > 0 || !marksStarts
    }

    private func extra(_ rows: [Row], _ index: Int) -> Int {
        Self.extra(rows, index, plainGap: plainGap)
    }

    /// The blank lines before a row beyond the plain gap; none before a table's first row (those follow its title).
    private static func extra(_ rows: [Row], _ index: Int, plainGap: Int) -> Int {
        index == 0 || index >= rows.count ? 0 : max(0, rows[index].blanksBefore - plainGap)
    }

    /// An object, an array written "array" alone, or an array of objects whose `_item` row follows: a row that may
    /// have fields of its own.
    private static func isBlock(_ rows: [Row], _ index: Int) -> Bool {
        switch (rows[index].field.type, rows[index].field.elements) {
        case ("object", _), ("array", nil): true
        case ("array", "object"?): isItemRow(rows, index + 1)
        default: false
        }
    }

    /// The `<name>_item` row of the array on the row before.
    private static func isItemRow(_ rows: [Row], _ index: Int) -> Bool {
        guard index > 0, index < rows.count else { return false }
        let array = rows[index - 1].field
        return array.type == "array" && [nil, "object"].contains(array.elements)
            && rows[index].field.name == array.name + "_item"
    }
}
