// Built with the `AsyncHTTPClient` trait only (`.package(…, traits: ["AsyncHTTPClient"])`): AsyncHTTPClient brings
// SwiftNIO, which a package that uses only the models must never resolve or build.
#if AsyncHTTPClient
    import AsyncHTTPClient
    import HTTPTypes
    import KonaplateClient
    import KonaplateRuntime
    import NIOCore
    import NIOHTTP1

    /// A transport on AsyncHTTPClient, for servers already running on SwiftNIO.
    public struct KonaplateAsyncHTTPClientTransport: KonaplateTransport {
        public let client: HTTPClient
        /// How long one request may take, its whole response included: past it, the request fails with
        /// `KonaplateTransportTimeout` (AsyncHTTPClient's deadline).
        public var timeout: TimeAmount
        /// The largest response body read, in bytes: past it (or when the declared length is past it) the request
        /// fails with `KonaplateResponseTooLarge`, and the rest is not read.
        public var maximumResponseSize: Int

        /// - Parameter client: `sharedClient` by default, which follows no redirect (see `KonaplateTransport`); a
        ///   client of your own follows the redirects its configuration allows.
        public init(
            client: HTTPClient = KonaplateAsyncHTTPClientTransport.sharedClient, timeout: TimeAmount = .seconds(30),
            maximumResponseSize: Int = KonaplateResponseTooLarge.defaultLimit
        ) {
            self.client = client
            self.timeout = timeout
            self.maximumResponseSize = maximumResponseSize
        }

        /// `HTTPClient.shared`'s configuration without following redirects: the docs describe none, and a POST
        /// carrying a signed body must not be replayed at another address. Never shut down, as `HTTPClient.shared`.
        public static let sharedClient: HTTPClient = {
            var configuration = HTTPClient.Configuration.singletonConfiguration
            configuration.redirectConfiguration = .disallow
            return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        }()

        /// Through AsyncHTTPClient's delegate API: its deadline covers the whole exchange, body included (the
        /// async `execute` stops timing at the response head, so a body that stalls or drips would never end), and
        /// its `ResponseAccumulator` refuses a declared length past the limit and stops reading at it.
        public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
            var headers = HTTPHeaders()
            for field in request.headerFields { headers.add(name: field.name.rawName, value: field.value) }
            let outgoing = try HTTPClient.Request(
                url: "\(request.scheme ?? "https")://\(request.authority ?? "")\(request.path ?? "")",
                method: HTTPMethod(rawValue: request.method.rawValue), headers: headers, body: .bytes(body))
            // ResponseAccumulator traps outside 0...2^32 - 1 (a ByteBuffer's capacity).
            let accumulator = ResponseAccumulator(
                request: outgoing, maxBodySize: min(max(0, maximumResponseSize), Int(UInt32.max)))
            let task = client.execute(request: outgoing, delegate: accumulator, deadline: .now() + timeout)
            let response: HTTPClient.Response
            do {
                response = try await withTaskCancellationHandler {
                    try await task.futureResult.get()
                } onCancel: {
                    task.cancel()
                }
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                throw KonaplateTransportTimeout(timeout: .nanoseconds(timeout.nanoseconds))
            } catch is ResponseAccumulator.ResponseTooBigError {
                throw KonaplateResponseTooLarge(limit: maximumResponseSize)
            } catch let error as HTTPClientError where error == .cancelled {
                throw CancellationError()
            }
            var fields = HTTPFields()
            for (name, value) in response.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            let bytes = response.body.map { Array($0.readableBytesView) } ?? []
            return (HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), bytes)
        }
    }
#endif
