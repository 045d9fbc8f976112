import Foundation
import KonaplateClient
import Synchronization
import Testing

extension HostileFault {
    /// The transport timeout a run uses: short where the fault is meant to end in a timeout (a server that never
    /// finishes), long elsewhere, so that a slow or busy machine never turns another outcome into a timeout.
    public func timeout(_ transport: HostileTransport) -> Duration {
        expected(transport) == .timedOut ? .seconds(2) : .seconds(20)
    }

    /// Sends through a transport made with the fault's timeout to a server with this fault, once to the endpoint
    /// that is never repeated and once to the one safe to repeat (retries on), and expects: the documented outcome
    /// (the safe endpoint: answered on its second attempt when the outcome is one the policy retries), each request
    /// received once per attempt (never twice for the endpoint that must not repeat), no hang, and no secret or
    /// sensitive value shown.
    public func check(as name: HostileTransport, through transport: (Duration) -> any KonaplateTransport) async throws {
        let expected = expected(name)
        let timeout = timeout(name)
        for safe in [false, true] {
            let report = try await HostileRun.run(self, safe: safe, through: transport(timeout))
            let which = "\(name.rawValue), \(self.name), \(safe ? "safe to repeat" : "never repeated")"
            if safe && expected.isRetried {
                #expect(report.outcome.kind == .answered, "\(which): \(report.outcome)")
                #expect(report.received == 2, "\(which): \(report.received) received")
            } else {
                #expect(report.outcome.kind == expected, "\(which): \(report.outcome)")
                #expect(report.received == 1, "\(which): \(report.received) received")
            }
            #expect(report.leaks.isEmpty, "\(which): shown: \(report.leaks)")
            HostileReportFile.append(self, name, safe: safe, report)
        }
    }
}

/// Where `Benchmarks/hostile-server.sh` collects every run of the corpus (one JSON line each) for BENCHMARKS.md's
/// fault table: the file named by KONAPLATE_HOSTILE_REPORT; tests write nothing without it.
public enum HostileReportFile {
    public static let path = ProcessInfo.processInfo.environment["KONAPLATE_HOSTILE_REPORT"]
    public static var isRequested: Bool { path != nil }
    private static let writing = Mutex(())

    static func append(_ fault: HostileFault, _ transport: HostileTransport, safe: Bool, _ report: HostileReport) {
        guard let path else { return }
        let (seconds, attoseconds) = report.elapsed.components
        let line: [String: Any] = [
            "fault": fault.name, "transport": transport.rawValue, "safe": safe, "outcome": "\(report.outcome.kind)",
            "detail": report.outcome.detail, "received": report.received,
            "milliseconds": Double(seconds) * 1000 + Double(attoseconds) / 1e15, "leaks": report.leaks.count,
        ]
        guard let json = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) else { return }
        writing.withLock { _ in
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let file = FileHandle(forWritingAtPath: path) else { return }
            defer { try? file.close() }
            _ = try? file.seekToEnd()
            try? file.write(contentsOf: json + Data("\n".utf8))
        }
    }
}
