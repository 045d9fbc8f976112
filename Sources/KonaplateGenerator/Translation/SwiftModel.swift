// The Swift model an API is translated into: every decision about names, types, checks and doc text is made before
// rendering, in typed values (no Swift source text), so the renderers only print.

/// Everything the generated module declares.
struct SwiftAPI: Sendable {
    var headerSets: [SwiftHeaderSet]
    var endpoints: [SwiftEndpoint]
}

/// One endpoint's file.
struct SwiftEndpoint: Sendable {
    var sourceName: String
    var typeName: String
    var title: String
    /// The namespace's doc comment: title, summary, facts, docs link, completeness, notes.
    var doc: DocText
    var method: HTTPMethod
    var path: String
    var docs: DocsCompleteness
    var isRequestEncrypted: Bool
    var isResponseEncrypted: Bool
    var isCallback: Bool
    var isSafeToRepeat: Bool
    var request: SwiftBody
    var response: SwiftBody
    var headers: SwiftHeaderBinding
    var resultCodes: [SwiftResultCase]
}

/// The HTTP methods a spec may name, with swift-http-types' `HTTPRequest.Method` case for each.
enum HTTPMethod: String, Sendable, CaseIterable {
    case post = "POST", get = "GET", put = "PUT", patch = "PATCH", delete = "DELETE"
}

/// A header set shared by endpoints: rendered once, in the file of its definitions file, as `<Name>RequestHeaders
/// <Endpoint>` and `<Name>ResponseHeaders`; the rules that depend on the endpoint (encrypted? callback?) read its
/// metadata.
struct SwiftHeaderSet: Sendable {
    /// `Standard` for the set `standard`.
    var baseName: String
    var sourceName: String
    var request: [SwiftHeader]
    var response: [SwiftHeader]

    var requestTypeName: String { baseName + "RequestHeaders" }
    var responseTypeName: String { baseName + "ResponseHeaders" }
}

/// How an endpoint gets its header types.
enum SwiftHeaderBinding: Sendable {
    /// The set's shared types, through typealiases.
    case shared(SwiftHeaderSet)
    /// The endpoint changes single headers of its set: its own types, in its own file.
    case own(request: [SwiftHeader], response: [SwiftHeader])
}

/// A request or response body: a struct of its fields, or, when the stored page does not show it, an open JSON
/// object (`KonaplateUndocumentedBody`) sent and read as it is.
enum SwiftBody: Sendable {
    case structure(SwiftStruct)
    case undocumented(name: String, doc: DocText)

    var structure: SwiftStruct? {
        if case .structure(let structure) = self { return structure }
        return nil
    }

    /// Fields, counting nested ones; nil when the body is undocumented.
    var fieldCount: Int? {
        if case .structure(let structure) = self { return structure.fieldCount }
        return nil
    }
}

/// A generated struct: a body, a nested object or an array's element.
struct SwiftStruct: Sendable {
    var name: String
    var doc: DocText
    var properties: [SwiftProperty]
    var nestedTypes: [SwiftNestedType]
    /// Rules about groups of its fields, checked after the fields' own checks.
    var rules: [SwiftGroupRule] = []

    var hasSensitiveProperties: Bool { properties.contains { $0.isSensitive } }

    /// Fields, counting those of nested objects and array elements (the catalogue's count).
    var fieldCount: Int {
        properties.count
            + nestedTypes.reduce(0) { count, nested in
                if case .structure(let structure) = nested { return count + structure.fieldCount }
                return count
            }
    }
}

indirect enum SwiftNestedType: Sendable {
    case structure(SwiftStruct)
    case codes(SwiftCodeEnum)
}

/// A property's Swift type, without the optionality of the property itself.
indirect enum SwiftType: Sendable, Hashable {
    case string
    case bool
    case integer(SwiftInteger)
    /// Any JSON value (`KonaplateJSONValue`): an array element whose schema the docs do not show.
    case jsonValue
    /// A generated struct nested in the enclosing type.
    case model(String)
    /// A generated code enum nested in the enclosing type.
    case code(String)
    case array(SwiftType)
    /// An array element that may be null (`elements: optional`).
    case optional(SwiftType)

    /// A single code (not an array of them): decoded straight from its string.
    var isCode: Bool {
        if case .code = self { return true }
        return false
    }
}

/// The integer types a documented range maps to. Never a floating-point type: ids and amounts are exact.
enum SwiftInteger: String, Sendable, Hashable {
    case int = "Int"
    case int64 = "Int64"
    case uint64 = "UInt64"

    var minimum: Int128 {
        switch self {
        case .int: Int128(Int32.min)  // what the generated code may assume on every platform
        case .int64: Int128(Int64.min)
        case .uint64: 0
        }
    }

    var maximum: Int128 {
        switch self {
        case .int: Int128(Int32.max)
        case .int64: Int128(Int64.max)
        case .uint64: Int128(UInt64.max)
        }
    }

    /// The narrowest natural type for a documented range: `Int` when both bounds fit 32 bits (so arithmetic is
    /// natural everywhere), `Int64` for wider or open ranges, `UInt64` when the maximum passes Int64.max (userId's
    /// 9999999999999999999, DECISIONS.md D25); nil when no 64-bit type holds it.
    static func narrowest(for range: IntegerRange?) -> SwiftInteger? {
        guard let range else { return .int64 }
        let low = range.minimum
        let high = range.maximum
        if let low, let high, low >= int.minimum, high <= int.maximum { return .int }
        if (low ?? 0) >= int64.minimum, (high ?? 0) <= int64.maximum { return .int64 }
        if (low ?? 0) >= 0, (high ?? 0) <= uint64.maximum { return .uint64 }
        return nil
    }
}

struct SwiftProperty: Sendable {
    /// The identifier, unescaped.
    var name: String
    var jsonKey: String
    var type: SwiftType
    var isOptional: Bool
    var doc: DocText
    var isSensitive: Bool
    var checks: [SwiftCheck]
}

struct SwiftCodeEnum: Sendable {
    var name: String
    var doc: DocText
    var cases: [SwiftCodeCase]
}

struct SwiftCodeCase: Sendable {
    var name: String
    var code: String
    var meaning: String
}

struct SwiftHeader: Sendable {
    var headerName: String
    var propertyName: String
    var isOptional: Bool
    var doc: DocText
    var isSensitive: Bool
    /// Length, format and the condition of a Conditional header: the same check model as a field's.
    var checks: [SwiftCheck]
    /// How the request header builder fills it; nil for response headers.
    var fill: HeaderFill?
}

extension [SwiftHeader] {
    /// The header each source fills: the first one, where two take the same source (a reader of requests checks it).
    var namesBySource: [(source: HeaderSource, name: String)] {
        var seen: Set<HeaderSource> = []
        return compactMap { header in
            guard let source = header.fill?.source, seen.insert(source).inserted else { return nil }
            return (source, header.headerName)
        }
    }
}

/// How the request header builder fills a header from the credentials and the computed values.
enum HeaderFill: Sendable, Hashable {
    var source: HeaderSource {
        switch self {
        case .value(let source), .required(let source), .conditional(let source, _): source
        }
    }

    /// Always sent, taken from `source`.
    case value(HeaderSource)
    /// Required, but optional in the credentials: the builder reports it when absent.
    case required(HeaderSource)
    /// Sent only when `condition` holds for the endpoint.
    case conditional(HeaderSource, HeaderCondition)
}

struct SwiftResultCase: Sendable {
    var name: String
    var status: Int
    var code: String
    var message: String
    var meaning: String?
}
