import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateDouble
import KonaplateGenerator
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport
import Logging
import Synchronization
import Testing
import _CryptoExtras

/// The client and the double together, in process: every endpoint sends a valid request and gets its typed
/// response back, through headers, tran token, JWE, validation and result codes; each header rule broken once is
/// refused with the right error.
struct ClientAndDoubleTests {
    static let credentials = DoubleFixture.credentials

    static func double(credentials: KonaplateCredentials = credentials) -> KonaplateDouble {
        DoubleFixture.double(credentials: credentials)
    }

    static func client(
        _ transport: any KonaplateTransport, credentials: KonaplateCredentials = credentials,
        context: KonaplateHeaderContext = KonaplateHeaderContext(timeZone: .kst),
        middlewares: [any KonaplateClientMiddleware] = [], retry: KonaplateRetryPolicy = .never,
        timeout: Duration? = nil, validation: KonaplateValidationPolicy = .strict,
        server: KonaplateServer = .sandbox
    ) -> KonaplateClient {
        DoubleFixture.client(
            transport, credentials: credentials, context: context, middlewares: middlewares, retry: retry,
            timeout: timeout,
            validation: validation, server: server)
    }

    static func exchange<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, through client: KonaplateClient, double: KonaplateDouble
    ) async throws {
        try await DoubleFixture.exchange(endpoint, through: client, double: double)
    }

    @Test(arguments: WholeAPITests.endpointPaths)
    func everyEndpointRoundTripsThroughTheClientAndTheDouble(_ path: String) async throws {
        let endpoint = try #require(WholeAPITests.endpointType(path))
        let double = Self.double()
        try await Self.exchange(endpoint, through: Self.client(double), double: double)
    }

    /// The docs do not say whether a sealed response is the wrapper or the compact JWE alone (DECISIONS.md D45): a
    /// server answering either way is read, for every endpoint that seals its responses.
    @Test func aSealedResponseIsReadInEitherForm() async throws {
        let compact = KonaplateDouble(
            catalogue: .konaplateAPI,
            configuration: KonaplateDoubleConfiguration(
                credentials: Self.credentials, keys: DoubleFixture.keys, sealedResponseForm: .compact))
        let sealing = KonaplateEndpointCatalogue.konaplateAPI.endpoints.filter { $0.isResponseEncrypted }
        #expect(!sealing.isEmpty)
        let observed = ObservingTransport(wrapped: compact)
        for endpoint in sealing {
            try await Self.exchange(endpoint, through: Self.client(observed), double: compact)
        }
        // What traveled was the compact JWE: five base64url parts, no JSON around them.
        #expect(observed.bodies.count == sealing.count)
        #expect(
            observed.bodies.allSatisfy {
                $0.first != UInt8(ascii: "{") && $0.split(separator: UInt8(ascii: ".")).count == 5
            })
    }

    // MARK: Header rules, each broken once

    static func refusal<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, client: KonaplateClient, double: KonaplateDouble
    ) async throws -> (code: String, message: String?, status: Int) {
        double.stub(Endpoint.self, .code("000_000", status: 200, message: nil))
        let request = try JSONDecoder().decode(Endpoint.Request.self, from: Self.sampleRequest(Endpoint.self))
        do {
            _ = try await client.send(Endpoint.self, request)
        } catch {
            if case .api(let code, let status, let message, _) = error { return (code.code, message, status.code) }
            Issue.record("expected an API error, got \(error)")
            return ("", nil, 0)
        }
        Issue.record("the double accepted the request")
        return ("", nil, 0)
    }

    static func sampleRequest<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) -> Data {
        let spec = WholeAPITests.specs[Endpoint.path]!
        return Data(SampleJSON.object(spec.request?.fields ?? [], rules: spec.request?.rules ?? [], breaking: nil).utf8)
    }

    @Test func aWrongSecretKeyMakesAWrongTokenAndIsRefused() async throws {
        let double = Self.double()
        var credentials = Self.credentials
        credentials.secretKey = "another secret"
        let refusal = try await Self.refusal(
            BankAccountsInfo.self, client: Self.client(double, credentials: credentials), double: double)
        #expect(refusal.status == 401)
        #expect(refusal.code == "DOUBLE_UNAUTHORIZED")
        #expect(refusal.message?.contains("X-KM-Tran-Token does not match the body") == true)
    }

    @Test func aStaleTranTimeIsRefused() async throws {
        // Fixed clocks on both sides: the client's is an hour behind the double's.
        var configuration = Self.double().configuration
        configuration.now = { fixedInstant }
        let double = KonaplateDouble(
            endpoints: KonaplateEndpointCatalogue.konaplateAPI.endpoints, configuration: configuration)
        let anHourAgo = KonaplateHeaderContext(timeZone: .kst, now: { fixedInstant.addingTimeInterval(-3600) })
        let refusal = try await Self.refusal(
            BankAccountsInfo.self, client: Self.client(double, context: anHourAgo), double: double)
        #expect(refusal.status == 401)
        #expect(refusal.message?.contains("X-KM-Tran-Time is 3600 s from the double's clock") == true)
    }

    @Test func aWrongAccessKeyIsRefused() async throws {
        let double = Self.double()
        var credentials = Self.credentials
        credentials.accessKey = String(repeating: "b", count: 40)
        let refusal = try await Self.refusal(
            UserInfo.self, client: Self.client(double, credentials: credentials), double: double)
        #expect(refusal.status == 401)
        #expect(refusal.message == "X-KM-Access-Key is not the access key the double expects")
    }

    /// The client never sends an encrypted request without a crypto key id (its header builder refuses); a request
    /// that lost it on the way is refused by the double as an invalid input.
    @Test func aMissingCryptoKeyIdOnAnEncryptedEndpointIsRefused() async throws {
        let double = Self.double()
        let dropsTheKeyID = HeaderDropper(name: "X-KM-Crypto-Key-Id")
        let refusal = try await Self.refusal(
            BankAccountsInfo.self, client: Self.client(double, middlewares: [dropsTheKeyID]), double: double)
        #expect(refusal.status == 400)
        #expect(refusal.code == "000_002")
        #expect(refusal.message?.contains("X-KM-Crypto-Key-Id: required because the request body is encrypted") == true)

        var credentials = Self.credentials
        credentials.cryptoKeyId = nil
        do {
            _ = try await Self.client(double, credentials: credentials).send(BankAccountsInfo.self, .init(userId: 1))
            Issue.record("sent without a crypto key id")
        } catch {
            guard case .requestInvalid = error else {
                Issue.record("\(error)")
                return
            }
        }
    }

    @Test func anInvalidBodyIsRefusedAsAnInvalidInputWithItsPath() async throws {
        let double = Self.double()
        // Both par and cardNo: the rule of the page (exactly one), enforced on the server side too.
        double.stub(CardStatus.self, .code("000_000", status: 200, message: nil))
        let request = CardStatus.Request(
            userId: 1, par: String(repeating: "p", count: 27), cardNo: String(repeating: "1", count: 16),
            status: .suspend)
        #expect(!request.violations.isEmpty)
        do {
            _ = try await Self.client(double).send(CardStatus.self, request)
            Issue.record("sent an invalid request")
        } catch {
            guard case .requestInvalid(let violations) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(
                violations.violations.map(\.description) == [
                    "exactly one of par, cardNo must be present; found par and cardNo"
                ])
        }
        #expect(double.recorded.isEmpty, "nothing was sent")
    }

    // MARK: Result codes

    @Test func aDocumentedErrorCodeComesBackAsItsTypedCase() async throws {
        let double = Self.double()
        double.stub(CardStatus.self, .result(.cardAlreadyTerminated))
        do {
            _ = try await Self.client(double).send(
                CardStatus.self, .init(userId: 1, par: String(repeating: "p", count: 27), status: .suspend))
            Issue.record("no error")
        } catch {
            guard case .api(let code, let status, let message, let correlationID) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(code == .cardAlreadyTerminated)
            #expect(status.code == 400)
            #expect(message == "Card already terminated")
            #expect(correlationID?.count == 20)
        }
    }

    @Test func anUndocumentedCodeComesBackAsUndocumented() async throws {
        let double = Self.double()
        double.stub(CardStatus.self, .code("009_999", status: 400, message: "Something new"))
        do {
            _ = try await Self.client(double).send(
                CardStatus.self, .init(userId: 1, par: String(repeating: "p", count: 27), status: .resume))
            Issue.record("no error")
        } catch {
            guard case .api(let code, _, let message, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(code == .undocumented("009_999"))
            #expect(message == "Something new")
        }
    }

    // MARK: Retries, timeouts, policies

    @Test func onlyEndpointsSafeToRepeatAreRetriedEachAttemptSignedAnew() async throws {
        let double = Self.double()
        let flaky = FlakyTransport(failures: 2, wrapped: double)
        let client = Self.client(flaky, retry: .safeToRepeat(maxAttempts: 3, delay: .milliseconds(1)))
        try await Self.exchange(BankAccountsInfo.self, through: client, double: double)  // an inquiry
        #expect(flaky.attempts == 3)
        #expect(Set(flaky.correlationIDs).count == 3, "each attempt has its own correlation id")

        let once = FlakyTransport(failures: 1, wrapped: double)
        do {
            _ = try await Self.client(once, retry: .safeToRepeat(maxAttempts: 3, delay: .milliseconds(1))).send(
                CardStatus.self, .init(userId: 1, par: String(repeating: "p", count: 27), status: .suspend))
            Issue.record("a state change was retried")
        } catch {
            guard case .transport = error else {
                Issue.record("\(error)")
                return
            }
        }
        #expect(once.attempts == 1)
    }

    @Test func aSlowServerTimesOutAndCancellationPropagates() async throws {
        let slow = SlowTransport()
        do {
            _ = try await Self.client(slow, timeout: .milliseconds(50)).send(BankAccountsInfo.self, .init(userId: 1))
            Issue.record("no timeout")
        } catch {
            guard case .timedOut = error else {
                Issue.record("\(error)")
                return
            }
        }
        // The transport's own timeout: reported the same way, and retried where repeating is safe.
        let double = Self.double()
        let timingOut = FlakyTransport(
            failures: 1, error: KonaplateTransportTimeout(timeout: .seconds(7)), wrapped: double)
        let retrying = Self.client(timingOut, retry: .safeToRepeat(maxAttempts: 2, delay: .milliseconds(1)))
        try await Self.exchange(BankAccountsInfo.self, through: retrying, double: double)
        #expect(timingOut.attempts == 2)
        let alwaysTimingOut = FlakyTransport(
            failures: 9, error: KonaplateTransportTimeout(timeout: .seconds(7)), wrapped: double)
        do {
            _ = try await Self.client(alwaysTimingOut).send(BankAccountsInfo.self, .init(userId: 1))
            Issue.record("no timeout")
        } catch {
            guard case .timedOut(let after) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(after == .seconds(7))
        }
        let cancellable = SlowTransport()
        let task = Task {
            try await Self.client(cancellable, timeout: nil).send(BankAccountsInfo.self, .init(userId: 1))
        }
        // Cancel once the request is in flight in the transport.
        for await _ in cancellable.started { break }
        task.cancel()
        switch await task.result {
        case .success: Issue.record("not cancelled")
        case .failure(let error):
            guard case .cancelled? = error as? KonaplateClientError<BankAccountsInfo> else {
                Issue.record("\(error)")
                return
            }
        }
    }

    @Test func reportOnlyReturnsAResponseTheDocsDoNotAllowWithItsViolations() async throws {
        let double = Self.double()
        let strict = Self.client(double)
        let lenient = Self.client(double, validation: .reportOnly)
        // A response that decodes but breaks a documented constraint: an error under strict, returned under report-only.
        double.stub(BankAccountsInfo.self, .response(try Self.breakingResponse(BankAccountsInfo.self)))
        await #expect(throws: KonaplateClientError<BankAccountsInfo>.self) {
            try await strict.send(BankAccountsInfo.self, .init(userId: 1))
        }
        let reported = try await lenient.send(BankAccountsInfo.self, .init(userId: 1))
        #expect(reported.violations.map(\.path) == ["userId"])  // the first constrained field, just out of range
    }

    /// A response of `endpoint` that decodes but breaks the first constrained field of its spec.
    static func breakingResponse<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) throws -> Endpoint.Response {
        let fields = WholeAPITests.specs[Endpoint.path]?.response?.fields ?? []
        let target = try #require(SampleJSON.violations(in: fields).first)
        return try JSONDecoder().decode(
            Endpoint.Response.self, from: Data(SampleJSON.object(fields, breaking: target).utf8))
    }

    // MARK: Logging

    @Test func theLoggingMiddlewareLogsNoSecretAndNoBody() async throws {
        let double = Self.double()
        let sink = LogSink()
        let logger = Logger(label: "test") { _ in sink }
        let client = Self.client(double, middlewares: [KonaplateLoggingMiddleware(logger: logger)])
        double.stub(CardStatus.self, .code("000_000", status: 200, message: nil))
        _ = try await client.send(
            CardStatus.self, .init(userId: 1, cardNo: "9410123412341234", status: .suspend))
        let logged = sink.text
        #expect(logged.contains("POST /api/v1/card/status → 200"))
        for secret in ["9410123412341234", Self.credentials.accessKey!, "KMV1:", Self.credentials.secretKey] {
            #expect(!logged.contains(secret), "the log holds \(secret)")
        }
    }

    /// Both middlewares see a failed sending too: the observer with no status, the log as a failure naming the
    /// error's type. The error itself still reaches the caller.
    @Test func theMiddlewaresReportAnAnswerAndAFailure() async throws {
        let double = Self.double()
        let seen = Mutex<[HTTPResponse.Status?]>([])
        let observer = KonaplateObserverMiddleware { _, status, duration in
            #expect(duration >= .zero)
            seen.withLock { $0.append(status) }
        }
        let sink = LogSink()
        let logging = KonaplateLoggingMiddleware(logger: Logger(label: "test") { _ in sink })
        let flaky = FlakyTransport(failures: 1, wrapped: double)
        let client = Self.client(flaky, middlewares: [logging, observer])
        do {
            _ = try await client.send(BankAccountsInfo.self, .init(userId: 1))
            Issue.record("no failure")
        } catch {
            guard case .transport(let cause) = error, cause is FlakyTransport.Lost else {
                Issue.record("\(error)")
                return
            }
        }
        try await Self.exchange(BankAccountsInfo.self, through: client, double: double)
        #expect(seen.withLock { $0 } == [nil, .ok])
        #expect(sink.text.contains("POST /api/v1/bankaccounts/info failed"))
        #expect(sink.text.contains("Lost"))
        #expect(sink.text.contains("POST /api/v1/bankaccounts/info → 200"))
    }
}

