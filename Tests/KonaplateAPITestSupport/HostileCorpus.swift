import Foundation
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime

/// The hostile-server corpus: each fault is what a broken or hostile server (or a proxy in front of it) does to one
/// answer, and what the caller of `KonaplateClient.send` gets for it through each transport. A fault applies to the
/// first request a server receives; a retry gets the double's honest answer, so a `safeToRepeat` endpoint shows
/// whether the fault is retried. `HostileCorpusTests` and the loopback tests run every fault through both
/// transports; `Benchmarks/hostile-server.sh` runs the slow ones (the transports' real 30 s timeout, memory).
public struct HostileFault: Sendable, CustomStringConvertible {
    public enum Endpoints: Sendable {
        /// BankAccountsInfo (an inquiry: safe to repeat) and PaymentNoHce (a payment: never repeated), with plain
        /// responses carrying a number (userId, balance) and sensitive strings.
        case plain
        /// CardVirtualAccountInquiry (safe) and UserRegistration (never repeated), with sealed responses.
        case encrypted
    }

    public let name: String
    public let endpoints: Endpoints
    /// What the server sends instead of `answer` (the double's honest answer, framed correctly by `answer.bytes`).
    public let plan: @Sendable (_ answer: FaultServer.Answer) -> [FaultServer.Step]
    public let urlSession: HostileOutcome.Kind
    public let asyncHTTPClient: HostileOutcome.Kind
    /// The fault hits the second request on a kept-alive connection (the first is answered honestly), not the
    /// first request on a new one.
    public let onKeptAliveConnection: Bool

    public init(
        _ name: String, _ endpoints: Endpoints = .plain, onKeptAliveConnection: Bool = false,
        urlSession: HostileOutcome.Kind,
        asyncHTTPClient: HostileOutcome.Kind? = nil,
        plan: @escaping @Sendable (_ answer: FaultServer.Answer) -> [FaultServer.Step]
    ) {
        self.name = name
        self.endpoints = endpoints
        self.onKeptAliveConnection = onKeptAliveConnection
        self.plan = plan
        self.urlSession = urlSession
        self.asyncHTTPClient = asyncHTTPClient ?? urlSession
    }

    public func expected(_ transport: HostileTransport) -> HostileOutcome.Kind {
        transport == .urlSession ? urlSession : asyncHTTPClient
    }

    public var description: String { name }
}

public enum HostileTransport: String, Sendable, CaseIterable {
    case urlSession = "URLSession"
    case asyncHTTPClient = "AsyncHTTPClient"
}

