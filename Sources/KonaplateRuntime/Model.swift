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
