// The protocols generated types conform to.

/// A generated request, response or nested object: Codable for the wire, validated against the docs, and
/// printed with its sensitive fields masked (see `KonaplateRedaction`).
public protocol KonaplateModel: Codable, Hashable, Sendable, KonaplateValidatable,
    CustomStringConvertible, CustomDebugStringConvertible
{}

extension KonaplateModel {
    public var description: String { KonaplateRedaction.describe(self) }
    public var debugDescription: String { description }
}

/// An enumerated code field ("01: 정상, 02: 해지"). Decoding never fails on a code the documentation does not
/// list: it becomes the `undocumented` case carrying the raw string, encodes back unchanged, and is reported by
/// `validate()`.
public protocol KonaplateCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
    /// The codes the documentation lists, in its order.
    static var documented: [Self] { get }
}

extension KonaplateCode {
    public var isDocumented: Bool { Self.documented.contains(self) }

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
    /// The documented HTTP status, or nil for a code the documentation does not list.
    var httpStatus: Int? { get }
    /// The documented message (English, as the server sends it), or nil for an undocumented code.
    var message: String? { get }
    /// The documented description (often Korean), or nil.
    var meaning: String? { get }
    static var documented: [Self] { get }
}

extension KonaplateResultCode {
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
