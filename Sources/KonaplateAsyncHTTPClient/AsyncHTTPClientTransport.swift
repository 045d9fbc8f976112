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
        /// The largest response body read.
        public var maximumResponseSize: Int

        public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30), maximumResponseSize: Int = 16 << 20) {
            self.client = client
            self.timeout = timeout
            self.maximumResponseSize = maximumResponseSize
        }

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
            }
            var fields = HTTPFields()
            for (name, value) in response.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return (HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), Array(buffer.readableBytesView))
        }
    }
#endif
