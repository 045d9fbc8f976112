import HTTPTypes
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime

/// What the client benchmarks share: a double for the whole API with throwaway keys and stubs for two endpoints (a
/// small plain one, a small one encrypted both ways), their requests, and clients for any transport.
enum ClientFixture {
    static let keys = try! KonaplateDoubleKeys.generate()
    /// Parsed once, as a client holds its sealer: parsing the PEM key is not part of preparing a request.
    static let sealer = try! keys.sealer()
    static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "benchmark-secret-key",
        cryptoKeyId: String(repeating: "c", count: 32))

    static let plainRequest = ServiceInfoList.Request(serviceIdList: ["SVC000000000001"])
    static let encryptedRequest = CardVirtualAccountInquiry.Request(cardNo: "9410123412341234")

    /// A double answering both endpoints with a valid response.
    static func double() -> KonaplateDouble {
        let double = KonaplateDouble(
            endpoints: KonaplateEndpointCatalogue.konaplateAPI.endpoints,
            configuration: KonaplateDoubleConfiguration(credentials: credentials, keys: keys))
        double.stub(
            ServiceInfoList.self,
            .response(.init(serviceInfos: [.init(serviceId: "SVC000000000001", serviceName: "코나 선불카드")])))
        double.stub(CardVirtualAccountInquiry.self, .response(.init(accountNo: "12345678901234", bankCode: "020")))
        return double
    }

    static func client(
        _ transport: any KonaplateTransport, server: KonaplateServer = .sandbox, timeout: Duration? = nil
    ) -> KonaplateClient {
        KonaplateClient(
            credentials: credentials, server: server, transport: transport, sealer: sealer,
            opener: try! keys.opener(), timeout: timeout)
    }

    static func prepared<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request
    ) -> KonaplatePreparedRequest {
        try! KonaplateRequests.prepare(
            Endpoint.self, request, credentials: credentials, context: KonaplateHeaderContext(timeZone: .kst),
            sealer: sealer)
    }

    /// A transport replaying the double's answer to one valid request.
    static func canned<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request
    ) -> CannedTransport {
        let request = prepared(Endpoint.self, request)
        let (response, body) = double().answer(request.head, body: request.body)
        precondition(response.status == .ok, "the double refused the benchmark's request")
        return CannedTransport(response: response, body: body)
    }
}

/// Answers every request at once with the same response, echoing the request's correlation id as a server does
/// (the client reads no answer to another request): what is left is the client's own work.
struct CannedTransport: KonaplateTransport {
    let response: HTTPResponse
    let body: [UInt8]

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        var response = self.response
        response.headerFields[.konaplateCorrelationId] = request.headerFields[.konaplateCorrelationId]
        return (response, self.body)
    }
}
