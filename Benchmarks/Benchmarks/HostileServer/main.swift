import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateDoubleServer
import KonaplateRuntime
import Synchronization

// The hostile-server measurements too slow for `swift test` (Benchmarks/hostile-server.sh runs them, one process per
// scenario, and writes BENCHMARKS.md). Each prints one JSON line per measurement. The transports run with their
// defaults: a 30 s timeout and a 256 KiB maximum response.
//
//   HostileServer slow URLSession|AsyncHTTPClient           a drip of one byte a second; a server that never answers
//   HostileServer memory URLSession|AsyncHTTPClient BYTES   one answer of BYTES bytes (0: the honest answer); peak RSS
//   HostileServer load URLSession|AsyncHTTPClient double|faults REQUESTS [CONNECTIONS [ROUNDS]]
//                                                           REQUESTS at once through one client, to the double over
//                                                           loopback (KonaplateDoubleServer) or to the fault server
//                                                           with 1% faults, ROUNDS times (default 3); URLSession with
//                                                           CONNECTIONS per host (0: the shared session's)

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: HostileServer slow|memory|load TRANSPORT …\n".utf8))
    exit(2)
}
let transportName = arguments[1]

switch arguments[0] {
case "slow":
    let faults: [(String, @Sendable (FaultServer.Answer) -> [FaultServer.Step])] = [
        ("a drip of one byte per second", { answer in [.drip(answer.bytes, every: .seconds(1))] }),
        ("accepted, never answered", { _ in [.hold] }),
    ]
    for (name, plan) in faults {
        let server = try FaultServer(double: Exchanges.double()) { _, answer in plan(answer) }
        let client = Exchanges.client(Exchanges.transport(transportName), server: server.server)
        let clock = ContinuousClock()
        let start = clock.now
        // PaymentNoHce: never repeated, so the time is one timeout, not two.
        let outcome = await Exchanges.send(1, through: client)
        let elapsed = clock.now - start
        server.stop()
        report([
            "scenario": "slow", "transport": transportName, "fault": name, "outcome": outcome,
            "seconds": Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            "received": server.received,
        ])
    }

case "memory":
    let bytes = Int(arguments[2]) ?? 0
    // The first request is answered honestly, so that the baseline has the transport, its connection and the keys
    // loaded; the second gets the honest answer again when BYTES is 0, otherwise a body of BYTES spaces, streamed
    // as the client reads it.
    let server = try FaultServer(double: Exchanges.double()) { received, answer in
        bytes == 0 || received.index == 0
            ? [.write(answer.bytes)]
            : [
                .write(answer.head(contentLength: bytes)),
                .stream(chunk: Array(repeating: 0x20, count: 64 << 10), total: bytes),
            ]
    }
    let client = Exchanges.client(Exchanges.transport(transportName), server: server.server)
    _ = await Exchanges.send(0, through: client)
    let before = Memory.resident
    Memory.resetPeak()
    let outcome = await Exchanges.send(0, through: client)
    report([
        "scenario": "memory", "transport": transportName, "bytes": bytes, "outcome": outcome,
        "residentBeforeKiB": before, "peakKiB": Memory.peak, "residentAfterKiB": Memory.resident,
    ])
    server.stop()

case "load":
    let requests = Int(arguments[3]) ?? 1000
    let connectionsPerHost = arguments.count > 4 ? Int(arguments[4]).flatMap { $0 > 0 ? $0 : nil } : nil
    let loadRounds = arguments.count > 5 ? max(1, Int(arguments[5]) ?? 3) : 3
    let double = Exchanges.double()
    let faultServer: FaultServer?
    let doubleServer: KonaplateDoubleServer?
    let server: KonaplateServer
    // 1% of the requests the fault server receives meet a fault, in turn: a reset before the headers, an HTML 502,
    // a body cut short, a connection closed before any answer.
    let faults: [@Sendable (FaultServer.Answer) -> [FaultServer.Step]] = [
        { _ in [.reset] },
        { _ in
            [
                .write(
                    FaultServer.Answer(
                        status: 502, headers: [("Content-Type", "text/html")], body: Array("<html>502</html>".utf8)
                    ).bytes)
            ]
        },
        { answer in
            [.write(answer.head(contentLength: answer.body.count) + answer.body.prefix(answer.body.count / 2)), .close]
        },
        { _ in [.close] },
    ]
    if arguments[2] == "faults" {
        let faulty = try FaultServer(double: double) { received, answer in
            received.index % 100 == 50 ? faults[(received.index / 100) % faults.count](answer) : [.write(answer.bytes)]
        }
        (faultServer, doubleServer, server) = (faulty, nil, faulty.server)
    } else {
        let served = try await KonaplateDoubleServer.start(double)
        (faultServer, doubleServer, server) = (nil, served, served.server)
    }
    let sendings = Mutex(0)
    let counter = KonaplateObserverMiddleware { _, _, _ in sendings.withLock { $0 += 1 } }
    let client = Exchanges.client(
        Exchanges.transport(transportName, connectionsPerHost: connectionsPerHost), server: server,
        middlewares: [counter])
    // Warm up (connections, keys, caches), then forget it: the run's figures start from here.
    for index in 0..<8 { _ = await Exchanges.send(index, through: client) }
    let baselineTrimmed = Memory.residentTrimmed
    let baseline = Memory.resident
    Memory.resetPeak()
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    // The load, `rounds` times in the same process, the double's record of what it received cleared before each:
    // the first round's growth includes what is made once (thread and connection pools, the allocator's arenas);
    // memory that keeps growing round after round would be a leak. The table's figures are the first round's.
    var rounds: [[String: Any]] = []
    // The live heap before each round and after the last, the double's record cleared and the last round's values
    // gone: a leak grows it round after round.
    var heap: [Int] = []
    for _ in 0..<loadRounds {
        double.removeRecorded()
        heap.append(Memory.heapInUse)
        sendings.withLock { $0 = 0 }
        let receivedBefore = faultServer?.received ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        let results = await withTaskGroup(of: (index: Int, outcome: String, latency: Duration).self) { group in
            for index in 0..<requests {
                group.addTask {
                    let began = clock.now
                    let outcome = await Exchanges.send(index, through: client)
                    return (index, outcome, clock.now - began)
                }
            }
            var all: [(index: Int, outcome: String, latency: Duration)] = []
            for await result in group { all.append(result) }
            return all
        }
        let wall = clock.now - start
        let peak = Memory.peak
        let afterRun = Memory.resident
        try? await Task.sleep(for: .seconds(1))
        let settled = Memory.resident
        let settledTrimmed = Memory.residentTrimmed
        let recorded = double.recorded
        var outcomes: [String: Int] = [:]
        for result in results { outcomes[result.outcome, default: 0] += 1 }
        // Never repeated endpoints: exactly one request received per request sent, whatever the outcome.
        var unsafeSent: [String: Int] = [:]
        for index in 0..<requests where !Exchanges.endpoint(index).safe {
            unsafeSent[Exchanges.endpoint(index).path, default: 0] += 1
        }
        var unsafeReceived: [String: Int] = [:]
        for request in recorded where unsafeSent[request.path] != nil { unsafeReceived[request.path, default: 0] += 1 }
        let correlationIDs = recorded.compactMap {
            $0.headers["X-KM-Correlation-Id"] ?? $0.headers["x-km-correlation-id"]
        }
        rounds.append([
            "returned": Set(results.map(\.index)).count, "outcomes": outcomes, "sendings": sendings.withLock { $0 },
            "received": (faultServer?.received).map { $0 - receivedBefore } ?? recorded.count,
            "recorded": recorded.count, "duplicateCorrelationIDs": correlationIDs.count - Set(correlationIDs).count,
            "unsafeSent": unsafeSent, "unsafeReceived": unsafeReceived,
            "latenciesMs": results.map { milliseconds($0.latency) }, "wallMs": milliseconds(wall),
            "peakKiB": peak, "afterKiB": afterRun, "settledKiB": settled, "settledTrimmedKiB": settledTrimmed,
        ])
    }
    double.removeRecorded()
    heap.append(Memory.heapInUse)
    var line: [String: Any] = rounds[0]
    line.merge([
        "scenario": "load", "transport": transportName, "server": arguments[2], "requests": requests,
        "connectionsPerHost": connectionsPerHost ?? 0, "baselineKiB": baseline, "baselineTrimmedKiB": baselineTrimmed,
        "heapKiB": heap,
        "rounds": rounds,
    ]) { _, new in new }
    report(line)
    faultServer?.stop()
    try await doubleServer?.stop()

default:
    FileHandle.standardError.write(Data("unknown scenario \(arguments[0])\n".utf8))
    exit(2)
}
