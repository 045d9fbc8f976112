/// `diff -u` output built on the standard library's Myers difference, with 3 lines of context.
public enum UnifiedDiff {
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let oldLines = lines(old)
        let newLines = lines(new)
        let difference = newLines.difference(from: oldLines)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The edit script: every line of both files once, each with its line numbers.
        struct Operation {
            var mark: Character
            var text: String
            var oldLine: Int
            var newLine: Int
        }
        var operations: [Operation] = []
        var i = 0
        var j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count && removed.contains(i) {
                operations.append(Operation(mark: "-", text: oldLines[i], oldLine: i, newLine: j))
                i += 1
            } else if j < newLines.count && inserted.contains(j) {
                operations.append(Operation(mark: "+", text: newLines[j], oldLine: i, newLine: j))
                j += 1
            } else {
                operations.append(Operation(mark: " ", text: oldLines[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            }
        }
        let changed = operations.indices.filter { operations[$0].mark != " " }
        guard !changed.isEmpty else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var hunkStart = 0
        var index = 0
        while index < changed.count {
            hunkStart = max(0, changed[index] - context)
            var hunkEnd = min(operations.count - 1, changed[index] + context)
            while index + 1 < changed.count && changed[index + 1] - context <= hunkEnd + 1 {
                index += 1
                hunkEnd = min(operations.count - 1, changed[index] + context)
            }
            let hunk = operations[hunkStart...hunkEnd]
            let oldCount = hunk.filter { $0.mark != "+" }.count
            let newCount = hunk.filter { $0.mark != "-" }.count
            let first = hunk.first!
            let oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1
            let newStart = newCount == 0 ? first.newLine : first.newLine + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for operation in hunk { output += "\(operation.mark)\(operation.text)\n" }
            index += 1
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }
}
