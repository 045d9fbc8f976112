import Foundation
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import Logging
import Testing

/// One fault of the corpus, sent once by a client through a transport to a `FaultServer`: what the caller got, how
/// many requests the server received, how long it took, and which secret or sensitive value, if any, showed in the
/// error (its description, its debug description, its dump) or the client's log.
public struct HostileReport: Sendable {
    public let outcome: HostileOutcome
    /// Requests the server read whole: 1, or 2 when the client retried.
    public let received: Int
    public let elapsed: Duration
    /// The secret or sensitive values found where they must never be (empty: none).
    public let leaks: [String]
}

public enum HostileRun {
    /// The endpoint the fault hits: `safe` picks the one marked safe to repeat. Retries are on (2 attempts), so a
    /// fault the policy retries is sent again on the safe endpoint only.
    public static func run(
        _ fault: HostileFault, safe: Bool, through transport: any KonaplateTransport
    ) async throws -> HostileReport {
        switch (fault.endpoints, safe) {
        case (.plain, true): try await run(fault, BankAccountsInfo.self, through: transport)
        case (.plain, false): try await run(fault, PaymentNoHce.self, through: transport)
        case (.encrypted, true):
            try await run(fault, CardVirtualAccountInquiry.self, through: transport)
        case (.encrypted, false): try await run(fault, UserRegistration.self, through: transport)
        }
    }

    static func run<Endpoint: KonaplateEndpoint>(
        _ fault: HostileFault, _ endpoint: Endpoint.Type, through transport: any KonaplateTransport
    ) async throws -> HostileReport {
        let (request, response) = try DoubleFixture.samples(Endpoint.self)
        let double = DoubleFixture.double()
        double.stub(Endpoint.self, .response(response))
        let faulty = fault.onKeptAliveConnection ? 1 : 0
        let server = try FaultServer(double: double) { received, answer in
            received.index == faulty ? fault.plan(answer) : [.write(answer.bytes)]
        }
        defer { server.stop() }
        let sink = LogSink()
        let client = DoubleFixture.client(
            transport, middlewares: [KonaplateLoggingMiddleware(logger: Logger(label: "hostile") { _ in sink })],
            retry: .safeToRepeat(maxAttempts: 2, delay: .milliseconds(1)), server: server.server)
        if fault.onKeptAliveConnection {
            // The first request opens the connection and is answered honestly; the client keeps it for the next.
            _ = try await client.send(Endpoint.self, request)
        }
        // No watchdog of our own: a hang (no answer within the transport's timeouts) is caught by the calling test's
        // `.timeLimit`, so nothing here waits on the clock and a loaded machine cannot fail a correct run.
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<KonaplateResponse<Endpoint>, KonaplateClientError<Endpoint>>
        do throws(KonaplateClientError<Endpoint>) {
            result = .success(try await client.send(Endpoint.self, request))
        } catch {
            result = .failure(error)
        }
        let elapsed = clock.now - start
        var shown = sink.text
        if case .failure(let error) = result {
            shown += String(describing: error) + String(reflecting: error)
            dump(error, to: &shown)
        }
        let secrets = secretValues(request: request, response: response, double: double)
        return HostileReport(
            outcome: HostileOutcome(result), received: server.received - faulty, elapsed: elapsed,
            leaks: secrets.filter { shown.contains($0) })
    }

    /// What must never show in an error or a log: the keys, every tran token sent, and every string value of the
    /// request and the response (the sensitive ones among them: card and account numbers, names).
    static func secretValues<Request: Encodable, Response: Encodable>(
        request: Request, response: Response, double: KonaplateDouble
    ) -> [String] {
        let credentials = DoubleFixture.credentials
        let tokens = double.recorded.compactMap { $0.headers["X-KM-Tran-Token"] }
        return [credentials.secretKey, credentials.accessKey ?? ""] + tokens + strings(in: request)
            + strings(in: response)
    }

    /// The string values of a model's JSON of 6 characters or more (shorter ones, "088", match by chance).
    static func strings(in value: some Encodable) -> [String] {
        guard let json = try? KonaplateJSON.encoder().encode(value),
            let tree = try? JSONSerialization.jsonObject(with: json)
        else { return [] }
        func walk(_ node: Any) -> [String] {
            switch node {
            case let text as String: text.count >= 6 ? [text] : []
            case let array as [Any]: array.flatMap(walk)
            case let object as [String: Any]: object.values.flatMap(walk)
            default: []
            }
        }
        return walk(tree)
    }
}
