// The protocols generated types conform to.

/// A generated request, response or nested object: Codable for the wire, validated against the docs, and
/// printed with its sensitive fields masked (see `KonaplateRedaction`).
///
/// Not `CustomDebugStringConvertible`: `debugPrint` and `String(reflecting:)` fall back to `description` (masked),
/// and the conformance cost two witnesses per generated type in compile time. `debugDescription` is still there.
public protocol KonaplateModel: Codable, Hashable, Sendable, KonaplateValidatable, CustomStringConvertible {}

extension KonaplateModel {
    public var description: String { KonaplateRedaction.describe(self) }
    public var debugDescription: String { description }
}

/// The coding key of every generated model: the JSON member name, written as a string literal in the generated
/// `init(from:)` and `encode(to:)`. One shared key type instead of a synthesized `CodingKeys` enum per model keeps
/// the generated code cheap to compile (BENCHMARKS.md, compile time). For generated code only (`@_spi(Generated)`).
@_spi(Generated)
public struct KonaplateCodingKey: CodingKey, ExpressibleByStringLiteral, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}

// For generated code only: what its written-out `init(from:)` calls.
@_spi(Generated)
extension KeyedDecodingContainer where Key == KonaplateCodingKey {
    /// The value at `key`, of the type the caller assigns it to: `self.cardNo = try container.decode("cardNo")`.
    /// Generated code names no type here, so a property named like a type (`String`) cannot shadow it.
    public func decode<Value: Decodable>(_ key: KonaplateCodingKey) throws -> Value {
        try decode(Value.self, forKey: key)
    }

    /// The value at `key`, or nil when the member is absent or null.
    public func decodeIfPresent<Value: Decodable>(_ key: KonaplateCodingKey) throws -> Value? {
        try decodeIfPresent(Value.self, forKey: key)
    }

    // The types the generator uses for scalars, each through the container's own non-generic method: the generic
    // path above makes JSONDecoder build a nested decoder for every value (BENCHMARKS.md, runtime). Swift prefers
    // these non-generic overloads whenever the property has one of these types.
    @inlinable public func decode(_ key: KonaplateCodingKey) throws -> String { try decode(String.self, forKey: key) }
    @inlinable public func decodeIfPresent(_ key: KonaplateCodingKey) throws -> String? {
        try decodeIfPresent(String.self, forKey: key)
    }
    @inlinable public func decode(_ key: KonaplateCodingKey) throws -> Bool { try decode(Bool.self, forKey: key) }
    @inlinable public func decodeIfPresent(_ key: KonaplateCodingKey) throws -> Bool? {
        try decodeIfPresent(Bool.self, forKey: key)
    }
    @inlinable public func decode(_ key: KonaplateCodingKey) throws -> Int { try decode(Int.self, forKey: key) }
    @inlinable public func decodeIfPresent(_ key: KonaplateCodingKey) throws -> Int? {
        try decodeIfPresent(Int.self, forKey: key)
    }
    @inlinable public func decode(_ key: KonaplateCodingKey) throws -> Int64 { try decode(Int64.self, forKey: key) }
    @inlinable public func decodeIfPresent(_ key: KonaplateCodingKey) throws -> Int64? {
        try decodeIfPresent(Int64.self, forKey: key)
    }
    @inlinable public func decode(_ key: KonaplateCodingKey) throws -> UInt64 { try decode(UInt64.self, forKey: key) }
    @inlinable public func decodeIfPresent(_ key: KonaplateCodingKey) throws -> UInt64? {
        try decodeIfPresent(UInt64.self, forKey: key)
    }

    /// A code field, read as the string it is: the same result as `Code(from:)` without the nested decoder
    /// JSONDecoder makes for every non-primitive value (allocations per code field; BENCHMARKS.md, runtime).
    public func decodeCode<Code: KonaplateCode>(_ key: KonaplateCodingKey) throws -> Code {
        Code(rawValue: try decode(String.self, forKey: key))
    }

    /// An optional code field, read as its string; nil when absent or null.
    public func decodeCodeIfPresent<Code: KonaplateCode>(_ key: KonaplateCodingKey) throws -> Code? {
        try decodeIfPresent(String.self, forKey: key).map(Code.init(rawValue:))
    }
}

/// An enumerated code field ("01: 정상, 02: 해지"). Decoding never fails on a code the documentation does not
/// list: it becomes the `undocumented` case carrying the raw string, encodes back unchanged, and is reported by
/// `validate()`.
public protocol KonaplateCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
    /// The codes the documentation lists, in its order.
    static var documented: [Self] { get }
    /// Whether this is one of the `documented` codes (not `undocumented`).
    var isDocumented: Bool { get }
}

extension KonaplateCode {
    /// For hand-written conformances; generated enums answer with a pattern match (`contains`, unspecialized, went
    /// through the generic iterator and allocated for every element it compared: BENCHMARKS.md, runtime).
    @inlinable public var isDocumented: Bool { Self.documented.contains(self) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// The result codes an endpoint documents (`000_000` Success ...), plus any other code the server sends.
public protocol KonaplateResultCode: Hashable, Sendable, CustomStringConvertible {
    init(code: String)
    var code: String { get }
    /// The row of the endpoint's result-code table for this code, or nil for a code the docs do not list.
    var documentation: KonaplateResultCodeDocumentation? { get }
    static var documented: [Self] { get }
}

/// One row of an endpoint's documented result-code table.
public struct KonaplateResultCodeDocumentation: Sendable, Hashable {
    /// The HTTP status the docs give for the code.
    public let httpStatus: Int
    /// The message, as the server sends it (English).
    public let message: String
    /// The docs' description of the code (often Korean), when they give one.
    public let meaning: String?

    public init(httpStatus: Int, message: String, meaning: String? = nil) {
        self.httpStatus = httpStatus
        self.message = message
        self.meaning = meaning
    }
}

extension KonaplateResultCode {
    /// The documented HTTP status, or nil for a code the documentation does not list.
    public var httpStatus: Int? { documentation?.httpStatus }
    /// The documented message (English, as the server sends it), or nil for an undocumented code.
    public var message: String? { documentation?.message }
    /// The documented description (often Korean), or nil.
    public var meaning: String? { documentation?.meaning }
    public var isSuccess: Bool { code == "000_000" }
    public var description: String { message.map { "\(code) \($0)" } ?? code }
}

/// Any JSON value, for array elements whose schema the docs do not show: it decodes whatever the server sends
/// and encodes it back unchanged. Whole numbers stay exact (Int64, or UInt64 beyond Int64.max).
public enum KonaplateJSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsignedInteger(UInt64)
    case double(Double)
    case string(String)
    case array([KonaplateJSONValue])
    case object([String: KonaplateJSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsignedInteger(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([KonaplateJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: KonaplateJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .unsignedInteger(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
