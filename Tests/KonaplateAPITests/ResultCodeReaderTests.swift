import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateRuntime
import KonaplateTestSupport
import Testing

/// Where the result code is read from: the default members, other member names, a reader of one's own (a header
/// here), and the answers that carry no code. The default reader reads code, message and body in one JSON pass; these
/// cases pin that it answers as a reader run on its own would.
struct ResultCodeReaderTests {
    /// What the client sends with `context` (its clock and randomness fixed), and a server echoes.
    static let correlationID: HTTPFields = [.konaplateCorrelationId: "261125181104-00abc12"]
    static let context = KonaplateHeaderContext(timeZone: .kst, now: { fixedInstant }, random: { 0xABC12 })

    static func send<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, _ request: Endpoint.Request, status: HTTPResponse.Status, body: String,
        headers: HTTPFields = correlationID, reader: KonaplateResultCodeReader = .topLevelCodeAndMessage
    ) async -> Result<KonaplateResponse<Endpoint>, KonaplateClientError<Endpoint>> {
        let transport = AnsweringTransport(
            response: HTTPResponse(status: status, headerFields: headers), body: Array(body.utf8))
        var client = DoubleFixture.client(transport, context: context)
        client.resultCodeReader = reader
        do { return .success(try await client.send(Endpoint.self, request)) } catch { return .failure(error) }
    }

    static let suspend = CardStatus.Request(userId: 1, par: String(repeating: "p", count: 27), status: .suspend)
    static let serviceInfo = #"{"serviceInfos":[{"serviceId":"SVC000000000001","serviceName":"선불"}]}"#

    @Test func theDefaultReadsTopLevelCodeAndMessageBesideTheFields() async throws {
        let terminated = await Self.send(
            CardStatus.self, Self.suspend, status: .badRequest,
            body: #"{"code":"003_022","message":"Card already terminated"}"#)
        guard case .failure(.api(let code, let status, let message, let correlationID)) = terminated else {
            Issue.record("\(terminated)")
            return
        }
        #expect(code == .cardAlreadyTerminated)
        #expect(status == .badRequest)
        #expect(message == "Card already terminated")
        #expect(correlationID == "261125181104-00abc12")

        let success = try await Self.send(
            ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"]), status: .ok,
            body:
                #"{"code":"000_000","message":"OK","serviceInfos":[{"serviceId":"SVC000000000001","serviceName":"선불"}]}"#
        ).get()
        // ServiceInfoList's page lost its code table: success is still known, as every endpoint shares it (DECISIONS.md D44).
        #expect(success.resultCode == .success)
        #expect(success.value.serviceInfos.map(\.serviceId) == ["SVC000000000001"])
    }

    @Test func aSuccessWithoutACodeIsSuccessAndAnErrorWithoutOneIsUnexpected() async throws {
        let success = try await Self.send(
            ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"]), status: .ok, body: Self.serviceInfo
        ).get()
        #expect(success.resultCode.code == "000_000")
        let emptySuccess = try await Self.send(CardStatus.self, Self.suspend, status: .ok, body: "").get()
        #expect(emptySuccess.resultCode == .success)

        for (status, body) in [
            (HTTPResponse.Status.badGateway, "<html>Bad gateway</html>"), (.badRequest, "[1,2]"),
            (.internalServerError, ""),
        ] {
            let result = await Self.send(CardStatus.self, Self.suspend, status: status, body: body)
            guard case .failure(.unexpectedResponse(let got, _)) = result else {
                Issue.record("\(status) \(body): \(result)")
                continue
            }
            #expect(got == status)
        }
        // A code that is not a string is no code.
        let numeric = await Self.send(CardStatus.self, Self.suspend, status: .badRequest, body: #"{"code":3022}"#)
        guard case .failure(.unexpectedResponse) = numeric else {
            Issue.record("\(numeric)")
            return
        }
    }

    @Test func aSuccessThatIsNotTheBodyFailsOnTheBodyNamingThePath() async {
        let notJSON = await Self.send(
            ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"]), status: .ok, body: "OK")
        guard case .failure(.decodingFailed) = notJSON else {
            Issue.record("\(notJSON)")
            return
        }
        let wrongType = await Self.send(
            ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"]), status: .ok,
            body: #"{"serviceInfos":[{"serviceId":15,"serviceName":"x"}]}"#)
        guard case .failure(.decodingFailed(let reason)) = wrongType else {
            Issue.record("\(wrongType)")
            return
        }
        #expect(reason == "serviceInfos[0].serviceId: wrong type")
    }

    @Test func otherMemberNames() async {
        let reader = KonaplateResultCodeReader.members(code: "resultCode", message: "resultMessage")
        let result = await Self.send(
            CardStatus.self, Self.suspend, status: .badRequest,
            body: #"{"code":"000_000","resultCode":"003_021","resultMessage":"par not found"}"#, reader: reader)
        guard case .failure(.api(let code, _, let message, _)) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(code == .cannotFindPar)
        #expect(message == "par not found")
        // The reader on its own answers the same.
        let alone = reader.read(
            .badRequest, [:], Array(#"{"resultCode":"003_021","resultMessage":"par not found"}"#.utf8))
        #expect(alone.code == "003_021" && alone.message == "par not found")
        #expect(reader.read(.ok, [:], []).code == "000_000")
        #expect(reader.read(.badRequest, [:], Array("nope".utf8)).code == nil)
    }

    @Test func aReaderOfOnesOwnReadsAHeader() async throws {
        let resultCode = HTTPField.Name("X-Result-Code")!
        let reader = KonaplateResultCodeReader { _, headers, _ in (headers[resultCode], nil) }
        var headers = Self.correlationID
        headers[resultCode] = "001_006"
        let refused = await Self.send(
            CardStatus.self, Self.suspend, status: .badRequest, body: #"{"code":"000_000"}"#, headers: headers,
            reader: reader)
        guard case .failure(.api(let code, _, _, _)) = refused else {
            Issue.record("\(refused)")
            return
        }
        #expect(code == .walletUserNotFound)
        headers[resultCode] = "000_000"
        let success = try await Self.send(
            ServiceInfoList.self, .init(serviceIdList: ["SVC000000000001"]), status: .ok, body: Self.serviceInfo,
            headers: headers, reader: reader
        ).get()
        #expect(success.value.serviceInfos.count == 1)
        // Without the header it finds no code, even on a 2xx: the rule that a 2xx is success is the members reader's.
        let noCode = await Self.send(CardStatus.self, Self.suspend, status: .ok, body: "{}", reader: reader)
        guard case .failure(.unexpectedResponse) = noCode else {
            Issue.record("\(noCode)")
            return
        }
    }
}

/// Answers every request with one response.
struct AnsweringTransport: KonaplateTransport {
    let response: HTTPResponse
    let body: [UInt8]

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) { (response, self.body) }
}
