import Foundation
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateGenerator
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport
import Testing

/// Bodies the docs show empty, and bodies they do not show at all, behave as the specs say.
struct BodyShapeTests {
    /// Endpoints whose page shows a response without fields, and whose response is not encrypted.
    static let emptyResponses: [String] = WholeAPITests.specs.values.filter { spec in
        let response = spec.response
        return response?.isUndocumented != true && (response?.fields ?? []).isEmpty && response?.encrypted != true
    }.map(\.path.value).sorted()

    @Test(arguments: emptyResponses)
    func anEndpointWithoutResponseFieldsDecodesAnEmptyBody(_ path: String) throws {
        let endpoint = try #require(WholeAPITests.endpointType(path))
        try Self.decodesEmpty(endpoint)
    }

    static func decodesEmpty<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) throws {
        for body in ["", "{}", " \n"] {
            let response = try KonaplateRequests.decodeResponse(Endpoint.self, body: Array(body.utf8))
            #expect(response.violations.isEmpty)
        }
        // An empty body is an empty object, never an accepted garbage body.
        #expect(throws: KonaplateRequestError.self) {
            try KonaplateRequests.decodeResponse(Endpoint.self, body: Array("[]".utf8))
        }
    }

    @Test func anUndocumentedBodyIsSentAndReadAsItIsAndPrintsNoValue() throws {
        let body: KonaplateUndocumentedBody = [
            "cardNo": .string("9410123412341234"), "userId": .unsignedInteger(9_999_999_999_999_999_999),
        ]
        let encoded = try KonaplateJSON.encoder().encode(body)
        #expect(
            String(decoding: encoded, as: UTF8.self) == #"{"cardNo":"9410123412341234","userId":9999999999999999999}"#)
        #expect(try JSONDecoder().decode(KonaplateUndocumentedBody.self, from: encoded) == body)
        #expect(body.violations.isEmpty)
        #expect(!"\(body)".contains("9410"))
        #expect(!dumped(body).contains("9410"))
        #expect("\(body)" == "KonaplateUndocumentedBody(cardNo: <redacted>, userId: <redacted>)")
    }

    /// Every endpoint whose spec says a body is undocumented gets the open body type, not an empty struct.
    @Test func undocumentedBodiesAreOpenObjects() throws {
        var seen = 0
        for spec in WholeAPITests.specs.values {
            let endpoint = try #require(WholeAPITests.endpointType(spec.path.value))
            if spec.request?.isUndocumented == true {
                #expect(
                    ObjectIdentifier(Self.requestType(endpoint)) == ObjectIdentifier(KonaplateUndocumentedBody.self),
                    "\(spec.path.value)")
                seen += 1
            }
            if spec.response?.isUndocumented == true {
                #expect(
                    ObjectIdentifier(Self.responseType(endpoint)) == ObjectIdentifier(KonaplateUndocumentedBody.self),
                    "\(spec.path.value)")
                seen += 1
            }
        }
        #expect(seen > 0)
    }

    static func requestType<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) -> Any.Type {
        Endpoint.Request.self
    }
    static func responseType<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) -> Any.Type {
        Endpoint.Response.self
    }

    /// A date the docs type as a number carries its format: its digits are checked (DECISIONS.md D42).
    @Test func aDateTypedAsANumberIsCheckedOnItsDigits() {
        let par = String(repeating: "p", count: 27)
        #expect(CardsDeduction.Response(par: par, deductionDate: 20_241_231).violations.isEmpty)
        #expect(
            CardsDeduction.Response(par: par, deductionDate: 20_241_301).violations.map(\.description) == [
                "deductionDate: not in format yyyyMMdd"
            ])
        #expect(CardsDeduction.Response(par: par, deductionDate: 2_024_123).violations.count == 1)  // 7 digits
    }
}