/// What the caller got, in kind (what a test compares), and in detail (what the fault table shows).
public struct HostileOutcome: Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        case answered
        case transport
        case timedOut
        case responseTooLarge
        case unexpectedResponse(status: Int)
        case decodingFailed
        case openingFailed
        case correlationMismatch
        case responseInvalid
        /// Anything else: never expected of a fault.
        case other(String)

        /// Whether `KonaplateRetryPolicy.safeToRepeat` sends again after it.
        public var isRetried: Bool {
            switch self {
            case .transport, .timedOut: true
            case .unexpectedResponse(let status): status >= 500 || status == 429
            default: false
            }
        }

        public var description: String {
            switch self {
            case .answered: "the typed response"
            case .transport: ".transport"
            case .timedOut: ".timedOut"
            case .responseTooLarge: ".responseTooLarge"
            case .unexpectedResponse(let status): ".unexpectedResponse(\(status))"
            case .decodingFailed: ".decodingFailed"
            case .openingFailed: ".openingFailed"
            case .correlationMismatch: ".correlationMismatch"
            case .responseInvalid: ".responseInvalid"
            case .other(let what): "unexpected: \(what)"
            }
        }
    }

    public let kind: Kind
    /// The cause inside the error (`URLError -1005`, `HTTPClientError.remoteConnectionClosed`, `authenticationFailed`,
    /// the decoding path), for the table.
    public let detail: String

    public init<Endpoint: KonaplateEndpoint>(
        _ result: Result<KonaplateResponse<Endpoint>, KonaplateClientError<Endpoint>>
    ) {
        switch result {
        case .success(let response): (kind, detail) = (.answered, "attempts: \(response.attempts)")
        case .failure(let error):
            switch error {
            case .transport(let cause): (kind, detail) = (.transport, Self.brief(cause))
            case .timedOut(let after): (kind, detail) = (.timedOut, "\(after)")
            case .responseTooLarge(let limit): (kind, detail) = (.responseTooLarge, "limit \(limit) bytes")
            case .unexpectedResponse(let status, _): (kind, detail) = (.unexpectedResponse(status: status.code), "")
            case .decodingFailed(let reason): (kind, detail) = (.decodingFailed, reason)
            case .openingFailed(let cause): (kind, detail) = (.openingFailed, Self.brief(cause))
            case .correlationMismatch: (kind, detail) = (.correlationMismatch, "")
            case .responseInvalid(let violations): (kind, detail) = (.responseInvalid, "\(violations)")
            default: (kind, detail) = (.other("\(error)"), "")
            }
        }
    }

    /// A transport's or the opener's error, named by its type and case, never its full text (a URL at most).
    static func brief(_ error: any Error) -> String {
        if let error = error as? URLError { return "URLError \(error.code.rawValue)" }
        if let error = error as? KonaplateJWEError {
            return switch error {
            case .malformed: "KonaplateJWEError.malformed"
            case .unsupportedAlgorithm: "KonaplateJWEError.unsupportedAlgorithm"
            case .keyDecryptionFailed: "KonaplateJWEError.keyDecryptionFailed"
            case .authenticationFailed: "KonaplateJWEError.authenticationFailed"
            case .wrapper: "KonaplateJWEError.wrapper"
            case .keyFormat: "KonaplateJWEError.keyFormat"
            }
        }
        let text = String(describing: error)
        let name = "\(type(of: error))"
        return text.hasPrefix(name) ? String(text.prefix(80)) : "\(name): \(text.prefix(60))"
    }

    public var description: String { detail.isEmpty ? "\(kind)" : "\(kind) (\(detail))" }
}

extension HostileFault {
    /// Every fault that ends within seconds: `swift test` runs them through both transports (`check`).
    public static let quick: [HostileFault] = framing + connections + size + content + headers + status + encrypted

    static let framing: [HostileFault] = [
        HostileFault("body cut short, then the connection closed", urlSession: .transport) { answer in
            [.write(answer.head(contentLength: answer.body.count) + answer.body.prefix(answer.body.count / 2)), .close]
        },
        HostileFault("Content-Length larger than the body, connection kept open", urlSession: .timedOut) { answer in
            [.write(answer.head(contentLength: answer.body.count + 100) + answer.body), .hold]
        },
        HostileFault("Content-Length smaller than the body", urlSession: .decodingFailed) { answer in
            [.write(answer.head(contentLength: answer.body.count / 2) + answer.body)]
        },
        HostileFault("no Content-Length, body ended by closing the connection (valid HTTP/1.1)", urlSession: .answered)
        { answer in
            [.write(answer.head(contentLength: nil) + answer.body), .close]
        },
        HostileFault("no Content-Length, connection kept open", urlSession: .timedOut) { answer in
            [.write(answer.head(contentLength: nil) + answer.body), .hold]
        },
        HostileFault("chunked body, whole (valid HTTP/1.1)", urlSession: .answered) { answer in
            [
                .write(
                    answer.head(contentLength: nil, extra: [("Transfer-Encoding", "chunked")]) + chunked(answer.body)
                        + Array("0\r\n\r\n".utf8))
            ]
        },
        HostileFault("chunked body cut in the middle of a chunk, then closed", urlSession: .transport) { answer in
            let chunk = chunked(answer.body)
            return [
                .write(
                    answer.head(contentLength: nil, extra: [("Transfer-Encoding", "chunked")])
                        + chunk.prefix(chunk.count / 2)), .close,
            ]
        },
        HostileFault("chunked body with a chunk size that is not hexadecimal", urlSession: .transport) { answer in
            [
                .write(
                    answer.head(contentLength: nil, extra: [("Transfer-Encoding", "chunked")]) + Array("zz\r\n".utf8)
                        + answer.body), .close,
            ]
        },
        HostileFault(
            "two Content-Length headers that disagree (the first one right)", urlSession: .answered,
            asyncHTTPClient: .transport
        ) { answer in
            [
                .write(
                    answer.head(
                        contentLength: answer.body.count, extra: [("Content-Length", "\(answer.body.count + 5)")])
                        + answer.body)
            ]
        },
    ]

