import KonaplateAPI
import KonaplateClient
import KonaplateRuntime
import Testing

/// A TCP socket on 127.0.0.1 that accepts connections into its backlog and never reads or answers: a server that
/// never answers, for the transports' timeouts (the kernel completes the connection, so the request is sent).
public struct SilentListener {
    public let descriptor: Int32
    public let port: Int

    public init() throws {
        (descriptor, port) = try LoopbackSocket.listen(backlog: 8)
    }

    public func close() { LoopbackSocket.close(descriptor) }
}

extension DoubleFixture {
    /// Sends a request through `transport` to a server that never answers, and expects the client to report the
    /// transport's timeout, `after`, as `.timedOut`.
    public static func expectTimeout(through transport: any KonaplateTransport, after: Duration) async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let client = client(transport, server: KonaplateServer(scheme: "http", authority: "127.0.0.1:\(listener.port)"))
        do {
            _ = try await client.send(BankAccountsInfo.self, .init(userId: 1))
            Issue.record("answered")
        } catch {
            guard case .timedOut(let reported) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(reported == after)
        }
    }
}
