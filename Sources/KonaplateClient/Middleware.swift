import HTTPTypes
import KonaplateRuntime
import Logging

/// What a middleware knows of the call it wraps.
public struct KonaplateOperation: Sendable {
    public var method: HTTPRequest.Method
    /// The endpoint's documented path (`/api/v1/bankaccounts/info`).
    public var path: String
    public var isSafeToRepeat: Bool
    /// 1 for the first sending, then 2, 3… for retries.
    public var attempt: Int

    @usableFromInline init(method: HTTPRequest.Method, path: String, isSafeToRepeat: Bool, attempt: Int) {
        self.method = method
        self.path = path
        self.isSafeToRepeat = isSafeToRepeat
        self.attempt = attempt
    }
}

/// Code around every sending of a request, in the swift-openapi-runtime style: logging, metrics, tracing headers.
///
/// A middleware sees the signed body but cannot change it: `next` takes only the head. The tran token signs the
/// exact bytes, so a body changed after signing would be refused; a middleware may add headers (not replace the
/// X-KM-* ones, which are signed facts of the request).
public protocol KonaplateClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest, body: [UInt8], operation: KonaplateOperation,
        next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8])
    ) async throws -> (HTTPResponse, [UInt8])
}

/// Logs each sending through swift-log: method, path, attempt, status, duration, body sizes and correlation id.
/// Never a header value or a body: those carry keys, tokens, card numbers and names.
public struct KonaplateLoggingMiddleware: KonaplateClientMiddleware {
    public var logger: Logger
    public var level: Logger.Level

    public init(logger: Logger = Logger(label: "konaplate.client"), level: Logger.Level = .info) {
        self.logger = logger
        self.level = level
    }

    public func intercept(
        _ request: HTTPRequest, body: [UInt8], operation: KonaplateOperation,
        next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8])
    ) async throws -> (HTTPResponse, [UInt8]) {
        var metadata: Logger.Metadata = [
            "konaplate.path": "\(operation.path)", "konaplate.attempt": "\(operation.attempt)",
            "konaplate.request.bytes": "\(body.count)",
        ]
        if let correlation = request.headerFields.konaplateValue(.konaplateCorrelationId) {
            metadata["konaplate.correlation_id"] = "\(correlation)"
        }
        let (result, duration) = await timedSending(request, next: next)
        metadata["konaplate.duration_ms"] = "\(duration.milliseconds)"
        switch result {
        case .success(let (response, responseBody)):
            metadata["konaplate.status"] = "\(response.status.code)"
            metadata["konaplate.response.bytes"] = "\(responseBody.count)"
            logger.log(
                level: level, "\(operation.method.rawValue) \(operation.path) → \(response.status.code)",
                metadata: metadata)
        case .failure(let error):
            metadata["konaplate.error"] = "\(type(of: error))"
            logger.log(level: .warning, "\(operation.method.rawValue) \(operation.path) failed", metadata: metadata)
        }
        return try result.get()
    }
}

/// A hook for metrics: called after each sending with its status (nil when it failed) and duration.
public struct KonaplateObserverMiddleware: KonaplateClientMiddleware {
    public var observe: @Sendable (KonaplateOperation, HTTPResponse.Status?, Duration) -> Void

    public init(_ observe: @escaping @Sendable (KonaplateOperation, HTTPResponse.Status?, Duration) -> Void) {
        self.observe = observe
    }

    public func intercept(
        _ request: HTTPRequest, body: [UInt8], operation: KonaplateOperation,
        next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8])
    ) async throws -> (HTTPResponse, [UInt8]) {
        let (result, duration) = await timedSending(request, next: next)
        observe(operation, try? result.get().0.status, duration)
        return try result.get()
    }
}

/// Sends through `next` and says how long it took, whether it answered or failed: what the logging and the metrics
/// middlewares both report.
private func timedSending(
    _ request: HTTPRequest, next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8])
) async -> (result: Result<(HTTPResponse, [UInt8]), any Error>, duration: Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    do {
        let answer = try await next(request)
        return (.success(answer), clock.now - start)
    } catch {
        return (.failure(error), clock.now - start)
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
