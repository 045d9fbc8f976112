import KonaplateAPI
import KonaplateClient
import KonaplateRuntime
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket on 127.0.0.1 that accepts connections into its backlog and never reads or answers: a server that
/// never answers, for the transports' timeouts (the kernel completes the connection, so the request is sent).
public struct SilentListener {
    public let descriptor: Int32
    public let port: Int

    public struct Failed: Error { public let call: String }

    public init() throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        self.descriptor = descriptor
        guard descriptor >= 0 else { throw Failed(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw Failed(call: "bind/listen") }
        var assigned = sockaddr_in()
        var assignedLength = length
        _ = withUnsafeMutablePointer(to: &assigned) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &assignedLength) }
        }
        port = Int(UInt16(bigEndian: assigned.sin_port))
    }

    public func close() {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
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
