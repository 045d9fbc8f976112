// Runs with the traits that build the HTTP server and the AsyncHTTPClient transport:
//     swift test --traits DoubleServer,AsyncHTTPClient --filter LoopbackTests
// (.ci/run does). Without them this file compiles to nothing, and plain `swift test` stays free of SwiftNIO.
#if DoubleServer && AsyncHTTPClient
    import Foundation
    import HTTPTypes
    import KonaplateAPI
    import KonaplateAPITestSupport
    import KonaplateAsyncHTTPClient
    import KonaplateDouble
    import KonaplateDoubleServer
    import KonaplateClient
    import KonaplateRuntime
    import Testing

    /// Every endpoint in api-specs/, sent by the client over real loopback HTTP to the double served on SwiftNIO,
    /// through both transports; encrypted endpoints both ways.
    @Suite(.serialized)
    struct LoopbackTests {
        static let transports: [(String, any KonaplateTransport)] = [
            ("URLSession", KonaplateURLSessionTransport()), ("AsyncHTTPClient", KonaplateAsyncHTTPClientTransport()),
        ]

        @Test(arguments: 0..<2)
        func everyEndpointOverHTTP(_ transportIndex: Int) async throws {
            let (name, transport) = Self.transports[transportIndex]
            let double = DoubleFixture.double()
            let server = try await KonaplateDoubleServer.start(double)
            defer { Task { try? await server.stop() } }
            let client = DoubleFixture.client(transport, server: server.server)
            var sent = 0
            for endpoint in KonaplateEndpointCatalogue.konaplateAPI.endpoints {
                try await DoubleFixture.exchange(endpoint, through: client, double: double)
                sent += 1
            }
            #expect(sent == KonaplateEndpointCatalogue.konaplateAPI.endpoints.count, "\(name)")
            #expect(double.recorded.allSatisfy { $0.refusal == nil }, "\(name)")
            try await server.stop()
        }

        @Test func aRefusalTravelsOverHTTPAsTheTypedError() async throws {
            let double = DoubleFixture.double()
            let server = try await KonaplateDoubleServer.start(double)
            var credentials = DoubleFixture.credentials
            credentials.secretKey = "wrong"
            let client = DoubleFixture.client(
                KonaplateURLSessionTransport(), credentials: credentials, server: server.server)
            double.stub(CardStatus.self, .result(.cardAlreadyTerminated))
            do {
                _ = try await client.send(
                    CardStatus.self, .init(userId: 1, par: String(repeating: "p", count: 27), status: .suspend))
                Issue.record("accepted")
            } catch {
                if case .api(let code, let status, _, _) = error {
                    #expect(code == .undocumented("DOUBLE_UNAUTHORIZED"))
                    #expect(status.code == 401)
                } else {
                    Issue.record("\(error)")
                }
            }
            try await server.stop()
        }

        /// AsyncHTTPClient's deadline, against a server that never answers: reported as the client's `.timedOut`.
        @Test func theAsyncHTTPClientTransportTimesOutAndTheClientSaysSo() async throws {
            try await DoubleFixture.expectTimeout(
                through: KonaplateAsyncHTTPClientTransport(timeout: .milliseconds(300)), after: .milliseconds(300))
        }
    }
#endif
