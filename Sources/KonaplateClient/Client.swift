import Foundation
import HTTPTypes
import KonaplateRuntime

/// Sends requests to Konaplate for any generated endpoint:
///
/// ```swift
/// let client = KonaplateClient(credentials: credentials, server: .sandbox, transport: KonaplateURLSessionTransport(),
///                              sealer: sealer, opener: opener)
/// let info = try await client.send(BankAccountsInfo.self, .init(userId: 9_999_999_999_999_999_999))
/// print(info.value.accountInfo.bankName, info.resultCode, info.correlationID ?? "")
/// ```
///
/// `send` checks everything it can before a byte leaves (a sealer and an opener for the endpoint's encrypted bodies;
/// the request, the credentials, the server and every header value, all violations at once; nothing is sent when
/// one breaks), encodes the request, seals it when the endpoint encrypts requests, fills and signs the X-KM-*
/// headers over the exact bytes, sends it through the middlewares and the transport, reads the response headers
/// (refusing another request's correlation id) and the result code, opens the body when the endpoint encrypts
/// responses, decodes it and validates it (`validation`). A result code other than success throws `.api` with the
/// endpoint's typed `ResultCode`. What a failing server gets the caller, fault by fault: the Reliability article.
public struct KonaplateClient: Sendable {
    public var credentials: KonaplateCredentials
    public var server: KonaplateServer
    public var transport: any KonaplateTransport
    /// Seals request bodies of endpoints that encrypt them (`KonaplateJWESealer`).
    public var sealer: (any KonaplateBodySealer)?
    /// Opens response bodies of endpoints that encrypt them (`KonaplateJWEOpener`).
    public var opener: (any KonaplateBodyOpener)?
    /// Time zone, clock and randomness of the computed headers.
    public var context: KonaplateHeaderContext
    /// Outermost first.
    public var middlewares: [any KonaplateClientMiddleware]
    public var validation: KonaplateValidationPolicy
    public var retry: KonaplateRetryPolicy
    /// An overall bound on one sending, middlewares included, on top of the transport's own timeout (both shipped
    /// transports time out after 30 s by default). nil, the default: the transport's timeout alone. Set it for a
    /// transport that has no timeout of its own; it races the exchange against a timer in a task group, which
    /// costs 25 to 40 µs per request (BENCHMARKS.md), so it is opt-in.
    public var timeout: Duration?
    /// Where the result code travels (unverified default: `topLevelCodeAndMessage`).
    public var resultCodeReader: KonaplateResultCodeReader

    public init(
        credentials: KonaplateCredentials, server: KonaplateServer = .sandbox,
        transport: any KonaplateTransport = KonaplateURLSessionTransport(), sealer: (any KonaplateBodySealer)? = nil,
        opener: (any KonaplateBodyOpener)? = nil,
        context: KonaplateHeaderContext = KonaplateHeaderContext(timeZone: .kst),
        middlewares: [any KonaplateClientMiddleware] = [], validation: KonaplateValidationPolicy = .strict,
        retry: KonaplateRetryPolicy = .never, timeout: Duration? = nil,
        resultCodeReader: KonaplateResultCodeReader = .topLevelCodeAndMessage
    ) {
        self.credentials = credentials
        self.server = server
        self.transport = transport
        self.sealer = sealer
        self.opener = opener
        self.context = context
        self.middlewares = middlewares
        self.validation = validation
        self.retry = retry
        self.timeout = timeout
        self.resultCodeReader = resultCodeReader
    }

