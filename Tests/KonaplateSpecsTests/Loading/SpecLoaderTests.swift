import Foundation
import KonaplateGenerator
import KonaplateOpenAPI
import SpecTestSupport
import Testing

@testable import KonaplateSpecs

struct SpecLoaderTests {
    static let infoPath = "api-specs/bankaccounts/info.yaml"

    static func loadInfo() -> (EndpointSpec?, [Diagnostic]) {
        let bytes = Array(try! Data(contentsOf: repositoryRoot.appendingPathComponent(infoPath)))
        return SpecFrontEnd.loadEndpoint(SpecInput(displayPath: infoPath, sourceName: infoPath, contents: bytes))
    }

    @Test func bankAccountsInfoLoadsToTheModelOfItsDocsPage() throws {
        let (loaded, diagnostics) = Self.loadInfo()
        #expect(diagnostics.isEmpty)
        let spec = try #require(loaded)
        #expect(spec.name.value == "BankAccountsInfo")
        #expect(spec.name.location == SourceLocation(file: Self.infoPath, line: 2, column: 7))
        #expect(spec.title == "회원 등록 계좌 조회")
        #expect(spec.summary == "회원에게 등록된 계좌를 조회할 수 있는 API 입니다.")
        #expect(spec.method.value == "POST")
        #expect(spec.path.value == "/api/v1/bankaccounts/info")
        #expect(spec.version == "v1")
        #expect(spec.mode == .sync)
        #expect(spec.callback == false)
        #expect(spec.docs == .complete)
        #expect(spec.headers.set.value == "standard")
        #expect(spec.headers.requestOverrides.isEmpty)
        #expect(spec.source?.hasPrefix("https://konaplate.com/en/developers/api-documentation/") == true)

        let request = try #require(spec.request)
        #expect(request.encrypted)
        #expect(request.fields.map(\.name.value) == ["userId"])
        let requestUserId = request.fields[0]
        #expect(requestUserId.type == .number)
        #expect(requestUserId.presence == .required)
        #expect(requestUserId.range?.value == IntegerRange(minimum: 1, maximum: 9_999_999_999_999_999_999))
        #expect(requestUserId.description == "회원 ID")

        let response = try #require(spec.response)
        #expect(!response.encrypted)
        #expect(response.fields.map(\.name.value) == ["userId", "accountInfo"])
        let accountInfo = response.fields[1]
        #expect(accountInfo.type == .object)
        #expect(accountInfo.name.location == SourceLocation(file: Self.infoPath, line: 33, column: 5))
        #expect(
            accountInfo.fields.map(\.name.value) == [
                "accountId", "userName", "bankAccount", "bankName", "bankCode", "createdDateTime", "updatedDateTime",
            ])
        let byName = Dictionary(uniqueKeysWithValues: accountInfo.fields.map { ($0.name.value, $0) })
        #expect(byName["accountId"]?.length?.value == .exactly(5))
        #expect(byName["userName"]?.length?.value == .between(1, 100))
        #expect(byName["userName"]?.sensitive == true)
        #expect(byName["bankAccount"]?.sensitive == true)
        #expect(byName["bankName"]?.sensitive == false)
        #expect(byName["bankCode"]?.length?.value == .exactly(3))
        #expect(byName["createdDateTime"]?.format?.value == "yyyyMMddHHmmssSSS")

        #expect(spec.results.count == 1)
        #expect(spec.results[0].status == 200)
        #expect(spec.results[0].code.value == "000_000")
        #expect(spec.results[0].message == "Success.")
        #expect(spec.results[0].description == "성공")
    }

    @Test func lengthRulesReadAllFourShapes() {
        var reader = NodeReader(file: "x")
        func rule(_ text: String) -> LengthRule? {
            reader.lengthRule(.scalar(.init(text)), key: "length")?.value
        }
        #expect(rule("3") == .exactly(3))
        #expect(rule("1...100") == .between(1, 100))
        #expect(rule("...80") == .atMost(80))
        #expect(rule("1...") == .atLeast(1))
        #expect(rule("5...5") == .exactly(5))
        #expect(rule("a") == nil)
        #expect(rule("...") == nil)
        #expect(rule("-1") == nil)
    }

    @Test func definitionsAreTheFilesInCommon() {
        #expect(SpecInput(displayPath: "", sourceName: "api-specs/common/headers.yaml", contents: []).isDefinitions)
        #expect(!SpecInput(displayPath: "", sourceName: "api-specs/bankaccounts/info.yaml", contents: []).isDefinitions)
        #expect(!SpecInput(displayPath: "", sourceName: "api-specs/x/common/y.yaml", contents: []).isDefinitions)
    }
}
