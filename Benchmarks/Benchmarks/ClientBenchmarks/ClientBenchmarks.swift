import Benchmark

// What KonaplateClient costs per request (Benchmarks/client.sh writes the results into BENCHMARKS.md): in process
// against a canned transport and the in-process double, then over loopback HTTP through each transport.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 100_000)
    Benchmark.setup = { try await LoopbackServer.shared.start() }
    Benchmark.teardown = { try await LoopbackServer.shared.stop() }
    inProcessBenchmarks()
    loopbackBenchmarks()
}
