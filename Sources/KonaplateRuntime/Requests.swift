import Foundation
import HTTPTypes

/// Seals an encrypted endpoint's request body (JWE, DECISIONS.md D11). The runtime only defines the hook; the
/// JWE implementation plugs in here.
public protocol KonaplateBodySealer: Sendable {
    /// Returns the body to send in place of `plaintext` (the JSON of the request).
    func seal(_ plaintext: [UInt8]) throws -> [UInt8]
}

/// Opens an encrypted endpoint's response body, with the client's private key. (The Korean encryption guideline
/// says the client decrypts with "the server's private key"; the Credentials page and the scheme itself say the
/// client's: DECISIONS.md D13.)
public protocol KonaplateBodyOpener: Sendable {
    /// Returns the JSON of the response carried by `body`.
    func open(_ body: [UInt8]) throws -> [UInt8]
}

/// Where requests go. The docs' sample request shows the sandbox host and the `/open-api` prefix.
public struct KonaplateServer: Sendable, Hashable {
    public var scheme: String
    public var authority: String
    public var basePath: String

    public init(scheme: String = "https", authority: String, basePath: String = "") {
        self.scheme = scheme
        self.authority = authority
        self.basePath = basePath
    }

    public static let sandbox = KonaplateServer(authority: "sandbox.konaplate.com", basePath: "/open-api")
}

/// Why `KonaplateRequests.prepare` (and so the client) did not build a request: nothing was sent. Never quotes a
/// value, only where it is and what was expected, since requests carry card numbers, names and keys.
public enum KonaplateRequestError: Error, Sendable, CustomStringConvertible {
    /// The request, or the request headers, break documented constraints: every violation, by path.
    case invalid(KonaplateValidationError)
    /// The endpoint's body is encrypted and no sealer or opener was given.
    case encryptionRequired(path: String)
    /// The request could not be encoded as JSON; the name of the encoder's error type (its text could quote a
    /// value).
    case encodingFailed(String)
    /// The sealer refused the body: its own error (``KonaplateJWEError`` for the JWE sealer, which never carries
    /// key material or plaintext).
    case sealingFailed(any Error)
    /// The opener refused the body (wrong key, tampered token, not the expected wrapper): its own error.
    case openingFailed(any Error)
    /// The response did not decode: the failing path and what was wrong there, never the value.
    case decodingFailed(String)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .encryptionRequired(let path): "\(path) exchanges an encrypted body: pass a sealer/opener"
        case .encodingFailed(let reason): "encoding failed: \(reason)"
        case .sealingFailed(let error): "sealing failed: \(error)"
        case .openingFailed(let error): "opening failed: \(error)"
        case .decodingFailed(let reason): "decoding failed: \(reason)"
        }
    }
}

/// A request ready for any HTTP client: the head, and the exact bytes the tran token was computed over.
public struct KonaplatePreparedRequest: Sendable {
    public var head: HTTPRequest
    /// The exact bytes to send: the tran token signs them, so they must not change after signing.
    public var body: [UInt8]

    public init(head: HTTPRequest, body: [UInt8]) {
        self.head = head
        self.body = body
    }
}

