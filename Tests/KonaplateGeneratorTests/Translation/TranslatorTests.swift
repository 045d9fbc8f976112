import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateGenerator

/// The translator on its own: from a checked spec to the Swift model, typed (no rendered text is read).
struct TranslatorTests {
    static func property(_ fieldLine: String, named name: String) throws -> SwiftProperty {
        let endpoint = try translated(validSpec + fieldLine)
        return try #require(endpoint.request.structure!.properties.first { $0.name == name })
    }

    @Test func integerTypesFollowTheDocumentedRange() throws {
        func type(_ range: String) throws -> SwiftType {
            let endpoint = try translated(validSpec.replacingOccurrences(of: "1...9999999999999999999", with: range))
            return try #require(endpoint.request.structure!.properties.first).type
        }
        #expect(try type("1...9999999999999999999") == .integer(.uint64))
        #expect(try type("1...9223372036854775807") == .integer(.int64))
        #expect(try type("1...999999999999999") == .integer(.int64))
        #expect(try type("0...100000") == .integer(.int))
        #expect(try type("-5...") == .integer(.int64))
    }

    @Test func aRangeCheckKeepsTheDocumentedBoundsAndLeavesOpenOnesToTheType() throws {
        let bounded = try Self.property(
            "    amount: { type: number, presence: required, range: 0...100000 }\n", named: "amount")
        #expect(bounded.checks == [.range(minimum: 0, maximum: 100_000)])
        let open = try Self.property(
            "    amount: { type: number, presence: required, range: -5... }\n", named: "amount")
        #expect(open.checks == [.range(minimum: -5, maximum: nil)])
        let numericString = try Self.property(
            "    amount: { type: string, presence: optional, range: 1... }\n", named: "amount")
        #expect(numericString.type == .string)
        #expect(numericString.isOptional)
        #expect(numericString.checks == [.numericString(minimum: 1, maximum: nil)])
    }

    /// Request arrays whose element schema the docs do not render become arrays of any JSON value.
    @Test func itemsAnyBecomesAnArrayOfJSONValues() throws {
        let tcList = try Self.property("    tcList: { type: array, presence: optional, items: any }\n", named: "tcList")
        #expect(tcList.type == .array(.jsonValue))
        #expect(tcList.isOptional)
    }

    @Test func itemsOfAKnownScalarTypeAreTyped() throws {
        let ids = try Self.property(
            "    ids: { type: array, presence: required, items: { type: string, length: 3 }, count: 1...10 }\n",
            named: "ids")
        #expect(ids.type == .array(.string))
        #expect(ids.checks == [.elementLength(.exactly(3)), .count(.between(1, 10))])
    }

    @Test func codesBecomeANestedEnumCheckedForBeingDocumented() throws {
        let endpoint = try translated(
            validSpec
                + "    status: { type: string, presence: required, length: 2, codes: { \"01\": 정상, \"02\": { meaning: 해지, case: terminated } } }\n"
        )
        let status = try #require(endpoint.request.structure!.properties.first { $0.name == "status" })
        #expect(status.type == .code("Status"))
        #expect(status.checks == [.documentedCode])  // the codes' length was checked against 'length' already
        guard case .codes(let codes)? = endpoint.request.structure!.nestedTypes.first else {
            Issue.record("no nested code enum")
            return
        }
        #expect(codes.cases.map(\.name) == ["code01", "terminated"])
    }

    @Test func formatsAndLengthsBecomeChecks() throws {
        let at = try Self.property("    at: { type: string, presence: required, format: yyyyMMdd }\n", named: "at")
        #expect(at.checks == [.format(.yyyyMMdd)])
        #expect(at.doc.lines.last == "Required, format yyyyMMdd.")
    }

