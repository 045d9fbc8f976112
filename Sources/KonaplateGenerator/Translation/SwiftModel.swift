// The small Swift model an endpoint is translated into: every naming and typing decision is made before
// rendering, so the renderer only prints.

/// One endpoint's file.
struct SwiftEndpoint: Sendable {
    var sourceName: String
    var typeName: String
    var title: String
    var summary: String?
    var methodCase: String
    var method: String
    var path: String
    var version: String?
    var mode: EndpointMode
    var isCallback: Bool
    var docsURL: String?
    var docs: DocsCompleteness
    var notes: String?
    var isRequestEncrypted: Bool
    var isResponseEncrypted: Bool
    var request: SwiftStruct
    var response: SwiftStruct
    var requestHeaders: [SwiftHeader]
    var responseHeaders: [SwiftHeader]
    var resultCodes: [SwiftResultCase]
}

struct SwiftStruct: Sendable {
    var name: String
    var doc: [String]
    var properties: [SwiftProperty]
    var nestedTypes: [SwiftNestedType]

    var hasSensitiveProperties: Bool { properties.contains { $0.isSensitive } }
    var needsCodingKeys: Bool { properties.contains { $0.name != $0.jsonKey } }
}

indirect enum SwiftNestedType: Sendable {
    case structure(SwiftStruct)
    case codes(SwiftCodeEnum)
}

struct SwiftProperty: Sendable {
    /// The identifier, unescaped.
    var name: String
    var jsonKey: String
    /// The Swift type without optionality: `String`, `UInt64`, `AccountInfo`, `[Item]`.
    var typeName: String
    var isOptional: Bool
    var doc: [String]
    var isSensitive: Bool
    var checks: [SwiftCheck]
}

/// One validator call for a property.
enum SwiftCheck: Sendable, Hashable {
    case length(LengthRule)
    case elementLength(LengthRule)
    case count(LengthRule)
    /// Inclusive bounds as Swift literals, already clamped to the property's integer type.
    case range(String, String)
    case format(String)
    /// An enumerated code, or an array of them.
    case code
    /// A nested object, or an array of them.
    case nested
}

struct SwiftCodeEnum: Sendable {
    var name: String
    var doc: [String]
    var cases: [(name: String, code: String, meaning: String)]
}

struct SwiftHeader: Sendable {
    var headerName: String
    var propertyName: String
    var isOptional: Bool
    var doc: [String]
    var length: LengthRule?
    var formatCase: String?
    var isSensitive: Bool
    /// How the builder fills it (request headers only).
    var fill: HeaderFill?
}

enum HeaderFill: Sendable {
    /// Taken from the credentials or computed; never missing.
    case value(String)
    /// Required here but optional in the credentials: the builder reports it, naming why, when it is absent.
    case required(String, because: String)
    /// Sent when present.
    case optional(String)
    /// Not sent by this endpoint.
    case omitted
}

struct SwiftResultCase: Sendable {
    var name: String
    var status: Int
    var code: String
    var message: String
    var meaning: String?
}
