import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateAsyncHTTPClient
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import MallocInUse

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What every scenario shares: credentials, throwaway keys, a double answering four endpoints (plain and encrypted,
/// safe to repeat and not), and clients for either transport with the transports' defaults (30 s, 256 KiB).
enum Exchanges {
    static let keys = try! KonaplateDoubleKeys.generate()
    static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "hostile-server-secret",
        cryptoKeyId: String(repeating: "c", count: 32))

    /// ServiceInfoList (plain, safe to repeat), PaymentNoHce (plain, a payment: never repeated),
    /// CardVirtualAccountInquiry (encrypted both ways, safe), UserRegistration (encrypted both ways, never repeated).
    static func double() -> KonaplateDouble {
        let double = KonaplateDouble(
            catalogue: .konaplateAPI, configuration: KonaplateDoubleConfiguration(credentials: credentials, keys: keys))
        double.stub(
            ServiceInfoList.self,
            .response(.init(serviceInfos: [.init(serviceId: "SVC000000000001", serviceName: "코나 선불카드")])))
        double.stub(
            PaymentNoHce.self,
            .response(
                .init(
                    cardNo: "9410123412341234", balance: 10_000, approvalCode: "123456", nrNumber: "NR0001",
                    approvalTime: "20261207120000123")))
        double.stub(CardVirtualAccountInquiry.self, .response(.init(accountNo: "12345678901234", bankCode: "020")))
        double.stub(UserRegistration.self, .response(.init(userId: 7)))
        return double
    }

    /// `connectionsPerHost`: for URLSession, a configuration of its own allowing that many (nil: the transport's
    /// shared session).
    static func transport(_ name: String, connectionsPerHost: Int? = nil) -> any KonaplateTransport {
        if name == "AsyncHTTPClient" { return KonaplateAsyncHTTPClientTransport() }
        guard let connectionsPerHost else { return KonaplateURLSessionTransport() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connectionsPerHost
        return KonaplateURLSessionTransport(configuration: configuration)
    }

    static func client(
        _ transport: any KonaplateTransport, server: KonaplateServer, middlewares: [any KonaplateClientMiddleware] = []
    ) -> KonaplateClient {
        KonaplateClient(
            credentials: credentials, server: server, transport: transport, sealer: try! keys.sealer(),
            opener: try! keys.opener(),
            middlewares: middlewares, retry: .safeToRepeat(maxAttempts: 2, delay: .milliseconds(10)))
    }

    /// Request `index` of a mixed run: the four endpoints in turn. The outcome's kind, as `kind(of:)` names it.
    static func send(_ index: Int, through client: KonaplateClient) async -> String {
        switch index % 4 {
        case 0: await kind { try await client.send(ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"])) }
        case 1: await kind { try await client.send(PaymentNoHce.self, PaymentNoHce.Request()) }
        case 2: await kind { try await client.send(CardVirtualAccountInquiry.self, .init(cardNo: "9410123412341234")) }
        default:
            await kind {
                try await client.send(
                    UserRegistration.self,
                    .init(
                        loginId: "member01", loginPassword: "135792", birthDate: "19900101", nationality: "KOREAN",
                        gender: "MALE", userName: "홍길동"))
            }
        }
    }

    /// The path of request `index`'s endpoint, and whether it may be repeated.
    static func endpoint(_ index: Int) -> (path: String, safe: Bool) {
        [
            (ServiceInfoList.path, true), (PaymentNoHce.path, false), (CardVirtualAccountInquiry.path, true),
            (UserRegistration.path, false),
        ][index % 4]
    }

    static func kind<Endpoint: KonaplateEndpoint>(_ send: () async throws -> KonaplateResponse<Endpoint>) async
        -> String
    {
        do {
            _ = try await send()
            return "answered"
        } catch {
            guard let error = error as? KonaplateClientError<Endpoint> else { return "other: \(type(of: error))" }
            return switch error {
            case .transport: "transport"
            case .timedOut: "timedOut"
            case .responseTooLarge: "responseTooLarge"
            case .unexpectedResponse(let status, _): "unexpectedResponse(\(status.code))"
            case .decodingFailed: "decodingFailed"
            case .openingFailed: "openingFailed"
            case .correlationMismatch: "correlationMismatch"
            case .responseInvalid: "responseInvalid"
            case .api(let code, _, _, _): "api(\(code.code))"
            default: "other: \(error)"
            }
        }
    }
}

/// This process's memory, from /proc/self/status (Linux): resident now and at its peak, in KiB.
enum Memory {
    static func kilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? -1
    }

    static var resident: Int { kilobytes("VmRSS") }
    static var peak: Int { kilobytes("VmHWM") }

    /// Starts a new peak from the current size (the kernel's clear_refs "5").
    static func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

    /// Resident memory once glibc's malloc has handed its free pages back to the kernel (`malloc_trim(0)`): freed
    /// memory stays resident in malloc's per-thread arenas otherwise, so a resident size alone cannot tell memory
    /// still held by the client from memory the allocator keeps for later. Looked up at run time: the Glibc module
    /// does not import malloc.h. Without it (another C library), the plain resident size.
    /// The live heap, in KiB: what malloc has handed out and not had back (-1 where it cannot say). Unlike the
    /// resident size, free pages malloc keeps and the fragmentation of its arenas do not count: memory that grows
    /// here from round to round is held by someone.
    static var heapInUse: Int {
        let bytes = konaplate_malloc_in_use()
        return bytes < 0 ? -1 : Int(bytes / 1024)
    }

    static var residentTrimmed: Int {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        return resident
    }
}

/// One line of JSON on standard output: what the script reads.
func report(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
