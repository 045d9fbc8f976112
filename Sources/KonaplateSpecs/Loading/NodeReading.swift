import Yams

/// Reading YAML nodes into spec values. Every accessor reports what it expected, with the node's position, and
/// returns nil so loading goes on and every problem of a file is reported in one run.
struct NodeReader {
    let file: String
    var diagnostics = Diagnostics()
    /// How deep the loader is in nested `fields`; bounded by `SpecLoader.maximumFieldDepth`.
    var fieldDepth = 0

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// How a node is named in "found ..." messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return "nothing" }
            return "'\(scalar.string)'"
        case .alias: return "an alias"
        }
    }

    // MARK: Mappings

    /// The entries of a mapping whose keys must be among `allowed`. Unknown keys are errors, with a suggestion.
    mutating func mapping(
        _ node: Node, allowed: [String], context: String, expected: String = "a mapping"
    ) -> Mapping? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("\(context) must be \(expected); found \(Self.kind(of: node))", at: location(of: node))
            return nil
        }
        var entries: [Mapping.Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                diagnostics.error(
                    "keys in \(context) must be plain text; found \(Self.kind(of: keyNode))", at: location(of: keyNode))
                continue
            }
            if !allowed.isEmpty && !allowed.contains(key.string) {
                let pointer =
                    DocsVocabulary.keyHint(for: key.string, allowed: allowed).map { "; \($0)" }
                    ?? Suggestion.closest(to: key.string, among: allowed).map { "; did you mean '\($0)'?" }
                    ?? "; expected one of \(allowed.joined(separator: ", "))"
                diagnostics.error("unknown key '\(key.string)' in \(context)\(pointer)", at: location(of: keyNode))
                continue
            }
            if isAlias(value, after: keyNode) {
                diagnostics.error(
                    "'\(key.string)' uses a YAML alias; aliases are not supported in specs, write the value out",
                    at: location(of: keyNode))
                continue
            }
            entries.append(Mapping.Entry(key: key.string, keyLocation: location(of: keyNode), value: value))
        }
        return Mapping(entries: entries, location: location(of: node), context: context)
    }

    /// libyaml gives an aliased node the position of its anchor, which lies before the key that refers to it.
    func isAlias(_ value: Node, after key: Node) -> Bool {
        guard let valueMark = value.mark, let keyMark = key.mark else { return false }
        return (valueMark.line, valueMark.column) < (keyMark.line, keyMark.column)
    }

    mutating func require(_ key: String, in mapping: Mapping) -> Node? {
        if let node = mapping[key] { return node }
        diagnostics.error("missing required key '\(key)' in \(mapping.context)", at: mapping.location)
        return nil
    }

    // MARK: Scalars

    mutating func text(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, Self.kind(of: node) != "nothing" else {
            diagnostics.error("'\(key)' expects text; found \(Self.kind(of: node))", at: location(of: node))
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let scalar) = node {
            if scalar.style == .plain && scalar.string == "true" { return true }
            if scalar.style == .plain && scalar.string == "false" { return false }
            if scalar.style != .plain && ["true", "false"].contains(scalar.string) {
                diagnostics.error(
                    "'\(key)' expects true or false; found the text \"\(scalar.string)\" (a quoted value is text in YAML: write \(scalar.string) without quotes)",
                    at: location(of: node))
                return nil
            }
        }
        diagnostics.error("'\(key)' expects true or false; found \(Self.kind(of: node))", at: location(of: node))
        return nil
    }

    mutating func integer(_ node: Node, key: String) -> Int? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) { return value }
        diagnostics.error("'\(key)' expects a whole number; found \(Self.kind(of: node))", at: location(of: node))
        return nil
    }

    /// One word from a closed vocabulary, with a suggestion when it is misspelled.
    mutating func word<Value>(_ node: Node, key: String, choices: [(String, Value)]) -> Value? {
        let names = choices.map(\.0)
        if case .scalar(let scalar) = node, let match = choices.first(where: { $0.0 == scalar.string }) {
            return match.1
        }
        let found = Self.kind(of: node)
        var message = "'\(key)' must be one of \(names.joined(separator: ", ")); found \(found)"
        if case .scalar(let scalar) = node {
            message +=
                DocsVocabulary.wordHint(for: scalar.string, key: key, choices: names).map { "; \($0)" }
                ?? Suggestion.hint(for: scalar.string, among: names)
        }
        diagnostics.error(message, at: location(of: node))
        return nil
    }

    mutating func word<Value: RawRepresentable & CaseIterable>(_ node: Node, key: String, as: Value.Type) -> Value?
    where Value.RawValue == String {
        word(node, key: key, choices: Value.allCases.map { ($0.rawValue, $0) })
    }

    /// `3`, `1...100`, `...80`, `1...`.
    mutating func lengthRule(_ node: Node, key: String) -> Located<LengthRule>? {
        let at = location(of: node)
        let expected = "'\(key)' expects a length (3) or a range (1...100, ...80, 1...)"
        guard case .scalar(let scalar) = node else {
            diagnostics.error("\(expected); found \(Self.kind(of: node))", at: at)
            return nil
        }
        let text = scalar.string.trimmingSpaces
        if let exact = Int(text), exact >= 0 { return Located(value: .exactly(exact), location: at) }
        guard let (low, high) = Self.splitRange(text),
            low.isEmpty || Int(low).map({ $0 >= 0 }) == true,
            high.isEmpty || Int(high).map({ $0 >= 0 }) == true,
            !(low.isEmpty && high.isEmpty)
        else {
            diagnostics.error("\(expected); found \(Self.kind(of: node))", at: at)
            return nil
        }
        let rule: LengthRule
        switch (Int(low), Int(high)) {
        case (let min?, let max?):
            guard min <= max else {
                diagnostics.error(
                    "'\(key)' range \(text) is empty: minimum \(min) is greater than maximum \(max)", at: at)
                return nil
            }
            rule = min == max ? .exactly(min) : .between(min, max)
        case (nil, let max?): rule = .atMost(max)
        case (let min?, nil): rule = .atLeast(min)
        case (nil, nil): return nil
        }
        return Located(value: rule, location: at)
    }

    /// `1...9999999999999999999`, `0...`, `...100`, `-5...5`.
    mutating func integerRange(_ node: Node, key: String) -> Located<IntegerRange>? {
        let at = location(of: node)
        let expected = "'\(key)' expects an integer range (1...9999999999999999999, 0..., ...100)"
        guard case .scalar(let scalar) = node, let (low, high) = Self.splitRange(scalar.string.trimmingSpaces),
            !(low.isEmpty && high.isEmpty)
        else {
            diagnostics.error("\(expected); found \(Self.kind(of: node))", at: at)
            return nil
        }
        let minimum = low.isEmpty ? nil : Int128(low)
        let maximum = high.isEmpty ? nil : Int128(high)
        guard low.isEmpty || minimum != nil, high.isEmpty || maximum != nil else {
            let decimal = (low + high).contains(".")
            diagnostics.error(
                decimal
                    ? "'\(key)' bounds must be whole numbers; decimal numbers are not supported (Konaplate amounts are whole won)"
                    : "\(expected); found \(Self.kind(of: node))", at: at)
            return nil
        }
        if let minimum, let maximum, minimum > maximum {
            diagnostics.error(
                "'\(key)' range \(scalar.string) is empty: minimum \(minimum) is greater than maximum \(maximum)",
                at: at)
            return nil
        }
        return Located(value: IntegerRange(minimum: minimum, maximum: maximum), location: at)
    }

    private static func splitRange(_ text: String) -> (String, String)? {
        guard let range = text.range(of: "...") else { return nil }
        return (String(text[..<range.lowerBound]).trimmingSpaces, String(text[range.upperBound...]).trimmingSpaces)
    }
}

/// A checked mapping: its entries by key, in file order.
struct Mapping {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: Node
    }

    var entries: [Entry]
    var location: SourceLocation
    var context: String

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
