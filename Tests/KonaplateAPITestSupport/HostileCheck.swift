import KonaplateClient
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
            let report = try await HostileRun.run(self, safe: safe, through: transport(timeout), timeout: timeout)
            let which = "\(name.rawValue), \(self.name), \(safe ? "safe to repeat" : "never repeated")"
            if safe && expected.isRetried {
                #expect(report.outcome.kind == .answered, "\(which): \(report.outcome)")
                #expect(report.received == 2, "\(which): \(report.received) received")
            } else {
                #expect(report.outcome.kind == expected, "\(which): \(report.outcome)")
                #expect(report.received == 1, "\(which): \(report.received) received")
            }
            #expect(report.leaks.isEmpty, "\(which): shown: \(report.leaks)")
        }
    }
}
