import Foundation
import HTTPTypes
import IdentifierStress
import KonaplateRuntime
import Testing

/// The stress fixture compiled (that is half the test); here its values round-trip under their awkward JSON names.
struct IdentifierStressTests {
    static let keywords = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
        "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw",
        "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws",
        "true",
        "try", "_", "Type", "Protocol", "get", "set", "willSet", "didSet", "some", "any", "async", "actor", "mutating",
        "override", "required", "convenience", "lazy", "weak", "unowned", "indirect", "final", "dynamic", "optional",
        "package", "macro", "path", "validator", "value", "fields", "computed", "credentials", "body", "context",
        "rawValue",
        "code", "undocumented", "String", "Int", "Bool",
    ]

    @Test func everyKeywordNamedFieldRoundTripsUnderItsJSONName() throws {
        var object: [String: KonaplateJSONValue] = [:]
        for (index, key) in Self.keywords.enumerated() { object[key] = .string("v\(index)") }
        object["2ndName"] = .string("second")
        object["user-name"] = .string("홍길동")
        object["card.no"] = .string("9410")
        object["회원이름"] = .string("이름")
        object["userId"] = .unsignedInteger(9_999_999_999_999_999_999)
        object["UserID"] = .string("upper")
        object["class-info"] = .object(["default": .string(#""q""#)])
        object["protocolList"] = .array([.object(["return": .bool(true)])])
        let json = try JSONEncoder().encode(object)

        let request = try JSONDecoder().decode(KeywordFields.Request.self, from: json)
        #expect(request.class == "v2")
        #expect(request.selfValue == "v52")
        #expect(request.underscore == "v58")
        #expect(request.typeValue == "v59")
        #expect(request._2ndName == "second")
        #expect(request.userName == "홍길동")
        #expect(request.cardNo == "9410")
        #expect(request.회원이름 == "이름")
        #expect(request.UserID == "upper")
        #expect(request.classInfo?.default == .q)
        #expect(request.protocolList?.first?.return == true)
        #expect(request.violations.isEmpty)

        let encoded = try KonaplateJSON.encoder().encode(request)
        #expect(try JSONDecoder().decode([String: KonaplateJSONValue].self, from: encoded) == object)
        #expect(!request.description.contains("홍길동"))  // user-name is sensitive
    }

    @Test func textWithDelimitersKeepsItsExactValue() {
        #expect(KeywordFields.ResultCode.successQuoted.message == #"Success "quoted" \ */"#)
        #expect(KeywordFields.ResultCode.successQuoted.meaning == #"성공 /* """ "#)
        #expect(KeywordFields.ResultCode(code: #"000_\"x"#) == .strangeCode)
        #expect(KeywordFields.ResultCode.strangeCode.message == "Strange \u{202E} code")
        #expect(KeywordFields.Request.ClassInfo.Default(rawValue: #"a\b"#) == .aB)
    }
}

/// Headers named after keywords and reserved members compile (escaped, or renamed with swiftName) and go on the wire
/// under their own names; an endpoint that changes its set's headers gets header types of its own.
struct KeywordHeaderTests {
    static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "a", count: 40), secretKey: "secret",
        cryptoKeyId: String(repeating: "c", count: 32))
    static let context = KonaplateHeaderContext(
        timeZone: .kst, now: { Date(timeIntervalSince1970: 1_795_597_864.123) }, random: { 0xABCDEF })

    @Test func keywordHeadersAreBuiltAndSentUnderTheirNames() throws {
        // The endpoint's own types: it changed X-KM-Default's length to 16 and added X-KM-Guard.
        let headers = try KeywordHeaders.RequestHeaders(
            credentials: KonaplateCredentials(
                aspId: "ASP0000000000001", accessKey: Self.credentials.accessKey, secretKey: "secret",
                cryptoKeyId: Self.credentials.cryptoKeyId),
            body: Array("{}".utf8), context: Self.context)
        #expect(headers.default == "ASP0000000000001")
        #expect(headers.initHeader == Self.credentials.accessKey)
        #expect(headers.return == Self.credentials.cryptoKeyId)  // the request is encrypted
        #expect(headers.guard == "ASP0000000000001")
        #expect(
            headers.headerFields.map(\.name) == [
                "X-KM-Default", "X-KM-Init", "X-KM-Return", "X-KM-Self", "X-KM-Header-Fields", "X-KM-Class",
                "X-KM-Where",
                "X-KM-Guard",
            ])
        #expect(!"\(headers)".contains(headers.class))  // sensitive: the token is masked
        // The set's own length (15) still holds for an endpoint that does not change it.
        let shared = try IdentifierStressKeywordsRequestHeaders<KeywordHeaders>(
            credentials: Self.credentials, body: [], context: Self.context)
        #expect(shared.default.count == 15)
    }

    static let par = String(repeating: "p", count: 27)

    /// A `pattern` is checked on the whole value.
    @Test func aPatternIsCheckedOnTheWholeValue() {
        #expect(KeywordHeaders.Request(value: "KR123", par: Self.par).violations.isEmpty)
        #expect(
            KeywordHeaders.Request(value: "kr123", par: Self.par).violations.map(\.message) == [
                #"does not match [A-Z]{2}\d+"#
            ])
        // Matched whole, not searched.
        #expect(KeywordHeaders.Request(value: "KR123x", par: Self.par).violations.count == 1)
    }

    /// Checkable conditions: a field required when another has one of some values, and exactly one of a group.
    @Test func conditionsAreEnforcedAndNameBothFields() {
        let valid = KeywordHeaders.Request(
            value: "KR1", par: Self.par, kind: .infinite, threshold: 0, flag: true, memo: "m")
        #expect(valid.violations.isEmpty)
        var broken = valid
        broken.threshold = nil
        broken.memo = nil
        #expect(
            broken.violations.map(\.description) == [
                "threshold: required when kind is INFINITE", "memo: required when flag is true",
            ])
        broken = valid
        broken.kind = .fixed
        broken.threshold = nil
        #expect(broken.violations.isEmpty)
        broken.cardNo = String(repeating: "1", count: 16)
        #expect(
            broken.violations.map(\.description) == ["exactly one of par, cardNo must be present; found par and cardNo"]
        )
        broken.par = nil
        broken.cardNo = nil
        #expect(broken.violations.map(\.description) == ["exactly one of par, cardNo must be present; found none"])
    }

    /// `elements: optional`: a null element decodes as nil and is skipped by validation; the others are checked at
    /// their own index.
    @Test func nullElementsDecodeAndAreSkipped() throws {
        let json = #"{"ok":true,"entries":[{"id":"ab"},null,{"id":"xyz"}],"kinds":["A",null,"B"]}"#
        let response = try JSONDecoder().decode(KeywordHeaders.Response.self, from: Data(json.utf8))
        #expect(response.entries?.count == 3)
        #expect(response.entries?[1] == nil)
        #expect(response.kinds == [.a, nil, .undocumented("B")])
        #expect(response.violations.map(\.path) == ["entries[2].id", "kinds[2]"])
    }

    @Test func keywordResponseHeadersAreRead() throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-KM-Default")!] = String(repeating: "d", count: 20)
        fields[HTTPField.Name("X-KM-Switch")!] = "s"
        let headers = try KeywordHeaders.ResponseHeaders(fields)
        #expect(headers.default.count == 20)
        #expect(headers.protocol == nil)
        #expect(headers.switch == "s")
    }
}