    static let connections: [HostileFault] = [
        HostileFault("connection closed before any answer", urlSession: .transport) { _ in [.close] },
        HostileFault("connection reset before the headers", urlSession: .transport) { _ in [.reset] },
        HostileFault("connection reset in the middle of the headers", urlSession: .transport) { answer in
            [.write(Array(answer.head(contentLength: answer.body.count).prefix(20))), .reset]
        },
        HostileFault("connection reset after the headers, before the body", urlSession: .transport) { answer in
            [.write(answer.head(contentLength: answer.body.count)), .reset]
        },
        // FoundationNetworking (libcurl) does not report a kept-alive connection that ends before the answer: the
        // request waits for the transport's timeout. (On a new connection it fails at once, as above.)
        HostileFault(
            "connection closed before any answer, on a kept-alive connection", onKeptAliveConnection: true,
            urlSession: .timedOut,
            asyncHTTPClient: .transport
        ) { _ in [.close] },
        HostileFault(
            "connection reset before the headers, on a kept-alive connection", onKeptAliveConnection: true,
            urlSession: .timedOut,
            asyncHTTPClient: .transport
        ) { _ in [.reset] },
        HostileFault("an answer that is not HTTP (an SSH banner)", urlSession: .transport) { _ in
            [.write(Array("SSH-2.0-OpenSSH_9.6\r\n".utf8)), .close]
        },
        HostileFault("accepted, never answered", urlSession: .timedOut) { _ in [.hold] },
        HostileFault("the answer dripped a byte every 100 ms (faster than any idle timeout)", urlSession: .timedOut) {
            answer in
            [.drip(answer.bytes, every: .milliseconds(100))]
        },
        HostileFault("the head whole, then the body dripped a byte every 100 ms", urlSession: .timedOut) { answer in
            [.write(answer.head(contentLength: answer.body.count)), .drip(answer.body, every: .milliseconds(100))]
        },
    ]

    static let size: [HostileFault] = [
        HostileFault("a body 100 times the largest documented response", urlSession: .responseTooLarge) { answer in
            [
                .write(answer.head(contentLength: hundredTimesDocumented)),
                .stream(chunk: Array(repeating: 0x20, count: 64 << 10), total: hundredTimesDocumented),
            ]
        },
        HostileFault("the same without Content-Length (chunked)", urlSession: .responseTooLarge) { answer in
            let chunk = chunked(Array(repeating: 0x20, count: 64 << 10))
            return [
                .write(answer.head(contentLength: nil, extra: [("Transfer-Encoding", "chunked")])),
                .stream(chunk: chunk, total: chunk.count * (hundredTimesDocumented / (64 << 10) + 1)),
            ]
        },
        HostileFault("a declared Content-Length of 10 GB", urlSession: .responseTooLarge) { answer in
            [.write(answer.head(contentLength: 10_000_000_000) + answer.body), .hold]
        },
    ]

    static let content: [HostileFault] = [
        HostileFault("200 with an empty body", urlSession: .decodingFailed) { answer in
            [.write(FaultServer.Answer(status: 200, headers: answer.headers, body: []).bytes)]
        },
        HostileFault("JSON nested 100,000 levels deep", urlSession: .decodingFailed) { answer in
            [
                .write(
                    with(
                        answer,
                        body: Array(String(repeating: "[", count: 100_000).utf8)
                            + Array(String(repeating: "]", count: 100_000).utf8)))
            ]
        },
        HostileFault("invalid UTF-8 inside a string", urlSession: .decodingFailed) { answer in
            [.write(with(answer, body: insertingAfterFirstStringStart(answer.body, [0xFF, 0xFE, 0xC0])))]
        },
        HostileFault("a 10,000-digit number where a number (userId, balance) is expected", urlSession: .decodingFailed)
        { answer in
            [
                .write(
                    with(
                        answer,
                        body: replacingFirstNumber(answer.body, with: Array(String(repeating: "9", count: 10_000).utf8))
                    ))
            ]
        },
        HostileFault("a JSON array where the object is expected", urlSession: .decodingFailed) { answer in
            [.write(with(answer, body: Array("[1,2,3]".utf8)))]
        },
    ]

