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
/// A transport bounds how long a request may take (both shipped transports: 30 s by default, the whole exchange)
/// and throws `KonaplateTransportTimeout` when that runs out; the client reports it as `.timedOut`. The timeout
/// belongs to the transport, as in swift-openapi-runtime's transports, because the HTTP client already runs a timer
/// for every request: a second one in the client cost more than the rest of the client's work (BENCHMARKS.md).
///
/// A transport also bounds how much it reads: past its maximum response size it stops reading and throws
/// `KonaplateResponseTooLarge` (both shipped transports: `KonaplateResponseTooLarge.defaultLimit`), so a hostile or
/// broken server cannot make the client hold more than that in memory. It does not follow redirects: the docs
/// describe none, and a POST that carries a signed body must not be replayed elsewhere (`.unexpectedResponse` with
/// the 3xx status reaches the caller).
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

/// What a transport throws when a response body would exceed its maximum response size: it stopped reading there.
/// The client reports it as `KonaplateClientError.responseTooLarge`, and never retries it (the next answer would
/// be as large).
public struct KonaplateResponseTooLarge: Error, Sendable, CustomStringConvertible {
    /// The limit the response would have exceeded, in bytes.
    public var limit: Int

    public init(limit: Int) { self.limit = limit }

    /// 256 KiB: about 85 times the largest response the docs describe (about 3 KB with every field at its maximum
    /// length and one element in each list), so a list of hundreds of elements fits and a runaway answer does not.
    /// Raise it (each transport's `maximumResponseSize`) for an endpoint that returns longer lists.
    public static let defaultLimit = 256 << 10

    public var description: String { "the response is larger than \(limit) bytes" }
}
