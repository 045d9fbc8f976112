import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateRuntime
import KonaplateTestSupport
import Testing

/// Behaviour of the generated code for POST /api/v1/bankaccounts/info, compiled from Generated/.
struct BankAccountsInfoTests {
    /// A response built from the page's fields: the largest documented userId (19 digits, beyond Int64) and a
    /// Korean name.
    static let responseJSON = #"""
        {"accountInfo":{"accountId":"A0001","bankAccount":"110123456789","bankCode":"088","bankName":"신한은행","createdDateTime":"20261125181104123","updatedDateTime":"20261125181104123","userName":"홍길동"},"userId":9999999999999999999}
        """#

    static func validResponse() throws -> BankAccountsInfo.Response {
        try JSONDecoder().decode(BankAccountsInfo.Response.self, from: Data(responseJSON.utf8))
    }

    @Test func responseDecodesAndEncodesBackLosslessly() throws {
        let response = try Self.validResponse()
        #expect(response.userId == 9_999_999_999_999_999_999)
        #expect(response.accountInfo.userName == "홍길동")
        let encoded = try KonaplateJSON.encoder().encode(response)
        #expect(String(decoding: encoded, as: UTF8.self) == Self.responseJSON)
        #expect(try JSONDecoder().decode(BankAccountsInfo.Response.self, from: encoded) == response)
        try response.validate()
    }

    @Test func unknownResponseFieldsAreIgnored() throws {
        let json = Self.responseJSON.replacingOccurrences(of: #""userId":"#, with: #""extra":[1,{"a":null}],"userId":"#)
        #expect(try JSONDecoder().decode(BankAccountsInfo.Response.self, from: Data(json.utf8)) == Self.validResponse())
    }

    /// Each documented constraint, violated alone, is reported at exactly its path.
    static let violations: [(field: String, expected: String)] = [
        ("userId", "userId: out of range, expected 1...9999999999999999999"),
        ("accountId", "accountInfo.accountId: length 4, expected 5"),
        ("userName empty", "accountInfo.userName: length 0, expected 1...100"),
        ("userName long", "accountInfo.userName: length 101, expected 1...100"),
        ("bankAccount", "accountInfo.bankAccount: length 21, expected 1...20"),
        ("bankName", "accountInfo.bankName: length 11, expected 1...10"),
        ("bankCode", "accountInfo.bankCode: length 4, expected 3"),
        ("createdDateTime", "accountInfo.createdDateTime: not in format yyyyMMddHHmmssSSS"),
        ("updatedDateTime", "accountInfo.updatedDateTime: not in format yyyyMMddHHmmssSSS"),
    ]

    static func breaking(_ field: String, of response: BankAccountsInfo.Response) -> BankAccountsInfo.Response {
        var r = response
        switch field {
        case "userId": r.userId = 0
        case "accountId": r.accountInfo.accountId = "A001"
        case "userName empty": r.accountInfo.userName = ""
        case "userName long": r.accountInfo.userName = String(repeating: "가", count: 101)
        case "bankAccount": r.accountInfo.bankAccount = String(repeating: "1", count: 21)
        case "bankName": r.accountInfo.bankName = "가나다라마바사아자차카"
        case "bankCode": r.accountInfo.bankCode = "0881"
        case "createdDateTime": r.accountInfo.createdDateTime = "20261125181104"
        case "updatedDateTime": r.accountInfo.updatedDateTime = "20261332181104123"
        default: Issue.record("no such case \(field)")
        }
        return r
    }

    @Test(arguments: violations)
    func eachViolationIsReportedAtItsPath(_ field: String, _ expected: String) throws {
        let response = Self.breaking(field, of: try Self.validResponse())
        #expect(response.violations.map(\.description) == [expected])
        #expect(throws: KonaplateValidationError(violations: response.violations)) { try response.validate() }
    }

    @Test func allViolationsAreReportedTogether() throws {
        var response = try Self.validResponse()
        response.userId = 0
        response.accountInfo.bankCode = "1"
        let error = #expect(throws: KonaplateValidationError.self) { try response.validate() }
        #expect(error?.violations.map(\.path) == ["userId", "accountInfo.bankCode"])
        #expect(
            error?.description == """
                validation failed with 2 violations:
                  userId: out of range, expected 1...9999999999999999999
                  accountInfo.bankCode: length 1, expected 3
                """)
    }

    @Test func requestRangeReachesPastInt64() throws {
        try BankAccountsInfo.Request(userId: 9_999_999_999_999_999_999).validate()
        #expect(
            BankAccountsInfo.Request(userId: 0).violations.map(\.description) == [
                "userId: out of range, expected 1...9999999999999999999"
            ])
        let encoded = try KonaplateJSON.encoder().encode(BankAccountsInfo.Request(userId: 9_999_999_999_999_999_999))
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"userId":9999999999999999999}"#)
    }

    @Test func sensitiveFieldsAreMaskedInEveryPrintedForm() throws {
        let response = try Self.validResponse()
        let forms = [
            String(describing: response), String(reflecting: response), "\(response)", "\(response.accountInfo)",
            dumped(response), String(describing: [response]), response.debugDescription,
        ]
        for printed in forms {
            #expect(!printed.contains("홍길동"))
            #expect(!printed.contains("110123456789"))
            #expect(printed.contains("<redacted>"))
            #expect(printed.contains("신한은행"))  // not sensitive
        }
        #expect(
            response.accountInfo.description
                == #"AccountInfo(accountId: "A0001", userName: <redacted>, bankAccount: <redacted>, bankName: "신한은행", bankCode: "088", createdDateTime: "20261125181104123", updatedDateTime: "20261125181104123")"#
        )
    }

    /// A violation of a sensitive field names the field and the rule, never the value.
    @Test func violationsOfSensitiveFieldsDoNotQuoteTheValue() throws {
        var response = try Self.validResponse()
        response.accountInfo.bankAccount = "110-SECRET-ACCOUNT-NUMBER-4567"
        response.accountInfo.userName = String(repeating: "홍", count: 101)
        let error = #expect(throws: KonaplateValidationError.self) { try response.validate() }
        let printed = [error?.description ?? "", String(reflecting: error as Any), "\(error as Any)"]
        for text in printed {
            #expect(!text.contains("SECRET-ACCOUNT"))
            #expect(!text.contains("홍홍"))
            #expect(text.contains("accountInfo.bankAccount: length 30, expected 1...20"))
        }
    }

    @Test func endpointMetadataComesFromTheSpec() {
        #expect(BankAccountsInfo.method == .post)
        #expect(BankAccountsInfo.path == "/api/v1/bankaccounts/info")
        #expect(BankAccountsInfo.isRequestEncrypted)
        #expect(!BankAccountsInfo.isResponseEncrypted)
        #expect(!BankAccountsInfo.isCallback)
    }

    @Test func resultCodesKeepUnlistedCodes() {
        #expect(BankAccountsInfo.ResultCode(code: "000_000") == .success)
        #expect(BankAccountsInfo.ResultCode.success.message == "Success.")
        #expect(BankAccountsInfo.ResultCode.success.meaning == "성공")
        #expect(BankAccountsInfo.ResultCode.success.httpStatus == 200)
        #expect(BankAccountsInfo.ResultCode.success.isSuccess)
        #expect(
            BankAccountsInfo.ResultCode.success.documentation
                == KonaplateResultCodeDocumentation(httpStatus: 200, message: "Success.", meaning: "성공")
        )
        let other = BankAccountsInfo.ResultCode(code: "002_999")
        #expect(other == .undocumented("002_999"))
        #expect(other.code == "002_999")
        #expect(other.message == nil)
        #expect(other.httpStatus == nil)
        #expect(other.documentation == nil)
    }

    /// The generated `init(from:)`/`encode(to:)` (written out, not synthesized) keep the synthesized contract.
    @Test func codableKeepsTheSynthesizedContract() throws {
        let decoder = JSONDecoder()
        // An optional member that is absent or null decodes as nil; nil is omitted when encoding.
        #expect(try decoder.decode(UserCardInfo.Response.self, from: Data("{}".utf8)).userId == nil)
        #expect(try decoder.decode(UserCardInfo.Response.self, from: Data(#"{"userId":null}"#.utf8)).userId == nil)
        let empty = try KonaplateJSON.encoder().encode(UserCardInfo.Response(userId: nil))
        #expect(String(decoding: empty, as: UTF8.self) == "{}")
        let full = try KonaplateJSON.encoder().encode(UserCardInfo.Response(userId: 9_999_999_999_999_999_999))
        #expect(String(decoding: full, as: UTF8.self) == #"{"userId":9999999999999999999}"#)
        // A missing required member fails with its JSON name; a body with no fields still needs an object.
        #expect {
            try decoder.decode(UserCardInfo.Request.self, from: Data("{}".utf8))
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "cardNo"
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(IssuedCardsPreIssueWaitingPhysical.Request.self, from: Data("[]".utf8))
        }
        #expect(try decoder.decode(IssuedCardsPreIssueWaitingPhysical.Request.self, from: Data("{}".utf8)) == .init())
        let nothing = try KonaplateJSON.encoder().encode(IssuedCardsPreIssueWaitingPhysical.Request())
        #expect(String(decoding: nothing, as: UTF8.self) == "{}")
    }
}

struct BankAccountsInfoHeaderTests {
    static let context = KonaplateHeaderContext(timeZone: .kst, now: { fixedInstant }, random: { 0xABC12 })
    static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "test-secret-key-0123456789",
        cryptoKeyId: String(repeating: "c", count: 32))
    static let body = Array(#"{"userId":9999999999999999999}"#.utf8)

    @Test func builderFillsEveryHeader() throws {
        let headers = try BankAccountsInfo.RequestHeaders(
            credentials: Self.credentials, body: Self.body, context: Self.context)
        #expect(
            headers.headerFields.map { "\($0.name): \($0.value)" } == [
                "X-KM-User-AspId: ASP000000000001",
                "X-KM-Correlation-Id: 261125181104-00abc12",
                "X-KM-Access-Key: \(String(repeating: "A", count: 40))",
                "X-KM-Crypto-Key-Id: \(String(repeating: "c", count: 32))",
                // Python-recorded vector, see HeaderValuesTests.
                "X-KM-Tran-Token: KMV1:20261125181104123:IFZaMV70HfXNUVFCw56akUlvPeoaup792yxJyEapUcI=",
                "X-KM-Tran-Time: 20261125181104",
                "X-KM-Time-Zone: KST",
            ])
        #expect(headers.httpFields[HTTPField.Name("x-km-tran-time")!] == "20261125181104")
        #expect(headers.dictionary["X-KM-Time-Zone"] == "KST")
        #expect(headers.dictionary.count == 7)
    }

    @Test func anEncryptedEndpointRefusesMissingCryptoKeyId() {
        var credentials = Self.credentials
        credentials.cryptoKeyId = nil
        let error = #expect(throws: KonaplateValidationError.self) {
            try BankAccountsInfo.RequestHeaders(credentials: credentials, body: Self.body, context: Self.context)
        }
        #expect(
            error?.violations.map(\.description) == [
                "X-KM-Crypto-Key-Id: required because the request body is encrypted"
            ])
    }

    @Test func aNonCallbackEndpointRefusesMissingAccessKey() {
        var credentials = Self.credentials
        credentials.accessKey = nil
        let error = #expect(throws: KonaplateValidationError.self) {
            try BankAccountsInfo.RequestHeaders(credentials: credentials, body: Self.body, context: Self.context)
        }
        #expect(
            error?.violations.map(\.description) == [
                "X-KM-Access-Key: required because the endpoint is not a callback API"
            ])
    }

    @Test func headerConstraintsAreValidated() {
        var credentials = Self.credentials
        credentials.aspId = "SHORT"
        let error = #expect(throws: KonaplateValidationError.self) {
            try BankAccountsInfo.RequestHeaders(credentials: credentials, body: Self.body, context: Self.context)
        }
        #expect(error?.violations.map(\.description) == ["X-KM-User-AspId: length 5, expected 15"])
    }

    @Test func theAccessKeyNeverPrints() throws {
        let headers = try BankAccountsInfo.RequestHeaders(
            credentials: Self.credentials, body: Self.body, context: Self.context)
        for printed in [String(describing: headers), String(reflecting: headers), "\(headers)", dumped(headers)] {
            #expect(!printed.contains(String(repeating: "A", count: 40)))
            #expect(printed.contains("<redacted>"))
        }
    }

    @Test func responseHeadersRequireTheCorrelationId() throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-KM-Correlation-Id")!] = "261125181104-00abc12"
        let headers = try BankAccountsInfo.ResponseHeaders(fields)
        #expect(headers.correlationId == "261125181104-00abc12")
        #expect(headers.cryptoKeyId == nil)
        let error = #expect(throws: KonaplateValidationError.self) {
            try BankAccountsInfo.ResponseHeaders(HTTPFields())
        }
        #expect(error?.violations.map(\.description) == ["X-KM-Correlation-Id: required because the docs require it"])
    }

    /// The one generic function builds a request for any endpoint; an encrypted endpoint needs a sealer, and the
    /// tran token is computed over the body actually sent.
    @Test func genericRequestBuildingSealsAndSignsTheSentBody() throws {
        struct Reverse: KonaplateBodySealer {
            func seal(_ plaintext: [UInt8]) throws -> [UInt8] { Array(#"{"encData":"sealed"}"#.utf8) }
        }
        let request = BankAccountsInfo.Request(userId: 9_999_999_999_999_999_999)
        #expect(throws: KonaplateRequestError.self) {
            try KonaplateRequests.prepare(
                BankAccountsInfo.self, request, credentials: Self.credentials, context: Self.context)
        }
        let prepared = try KonaplateRequests.prepare(
            BankAccountsInfo.self, request, credentials: Self.credentials, context: Self.context, sealer: Reverse())
        #expect(prepared.body == Array(#"{"encData":"sealed"}"#.utf8))
        #expect(prepared.head.method == .post)
        #expect(prepared.head.path == "/open-api/api/v1/bankaccounts/info")
        #expect(prepared.head.authority == "sandbox.konaplate.com")
        let expectedToken = KonaplateHeaderValues.tranToken(
            secretKey: Self.credentials.secretKey, body: prepared.body, time: "20261125181104123")
        #expect(prepared.head.headerFields[HTTPField.Name("X-KM-Tran-Token")!] == expectedToken)
        #expect(prepared.head.headerFields[.contentType] == "application/json")
    }

    @Test func anInvalidRequestIsNotSent() {
        #expect(throws: KonaplateRequestError.self) {
            try KonaplateRequests.prepare(
                BankAccountsInfo.self, BankAccountsInfo.Request(userId: 0), credentials: Self.credentials,
                context: Self.context)
        }
    }
}

/// The shared header types apply the "Conditional" rules from each endpoint's metadata.
struct SharedHeaderRuleTests {
    /// A callback endpoint with an encrypted response, built on the generated shared header set.
    enum CallbackWithEncryptedResponse: KonaplateEndpoint {
        typealias Request = BankAccountsInfo.Request
        typealias Response = BankAccountsInfo.Response
        typealias RequestHeaders = KonaplateStandardRequestHeaders<CallbackWithEncryptedResponse>
        typealias ResponseHeaders = KonaplateStandardResponseHeaders
        typealias ResultCode = BankAccountsInfo.ResultCode
        static let method: HTTPRequest.Method = .post
        static let path = "/api/v1/test/callback"
        static let isRequestEncrypted = false
        static let isResponseEncrypted = true
        static let isCallback = true
    }

    @Test func aPlainEndpointSendsNoCryptoKeyId() throws {
        let headers = try CardDeliveryCancel.RequestHeaders(
            credentials: BankAccountsInfoHeaderTests.credentials, body: [], context: BankAccountsInfoHeaderTests.context
        )
        #expect(!CardDeliveryCancel.isRequestEncrypted && !CardDeliveryCancel.isResponseEncrypted)
        #expect(headers.cryptoKeyId == nil)
        #expect(headers.dictionary["X-KM-Crypto-Key-Id"] == nil)
        #expect(headers.dictionary["X-KM-Access-Key"] != nil)
    }

    @Test func aCallbackSendsNoAccessKeyAndAnEncryptedResponseNeedsTheCryptoKeyId() throws {
        var credentials = BankAccountsInfoHeaderTests.credentials
        credentials.accessKey = nil
        let headers = try CallbackWithEncryptedResponse.RequestHeaders(
            credentials: credentials, body: [], context: BankAccountsInfoHeaderTests.context)
        #expect(headers.accessKey == nil)
        #expect(headers.cryptoKeyId == String(repeating: "c", count: 32))
        credentials.cryptoKeyId = nil
        let error = #expect(throws: KonaplateValidationError.self) {
            try CallbackWithEncryptedResponse.RequestHeaders(
                credentials: credentials, body: [], context: BankAccountsInfoHeaderTests.context)
        }
        #expect(
            error?.violations.map(\.description) == [
                "X-KM-Crypto-Key-Id: required because the response body is encrypted"
            ])
    }

    @Test func validateReportsAConditionalHeaderSetToNil() throws {
        var headers = try BankAccountsInfo.RequestHeaders(
            credentials: BankAccountsInfoHeaderTests.credentials, body: [], context: BankAccountsInfoHeaderTests.context
        )
        headers.cryptoKeyId = nil
        #expect(
            headers.violations.map(\.description) == [
                "X-KM-Crypto-Key-Id: required because the request body is encrypted"
            ])
    }
}

struct ResultCodeTextTests {
    /// A message longer than a line is generated as a multi-line literal with continuations: same value.
    @Test func longMessagesKeepTheirExactText() {
        #expect(
            PaymentCancelNoHce.ResultCode(code: "006_012").meaning
                == "Insufficient authority to make a transaction (in case of payment cancellation, there is no ledger transaction to cancel)"
        )
    }
}
