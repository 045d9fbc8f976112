import Foundation
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateRuntime
import Testing

/// The URLSession transport's own timeout, against a server that never answers: a loopback socket that listens and
/// never reads (the kernel completes the connection, so the request is sent and waits for an answer that never
/// comes). The outcome does not depend on how fast the machine is: nothing ever answers.
struct TransportTimeoutTests {
    @Test func theURLSessionTransportTimesOutAndTheClientSaysSo() async throws {
        try await DoubleFixture.expectTimeout(
            through: KonaplateURLSessionTransport(timeout: .seconds(1)), after: .seconds(1))
    }

    @Test func theTimeoutIsTheTransportsByDefault() {
        #expect(KonaplateURLSessionTransport().timeout == .seconds(30))
        #expect(DoubleFixture.client(KonaplateURLSessionTransport()).timeout == nil)
        #expect(KonaplateClient(credentials: DoubleFixture.credentials).timeout == nil)
    }
}
