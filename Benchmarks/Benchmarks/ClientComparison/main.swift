import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import OpenAPIRuntime

// KonaplateClient against a swift-openapi-generator client of the same operation, side by side in one process
// (Benchmarks/client-comparison.sh writes BENCHMARKS.md from its JSON lines): ServiceInfoList answered at once by
// canned transports returning the same bytes, with 1 and 20 response items. Each round times `perRound` requests
// of one client, then of the other, the order alternating between rounds, so that a drift of the machine (another
// process, the CPU's clock) lands on both; the ratio is taken per round.
//
//   ClientComparison [ROUNDS] [ITEMS...]      defaults: 30 rounds, 1 and 20 items

let arguments = Array(CommandLine.arguments.dropFirst())
let rounds = arguments.first.flatMap { Int($0) } ?? 30
let sizes = arguments.count > 1 ? arguments.dropFirst().compactMap { Int($0) } : [1, 20]
let perRound = 2_000

let credentials = KonaplateCredentials(
    aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "comparison-secret-key",
    cryptoKeyId: String(repeating: "c", count: 32))
let context = KonaplateHeaderContext(timeZone: .kst)
let request = ServiceInfoList.Request(serviceIdList: ["SVC000000000001"])

/// The double's answer to a valid request, with `items` service infos: the bytes both transports return.
func answer(items: Int) throws -> [UInt8] {
    let double = KonaplateDouble(
        endpoints: [ServiceInfoList.self],
        configuration: KonaplateDoubleConfiguration(credentials: credentials, keys: try KonaplateDoubleKeys.generate()))
    let infos = (0..<items).map { index in
        ServiceInfoList.Response.ServiceInfosItem(serviceId: "SVC" + String(format: "%012d", index + 1), serviceName: "코나 선불카드 \(index + 1)")
    }
    double.stub(ServiceInfoList.self, .response(.init(serviceInfos: infos)))
    let prepared = try KonaplateRequests.prepare(ServiceInfoList.self, request, credentials: credentials, context: context)
    let (response, body) = double.answer(prepared.head, body: prepared.body)
    precondition(response.status == .ok, "the double refused the comparison's request")
    return body
}

/// Time per request, in microseconds, over `count` requests in a row.
func microseconds(_ count: Int, _ send: () async throws -> Int) async throws -> Double {
    let clock = ContinuousClock()
    var checksum = 0
    let start = clock.now
    for _ in 0..<count { checksum &+= try await send() }
    let elapsed = clock.now - start
    precondition(checksum > 0, "nothing decoded")
    return (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(count)
}

for items in sizes {
    let body = try answer(items: items)
    let ours = KonaplateClient(credentials: credentials, transport: CannedKonaplateTransport(body: body), context: context)
    let sog = Client(
        serverURL: URL(string: "https://sandbox.konaplate.com/open-api")!, transport: CannedSOGTransport(body: body),
        middlewares: [SigningMiddleware(credentials: credentials, context: context)])
    let sendOurs = { try await ours.send(ServiceInfoList.self, request).value.serviceInfos.count }
    let sendSOG = {
        let output = try await sog.serviceInfoList(body: .json(.init(serviceIdList: ["SVC000000000001"])))
        return try output.ok.body.json.serviceInfos.count
    }
    // Warm up both: code paths, caches, the allocator.
    _ = try await microseconds(perRound, sendOurs)
    _ = try await microseconds(perRound, sendSOG)
    var oursTimes: [Double] = []
    var sogTimes: [Double] = []
    var ratios: [Double] = []
    for round in 0..<rounds {
        let (a, b): (Double, Double)
        if round.isMultiple(of: 2) {
            a = try await microseconds(perRound, sendOurs)
            b = try await microseconds(perRound, sendSOG)
        } else {
            b = try await microseconds(perRound, sendSOG)
            a = try await microseconds(perRound, sendOurs)
        }
        oursTimes.append(a)
        sogTimes.append(b)
        ratios.append(a / b)
    }
    let line: [String: Any] = [
        "items": items, "bytes": body.count, "perRound": perRound, "oursMicroseconds": oursTimes, "sogMicroseconds": sogTimes,
        "ratios": ratios,
    ]
    print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
}

/// Answers KonaplateClient at once with `body`, echoing the correlation id as a server does.
struct CannedKonaplateTransport: KonaplateTransport {
    let body: [UInt8]

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        response.headerFields[.konaplateCorrelationId] = request.headerFields[.konaplateCorrelationId]
        return (response, self.body)
    }
}

/// Answers the swift-openapi-generator client at once with the same `body` and headers.
struct CannedSOGTransport: ClientTransport {
    let body: [UInt8]

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        response.headerFields[.konaplateCorrelationId] = request.headerFields[.konaplateCorrelationId]
        return (response, HTTPBody(self.body))
    }
}

/// What a swift-openapi-generator user must do to call Konaplate: sign the encoded body and set the X-KM-* headers
/// in a middleware (as header parameters, their values would be percent-encoded). The same header code as
/// KonaplateClient's, so that signing costs both the same.
struct SigningMiddleware: ClientMiddleware {
    let credentials: KonaplateCredentials
    let context: KonaplateHeaderContext
    /// Parsed once.
    let names: [String: HTTPField.Name] = Dictionary(
        uniqueKeysWithValues: ServiceInfoList.RequestHeaders.headerNames.values.map { ($0, HTTPField.Name($0)!) })

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8] = if let body { try await [UInt8](collecting: body, upTo: 1 << 20) } else { [] }
        let headers = try ServiceInfoList.RequestHeaders(credentials: credentials, body: bytes, context: context)
        var signed = request
        for (name, value) in headers.headerFields { if let field = names[name] { signed.headerFields[field] = value } }
        return try await next(signed, HTTPBody(bytes), baseURL)
    }
}