/// The one generic path from a generated request value to an HTTP request, for every endpoint.
public enum KonaplateRequests {
    /// Validates `request`, the credentials and the server, encodes the request, seals it when the endpoint is
    /// encrypted, and signs it. Everything checkable here is checked before any byte exists to send: the request's
    /// documented constraints, the credentials and the server (`KonaplateCredentials.violations`,
    /// `KonaplateServer.violations`: all of these reported together), then the headers' documented constraints and
    /// every header value (`KonaplateHeaderValueRule`).
    @inlinable
    public static func prepare<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type,
        _ request: Endpoint.Request,
        credentials: KonaplateCredentials,
        context: KonaplateHeaderContext,
        server: KonaplateServer = .sandbox,
        sealer: (any KonaplateBodySealer)? = nil
    ) throws(KonaplateRequestError) -> KonaplatePreparedRequest {
        let problems = request.violations + credentials.violations + server.violations
        guard problems.isEmpty else { throw .invalid(KonaplateValidationError(violations: problems)) }
        var body: [UInt8]
        do {
            // Copied in one move: Array(data) walks Data's iterator byte by byte.
            let encoded = try KonaplateJSON.sharedEncoder.encode(request)
            body = [UInt8](unsafeUninitializedCapacity: encoded.count) { $1 = encoded.copyBytes(to: $0) }
        } catch {
            throw .encodingFailed(String(describing: type(of: error)))
        }
        if Endpoint.isRequestEncrypted {
            guard let sealer else { throw .encryptionRequired(path: Endpoint.path) }
            do { body = try sealer.seal(body) } catch { throw .sealingFailed(error) }
        }
        let headers: Endpoint.RequestHeaders
        do { headers = try Endpoint.RequestHeaders(credentials: credentials, body: body, context: context) } catch {
            throw .invalid(error)
        }
        // One pass over the headers: each becomes a field, after the last guard on its value (the credentials' were
        // checked above; this catches a value from any other source, the context's time zone code say, that HTTP
        // would change on the way). The body is JSON whatever a header set says, so Content-Type and Accept are
        // the client's own.
        let named = headers.headerFields
        var fields = HTTPFields()
        fields.reserveCapacity(named.count + 2)
        var unsendable: [KonaplateViolation] = []
        for (name, value) in named {
            if let problem = KonaplateHeaderValueRule.problem(value) {
                unsendable.append(KonaplateViolation(path: name, message: problem))
            } else if let fieldName = KonaplateHeaderNames.name(name), fieldName != .contentType, fieldName != .accept {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        guard unsendable.isEmpty else { throw .invalid(KonaplateValidationError(violations: unsendable)) }
        // Appended, not set through the subscript, which searches the fields for the name first.
        fields.append(HTTPField(name: .contentType, value: "application/json"))
        fields.append(HTTPField(name: .accept, value: "application/json"))
        let head = HTTPRequest(
            method: Endpoint.method, scheme: server.scheme, authority: server.authority,
            path: server.basePath + Endpoint.path, headerFields: fields)
        return KonaplatePreparedRequest(head: head, body: body)
    }

    /// Opens (when encrypted) and decodes a response body. Fields the spec does not list are ignored.
    public static func decodeResponse<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, body: [UInt8], opener: (any KonaplateBodyOpener)? = nil
    ) throws(KonaplateRequestError) -> Endpoint.Response {
        var json = body
        if Endpoint.isResponseEncrypted {
            guard let opener else { throw .encryptionRequired(path: Endpoint.path) }
            do { json = try opener.open(body) } catch { throw .openingFailed(error) }
        }
        return try decode(Endpoint.Response.self, json: json)
    }

    /// Decodes a (opened) body. An endpoint that documents no response fields may answer with no body at all: that
    /// is the empty object.
    package static func decode<Response: Decodable>(_ type: Response.Type, json: [UInt8]) throws(KonaplateRequestError)
        -> Response
    {
        do { return try KonaplateJSON.sharedDecoder.decode(Response.self, from: document(json)) } catch {
            // The error's own text can quote a field's value; name only the failing path.
            throw .decodingFailed(KonaplateJSON.pathDescription(of: error))
        }
    }

    /// The JSON document of a body: no body at all is the empty object.
    @usableFromInline package static func document(_ json: [UInt8]) -> Data {
        isEmpty(json) ? Data("{}".utf8) : Data(json)
    }

    /// No bytes but whitespace.
    @usableFromInline package static func isEmpty(_ body: [UInt8]) -> Bool {
        body.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }
}

public enum KonaplateJSON {
    /// Sorted keys make the body, and so the tran token, the same bytes for the same request every time.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One encoder and one decoder for every request: they are never configured after this, and JSONEncoder and
    /// JSONDecoder are safe to share between threads.
    @usableFromInline package static let sharedEncoder = encoder()
    @usableFromInline package static let sharedDecoder = JSONDecoder()

    @usableFromInline package static func pathDescription(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        let (context, what): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(_, let context): (context, "wrong type")
            case .valueNotFound(_, let context): (context, "missing value")
            case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
            case .dataCorrupted(let context): (context, "invalid value")
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "invalid")
            }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "\(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(what)"
    }
}
