import Foundation
import KonaplateSpecs
import KonaplateTextFormats
import SpecTestSupport
import Testing

@testable import KonaplateOpenAPI

struct OpenAPIExportTests {
    static func export(_ inputs: [SpecInput]) throws -> [String: Any] {
        let (document, diagnostics) = OpenAPIExporter.document(inputs)
        #expect(diagnostics.isEmpty)
        let text = try #require(document)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theDocumentIsTheSameWhateverTheInputOrder() {
        let inputs = realInputs()
        #expect(OpenAPIExporter.document(inputs).document == OpenAPIExporter.document(inputs.reversed()).document)
    }

    @Test func anEndpointBecomesAnOperationWithItsHeadersBodiesAndResultCodes() throws {
        let document = try Self.export(realInputs())
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        let operation = try #require((paths["/api/v1/bankaccounts/info"] as? [String: Any])?["post"] as? [String: Any])
        #expect(operation["operationId"] as? String == "BankAccountsInfo")
        #expect(operation["x-konaplate-encrypted-request"] as? Bool == true)
        let parameters = try #require(operation["parameters"] as? [[String: Any]])
        #expect(
            parameters.map { $0["name"] as? String } == [
                "X-KM-User-AspId", "X-KM-Correlation-Id", "X-KM-Access-Key", "X-KM-Crypto-Key-Id", "X-KM-Tran-Token",
                "X-KM-Tran-Time", "X-KM-Time-Zone",
            ])
        // Conditional headers resolved for this endpoint: its request is encrypted and it is no callback.
        #expect(parameters.allSatisfy { $0["in"] as? String == "header" && $0["required"] as? Bool == true })
        let responses = try #require(operation["responses"] as? [String: Any])
        let success = try #require(responses["200"] as? [String: Any])
        #expect((success["x-konaplate-result-codes"] as? [[String: Any]])?.first?["code"] as? String == "000_000")

        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let response = try #require(schemas["BankAccountsInfo.Response"] as? [String: Any])
        #expect(response["required"] as? [String] == ["userId", "accountInfo"])
        let properties = try #require(response["properties"] as? [String: Any])
        let accountInfo = try #require((properties["accountInfo"] as? [String: Any])?["properties"] as? [String: Any])
        let bankCode = try #require(accountInfo["bankCode"] as? [String: Any])
        #expect(bankCode["minLength"] as? Int == 3 && bankCode["maxLength"] as? Int == 3)
        #expect((accountInfo["userName"] as? [String: Any])?["x-konaplate-sensitive"] as? Bool == true)
        #expect(
            (accountInfo["createdDateTime"] as? [String: Any])?["pattern"] as? String
                == "^[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{3}$"
        )
    }

    /// 9999999999999999999 is beyond what most OpenAPI tools hold: kept exact as text, never rounded.
    @Test func boundsBeyondInt64AreKeptExactAsText() throws {
        let (document, _) = OpenAPIExporter.document(realInputs())
        let text = try #require(document)
        #expect(text.contains(#""x-konaplate-maximum": "9999999999999999999""#))
        #expect(text.contains(#""format": "uint64""#))
        #expect(!text.contains(#""maximum": 9999999999999999999"#))
        #expect(text.contains(#""minimum": 1"#))
    }

    @Test func jsonTextIsEscaped() {
        #expect(JSON.quoted("a\"b\\c\n\u{1}\u{202E}😀") == #""a\"b\\c\n\u0001\u202e😀""#)
        #expect(JSON.object([("a", .array([])), ("b", .object([]))]).rendered() == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
    }
}

/// A JSON object may hold a key once: a string with both a format and a numeric range used to get two "pattern"
/// members. The export is read here by a parser that refuses duplicate keys.
@Suite(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
struct OpenAPIDuplicateKeyTests {
    @Test func aStringWithAFormatAndARangeHasOnePatternAndAnAllOf() throws {
        let yaml =
            validSpec + "    date: { type: string, presence: required, format: yyyyMMdd, range: 20000101...20991231 }\n"
        let document = try #require(OpenAPIExporter.document([endpointInput(yaml)]).document)
        let run = try PythonTool.run(
            "openapi-judge.py", [try temporaryFile(document)],
            input: Array(
                #"[{"schema": "Sample.Request", "document": {"userId": 1, "date": "20261125"}}, {"schema": "Sample.Request", "document": {"userId": 1, "date": "19991231"}}]"#
                    .utf8))
        #expect(run.status == 0, run.failure)
        #expect(String(decoding: run.stdout, as: UTF8.self) == "[true, false]")
        let date = document.components(separatedBy: "\"date\": {").dropFirst().first ?? ""
        #expect(date.components(separatedBy: "\"pattern\"").count == 3)  // one in the schema, one inside allOf
        #expect(date.contains("\"allOf\""))
    }
}
