// The loaded spec: what a YAML file says, checked for shape, with the position of everything a later stage may
// need to point at. Nothing here knows about Swift.

public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
}

/// `length: 3`, `length: 1...100`, `length: ...80`, `length: 1...`.
public enum LengthRule: Sendable, Hashable, CustomStringConvertible {
    case exactly(Int)
    case between(Int, Int)
    case atMost(Int)
    case atLeast(Int)

    public var description: String {
        switch self {
        case .exactly(let n): "\(n)"
        case .between(let low, let high): "\(low)...\(high)"
        case .atMost(let high): "...\(high)"
        case .atLeast(let low): "\(low)..."
        }
    }

    public var minimum: Int? {
        switch self {
        case .exactly(let n), .atLeast(let n), .between(let n, _): n
        case .atMost: nil
        }
    }

    public var maximum: Int? {
        switch self {
        case .exactly(let n), .atMost(let n), .between(_, let n): n
        case .atLeast: nil
        }
    }

    func allows(_ count: Int) -> Bool {
        (minimum.map { count >= $0 } ?? true) && (maximum.map { count <= $0 } ?? true)
    }
}

/// `range: 1...9999999999999999999`: an integer's documented value range. Int128 holds every bound the docs use
/// (the largest is 19 nines, beyond Int64) with room to spare.
public struct IntegerRange: Sendable, Hashable, CustomStringConvertible {
    public var minimum: Int128?
    public var maximum: Int128?

    public var description: String {
        "\(minimum.map { "\($0)" } ?? "")...\(maximum.map { "\($0)" } ?? "")"
    }
}

public enum FieldType: String, Sendable, Hashable, CaseIterable {
    case string, number, boolean, object, array
}

public enum Presence: Sendable, Hashable {
    case required
    case optional
    /// Conditional, with the docs' condition in words.
    case conditional(String)
}

/// One enumerated code: `"01": 정상` or `"01": { case: normal, meaning: 정상 }`.
public struct CodeSpec: Sendable, Hashable {
    public var code: String
    public var meaning: String
    public var caseName: Located<String>?
    public var location: SourceLocation
}

public struct FieldSpec: Sendable, Hashable {
    public var name: Located<String>
    public var type: FieldType
    public var presence: Presence
    public var length: Located<LengthRule>?
    public var range: Located<IntegerRange>?
    public var format: Located<String>?
    public var codes: [CodeSpec]
    public var sensitive: Bool
    public var description: String?
    /// Fields of an object, or of each element of an array of objects.
    public var fields: [FieldSpec]
    /// The element of an array of scalars.
    public var items: ItemSpec?
    /// How many elements an array may have.
    public var count: Located<LengthRule>?
    public var swiftName: Located<String>?
}

/// `items: string`, `items: { type: string, length: 3, codes: ... }`, or `items: any` when the docs do not show
/// the element's schema (request arrays render only as an "Add object" widget).
public struct ItemSpec: Sendable, Hashable {
    public var type: FieldType
    /// `items: any`: any JSON value; `type` is then meaningless.
    public var isAny: Bool = false
    public var length: Located<LengthRule>?
    public var range: Located<IntegerRange>?
    public var format: Located<String>?
    public var codes: [CodeSpec]
    public var location: SourceLocation
}

public struct BodySpec: Sendable, Hashable {
    public var encrypted: Bool
    public var fields: [FieldSpec]
    public var location: SourceLocation
}

public struct ResultSpec: Sendable, Hashable {
    public var status: Int
    public var code: Located<String>
    public var message: String
    public var description: String?
    public var caseName: Located<String>?
    public var location: SourceLocation
}

public enum DocsCompleteness: Sendable, Hashable {
    case complete
    /// The stored page was cut or lacks parts; `missing` says what a maintainer should look up.
    case partial(missing: String)
}

/// When a conditional header is required: `KonaplateHeaderCondition`, the one definition the runtime shares
/// (Sources/Shared/HeaderCondition.swift).
public typealias HeaderCondition = KonaplateHeaderCondition

/// Where the header builder takes a request header's value from.
public enum HeaderSource: String, Sendable, Hashable, CaseIterable {
    case aspId, accessKey, cryptoKeyId, timeZone, correlationId, tranTime, tranToken
}

public struct HeaderSpec: Sendable, Hashable {
    public var name: Located<String>
    public var presence: Presence
    public var condition: HeaderCondition?
    public var length: Located<LengthRule>?
    public var format: Located<String>?
    public var sensitive: Bool
    public var description: String?
    public var source: HeaderSource?
    /// The Swift property name, when the one derived from the header name is taken or reserved.
    public var swiftName: Located<String>?
}

public struct HeaderSetSpec: Sendable, Hashable {
    public var name: Located<String>
    /// The definitions file that defines it (`api-specs/common/headers.yaml`); its types go into that file's
    /// generated file.
    public var sourceName: String
    public var request: [HeaderSpec]
    public var response: [HeaderSpec]
}

/// `headers: standard`, or a set with per-endpoint changes (a page that documents a header differently).
public struct HeaderUse: Sendable, Hashable {
    public var set: Located<String>
    /// Partial header specs: the keys given replace the shared definition's, a new name adds a header.
    public var requestOverrides: [HeaderOverride]
    public var responseOverrides: [HeaderOverride]
}

public struct HeaderOverride: Sendable, Hashable {
    public var name: Located<String>
    public var presence: Presence?
    public var condition: HeaderCondition?
    public var length: Located<LengthRule>?
    public var format: Located<String>?
    public var sensitive: Bool?
    public var description: String?
    public var source: HeaderSource?
    public var swiftName: Located<String>?
}

public enum EndpointMode: String, Sendable, Hashable {
    case sync, async
}

public struct EndpointSpec: Sendable, Hashable {
    /// The path used in diagnostics, as the user named the file.
    public var file: String
    /// The path below the specs folder, with the folder's name in front: `api-specs/bankaccounts/info.yaml`.
    public var sourceName: String
    public var name: Located<String>
    public var title: String
    public var summary: String?
    public var method: Located<String>
    public var path: Located<String>
    public var version: String?
    public var mode: EndpointMode
    public var callback: Bool
    public var source: String?
    public var docs: DocsCompleteness
    public var notes: String?
    public var headers: HeaderUse
    public var request: BodySpec?
    public var response: BodySpec?
    public var results: [ResultSpec]
}
