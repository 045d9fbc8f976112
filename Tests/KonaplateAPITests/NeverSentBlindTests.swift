import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import Synchronization
import Testing

/// Everything the client can check on its own is checked before a byte leaves: a transport that records its calls is
/// never called when a key, a credential, the server or the request is wrong. (An endpoint that changes something
/// must not act on a request whose answer the client could not read.)
struct NeverSentBlindTests {
    static func refusal<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ client: (any KonaplateTransport) -> KonaplateClient
    ) async throws -> KonaplateClientError<Endpoint>? {
        let transport = RecordingTransport()
        let (request, _) = try DoubleFixture.samples(Endpoint.self)
        defer { #expect(transport.calls == 0, "\(Endpoint.path): the transport was called") }
        do {
            _ = try await client(transport).send(Endpoint.self, request)
        } catch {
            return error
        }
        Issue.record("\(Endpoint.path): sent")
        return nil
    }

    static func client(
        _ transport: any KonaplateTransport, credentials: KonaplateCredentials = DoubleFixture.credentials,
        server: KonaplateServer = .sandbox, sealer: Bool = true, opener: Bool = true,
        context: KonaplateHeaderContext = KonaplateHeaderContext(timeZone: .kst)
    ) -> KonaplateClient {
        KonaplateClient(
            credentials: credentials, server: server, transport: transport,
            sealer: sealer ? try! DoubleFixture.keys.sealer() : nil,
            opener: opener ? try! DoubleFixture.keys.opener() : nil,
            context: context)
    }

    @Test func anEncryptedResponseWithoutAnOpenerIsNeverAskedFor() async throws {
        // UserRegistration registers a member: without an opener, its answer would be unreadable after the fact.
        let registration = try await Self.refusal(UserRegistration.self) { Self.client($0, opener: false) }
        guard case .encryptionRequired("response")? = registration else {
            Issue.record("\(String(describing: registration))")
            return
        }
        let inquiry = try await Self.refusal(UserCardList.self) { Self.client($0, opener: false) }  // plain request
        guard case .encryptionRequired("response")? = inquiry else {
            Issue.record("\(String(describing: inquiry))")
            return
        }
    }

    @Test func anEncryptedRequestWithoutASealerIsNeverSent() async throws {
        let error = try await Self.refusal(BankAccountsInfo.self) { Self.client($0, sealer: false) }
        guard case .encryptionRequired("request")? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    /// Each credential broken one way at a time: the refusal names it and never shows the value.
    @Test(arguments: [
        ("aspId", "ASP00000000\r\n01", "credentials.aspId"), ("aspId", "ASP0000000000", "X-KM-User-AspId"),
        ("accessKey", String(repeating: "a", count: 39) + "\n", "credentials.accessKey"),
        ("accessKey", String(repeating: "가", count: 40), "credentials.accessKey"),
        ("cryptoKeyId", " " + String(repeating: "c", count: 31), "credentials.cryptoKeyId"),
        ("cryptoKeyId", "", "X-KM-Crypto-Key-Id"),
        ("secretKey", "", "credentials.secretKey"), ("secretKey", "s3kr1t\r\n", "credentials.secretKey"),
        ("secretKey", "sékr1t", "credentials.secretKey"),
    ])
    func aMalformedCredentialIsRefusedByName(_ credential: String, _ value: String, _ path: String) async throws {
        var credentials = DoubleFixture.credentials
        switch credential {
        case "aspId": credentials.aspId = value
        case "accessKey": credentials.accessKey = value
        case "cryptoKeyId": credentials.cryptoKeyId = value
        default: credentials.secretKey = value
        }
        let error = try await Self.refusal(CardVirtualAccountInquiry.self) { Self.client($0, credentials: credentials) }
        guard case .requestInvalid(let invalid)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(invalid.violations.map(\.path).contains(path), "\(invalid)")
        let shown = "\(error!)" + String(reflecting: error!)
        #expect(value.count < 3 || !shown.contains(value.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aMissingAccessKeyIsRefused() async throws {
        var credentials = DoubleFixture.credentials
        credentials.accessKey = nil
        let error = try await Self.refusal(ServiceInfoList.self) { Self.client($0, credentials: credentials) }
        guard case .requestInvalid(let invalid)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(invalid.violations.map(\.path) == ["X-KM-Access-Key"])
    }

    @Test func aServerThatMakesNoURLIsRefused() async throws {
        for server in [
            KonaplateServer(authority: "user:password@sandbox.konaplate.com", basePath: "/open-api"),
            KonaplateServer(authority: "sandbox.konaplate.com\r\nX-Injected: 1"),
            KonaplateServer(scheme: "ftp", authority: "h"),
            KonaplateServer(authority: "sandbox.konaplate.com", basePath: "open-api"),
        ] {
            let error = try await Self.refusal(ServiceInfoList.self) { Self.client($0, server: server) }
            guard case .requestInvalid(let invalid)? = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
            #expect(invalid.violations.allSatisfy { $0.path.hasPrefix("server.") }, "\(invalid)")
            #expect(!"\(error!)".contains("password"))
        }
    }

    /// A value from the context (the time zone code) that HTTP would change: refused as the header it would become.
    @Test func aHeaderValueFromTheContextIsCheckedToo() async throws {
        let zone = KonaplateTimeZone(code: "KST\r\nX-Injected: 1", secondsFromGMT: 9 * 3600)
        let error = try await Self.refusal(ServiceInfoList.self) {
            Self.client($0, context: KonaplateHeaderContext(timeZone: zone))
        }
        guard case .requestInvalid(let invalid)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(invalid.violations.map(\.path).contains("X-KM-Time-Zone"), "\(invalid)")
    }

    /// The request, the credentials and the server, all wrong at once: one refusal lists them all.
    @Test func everyLocalProblemIsReportedAtOnce() async throws {
        var credentials = DoubleFixture.credentials
        credentials.secretKey = ""
        let transport = RecordingTransport()
        let client = Self.client(
            transport, credentials: credentials, server: KonaplateServer(scheme: "ftp", authority: ""))
        let invalid = CardStatus.Request(
            userId: 1, par: String(repeating: "p", count: 27), cardNo: String(repeating: "1", count: 16),
            status: .suspend)
        do {
            _ = try await client.send(CardStatus.self, invalid)
            Issue.record("sent")
        } catch {
            guard case .requestInvalid(let found) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(
                Set(found.violations.map(\.path)) == ["", "credentials.secretKey", "server.scheme", "server.authority"])
        }
        #expect(transport.calls == 0)
    }
}

/// Counts its calls and answers none of them: a request that reaches it was sent.
final class RecordingTransport: KonaplateTransport {
    struct NotAnswered: Error {}
    private let count = Mutex(0)

    var calls: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        count.withLock { $0 += 1 }
        throw NotAnswered()
    }
}
