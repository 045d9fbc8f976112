// Built with the `DoubleServer` trait only (`.package(…, traits: ["DoubleServer"])`): the HTTP server brings
// SwiftNIO, which a package that uses only the models must never resolve or build.
#if DoubleServer
    import HTTPTypes
    import KonaplateClient
    import KonaplateDouble
    import KonaplateRuntime
    import NIOCore
    import NIOHTTP1
    import NIOPosix

    /// Serves a `KonaplateDouble` over real HTTP/1.1, on SwiftNIO: for tests of an app's own HTTP stack, and of
    /// transports, against a double that checks every request as the server would.
    ///
    /// ```swift
    /// let server = try await KonaplateDoubleServer.start(double)            // 127.0.0.1, a free port
    /// let client = KonaplateClient(credentials: …, server: server.server, transport: KonaplateURLSessionTransport())
    /// try await server.stop()
    /// ```
    public final class KonaplateDoubleServer: Sendable {
        private let channel: any Channel
        /// The port it listens on.
        public let port: Int
        /// Where a client reaches it: `http://127.0.0.1:<port>` with the double's base path.
        public let server: KonaplateServer

        private init(channel: any Channel, port: Int, basePath: String) {
            self.channel = channel
            self.port = port
            self.server = KonaplateServer(scheme: "http", authority: "127.0.0.1:\(port)", basePath: basePath)
        }

        /// Starts serving `double` on `host`:`port` (0: any free port).
        public static func start(
            _ double: KonaplateDouble, host: String = "127.0.0.1", port: Int = 0,
            group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
        ) async throws -> KonaplateDoubleServer {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(DoubleHandler(double: double))
                    }
                }
                .bind(host: host, port: port).get()
            return KonaplateDoubleServer(
                channel: channel, port: channel.localAddress?.port ?? port, basePath: double.configuration.basePath)
        }

        public func stop() async throws { try await channel.close() }
    }

    /// One HTTP/1.1 connection: a request's head and whole body, answered by the double.
    private final class DoubleHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let double: KonaplateDouble
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(double: KonaplateDouble) { self.double = double }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.removeAll(keepingCapacity: true)
            case .body(let buffer):
                body.append(contentsOf: buffer.readableBytesView)
            case .end:
                guard let head else { return }
                respond(to: head, context: context)
                self.head = nil
            }
        }

        private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
            var fields = HTTPFields()
            for (name, value) in head.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            let request = HTTPRequest(
                method: HTTPRequest.Method(head.method.rawValue) ?? .post, scheme: "http",
                authority: head.headers["Host"].first, path: head.uri, headerFields: fields)
            let (response, responseBody) = double.answer(request, body: body)
            var headers = HTTPHeaders()
            for field in response.headerFields { headers.add(name: field.name.rawName, value: field.value) }
            headers.replaceOrAdd(name: "Content-Length", value: "\(responseBody.count)")
            let keepAlive = head.isKeepAlive
            if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
            let status = HTTPResponseStatus(statusCode: response.status.code)
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
                promise: nil)
            var buffer = context.channel.allocator.buffer(capacity: responseBody.count)
            buffer.writeBytes(responseBody)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
            if !keepAlive {
                let channel = context.channel
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
#endif
