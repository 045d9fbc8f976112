import Foundation
import HTTPTypes
import KonaplateClient
import KonaplateRuntime
import Synchronization

/// A Konaplate test double, like stripe-mock for Stripe: answers any endpoint it is given, after checking each
/// request as the real server would.
///
/// For every request it checks the X-KM-* headers (presence and form per the endpoint's rules, the ASP id and access
/// key against its credentials, the tran time within `allowedSkew`, the tran token recomputed over the exact body),
/// opens a sealed body with the server's private key, decodes and validates the request with the generated types,
/// then answers from the endpoint's stub, sealing encrypted responses. It refuses what the real server would: a
/// missing or malformed header or an invalid body with `000_002` (the docs' "Invalid input parameter", HTTP 400); an
/// authentication failure (wrong key, token or time) with HTTP 401 and the code `DOUBLE_UNAUTHORIZED` (the docs list
/// no code for it). Every request is recorded.
///
/// It is a `KonaplateTransport`: pass it to `KonaplateClient` to test in process. `KonaplateDoubleServer` (the
/// `DoubleServer` trait) serves it over real HTTP.
public final class KonaplateDouble: KonaplateTransport {
    public let configuration: KonaplateDoubleConfiguration
    private let routes: [String: any KonaplateEndpoint.Type]
    private let state = Mutex(State())

    private struct State {
        var stubs: [String: @Sendable () throws -> (status: Int, json: [UInt8])] = [:]
        var recorded: [KonaplateRecordedRequest] = []
    }

    /// - Parameters:
    ///   - catalogue: the endpoints it answers: a generated module's (`.konaplateAPI`), or several
    ///     (`.konaplateAPI + .myKonaplateModels`).
    ///   - configuration: the credentials requests must carry, the keys, the clock and the allowed skew.
    public convenience init(catalogue: KonaplateEndpointCatalogue, configuration: KonaplateDoubleConfiguration) {
        self.init(endpoints: catalogue.endpoints, configuration: configuration)
    }

    /// - Parameters:
    ///   - endpoints: the endpoints it answers.
    ///   - configuration: the credentials requests must carry, the keys, the clock and the allowed skew.
    public init(endpoints: [any KonaplateEndpoint.Type], configuration: KonaplateDoubleConfiguration) {
        self.configuration = configuration
        var routes: [String: any KonaplateEndpoint.Type] = [:]
        for endpoint in endpoints { routes["\(endpoint.method.rawValue) \(endpoint.path)"] = endpoint }
        self.routes = routes
    }

    /// What `endpoint` answers from now on.
    public func stub<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type, _ stub: KonaplateStub<Endpoint>) {
        let answer: @Sendable () throws -> (status: Int, json: [UInt8]) = {
            switch stub {
            case .response(let response): return (200, Array(try KonaplateJSON.encoder().encode(response)))
            case .result(let code):
                return Self.failure(
                    status: code.documentation?.httpStatus ?? 400, code: code.code, message: code.message)
            case .code(let code, let status, let message):
                return Self.failure(status: status, code: code, message: message)
            }
        }
        state.withLock { $0.stubs[Endpoint.path] = answer }
    }

    /// Every request received, in order.
    public var recorded: [KonaplateRecordedRequest] { state.withLock { $0.recorded } }

    public func removeRecorded() { state.withLock { $0.recorded.removeAll() } }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        answer(request, body: body)
    }

    /// The answer to one request, with nothing asynchronous about it (a server calls this).
    public func answer(_ request: HTTPRequest, body: [UInt8]) -> (HTTPResponse, [UInt8]) {
        var path = request.path ?? ""
        if path.hasPrefix(configuration.basePath) { path = String(path.dropFirst(configuration.basePath.count)) }
        guard let endpoint = routes["\(request.method.rawValue) \(path)"] else {
            return respond(
                Self.failure(
                    status: 404, code: "DOUBLE_NOT_FOUND", message: "no endpoint \(request.method.rawValue) \(path)"),
                to: request)
        }
        return handle(endpoint, request, body: body, path: path)
    }

    private func handle<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: HTTPRequest, body: [UInt8], path: String
    ) -> (HTTPResponse, [UInt8]) {
        var record = KonaplateRecordedRequest(
            method: request.method.rawValue, path: path,
            headers: Dictionary(
                request.headerFields.map { ($0.name.rawName, $0.value) }, uniquingKeysWith: { first, _ in first }),
            json: nil, request: nil, refusal: nil)
        defer { state.withLock { $0.recorded.append(record) } }
        let result = RequestCheck<Endpoint>(configuration: configuration).check(request.headerFields, body: body)
        record.json = result.json
        record.request = result.request
        switch result.verdict {
        case .refused(let status, let code, let message):
            record.refusal = message
            return respond(Self.failure(status: status, code: code, message: message), to: request)
        case .accepted:
            guard let stub = state.withLock({ $0.stubs[Endpoint.path] }) else {
                record.refusal = "no stub"
                return respond(
                    Self.failure(status: 501, code: "DOUBLE_NO_STUB", message: "no stub for \(Endpoint.path)"),
                    to: request)
            }
            do {
                var (status, json) = try stub()
                var encrypted = false
                if Endpoint.isResponseEncrypted && (200..<300).contains(status) {
                    guard let key = configuration.clientPublicKeyPEM else {
                        return respond(
                            Self.failure(
                                status: 500, code: "DOUBLE_NO_KEY", message: "no client public key to seal with"),
                            to: request)
                    }
                    switch configuration.sealedResponseForm {
                    case .wrapper: json = try KonaplateJWESealer(serverPublicKeyPEM: key).seal(json)
                    case .compact: json = Array(try KonaplateJWE.seal(json, publicKeyPEM: key).utf8)
                    }
                    encrypted = true
                }
                return respond((status, json), to: request, encrypted: encrypted)
            } catch {
                return respond(
                    Self.failure(status: 500, code: "DOUBLE_STUB_FAILED", message: "\(type(of: error))"), to: request)
            }
        }
    }

    /// A response head echoing the request's correlation id; the crypto key id when the body is sealed.
    private func respond(
        _ answer: (status: Int, json: [UInt8]), to request: HTTPRequest, encrypted: Bool = false
    ) -> (HTTPResponse, [UInt8]) {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        if let correlation = request.headerFields.konaplateValue(.konaplateCorrelationId) {
            fields[.konaplateCorrelationId] = correlation
        }
        if encrypted, let keyID = configuration.credentials.cryptoKeyId {
            fields[.konaplateCryptoKeyId] = keyID
        }
        return (HTTPResponse(status: .init(code: answer.status), headerFields: fields), answer.json)
    }

    /// `{"code": …, "message": …}`, where the client's default result-code reader looks (DECISIONS.md D17).
    static func failure(status: Int, code: String, message: String?) -> (status: Int, json: [UInt8]) {
        var object: [String: String] = ["code": code]
        if let message { object["message"] = message }
        return (status, Array((try? KonaplateJSON.encoder().encode(object)) ?? Data()))
    }
}
