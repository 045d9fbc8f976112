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

        public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
            var outgoing = HTTPClientRequest(
                url: "\(request.scheme ?? "https")://\(request.authority ?? "")\(request.path ?? "")")
            outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
            for field in request.headerFields { outgoing.headers.add(name: field.name.rawName, value: field.value) }
            outgoing.body = .bytes(body)
            let deadline = NIODeadline.now() + timeout
            let response: HTTPClientResponse
            let buffer: ByteBuffer
            do {
                response = try await client.execute(outgoing, deadline: deadline)
                buffer = try await response.body.collect(upTo: maximumResponseSize)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                throw KonaplateTransportTimeout(timeout: .nanoseconds(timeout.nanoseconds))
            } catch is NIOTooManyBytesError {
                throw KonaplateResponseTooLarge(limit: maximumResponseSize)
            }
            var fields = HTTPFields()
            for (name, value) in response.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return (HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), Array(buffer.readableBytesView))
        }
    }
#endif
