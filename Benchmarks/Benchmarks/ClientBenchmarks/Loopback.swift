import Benchmark
import KonaplateAPI
import KonaplateAsyncHTTPClient
import KonaplateClient
import KonaplateDoubleServer
import KonaplateRuntime
import Synchronization

// Requests over real loopback HTTP: the client, through each transport, to the double served on SwiftNIO
// (KonaplateDoubleServer). Sequential requests on kept-alive connections: the latency one caller sees, p50 and p99.
func loopbackBenchmarks() {
    let transports: [(String, any KonaplateTransport)] = [
        ("URLSession", KonaplateURLSessionTransport()), ("AsyncHTTPClient", KonaplateAsyncHTTPClientTransport()),
    ]
    for (name, transport) in transports {
        Benchmark("Loopback HTTP, \(name): small plain request") { benchmark in
            let client = ClientFixture.client(transport, server: try LoopbackServer.shared.server())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await client.send(ServiceInfoList.self, ClientFixture.plainRequest))
                LoopbackServer.shared.double.removeRecorded()  // the double records every request
            }
        }
        Benchmark("Loopback HTTP, \(name): encrypted both ways") { benchmark in
            let client = ClientFixture.client(transport, server: try LoopbackServer.shared.server())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await client.send(CardVirtualAccountInquiry.self, ClientFixture.encryptedRequest))
                LoopbackServer.shared.double.removeRecorded()
            }
        }
    }
}

/// One double served over loopback for every loopback benchmark: started by the suite's setup hook (benchmarks are
/// registered synchronously, a server starts asynchronously), stopped by its teardown.
final class LoopbackServer: Sendable {
    static let shared = LoopbackServer()
    let double = ClientFixture.double()
    private let running = Mutex<KonaplateDoubleServer?>(nil)

    func start() async throws {
        let server = try await KonaplateDoubleServer.start(double)
        running.withLock { $0 = server }
    }

    func stop() async throws {
        try await running.withLock { server in
            defer { server = nil }
            return server
        }?.stop()
    }

    func server() throws -> KonaplateServer {
        guard let server = running.withLock({ $0?.server }) else { throw NotStarted() }
        return server
    }

    struct NotStarted: Error {}
}
