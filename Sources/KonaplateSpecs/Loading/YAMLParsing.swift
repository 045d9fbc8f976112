import Yams

/// Turns a spec file's bytes into a YAML node tree (libyaml, through Yams), turning every way that can fail
/// into a positioned diagnostic: bytes that are not UTF-8, YAML syntax errors, duplicate keys, more than one
/// document, an empty file.
enum YAMLParsing {
    /// The largest spec file accepted. Real specs are under 10 KB; the limit only bounds what a hostile or broken
    /// input can cost.
    static let maximumFileSize = 8 * 1024 * 1024
    /// The most YAML nodes a file may expand to, counting an aliased node each time it is used: bounds the
    /// "billion laughs" alias bomb, which parses small and expands exponentially.
    static let maximumNodeCount = 2_000_000

    static func parse(_ bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> Node? {
        if bytes.count > maximumFileSize {
            let megabytes = Double(bytes.count) / 1_048_576
            diagnostics.error(
                "the file is \(Int(megabytes.rounded())) MiB; a spec may be at most \(maximumFileSize / 1_048_576) MiB (real specs are a few KB)",
                at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        guard let text = decodeUTF8(bytes, file: file, diagnostics: &diagnostics) else { return nil }
        // Resolver.basic: only null, bool, int, float and str are recognized, so a value like `2024-01-01` or
        // `0x1F` stays the text the maintainer wrote, and every value's meaning is decided by this loader.
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else {
                diagnostics.error(
                    "the file is empty; an endpoint spec starts with 'name:', a definitions file with 'headerSets:'",
                    at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            if !fitsNodeBudget(root) {
                diagnostics.error(
                    "the YAML expands to more than \(maximumNodeCount) nodes (an alias counts each time it is used); specs use no aliases",
                    at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, text: text, file: file, diagnostics: &diagnostics)
            return nil
        } catch {
            diagnostics.error("could not parse the YAML", at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
    }

    /// Counts nodes depth-first without recursion, stopping as soon as the budget is spent.
    static func fitsNodeBudget(_ root: Node) -> Bool {
        var pending = [root]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > maximumNodeCount { return false }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .scalar, .alias: continue
            }
        }
        return true
    }

    /// Rejects bytes that are not UTF-8 at the line and column of the first bad byte.
    private static func decodeUTF8(_ bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> String? {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let width: Int
            switch byte {
            case 0x00..<0x80: width = 1
            case 0xC2..<0xE0: width = 2
            case 0xE0..<0xF0: width = 3
            case 0xF0..<0xF5: width = 4
            default: width = 0
            }
            let valid =
                width > 0 && index + width <= bytes.count
                && bytes[(index + 1)..<(index + width)].allSatisfy { $0 & 0xC0 == 0x80 }
            if !valid {
                diagnostics.error(
                    "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8",
                    at: SourceLocation(file: file, line: line, column: column))
                return nil
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += width
        }
        // Validated above; this decode cannot fail. (Overlong and surrogate forms are caught by the decoder.)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.error(
                "the file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { return String(text.dropFirst()) }
        return text
    }

    /// libyaml's messages name the grammar rule that failed, not the mistake a person made; these are the usual
    /// mistakes behind each.
    static func hint(for problem: String, at mark: Mark, context: Mark?) -> String? {
        switch problem {
        case "did not find expected key":
            guard let context else { return "check the indentation of this line" }
            return
                "check the indentation: the keys of the mapping that starts at line \(context.line) are in column \(context.column); a key of a nested mapping goes further right than its parent's key, consistently"
        case "mapping values are not allowed in this context":
            return
                "a ': ' inside a value starts a mapping; quote the value (description: \"a: b\"), or indent this key under the one it belongs to"
        case "could not find expected ':'":
            return "a key lacks its ':', or a value continued on the next line is not indented further than its key"
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return "YAML is indented with spaces; replace the tabs with spaces"
        case "found character that cannot start any token":
            return
                "YAML is indented with spaces, never tabs, and a plain value cannot start with '@' or '`'; replace the tabs or quote the value"
        default:
            return nil
        }
    }

    private static func report(_ error: YamlError, text: String, file: String, diagnostics: inout Diagnostics) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An indentation mistake is often lines above where libyaml's grammar broke: name the line a person
            // would fix.
            if indentationProblems.contains(problem),
                let misindented = MisindentedKey.find(
                    in: text, from: context?.mark.line ?? mark.line - 12, through: mark.line)
            {
                diagnostics.error(
                    "invalid YAML: \(misindented.message)",
                    at: SourceLocation(file: file, line: misindented.line, column: misindented.column))
                return
            }
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            let hint = hint(for: problem, at: mark, context: context?.mark).map { "; \($0)" } ?? ""
            diagnostics.error("invalid YAML: \(problem)\(detail)\(hint)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // libyaml names the first occurrence; the mistake is the second, which the text shows.
            let key = duplicates.first ?? ""
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            if duplicates.count == 1,
                let second = DuplicateKey.secondOccurrence(
                    of: key, firstAt: context.mark.line, column: context.mark.column, in: text)
            {
                diagnostics.error(
                    "duplicate key '\(key)' (first at line \(context.mark.line)); each key may appear once in a mapping (for fields: two fields with one name)",
                    at: SourceLocation(file: file, line: second.line, column: second.column))
            } else {
                diagnostics.error(
                    "duplicate key \(keys) in one mapping; each key may appear once (for fields: two fields with one name)",
                    at: at(context.mark))
            }
        case .reader(let problem, _, _, _):
            diagnostics.error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            diagnostics.error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// libyaml's problems that an indentation mistake causes.
    static let indentationProblems: Set<String> = [
        "did not find expected key", "mapping values are not allowed in this context", "could not find expected ':'",
    ]
}
