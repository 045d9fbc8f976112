import Foundation
import HTTPTypes
import HTTPTypesFoundation
import KonaplateRuntime
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A transport on URLSession, through swift-http-types' `HTTPTypesFoundation` (FoundationNetworking on Linux).
///
/// It reads each response through a session delegate of its own, which is what lets it stop reading at
/// `maximumResponseSize`, refuse redirects and bound the whole exchange on Linux too: `upload(for:from:)` buffers a
/// body of any size, follows redirects, and FoundationNetworking ignores `timeoutIntervalForResource`. Task
/// cancellation cancels the URLSession task.
public struct KonaplateURLSessionTransport: KonaplateTransport {
    /// How long the whole exchange may take, from sending the request to the last byte of the response; past it, it
    /// fails with `KonaplateTransportTimeout`. (URLSession's own `timeoutInterval`, set to the same value, only bounds
    /// each wait for data: a server sending a byte a second would never trip it.)
    public var timeout: Duration
    /// The largest response body read, in bytes; past it the task is cancelled and the send fails with
    /// `KonaplateResponseTooLarge`, whatever the server declared or keeps sending.
    public var maximumResponseSize: Int
    private let session: KonaplateURLSession

    /// - Parameters:
    ///   - configuration: the session's configuration, for proxies, TLS or connection limits (each transport made
    ///     with one has a session of its own, invalidated when the last copy of the transport goes). nil, the
    ///     default: one session shared by every such transport, ephemeral (no cookies, no cache).
    ///   - timeout: the deadline for the whole exchange, the response body included (the `timeout` property).
    ///   - maximumResponseSize: the largest response body read, in bytes (the `maximumResponseSize` property).
    public init(
        configuration: URLSessionConfiguration? = nil, timeout: Duration = .seconds(30),
        maximumResponseSize: Int = KonaplateResponseTooLarge.defaultLimit
    ) {
        self.session = configuration.map(KonaplateURLSession.init) ?? .shared
        self.timeout = timeout
        self.maximumResponseSize = maximumResponseSize
    }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        guard var urlRequest = URLRequest(httpRequest: request) else { throw URLError(.badURL) }
        urlRequest.timeoutInterval = timeout.timeInterval
        return try await session.exchange(urlRequest, body: body, timeout: timeout, limit: maximumResponseSize)
    }
}

/// A URLSession with the delegate that reads its responses, invalidated when it goes.
final class KonaplateURLSession: Sendable {
    let session: URLSession
    let delegate: KonaplateURLSessionDelegate

    init(configuration: URLSessionConfiguration) {
        delegate = KonaplateURLSessionDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// What every transport made without a configuration shares, as apps share `URLSession.shared`.
    static let shared = KonaplateURLSession(
        configuration: {
            let configuration = URLSessionConfiguration.ephemeral
            // An API answer is never cached, and a server's cookie is nothing this client sends back.
            configuration.urlCache = nil
            configuration.httpCookieAcceptPolicy = .never
            configuration.httpShouldSetCookies = false
            // Requests queued behind a connection the server drops wait for their timeout; FoundationNetworking's
            // default of 6 connections per host queues more of them behind each (the hostile server's load run,
            // 1,000 concurrent requests with 1% faults: 3 timed out with 6 per host, 1 with 16; BENCHMARKS.md).
            configuration.httpMaximumConnectionsPerHost = 16
            return configuration
        }())

    func exchange(_ request: URLRequest, body: [UInt8], timeout: Duration, limit: Int) async throws -> (
        HTTPResponse, [UInt8]
    ) {
        let task = ThreadSafe<URLSessionTask>(session.uploadTask(with: request, from: Data(body)))
        let delegate = self.delegate
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(task, timeout: timeout, limit: limit, continuation: continuation)
            }
        } onCancel: {
            delegate.fail(task.object.taskIdentifier, CancellationError())
        }
    }
}

/// A URLSession task or a dispatch timer source: both may be cancelled (and resumed) from any thread, which
/// FoundationNetworking and Dispatch do not say in their types.
struct ThreadSafe<Object>: @unchecked Sendable {
    let object: Object

