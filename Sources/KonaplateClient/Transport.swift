import Foundation
import HTTPTypes
import HTTPTypesFoundation
import KonaplateRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What carries a request to the server and brings back its response: one async method over buffered bodies.
///
/// Bodies are whole byte arrays, never streams: the tran token signs the exact bytes of the request body, and an
/// encrypted response must be whole to be opened. `KonaplateURLSessionTransport` uses Foundation's URLSession (on
/// Linux too); the `AsyncHTTPClientTransport` trait adds one on AsyncHTTPClient; `KonaplateDouble` answers in
/// process, as a test double.
///
/// A transport bounds how long a request may take (both shipped transports: 30 s by default) and throws
/// `KonaplateTransportTimeout` when that runs out; the client reports it as `.timedOut`. The timeout belongs to the
/// transport, as in swift-openapi-runtime's transports, because the HTTP client already runs a timer for every
/// request: a second one in the client cost more than the rest of the client's work (BENCHMARKS.md).
public protocol KonaplateTransport: Sendable {
    /// Sends `request` with exactly `body`, and returns the response head and its whole body.
    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8])
}

/// What a transport throws when its timeout runs out before the response is whole: the client reports it as
/// `KonaplateClientError.timedOut`, and retries it for endpoints that are safe to repeat.
public struct KonaplateTransportTimeout: Error, Sendable, CustomStringConvertible {
    /// The timeout that ran out.
    public var timeout: Duration

    public init(timeout: Duration) { self.timeout = timeout }

    public var description: String { "no response within \(timeout)" }
}

/// A transport on URLSession, through swift-http-types' `HTTPTypesFoundation` (FoundationNetworking on Linux).
/// Task cancellation cancels the URLSession task.
public struct KonaplateURLSessionTransport: KonaplateTransport {
    public let session: URLSession
    /// The request's `timeoutInterval`: in URLSession's terms, how long the request may wait for data (to
    /// connect, or between two reads) before it fails with `KonaplateTransportTimeout`. The session's
    /// `timeoutIntervalForResource` bounds the whole transfer.
    public var timeout: Duration

    public init(session: URLSession = .shared, timeout: Duration = .seconds(30)) {
        self.session = session
        self.timeout = timeout
    }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        guard var urlRequest = URLRequest(httpRequest: request) else { throw URLError(.badURL) }
        let (seconds, attoseconds) = timeout.components
        urlRequest.timeoutInterval = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        do {
            let (data, response) = try await session.upload(for: urlRequest, from: Data(body))
            guard let response = (response as? HTTPURLResponse)?.httpResponse else { throw URLError(.badServerResponse) }
            return (response, Array(data))
        } catch let error as URLError where error.code == .timedOut {
            throw KonaplateTransportTimeout(timeout: timeout)
        }
    }
}