    static let headers: [HostileFault] = [
        HostileFault("a header line of 1 MiB", urlSession: .transport) { answer in
            [
                .write(
                    answer.head(
                        contentLength: answer.body.count, extra: [("X-Padding", String(repeating: "p", count: 1 << 20))]
                    ) + answer.body)
            ]
        },
        HostileFault("10,000 header fields", urlSession: .answered, asyncHTTPClient: .transport) { answer in
            let many = (0..<10_000).map { (name: "X-Field-\($0)", value: "v") }
            return [.write(answer.head(contentLength: answer.body.count, extra: many) + answer.body)]
        },
        HostileFault("another request's correlation id", urlSession: .correlationMismatch) { answer in
            [.write(withCorrelationID(answer, ["261125000000-0000000"]).bytes)]
        },
        HostileFault("the correlation id twice, the second another request's", urlSession: .correlationMismatch) {
            answer in
            let own = answer.headers.first { $0.name == "X-KM-Correlation-Id" }?.value ?? ""
            return [.write(withCorrelationID(answer, [own, "261125000000-0000000"]).bytes)]
        },
        HostileFault("no correlation id at all (the docs require one)", urlSession: .responseInvalid) { answer in
            [.write(withCorrelationID(answer, []).bytes)]
        },
    ]

    static let status: [HostileFault] = [
        HostileFault("an HTML 502 from a proxy", urlSession: .unexpectedResponse(status: 502)) { _ in
            [
                .write(
                    FaultServer.Answer(
                        status: 502, headers: [("Content-Type", "text/html")],
                        body: Array("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8)
                    ).bytes)
            ]
        },
        HostileFault("a 503 with Retry-After and a text body", urlSession: .unexpectedResponse(status: 503)) { _ in
            [
                .write(
                    FaultServer.Answer(
                        status: 503, headers: [("Retry-After", "120"), ("Content-Type", "text/plain")],
                        body: Array("busy".utf8)
                    ).bytes)
            ]
        },
        HostileFault("a 307 redirect to the same server", urlSession: .unexpectedResponse(status: 307)) { answer in
            [.write(redirect(307, answer))]
        },
        HostileFault("a 308 redirect", urlSession: .unexpectedResponse(status: 308)) { answer in
            [.write(redirect(308, answer))]
        },
        HostileFault("a 302 redirect (a client would follow it as a GET)", urlSession: .unexpectedResponse(status: 302))
        { answer in
            [.write(redirect(302, answer))]
        },
        HostileFault("a 100 Continue before the answer (valid HTTP/1.1)", urlSession: .answered) { answer in
            [.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8) + answer.bytes)]
        },
    ]

    static let encrypted: [HostileFault] = [
        HostileFault("an encrypted endpoint answered in clear", .encrypted, urlSession: .openingFailed) { answer in
            [.write(with(answer, body: opened(answer.body)))]
        },
        HostileFault("a JWE with a forged tag", .encrypted, urlSession: .openingFailed) { answer in
            [.write(with(answer, body: forgingTag(answer.body)))]
        },
        HostileFault("a JWE sealed for another client's key", .encrypted, urlSession: .openingFailed) { answer in
            [.write(with(answer, body: sealedForStranger(opened(answer.body))))]
        },
        HostileFault("a JWE of five empty parts", .encrypted, urlSession: .openingFailed) { answer in
            [.write(with(answer, body: Array(#"{"encData":"...."}"#.utf8)))]
        },
        HostileFault(
            "the compact JWE alone, without the wrapper (read: DECISIONS.md D45)", .encrypted, urlSession: .answered
        ) { answer in
            [.write(with(answer, body: Array(compactToken(answer.body).utf8)))]
        },
    ]
}

// MARK: - What the plans do to an answer

extension HostileFault {
    /// The largest response the docs describe (every string at its longest, one element in each list), in bytes:
    /// computed from the specs.
    public static let largestDocumentedResponse: Int =
        APISamples.specs.values.map { spec in
            SampleJSON.object(
                spec.response?.fields ?? [], rules: spec.response?.rules ?? [], breaking: nil, longest: true
            ).utf8.count
        }.max() ?? 0

    public static var hundredTimesDocumented: Int { 100 * largestDocumentedResponse }

    static func with(_ answer: FaultServer.Answer, body: [UInt8]) -> [UInt8] {
        FaultServer.Answer(status: answer.status, headers: answer.headers, body: body).bytes
    }

    static func chunked(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
    }

    static func withCorrelationID(_ answer: FaultServer.Answer, _ ids: [String]) -> FaultServer.Answer {
        var changed = answer
        changed.headers =
            answer.headers.filter { $0.name != "X-KM-Correlation-Id" } + ids.map { ("X-KM-Correlation-Id", $0) }
        return changed
    }

    static func redirect(_ status: Int, _ answer: FaultServer.Answer) -> [UInt8] {
        FaultServer.Answer(status: status, headers: [("Location", "/open-api/api/v1/elsewhere")], body: []).bytes
    }

    /// `"…":"` is where a string value starts: the bytes go right after the first one.
    static func insertingAfterFirstStringStart(_ body: [UInt8], _ bytes: [UInt8]) -> [UInt8] {
        let marker = Array(#"":""#.utf8)
        guard
            let start = (0...(body.count - marker.count)).first(where: {
                body[$0..<$0 + marker.count].elementsEqual(marker)
            })
        else {
            return body + bytes
        }
        var changed = body
        changed.insert(contentsOf: bytes, at: start + marker.count)
        return changed
    }

    /// The first number value (after `":`) replaced by `digits`.
    static func replacingFirstNumber(_ body: [UInt8], with digits: [UInt8]) -> [UInt8] {
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard let start = (1..<body.count).first(where: { body[$0 - 1] == UInt8(ascii: ":") && isDigit(body[$0]) })
        else {
            return body
        }
        let end = body[start...].firstIndex { !isDigit($0) } ?? body.endIndex
        var changed = body
        changed.replaceSubrange(start..<end, with: digits)
        return changed
    }

    static func compactToken(_ wrapper: [UInt8]) -> String {
        (try? JSONDecoder().decode([String: String].self, from: Data(wrapper)))?["encData"] ?? ""
    }

    /// The JSON a sealed answer carries, opened with the client's key.
    static func opened(_ wrapper: [UInt8]) -> [UInt8] {
        (try? DoubleFixture.keys.opener().open(wrapper)) ?? []
    }

    /// The wrapper with the JWE's tag changed in its first character.
    static func forgingTag(_ wrapper: [UInt8]) -> [UInt8] {
        var parts = compactToken(wrapper).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let first = parts[4].first else { return wrapper }
        parts[4] = (first == "A" ? "B" : "A") + parts[4].dropFirst()
        return Array(#"{"encData":"\#(parts.joined(separator: "."))"}"#.utf8)
    }

    static func sealedForStranger(_ json: [UInt8]) -> [UInt8] {
        (try? strangerSealer.seal(json)) ?? []
    }

    /// Another client's public key: what it seals, this client cannot open.
    static let strangerSealer = try! KonaplateJWESealer(
        serverPublicKeyPEM: KonaplateDoubleKeys.generate().clientPublicKeyPEM)
}

// MARK: - The fault table

extension HostileFault {
    /// The corpus as a Markdown table, fault by fault: what the caller gets through each transport, and whether an
    /// endpoint that is safe to repeat sends again. The Reliability article holds it verbatim (a test checks).
    public static var table: String {
        var lines = [
            "| Fault | URLSession | AsyncHTTPClient | Safe to repeat |",
            "|---|---|---|---|",
        ]
        for fault in quick {
            let outcomes = HostileTransport.allCases.map {
                "`\(fault.expected($0))`".replacingOccurrences(of: "`the typed response`", with: "the typed response")
            }
            let retried = HostileTransport.allCases.filter { fault.expected($0).isRetried }
            let again =
                switch retried.count {
                case HostileTransport.allCases.count: "sent again"
                case 0: "not sent again"
                default: "sent again through \(retried.map(\.rawValue).joined(separator: ", ")) only"
                }
            let name = fault.name.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| \(name) | \(outcomes[0]) | \(outcomes[1]) | \(again) |")
        }
        return lines.joined(separator: "\n")
    }
}