    init(_ object: Object) { self.object = object }
}

/// Reads every response of its session: collects the body up to each exchange's limit, refuses redirects, and ends
/// each exchange once, with its response, its error, a timeout, a cancellation or "too large", whichever comes first.
final class KonaplateURLSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct Exchange {
        let task: ThreadSafe<URLSessionTask>
        let continuation: CheckedContinuation<(HTTPResponse, [UInt8]), any Error>
        let timeout: Duration
        let limit: Int
        /// The exchange's deadline: a dispatch timer source, which cancelling removes at once. (A work item
        /// scheduled with `asyncAfter` stays queued, with what it holds, until its deadline even when cancelled: a
        /// thousand requests a round kept 4 MiB alive for the 30 s of their timeout; BENCHMARKS.md, hostile server.)
        let timer: ThreadSafe<any DispatchSourceTimer>
        var body: [UInt8] = []
    }

    private let exchanges = Mutex<[Int: Exchange]>([:])

    func start(
        _ task: ThreadSafe<URLSessionTask>, timeout: Duration, limit: Int,
        continuation: CheckedContinuation<(HTTPResponse, [UInt8]), any Error>
    ) {
        let id = task.object.taskIdentifier
        let timer = ThreadSafe(DispatchSource.makeTimerSource(queue: .global()))
        timer.object.setEventHandler { [weak self] in self?.fail(id, KonaplateTransportTimeout(timeout: timeout)) }
        timer.object.schedule(deadline: .now() + timeout.timeInterval)
        exchanges.withLock {
            $0[id] = Exchange(task: task, continuation: continuation, timeout: timeout, limit: limit, timer: timer)
        }
        // Started once registered (a deadline that passes at once then finds its exchange), and always started: a
        // source must not be released before it is.
        timer.object.resume()
        // Cancelled before the exchange was registered: the cancellation handler found nothing to end.
        if Task.isCancelled {
            fail(id, CancellationError())
            return
        }
        task.object.resume()
    }

    /// Ends the exchange of task `id`, once: whatever comes later for it (the task's own completion after a timeout,
    /// the timer after an answer) finds nothing. A failure cancels the task, so URLSession stops reading.
    private func end(_ id: Int, _ outcome: (Exchange) -> Result<(HTTPResponse, [UInt8]), any Error>) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: id) }) else { return }
        exchange.timer.object.cancel()
        let result = outcome(exchange)
        if case .failure = result { exchange.task.object.cancel() }
        exchange.continuation.resume(with: result)
    }

    func fail(_ id: Int, _ error: any Error) { end(id) { _ in .failure(error) } }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        // A declared length past the limit is refused before a byte of the body is read.
        if let limit = exchanges.withLock({ $0[id]?.limit }), response.expectedContentLength > Int64(limit) {
            fail(id, KonaplateResponseTooLarge(limit: limit))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let tooLarge = exchanges.withLock { exchanges -> Int? in
            guard let (count, limit) = exchanges[id].map({ ($0.body.count, $0.limit) }) else { return nil }
            if count + data.count > limit { return limit }
            exchanges[id]?.body.append(contentsOf: data)  // in place: the dictionary holds the only reference
            return nil
        }
        if let tooLarge { fail(id, KonaplateResponseTooLarge(limit: tooLarge)) }
    }

    /// Redirects are not followed: the 3xx response itself completes the task (see `KonaplateTransport`).
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let response = (task.response as? HTTPURLResponse)?.httpResponse
        end(task.taskIdentifier) { exchange in
            if let error {
                // URLSession's own idle timeout (the request's timeoutInterval) is the transport's timeout too.
                if (error as? URLError)?.code == .timedOut {
                    return .failure(KonaplateTransportTimeout(timeout: exchange.timeout))
                }
                return .failure(error)
            }
            guard let response else { return .failure(URLError(.badServerResponse)) }
            return .success((response, exchange.body))
        }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
