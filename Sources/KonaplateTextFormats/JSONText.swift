/// JSON as the tools write it (the OpenAPI export, `diff --format json`): a value whose objects keep their keys in the order they were built, so the exported document is the same
/// bytes every time and reads in a sensible order. Numbers are kept as their text: 9999999999999999999 is exact.
public indirect enum JSON: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])

    public static func integer(_ value: some BinaryInteger) -> JSON { .number("\(value)") }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indentation: "")
        return output + "\n"
    }

    private func write(to output: inout String, indentation: String) {
        switch self {
        case .string(let text): output += Self.quoted(text)
        case .number(let text): output += text
        case .bool(let value): output += value ? "true" : "false"
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indentation + "  "
                element.write(to: &output, indentation: indentation + "  ")
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indentation + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += indentation + "  " + Self.quoted(key) + ": "
                value.write(to: &output, indentation: indentation + "  ")
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indentation + "}"
        }
    }

    /// JSON escapes: `\uXXXX` per UTF-16 unit (outside the BMP, a surrogate pair, as JSON requires).
    public static func quoted(_ text: String) -> String {
        QuotedText.quoted(text) { scalar in String(scalar).utf16.map(escaped).joined() }
    }
}

private func escaped(_ unit: UInt16) -> String {
    let hex = String(unit, radix: 16, uppercase: false)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
}
