/// Every rule that turns a name from the docs into a Swift identifier, in one place.
public enum SwiftIdentifiers {
    /// Words Swift reserves in declarations and expressions; such names are written in backticks.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_",
    ]

    /// Type names the generated code itself uses inside an endpoint's namespace: a nested type with one of these
    /// names would shadow it and break the file.
    public static let reservedTypeNames: Set<String> = [
        "Request", "Response", "RequestHeaders", "ResponseHeaders", "ResultCode", "CodingKeys", "String", "Int",
        "Int64", "UInt64", "Bool", "Array", "Optional", "Mirror", "Swift", "HTTPFields", "HTTPRequest", "Type",
        "Protocol", "Self",
    ]

    /// Property names a generated header type cannot have, beyond `reservedPropertyNames`: the members the header
    /// protocols give it.
    public static let reservedHeaderPropertyNames: Set<String> = reservedPropertyNames.union([
        "headerFields", "httpFields", "dictionary",
    ])

    /// Case names a generated code or result-code enum cannot have: its own members, and names Swift forbids.
    public static let reservedCaseNames: Set<String> = [
        "undocumented", "documented", "isDocumented", "rawValue", "code", "documentation", "httpStatus", "message",
        "meaning", "isSuccess", "description", "hashValue", "hash", "init", "self", "Self", "Type", "Protocol", "_",
    ]

    /// Type names an endpoint (a top-level type of the generated module) cannot have: the names its generated code
    /// uses unqualified, which a type of the same name would shadow. Every `Konaplate…` name is the runtime's.
    public static let reservedTopLevelNames: Set<String> = [
        "String", "Int", "Int64", "UInt64", "Int128", "Bool", "Array", "Optional", "Mirror", "Swift", "Foundation",
        "HTTPTypes", "HTTPRequest", "HTTPFields", "HTTPField", "Decoder", "Encoder", "Any", "Self", "Type", "Protocol",
    ]

    public static func isReservedTopLevelName(_ name: String) -> Bool {
        reservedTopLevelNames.contains(name) || name.hasPrefix("Konaplate")
    }

    /// Property names a generated type cannot have: Swift forbids them as members (`self`, `Type`, `Protocol`,
    /// `deinit`, `_`), or the type already has them (printing, hashing, validation, coding). A field that would get
    /// one is an error asking for `swiftName`, never silently renamed.
    public static let reservedPropertyNames: Set<String> = [
        "self", "Self", "Type", "Protocol", "deinit", "init", "_", "description", "debugDescription", "customMirror",
        "hashValue", "hash", "violations", "validate", "collectViolations", "encode",
    ]

    public static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    public static func isIdentifierBody(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, isIdentifierStart(first) else { return false }
        return name.allSatisfy(isIdentifierBody)
    }

    /// An endpoint or header-set type name: ASCII letters, digits and `_`, starting with an upper-case letter
    /// (the JSON Schema's `^[A-Z][A-Za-z0-9_]*$`).
    public static func isTypeName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isUppercase else { return false }
        return isASCIIIdentifier(name) && !keywords.contains(name)
    }

    /// What a spec may write as `swiftName` or `case`: `^[A-Za-z_][A-Za-z0-9_]*$`, as the JSON Schema says.
    public static func isASCIIIdentifier(_ name: String) -> Bool {
        name.allSatisfy { $0.isASCII } && isIdentifier(name)
    }

    public static func typeNameHint(_ name: String) -> String {
        let candidate = upperCamel(name)
        return candidate != name && isTypeName(candidate) ? " (did you mean '\(candidate)'?)" : ""
    }

    /// `bank-code` → `bankCode`, `card.no` → `cardNo`, `2ndName` → `_2ndName`; a valid identifier stays as it is.
    public static func propertyName(_ name: String) -> String {
        if isIdentifier(name) { return name }
        var words = name.split(whereSeparator: { !isIdentifierBody($0) }).map(String.init)
        if words.isEmpty { words = ["field"] }
        let joined = words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return isIdentifierStart(joined.first!) ? joined : "_" + joined
    }

    /// `accountInfo` → `AccountInfo`.
    public static func upperCamel(_ name: String) -> String {
        let property = propertyName(name).drop { $0 == "_" }
        guard let first = property.first else { return "Value" }
        return first.uppercased() + property.dropFirst()
    }

    /// A type's name as a member's: its leading capitals lowered, an acronym kept whole (`KonaplateAPI` →
    /// `konaplateAPI`, `APIModels` → `apiModels`, `API` → `api`). Module names become static members this way.
    public static func lowerCamel(_ name: String) -> String {
        let characters = Array(name)
        let capitals = characters.prefix { $0.isUppercase }.count
        guard capitals > 0 else { return name }
        // Before a lower-case letter, the last capital starts the next word (`APIModels`: `API` + `Models`).
        let lowered =
            capitals > 1 && capitals < characters.count && characters[capitals].isLowercase ? capitals - 1 : capitals
        return String(characters[..<lowered]).lowercased() + String(characters[lowered...])
    }

    /// A code's case name: `ACTIVE` → `active`, `NORMAL_CARD` → `normalCard`, `Y` → `y`, `01` → `code01`.
    public static func caseName(forCode code: String) -> String {
        let words = code.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
        guard let first = words.first, first.first!.isLetter else {
            return "code" + words.joined(separator: "_")
        }
        let lowered = words.map { $0 == $0.uppercased() ? $0.lowercased() : $0 }
        return lowered[0].prefix(1).lowercased() + lowered[0].dropFirst()
            + lowered.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A result code's case name from its English message: `User not found.` → `userNotFound`,
    /// `Wallet pin didn't match` → `walletPinDidNotMatch` (a contraction is spelled out, not cut at its apostrophe).
    public static func caseName(forMessage message: String) -> String? {
        var text = message.replacingOccurrences(of: "\u{2019}", with: "'")
        for (contraction, spelled) in [
            ("won't", "will not"), ("can't", "cannot"), ("n't", " not"), ("'s", "s"), ("'", ""),
        ] {
            text = text.replacingOccurrences(of: contraction, with: spelled, options: .caseInsensitive)
        }
        let words = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
        guard let first = words.first, first.first!.isLetter else { return nil }
        let name =
            first.lowercased()
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        return name.count <= 60 ? name : nil
    }

    /// The identifier as written in source: backticks around a keyword.
    public static func escaped(_ name: String) -> String { keywords.contains(name) ? "`\(name)`" : name }

    /// The identifier as an argument label in a call: every keyword but these three may be a label as it is (Swift
    /// warns about needless backticks there).
    public static func argumentLabel(_ name: String) -> String {
        ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
    }

    /// `X-KM-User-AspId` → `userAspId`: the header's Swift property name.
    public static func headerPropertyName(_ header: String) -> String {
        var name = header
        for prefix in ["X-KM-", "x-km-"] where name.hasPrefix(prefix) { name = String(name.dropFirst(prefix.count)) }
        let words = name.split(separator: "-").map(String.init)
        guard let first = words.first else { return "header" }
        return propertyName(
            first.prefix(1).lowercased() + first.dropFirst()
                + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
    }

    // MARK: Names of spec elements
    //
    // The one place each generated name is derived: the checker asks these to find clashes and reserved names, the
    // translator to name what it generates, so the two cannot disagree.

    /// A field's Swift property: its `swiftName`, or the name derived from its JSON name.
    public static func propertyName(of field: FieldSpec) -> String {
        field.swiftName?.value ?? propertyName(field.name.value)
    }

    /// The nested type a field declares, if any: `AccountInfo` for an object, `PlanInfoListItem` for the elements of
    /// an array of objects or codes, `Status` for a code field.
    public static func nestedTypeName(of field: FieldSpec) -> String? {
        let base = upperCamel(propertyName(of: field))
        switch field.type {
        case .object: return base
        case .string: return field.codes.isEmpty ? nil : base
        case .array:
            guard let items = field.items else { return base + "Item" }
            return !items.isAny && items.type == .string && !items.codes.isEmpty ? base + "Item" : nil
        case .number, .boolean: return nil
        }
    }

    public static func caseName(of code: CodeSpec) -> String {
        code.caseName?.value ?? caseName(forCode: code.code)
    }

    /// nil when the message gives no name and the spec sets no `case`.
    public static func caseName(of result: ResultSpec) -> String? {
        result.caseName?.value ?? caseName(forMessage: result.message)
    }

    public static func propertyName(of header: HeaderSpec) -> String {
        header.swiftName?.value ?? headerPropertyName(header.name.value)
    }

    /// The Swift file of a definitions file: `api-specs/common/headers.yaml` → `CommonHeaders.swift`.
    public static func fileName(forDefinitions sourceName: String) -> String {
        let stem = sourceName.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
        return "Common" + upperCamel(stem) + ".swift"
    }

    /// `Standard` for the set `standard`: its types are `StandardRequestHeaders` and `StandardResponseHeaders`.
    public static func baseName(of set: HeaderSetSpec) -> String { upperCamel(set.name.value) }
}
