import HTTPTypes

/// One Konaplate API endpoint. Every generated namespace (`BankAccountsInfo`, ...) conforms, so generic code can
/// build, sign and send a request for any endpoint (see ``KonaplateRequests``).
public protocol KonaplateEndpoint: Sendable {
    associatedtype Request: KonaplateModel
    associatedtype Response: KonaplateModel
    associatedtype RequestHeaders: KonaplateRequestHeaders
    associatedtype ResponseHeaders: KonaplateResponseHeaders
    associatedtype ResultCode: KonaplateResultCode

    static var method: HTTPRequest.Method { get }
    /// The path as documented, starting with `/api/`.
    static var path: String { get }
    /// The docs mark the request parameters "Encrypted": the body is sealed (JWE) before it is sent.
    static var isRequestEncrypted: Bool { get }
    /// The docs mark the response parameters "Encrypted": the body must be opened before it is decoded.
    static var isResponseEncrypted: Bool { get }
    /// A callback API is called by Konaplate; it carries no X-KM-Access-Key.
    static var isCallback: Bool { get }
    /// The endpoint only reads (an inquiry): sending it twice changes nothing, so a client may retry it. The spec
    /// says so (`safeToRepeat: true`); every other endpoint may move money or change state and is never retried.
    static var isSafeToRepeat: Bool { get }
}

extension KonaplateEndpoint {
    public static var isSafeToRepeat: Bool { false }
}

/// A generated request header set (the X-KM-* headers of one endpoint).
public protocol KonaplateRequestHeaders: Sendable, Hashable, KonaplateValidatable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// Fills every header from the credentials and the exact body bytes that will be sent: generates the
    /// correlation id, stamps the tran time, signs the tran token. Throws when a header the endpoint needs
    /// cannot be filled (no crypto key id for an encrypted body, say) or breaks its documented constraints.
    init(credentials: KonaplateCredentials, body: [UInt8], context: KonaplateHeaderContext)
        throws(KonaplateValidationError)

    /// Reads the headers of a request, as a server does: what a test double checks (`KonaplateDouble`).
    init(_ fields: HTTPFields) throws(KonaplateValidationError)

    /// The header each source fills, by name: where a reader finds the tran token, the ASP id and the rest.
    static var headerNames: [KonaplateHeaderSource: String] { get }

    /// The headers in documentation order; absent optional headers are left out.
    var headerFields: [(name: String, value: String)] { get }
}

extension KonaplateRequestHeaders {
    public var httpFields: HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headerFields {
            // Header names come from the spec and were checked to be valid tokens when it was loaded.
            if let fieldName = KonaplateHeaderNames.name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        return fields
    }

    public var dictionary: [String: String] {
        Dictionary(headerFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    public var description: String { KonaplateRedaction.describe(self) }
    public var debugDescription: String { description }
}

/// A generated response header set.
public protocol KonaplateResponseHeaders: Sendable, Hashable, KonaplateValidatable, CustomStringConvertible {
    /// Reads the documented headers; throws when a required one is missing.
    init(_ fields: HTTPFields) throws(KonaplateValidationError)
}

extension KonaplateResponseHeaders {
    public var description: String { KonaplateRedaction.describe(self) }
}

// For generated code only: how generated response headers read a field.
@_spi(Generated)
extension HTTPFields {
    /// The value of the header named `name` (case-insensitive, as HTTP header names are), or nil.
    public func konaplateValue(_ name: String) -> String? {
        KonaplateHeaderNames.name(name).flatMap { konaplateValue($0) }
    }
}

extension HTTPFields {
    /// The value of the field `name`, as the `name` subscript reads it (several fields joined with ", "), in one
    /// pass: swift-http-types' subscript walks the fields twice and joins lazily, which allocates even for the one
    /// field a Konaplate header is (every response header is read through here; BENCHMARKS.md, the client
    /// comparison).
    @usableFromInline package func konaplateValue(_ name: HTTPField.Name) -> String? {
        var value: String?
        for field in self where field.name == name {
            if let first = value {
                value = first + (name == .cookie ? "; " : ", ") + field.value
            } else {
                value = field.value
            }
        }
        return value
    }
}