    /// Sends `request` to `endpoint` and returns its typed response.
    // Inlinable, with everything it calls down to the transport: specialized for each endpoint in the caller's
    // module, the path runs without generic dispatch (about a tenth of a small request's time; BENCHMARKS.md, the
    // client comparison). The price is that these internals are part of the module's interface, so a change to them
    // recompiles callers, which SwiftPM does anyway (no library evolution here). DECISIONS.md D47.
    @inlinable
    public func send<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request
    ) async throws(KonaplateClientError<Endpoint>) -> KonaplateResponse<Endpoint> {
        let attempts = Endpoint.isSafeToRepeat ? retry.maxAttempts : 1
        var attempt = 1
        while true {
            do {
                return try await sendOnce(Endpoint.self, request, attempt: attempt)
            } catch let error where attempt < attempts && retries(error) {
                attempt += 1
                do { try await Task.sleep(for: retry.pause(before: attempt)) } catch { throw .cancelled }
            }
        }
    }

    @inlinable
    func retries<Endpoint: KonaplateEndpoint>(_ error: KonaplateClientError<Endpoint>) -> Bool {
        switch error {
        case .transport, .timedOut: true
        case .api(_, let status, _, _), .unexpectedResponse(let status, _): retry.retriesStatus(status)
        default: false
        }
    }

    @inlinable
    func sendOnce<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request, attempt: Int
    ) async throws(KonaplateClientError<Endpoint>) -> KonaplateResponse<Endpoint> {
        let prepared = try prepare(Endpoint.self, request)
        let operation = KonaplateOperation(
            method: Endpoint.method, path: Endpoint.path, isSafeToRepeat: Endpoint.isSafeToRepeat, attempt: attempt)
        let (response, body) = try await exchange(prepared, operation: operation, as: Endpoint.self)
        return try read(
            response, body: body, as: Endpoint.self, attempts: attempt,
            correlationID: prepared.head.headerFields.konaplateValue(.konaplateCorrelationId) ?? "")
    }

    /// Everything checkable before a byte leaves: the keys the endpoint's bodies need (an encrypted response the
    /// client could not open must not be asked for: the server would act on the request, and its answer would be
    /// unreadable), then the request, the credentials, the server and every header (`KonaplateRequests.prepare`).
    @inlinable
    func prepare<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request
    ) throws(KonaplateClientError<Endpoint>) -> KonaplatePreparedRequest {
        if Endpoint.isRequestEncrypted && sealer == nil { throw .encryptionRequired("request") }
        if Endpoint.isResponseEncrypted && opener == nil { throw .encryptionRequired("response") }
        do {
            return try KonaplateRequests.prepare(
                Endpoint.self, request, credentials: credentials, context: context, server: server, sealer: sealer)
        } catch {
            switch error {
            case .invalid(let violations): throw .requestInvalid(violations)
            case .sealingFailed(let cause): throw .sealingFailed(cause)
            case .encryptionRequired: throw .encryptionRequired("request")
            case .encodingFailed(let reason):
                throw .requestInvalid(KonaplateValidationError(violations: [.init(path: "", message: reason)]))
            case .openingFailed(let cause): throw .openingFailed(cause)
            case .decodingFailed(let reason): throw .decodingFailed(reason)
            }
        }
    }

    /// Through the middlewares (outermost first) to the transport, within the client's timeout when it has one.
    @inlinable
    func exchange<Endpoint: KonaplateEndpoint>(
        _ prepared: KonaplatePreparedRequest, operation: KonaplateOperation, as: Endpoint.Type
    ) async throws(KonaplateClientError<Endpoint>) -> (HTTPResponse, [UInt8]) {
        let transport = self.transport
        let body = prepared.body
        if middlewares.isEmpty && timeout == nil {
            // The common case, without the closure chain (an async context less per request).
            do { return try await transport.send(prepared.head, body: body) } catch { throw Self.clientError(error) }
        }
        var next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8]) = { head in
            try await transport.send(head, body: body)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { head in try await middleware.intercept(head, body: body, operation: operation, next: inner) }
        }
        let call = next
        do {
            guard let timeout else { return try await call(prepared.head) }
            return try await withThrowingTaskGroup(of: (HTTPResponse, [UInt8])?.self) { group in
                group.addTask { try await call(prepared.head) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let result = first else { throw TimedOut() }
                return result
            }
        } catch is TimedOut {
            throw .timedOut(timeout ?? .zero)
        } catch {
            throw Self.clientError(error)
        }
    }

    /// What a transport's (or a middleware's) error is to the caller.
    @inlinable
    static func clientError<Endpoint: KonaplateEndpoint>(_ error: any Error) -> KonaplateClientError<Endpoint> {
        if let timedOut = error as? KonaplateTransportTimeout { return .timedOut(timedOut.timeout) }
        if let tooLarge = error as? KonaplateResponseTooLarge { return .responseTooLarge(limit: tooLarge.limit) }
        if Task.isCancelled || error is CancellationError { return .cancelled }
        return .transport(error)
    }

    @usableFromInline struct TimedOut: Error {
        @inlinable init() {}
    }

    /// The result code and message, and the body when reading them decoded it already: a reader that names members
    /// reads all three in one JSON pass (a body is JSON anyway, an error answer's too); any other reader runs on its
    /// own, and the body is decoded only for a success.
    @inlinable
    func readResultCode<Response: Decodable>(
        of: Response.Type, _ response: HTTPResponse, json: [UInt8]
    ) -> (code: String?, message: String?, body: Result<Response, any Error>?) {
        guard let members = resultCodeReader.members else {
            let (code, message) = resultCodeReader.read(response.status, response.headerFields, json)
            return (code, message, nil)
        }
        return members.read(Response.self, status: response.status, json: json)
    }

    /// The status, headers, result code and body of a response, as `Endpoint` documents them. A response naming
    /// another request (another X-KM-Correlation-Id) is nobody's answer to this one: nothing in it is read.
    @inlinable
    func read<Endpoint: KonaplateEndpoint>(
        _ response: HTTPResponse, body: [UInt8], as: Endpoint.Type, attempts: Int, correlationID sent: String
    ) throws(KonaplateClientError<Endpoint>) -> KonaplateResponse<Endpoint> {
        var correlationID: String?
        for field in response.headerFields where field.name == .konaplateCorrelationId {
            guard field.value == sent else { throw .correlationMismatch(sent: sent, received: field.value) }
            correlationID = field.value
        }
        var json = body
        if Endpoint.isResponseEncrypted && !KonaplateRequests.isEmpty(body) {
            guard let opener else { throw .encryptionRequired("response") }  // checked before sending
            do { json = try opener.open(body) } catch {
                // An error answer may come in clear (the docs do not say); a success must be sealed.
                guard response.status.kind != .successful else { throw .openingFailed(error) }
            }
        }
        let (code, message, decoded) = readResultCode(of: Endpoint.Response.self, response, json: json)
        guard let code else { throw .unexpectedResponse(status: response.status, correlationID: correlationID) }
        guard code == KonaplateResultCodeReader.successCode else {
            throw .api(
                Endpoint.ResultCode(code: code), status: response.status, message: message, correlationID: correlationID
            )
        }
        var violations: [KonaplateViolation] = []
        var headers: Endpoint.ResponseHeaders?
        do { headers = try Endpoint.ResponseHeaders(response.headerFields) } catch { violations += error.violations }
        let value: Endpoint.Response
        do {
            value = try
                (decoded
                ?? Result {
                    try KonaplateJSON.sharedDecoder.decode(
                        Endpoint.Response.self, from: KonaplateRequests.document(json))
                }).get()
        } catch {
            // The error's own text can quote a field's value; name only the failing path.
            throw .decodingFailed(KonaplateJSON.pathDescription(of: error))
        }
        violations += value.violations
        if validation == .strict && !violations.isEmpty {
            throw .responseInvalid(KonaplateValidationError(violations: violations))
        }
        return KonaplateResponse(
            value: value, resultCode: Endpoint.ResultCode(code: code), status: response.status,
            correlationID: correlationID,
            headers: headers, violations: violations, attempts: attempts)
    }
}
