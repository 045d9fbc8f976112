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
public protocol KonaplateTransport: Sendable {
    /// Sends `request` with exactly `body`, and returns the response head and its whole body.
    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8])
}

/// A transport on URLSession, through swift-http-types' `HTTPTypesFoundation` (FoundationNetworking on Linux).
/// Task cancellation cancels the URLSession task.
public struct KonaplateURLSessionTransport: KonaplateTransport {
    public let session: URLSession

    public init(session: URLSession = .shared) { self.session = session }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        let (data, response) = try await session.upload(for: request, from: Data(body))
        return (response, Array(data))
    }
}