    /// Headers carry the same check model as fields, and request headers say how the builder fills them.
    @Test func headersCarryChecksAndFills() throws {
        let endpoint = try translated(
            validSpec.replacingOccurrences(of: "request:\n", with: "request:\n  encrypted: true\n"))
        guard case .shared(let set) = endpoint.headers else {
            Issue.record("expected the shared set")
            return
        }
        let byName = Dictionary(uniqueKeysWithValues: set.request.map { ($0.headerName, $0) })
        #expect(byName["X-KM-User-AspId"]?.fill == .value(.aspId))
        #expect(byName["X-KM-User-AspId"]?.checks == [.length(.exactly(15))])
        #expect(byName["X-KM-Crypto-Key-Id"]?.fill == .conditional(.cryptoKeyId, .encrypted))
        #expect(byName["X-KM-Crypto-Key-Id"]?.checks.first == .requiredWhen(.encrypted))
        #expect(byName["X-KM-Access-Key"]?.fill == .conditional(.accessKey, .notCallback))
        #expect(byName["X-KM-Tran-Token"]?.checks.contains(.format(.tranToken)) == true)
        #expect(set.response.allSatisfy { $0.fill == nil })
        #expect(endpoint.isRequestEncrypted)
    }

    @Test func anEndpointThatChangesItsHeadersGetsItsOwn() throws {
        let yaml = validSpec.replacingOccurrences(
            of: "headers: standard", with: "headers: { use: standard, request: { X-KM-User-AspId: { length: 16 } } }")
        let endpoint = try translated(yaml)
        guard case .own(let request, _) = endpoint.headers else {
            Issue.record("expected headers of its own")
            return
        }
        #expect(request.first { $0.headerName == "X-KM-User-AspId" }?.checks == [.length(.exactly(16))])
    }

    @Test func resultCasesAreNamedFromTheirMessageUnlessTheSpecNamesThem() throws {
        let endpoint = try translated(
            validSpec + """
                results:
                  - { status: 200, code: "000_000", message: Success., description: 성공 }
                  - { status: 400, code: "001_006", message: Wallet user not found, case: noWallet }

                """)
        let own = endpoint.resultCodes.prefix(2)
        #expect(own.map(\.name) == ["success", "noWallet"])
        #expect(own.map(\.status) == [200, 400])
    }

    /// The codes every endpoint shares follow its own table's rows; a code its table lists keeps the table's row,
    /// which is more precise about this endpoint (DECISIONS.md D44).
    @Test func sharedResultCodesFollowTheEndpointsOwnAndYieldToThem() throws {
        let shared = try #require(SpecFrontEnd.check([]).api).sharedResults
        #expect(shared.map(\.code.value).contains("000_000"))
        let endpoint = try translated(
            validSpec + """
                results:
                  - { status: 400, code: "001_006", message: Wallet user not found, case: noWallet }
                  - { status: 400, code: "000_002", message: Invalid input parameter. userId, case: badUserId }

                """)
        let expected = ["001_006", "000_002"] + shared.map(\.code.value).filter { $0 != "000_002" }.sorted()
        #expect(endpoint.resultCodes.map(\.code) == expected)
        #expect(endpoint.resultCodes.first { $0.code == "000_002" }?.name == "badUserId")
        #expect(endpoint.resultCodes.first { $0.code == "000_000" }?.name == "success")

        let silent = try translated(validSpec)
        #expect(silent.resultCodes.map(\.code) == shared.map(\.code.value).sorted(), "a page without a code table")
    }

    /// A body the page does not show is not an empty one: it becomes an open object, documented as such.
    @Test func anUndocumentedBodyIsAnOpenObjectNotAnEmptyStruct() throws {
        let endpoint = try translated(
            validSpec.replacingOccurrences(of: "docs: complete", with: "docs: partial\nmissing: the response")
                + "response: { encrypted: true, fields: undocumented }\n")
        guard case .undocumented(let name, let doc) = endpoint.response else {
            Issue.record("expected an undocumented response")
            return
        }
        #expect(name == "Response")
        #expect(doc.lines.first?.hasPrefix("The response body, which the stored docs page does not show") == true)
        #expect(doc.lines.last == "Encrypted: received sealed (JWE) with the client's public key.")
        #expect(endpoint.isResponseEncrypted)
        #expect(endpoint.request.structure != nil)
    }
}