/// Removes one header on the way out (a request damaged after signing).
struct HeaderDropper: KonaplateClientMiddleware {
    let name: String

    func intercept(
        _ request: HTTPRequest, body: [UInt8], operation: KonaplateOperation,
        next: @Sendable (HTTPRequest) async throws -> (HTTPResponse, [UInt8])
    ) async throws -> (HTTPResponse, [UInt8]) {
        var request = request
        request.headerFields[HTTPField.Name(name)!] = nil
        return try await next(request)
    }
}

/// Fails the first `failures` sendings with `error` (a lost connection by default), then passes them on.
final class FlakyTransport: KonaplateTransport {
    struct Lost: Error {}
    let failures: Int
    let error: any Error
    let wrapped: any KonaplateTransport
    private let seen = Mutex<[String]>([])

    init(failures: Int, error: any Error = Lost(), wrapped: any KonaplateTransport) {
        self.failures = failures
        self.error = error
        self.wrapped = wrapped
    }

    var attempts: Int { seen.withLock { $0.count } }
    var correlationIDs: [String] { seen.withLock { $0 } }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        let count = seen.withLock { ids in
            ids.append(request.headerFields[HTTPField.Name("X-KM-Correlation-Id")!] ?? "")
            return ids.count
        }
        if count <= failures { throw error }
        return try await wrapped.send(request, body: body)
    }
}

/// Never answers: it suspends until its task is cancelled, with no clock involved. It says when a request has
/// reached it, so a test waits on that event, not on the clock.
struct SlowTransport: KonaplateTransport {
    let started: AsyncStream<Void>
    private let startedContinuation: AsyncStream<Void>.Continuation
    /// Never yields and never finishes (its continuation lives as long as the transport): iterating it ends only
    /// when the task is cancelled.
    private let answer: AsyncStream<Void>
    private let answerContinuation: AsyncStream<Void>.Continuation

    init() {
        (started, startedContinuation) = AsyncStream<Void>.makeStream()
        (answer, answerContinuation) = AsyncStream<Void>.makeStream()
    }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        startedContinuation.yield()
        for await _ in answer {}
        throw CancellationError()
    }
}

/// Passes every request on and keeps the response bodies it saw.
final class ObservingTransport: KonaplateTransport {
    let wrapped: any KonaplateTransport
    private let seen = Mutex<[[UInt8]]>([])

    init(wrapped: any KonaplateTransport) { self.wrapped = wrapped }

    var bodies: [[UInt8]] { seen.withLock { $0 } }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        let answer = try await wrapped.send(request, body: body)
        seen.withLock { $0.append(answer.1) }
        return answer
    }
}
