import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import OpenAPIRuntime

/// One size of the side-by-side: both clients, their canned transports and the rounds.
struct Comparison: Sendable {
    let rounds: Int
    let items: Int
    let perRound = 2_000

    static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "comparison-secret-key",
        cryptoKeyId: String(repeating: "c", count: 32))
    static let context = KonaplateHeaderContext(timeZone: .kst)
    static let request = ServiceInfoList.Request(serviceIdList: ["SVC000000000001"])

    /// The double's answer to a valid request, with `items` service infos: the bytes both transports return.
    static func answer(items: Int) throws -> [UInt8] {
        let double = KonaplateDouble(
            endpoints: [ServiceInfoList.self],
            configuration: KonaplateDoubleConfiguration(
                credentials: credentials, keys: try KonaplateDoubleKeys.generate()))
        let infos = (0..<items).map { index in
            ServiceInfoList.Response.ServiceInfosItem(
                serviceId: "SVC" + String(format: "%012d", index + 1), serviceName: "코나 선불카드 \(index + 1)")
        }
        double.stub(ServiceInfoList.self, .response(.init(serviceInfos: infos)))
        let prepared = try KonaplateRequests.prepare(
            ServiceInfoList.self, request, credentials: credentials, context: context)
        let (response, body) = double.answer(prepared.head, body: prepared.body)
        precondition(response.status == .ok, "the double refused the comparison's request")
        return body
    }

    func run() async throws -> [String: Any] {
        let body = try Self.answer(items: items)
        let ours = KonaplateClient(
            credentials: Self.credentials, transport: CannedKonaplateTransport(body: body), context: Self.context)
        let sog = Client(
            serverURL: URL(string: "https://sandbox.konaplate.com/open-api")!,
            transport: CannedSOGTransport(body: body),
            middlewares: [SigningMiddleware(credentials: Self.credentials, context: Self.context)])
        let sendOurs: @Sendable () async throws -> Int = {
            try await ours.send(ServiceInfoList.self, Self.request).value.serviceInfos.count
        }
        let sendSOG: @Sendable () async throws -> Int = {
            let output = try await sog.serviceInfoList(body: .json(.init(serviceIdList: ["SVC000000000001"])))
            return try output.ok.body.json.serviceInfos.count
        }
        // Warm up both: code paths, caches, the allocator.
        _ = try await microseconds(sendOurs)
        _ = try await microseconds(sendSOG)
        // What no Konaplate client on Foundation can skip, alone in a loop: encoding the request with JSONEncoder,
        // signing it (the same header code the SOG middleware calls), decoding the response with JSONDecoder. Ours
        // cannot go below it, whatever else it stops doing; the JSON alone is timed too.
        let encoder = KonaplateJSON.encoder()
        let decoder = JSONDecoder()
        let data = Data(body)
        let json: @Sendable () async throws -> Int = {
            let encoded = try encoder.encode(Self.request)
            return try decoder.decode(ServiceInfoList.Response.self, from: data).serviceInfos.count + encoded.count
        }
        let floor: @Sendable () async throws -> Int = {
            let encoded = try encoder.encode(Self.request)
            let headers = try ServiceInfoList.RequestHeaders(
                credentials: Self.credentials, body: Array(encoded), context: Self.context)
            return try decoder.decode(ServiceInfoList.Response.self, from: data).serviceInfos.count
                + headers.tranToken.count
        }
        _ = try await microseconds(json)
        _ = try await microseconds(floor)
        var floorTimes: [Double] = []
        var jsonTimes: [Double] = []
        var oursTimes: [Double] = []
        var sogTimes: [Double] = []
        var ratios: [Double] = []
        for round in 0..<rounds {
            let (a, b): (Double, Double)
            if round.isMultiple(of: 2) {
                a = try await microseconds(sendOurs)
                b = try await microseconds(sendSOG)
            } else {
                b = try await microseconds(sendSOG)
                a = try await microseconds(sendOurs)
            }
            oursTimes.append(a)
            sogTimes.append(b)
            ratios.append(a / b)
            jsonTimes.append(try await microseconds(json))
            floorTimes.append(try await microseconds(floor))
        }
        return [
            "items": items, "bytes": body.count, "perRound": perRound, "oursMicroseconds": oursTimes,
            "sogMicroseconds": sogTimes,
            "ratios": ratios, "jsonMicroseconds": jsonTimes, "floorMicroseconds": floorTimes,
        ]
    }

    /// Time per request, in microseconds, over `perRound` requests in a row.
    func microseconds(_ send: @Sendable () async throws -> Int) async throws -> Double {
        let clock = ContinuousClock()
        var checksum = 0
        let start = clock.now
        for _ in 0..<perRound { checksum &+= try await send() }
        let elapsed = clock.now - start
        precondition(checksum > 0, "nothing decoded")
        return (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            / Double(perRound)
    }
}
