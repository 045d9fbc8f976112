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
    var headers: SwiftHeaderBinding
    var resultCodes: [SwiftResultCase]
}

/// A header set shared by endpoints: rendered once, in its own file, as `<Name>RequestHeaders<Endpoint>` and
/// `<Name>ResponseHeaders`; the rules that depend on the endpoint (encrypted? callback?) read its metadata.
struct SwiftHeaderSet: Sendable {
    /// `Standard` for the set `standard`.
    var baseName: String
    var sourceName: String
    var request: [SwiftHeader]
    var response: [SwiftHeader]

    var requestTypeName: String { baseName + "RequestHeaders" }
    var responseTypeName: String { baseName + "ResponseHeaders" }

    /// The Swift file of a definitions file: `api-specs/common/headers.yaml` → `CommonHeaders.swift`. It depends
    /// on the path alone, so a build plugin knows it without reading YAML.
    static func fileName(forDefinitions sourceName: String) -> String {
        let stem = sourceName.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
        return "Common" + SwiftNaming.upperCamel(stem) + ".swift"
    }
}

/// How an endpoint gets its header types.
enum SwiftHeaderBinding: Sendable {
    /// The set's shared types, through typealiases.
    case shared(SwiftHeaderSet)
    /// The endpoint changes single headers of its set: its own types, in its own file.
    case own(request: [SwiftHeader], response: [SwiftHeader])
}

struct SwiftStruct: Sendable {
    var name: String
    var doc: [String]
    var properties: [SwiftProperty]
    var nestedTypes: [SwiftNestedType]

    var hasSensitiveProperties: Bool { properties.contains { $0.isSensitive } }
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

    /// A single enumerated code (not an array of them): decoded straight from its string.
    var isCode: Bool { checks.contains(.code) && !typeName.hasPrefix("[") }
}

/// One validator call for a property.
enum SwiftCheck: Sendable, Hashable {
    case length(LengthRule)
    case elementLength(LengthRule)
    case count(LengthRule)
    /// Inclusive bounds as Swift literals, already clamped to the property's integer type.
    case range(String, String)
    /// A number sent as a string: decimal digits within inclusive bounds.
    case numericString(String, String)
    case format(String)
    /// An enumerated code, or an array of them.
    case code
    /// A nested object, or an array of them.
    case nested
    /// A Conditional header: missing is reported when the runtime condition (`encrypted`, `notCallback`) holds.
    case requiredWhen(String)
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
    /// The runtime `KonaplateHeaderCondition` case of a Conditional header.
    var condition: String?
    /// How the builder fills it (request headers only).
    var fill: HeaderFill?
}

enum HeaderFill: Sendable {
    /// Taken from the credentials or computed as it is.
    case value(String)
    /// Required, but optional in the credentials: the builder reports it when absent.
    case required(String)
    /// Sent only when the condition holds for the endpoint.
    case conditional(String, condition: String)
}

struct SwiftResultCase: Sendable {
    var name: String
    var status: Int
    var code: String
    var message: String
    var meaning: String?
}
