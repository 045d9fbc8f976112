import HTTPTypes
import KonaplateRuntime

/// Why `KonaplateClient.send` failed, for one endpoint: its `ResultCode` types an API error. No case carries a
/// field's value: violations name paths, transport and crypto errors are their own.
public enum KonaplateClientError<Endpoint: KonaplateEndpoint>: Error, CustomStringConvertible {
    /// The request, the headers built for it, the credentials or the server cannot make a valid request (every
    /// violation, by path: a documented constraint, a header value HTTP would change, a malformed server). Nothing
    /// was sent.
    case requestInvalid(KonaplateValidationError)
    /// The endpoint encrypts a body and the client has no sealer (request) or opener (response). Nothing was sent.
    case encryptionRequired(String)
    /// The sealer refused the request body: its own error.
    case sealingFailed(any Error)
    /// The transport failed: no response (a connection error, a refused connection). Its own error.
    case transport(any Error)
    /// No response within the transport's timeout (`KonaplateTransportTimeout`) or the client's.
    case timedOut(Duration)
    /// The task was cancelled.
    case cancelled
    /// The server answered with a result code other than success: the endpoint's documented case, or
    /// `.undocumented(code)`; the HTTP status; the message the server sent.
    case api(Endpoint.ResultCode, status: HTTPResponse.Status, message: String?, correlationID: String?)
    /// The server answered with an error status and no result code the reader could find.
    case unexpectedResponse(status: HTTPResponse.Status, correlationID: String?)
    /// The response body is larger than the transport's maximum response size: the transport stopped reading it.
    case responseTooLarge(limit: Int)
    /// The response carries another request's X-KM-Correlation-Id (a proxy or server mixing up answers): it was not
    /// read.
    case correlationMismatch(sent: String, received: String)
    /// The opener refused the response body: its own error.
    case openingFailed(any Error)
    /// The response did not decode: the failing path and what was wrong there.
    case decodingFailed(String)
    /// The response, or its headers, break documented constraints (strict validation): every violation, by path.
    case responseInvalid(KonaplateValidationError)

    public var description: String {
        switch self {
        case .requestInvalid(let error): "\(Endpoint.path): request invalid, not sent: \(error)"
        case .encryptionRequired(let which):
            "\(Endpoint.path): the \(which) body is encrypted; the client needs a \(which == "request" ? "sealer" : "opener")"
        case .sealingFailed(let error): "\(Endpoint.path): sealing the request failed: \(error)"
        case .transport(let error): "\(Endpoint.path): transport failed: \(error)"
        case .timedOut(let timeout): "\(Endpoint.path): no response within \(timeout)"
        case .cancelled: "\(Endpoint.path): cancelled"
        case .api(let code, let status, let message, _):
            "\(Endpoint.path): \(code.code)\(message.map { " \($0)" } ?? "") (HTTP \(status.code))"
        case .unexpectedResponse(let status, _): "\(Endpoint.path): HTTP \(status.code) without a result code"
        case .responseTooLarge(let limit):
            "\(Endpoint.path): the response is larger than \(limit) bytes; not read past that"
        case .correlationMismatch(let sent, _):
            "\(Endpoint.path): the response names another request than \(sent); not read"
        case .openingFailed(let error): "\(Endpoint.path): opening the response failed: \(error)"
        case .decodingFailed(let reason): "\(Endpoint.path): the response did not decode: \(reason)"
        case .responseInvalid(let error): "\(Endpoint.path): response invalid: \(error)"
        }
    }
}

/// A successful response: the typed body, its result code, HTTP status, correlation id and headers, and, under the
/// report-only policy, the documented constraints it breaks.
public struct KonaplateResponse<Endpoint: KonaplateEndpoint>: Sendable {
    public var value: Endpoint.Response
    public var resultCode: Endpoint.ResultCode
    public var status: HTTPResponse.Status
    /// The correlation id of the request that got this response (the server echoes it).
    public var correlationID: String?
    public var headers: Endpoint.ResponseHeaders?
    /// Empty under `.strict` (a violation throws); the violations found under `.reportOnly`.
    public var violations: [KonaplateViolation]
    /// How many times the request was sent (more than 1 only for a retried `safeToRepeat` endpoint).
    public var attempts: Int

    @usableFromInline init(
        value: Endpoint.Response, resultCode: Endpoint.ResultCode, status: HTTPResponse.Status, correlationID: String?,
        headers: Endpoint.ResponseHeaders?, violations: [KonaplateViolation], attempts: Int
    ) {
        self.value = value
        self.resultCode = resultCode
        self.status = status
        self.correlationID = correlationID
        self.headers = headers
        self.violations = violations
        self.attempts = attempts
    }
}
