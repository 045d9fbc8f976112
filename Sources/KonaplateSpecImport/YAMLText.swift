import KonaplateSpecs
import KonaplateTextFormats

/// How the draft spells values in YAML: plain where YAML reads the text back unchanged, double-quoted otherwise,
/// a literal block for several lines.
enum YAMLText {
    /// A scalar on one line, in block context (`key: value`) or in a flow mapping (`{ key: value }`).
    static func scalar(_ text: String, flow: Bool = false) -> String {
        plainIsSafe(text, flow: flow) ? text : quoted(text)
    }

    /// `"…"`: the escapes YAML shares with Swift and JSON, and `\uXXXX` (`\UXXXXXXXX` beyond the BMP) for every
    /// other control or invisible character, so a draft shows what the page text hid.
    static func quoted(_ text: String) -> String {
        QuotedText.quoted(text) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value > 0xFFFF
                ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// `key: value`, or `key: |-` and the lines indented, for text of several lines.
    static func entry(_ key: String, _ text: String, indent: String) -> [String] {
        guard text.contains("\n") else { return ["\(indent)\(key): \(scalar(text))"] }
        return ["\(indent)\(key): |-"]
            + text.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)  \($0)" }
    }

    private static func plainIsSafe(_ text: String, flow: Bool) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else {
            return false
        }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.contains("\n")
            || text.contains("\t")
        {
            return false
        }
        if flow, text.contains(where: { ",[]{}".contains($0) }) { return false }
        // Words YAML reads as something other than text.
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return false }
        if Double(text) != nil || Int(text) != nil
            || text.allSatisfy({ $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" })
        {
            return false
        }
        return true
    }
}
