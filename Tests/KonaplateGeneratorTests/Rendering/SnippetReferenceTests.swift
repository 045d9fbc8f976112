import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateGenerator

/// Small spec → expected Swift, one construct at a time, in the style of swift-openapi-generator's snippet-based
/// reference tests: each pair reads as a review of what the generator prints for one option. When one fails after
/// an intended change, read the difference like a code review, then update the expectation by hand.
struct SnippetReferenceTests {
    enum Construct {
        case namespace
        /// A struct of the endpoint, by its path of names: `["Response", "ItemsItem"]`.
        case model([String])
        case codeEnum([String])
        case resultCodes
        case ownHeaders
        case headerSets
    }

    static let module = SwiftModule(name: "KonaplateAPI", writer: .command)

    /// The construct of the (only) endpoint of `yaml`, printed at the top level.
    static func render(_ construct: Construct, _ yaml: String, definitions: [SpecInput] = []) throws -> String {
        let (api, diagnostics) = checked(yaml, definitions: definitions)
        let swift = APITranslator.translate(try #require(api, "\(diagnostics)"), module: Self.module)
        let endpoint = try #require(swift.endpoints.first)
        var p = CodePrinter()
        switch construct {
        case .namespace: NamespaceRenderer.render(endpoint, &p)
        case .model(let path): ModelRenderer.render(try structure(path, in: endpoint), &p)
        case .codeEnum(let path):
            let parent = try structure(Array(path.dropLast()), in: endpoint)
            let codes = try #require(
                parent.nestedTypes.lazy.compactMap { nested -> SwiftCodeEnum? in
                    if case .codes(let codes) = nested, codes.name == path.last { return codes }
                    return nil
                }.first)
            CodeEnumRenderer.render(codes, &p)
        case .resultCodes:
            // The endpoint's own rows: the shared codes every endpoint gets are the translator's (TranslatorTests).
            let own = Set(try #require(api).endpoints[0].spec.results.map(\.code.value))
            ResultCodeRenderer.render(endpoint.resultCodes.filter { own.contains($0.code) }, &p)
        case .ownHeaders:
            guard case .own(let request, let response) = endpoint.headers else { throw Unexpected() }
            HeaderRenderer.renderOwnHeaders(request: request, response: response, endpoint: endpoint.typeName, &p)
        case .headerSets: return EndpointFileRenderer.render(headerSets: swift.headerSets, writer: Self.module.writer)
        }
        return p.text
    }

    struct Unexpected: Error {}

    static func structure(_ path: [String], in endpoint: SwiftEndpoint) throws -> SwiftStruct {
        var current = try #require((path.first == "Response" ? endpoint.response : endpoint.request).structure)
        for name in path.dropFirst() {
            current = try #require(
                current.nestedTypes.lazy.compactMap { nested -> SwiftStruct? in
                    if case .structure(let structure) = nested, structure.name == name { return structure }
                    return nil
                }.first)
        }
        return current
    }

    static let endpoint = """
        name: Snippet
        title: 스니펫
        summary: A small endpoint for the reference tests.
        method: POST
        path: /api/v1/snippet
        version: v1
        mode: sync
        source: https://example.com/docs/snippet
        docs: partial
        missing: response codes not captured
        headers: standard

        """

    @Test func theNamespaceCarriesTheDocsPageAndTheMetadata() throws {
        #expect(
            try Self.render(.namespace, Self.endpoint) == """
                /// 스니펫
                ///
                /// A small endpoint for the reference tests.
                ///
                /// `POST /api/v1/snippet` · v1 · sync
                ///
                /// Docs: <https://example.com/docs/snippet>
                ///
                /// - Note: The stored docs page is incomplete: response codes not captured
                nonisolated public enum Snippet: KonaplateEndpoint {
                    public static var method: HTTPRequest.Method { .post }
                    public static var path: String { "/api/v1/snippet" }
                    public static var isRequestEncrypted: Bool { false }
                    public static var isResponseEncrypted: Bool { false }
                    public static var isCallback: Bool { false }

                    public typealias RequestHeaders = KonaplateStandardRequestHeaders<Snippet>
                    public typealias ResponseHeaders = KonaplateStandardResponseHeaders
                }

                """)
    }

    @Test func fieldsBecomePropertiesWithCodableValidationAndMasking() throws {
        let yaml =
            Self.endpoint + """
                request:
                  fields:
                    userId: { type: number, presence: required, range: 1...9999999999999999999, description: 회원 ID }
                    cardNo: { type: string, presence: optional, length: 16, sensitive: true }
                    amount: { type: string, presence: conditional, when: type이 FIXED일 때, range: 0...1000000 }

                """
        #expect(
            try Self.render(.model(["Request"]), yaml) == """
                /// The request body.
                nonisolated public struct Request: KonaplateModel, CustomReflectable {
                    /// 회원 ID
                    ///
                    /// Required, range 1...9999999999999999999.
                    public var userId: UInt64
                    /// Optional, length 16, sensitive: masked when printed.
                    public var cardNo: String?
                    /// Conditional: type이 FIXED일 때 (not checked), range 0...1000000.
                    public var amount: String?

                    public init(userId: UInt64, cardNo: String? = nil, amount: String? = nil) {
                        self.userId = userId
                        self.cardNo = cardNo
                        self.amount = amount
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: KonaplateCodingKey.self)
                        self.userId = try container.decode("userId")
                        self.cardNo = try container.decodeIfPresent("cardNo")
                        self.amount = try container.decodeIfPresent("amount")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: KonaplateCodingKey.self)
                        try container.encode(self.userId, forKey: "userId")
                        try container.encodeIfPresent(self.cardNo, forKey: "cardNo")
                        try container.encodeIfPresent(self.amount, forKey: "amount")
                    }

                    public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                        validator.check(self.userId, at: path + "userId", range: 1...9_999_999_999_999_999_999)
                        validator.check(self.cardNo, at: path + "cardNo", length: .exactly(16))
                        validator.check(self.amount, at: path + "amount", numericRange: 0...1_000_000)
                    }

                    public var customMirror: Mirror {
                        Mirror(
                            self,
                            children: [
                                "userId": self.userId,
                                "cardNo": KonaplateRedacted.mask(self.cardNo) as Any,
                                "amount": self.amount as Any,
                            ],
                            displayStyle: .struct
                        )
                    }
                }

                """)
    }

    @Test func anArrayOfObjectsDeclaresItsElementWithKeywordFieldsEscaped() throws {
        let yaml =
            Self.endpoint + """
                response:
                  fields:
                    items:
                      type: array
                      presence: required
                      count: 1...10
                      fields:
                        default: { type: boolean, presence: required }

                """
        #expect(
            try Self.render(.model(["Response", "ItemsItem"]), yaml) == """
                /// An element of `items`.
                nonisolated public struct ItemsItem: KonaplateModel {
                    /// Required.
                    public var `default`: Bool

                    public init(`default`: Bool) {
                        self.`default` = `default`
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: KonaplateCodingKey.self)
                        self.`default` = try container.decode("default")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: KonaplateCodingKey.self)
                        try container.encode(self.`default`, forKey: "default")
                    }

                    public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {}
                }

                """)
    }

    @Test func itemsWithCodesBecomeAnOpenEnum() throws {
        let yaml =
            Self.endpoint + """
                request:
                  fields:
                    tags: { type: array, presence: optional, items: { type: string, codes: { A: 에이, B: { meaning: 비, case: bee } } }, count: ...3 }

                """
        #expect(
            try Self.render(.codeEnum(["Request", "TagsItem"]), yaml) == """
                /// The codes the docs list.
                nonisolated public enum TagsItem: KonaplateCode {
                    /// `A`: 에이
                    case a
                    /// `B`: 비
                    case bee
                    /// A code the docs do not list, kept as sent.
                    case undocumented(String)

                    public static var documented: [Self] { [.a, .bee] }

                    public var isDocumented: Bool { if case .undocumented = self { false } else { true } }

                    public init(rawValue: String) {
                        switch rawValue {
                        case "A": self = .a
                        case "B": self = .bee
                        default: self = .undocumented(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .a: "A"
                        case .bee: "B"
                        case .undocumented(let code): code
                        }
                    }
                }

                """)
    }

    @Test func resultCodesCarryTheirDocsRow() throws {
        let yaml =
            Self.endpoint + """
                results:
                  - { status: 200, code: "000_000", message: Success, description: 성공 }
                  - { status: 400, code: "003_022", message: Card already terminated, description: "In the case of a terminated card, the status of the card cannot be changed any more" }

                """
        #expect(
            try Self.render(.resultCodes, yaml) == """
                /// The result codes the docs list for this endpoint, and any other code the server sends.
                nonisolated public enum ResultCode: KonaplateResultCode {
                    /// `000_000` (HTTP 200): Success — 성공
                    case success
                    /// `003_022` (HTTP 400): Card already terminated — In the case of a terminated card, the status of the card cannot
                    /// be changed any more
                    case cardAlreadyTerminated
                    /// A code the docs do not list for this endpoint, kept as sent.
                    case undocumented(String)

                    public static var documented: [Self] { [.success, .cardAlreadyTerminated] }

                    public init(code: String) {
                        switch code {
                        case "000_000": self = .success
                        case "003_022": self = .cardAlreadyTerminated
                        default: self = .undocumented(code)
                        }
                    }

                    public var code: String {
                        switch self {
                        case .success: "000_000"
                        case .cardAlreadyTerminated: "003_022"
                        case .undocumented(let code): code
                        }
                    }

                    public var documentation: KonaplateResultCodeDocumentation? {
                        switch self {
                        case .success: .init(httpStatus: 200, message: "Success", meaning: "성공")
                        case .cardAlreadyTerminated:
                            .init(
                                httpStatus: 400,
                                message: "Card already terminated",
                                meaning: "In the case of a terminated card, the status of the card cannot be changed any more"
                            )
                        case .undocumented: nil
                        }
                    }
                }

                """)
    }

    @Test func anEndpointThatChangesHeadersGetsItsOwnTypes() throws {
        let yaml = Self.endpoint.replacingOccurrences(
            of: "headers: standard\n",
            with: """
                headers:
                  use: standard
                  request:
                    X-KM-User-AspId: { length: 16 }
                    X-KM-Default: { presence: optional, source: aspId, description: a keyword }
                  response:
                    X-KM-Extra: { presence: conditional, when: encrypted }
                response:
                  encrypted: true

                """)
        #expect(
            try Self.render(.ownHeaders, yaml) == """
                /// The X-KM-* request headers, as this endpoint's page documents them (it changes the shared set).
                /// `init(credentials:body:context:)` fills them all: it generates the correlation id, stamps the tran
                /// time and signs the tran token over the exact body bytes.
                nonisolated public struct RequestHeaders: KonaplateRequestHeaders, CustomReflectable {
                    /// X-KM-User-AspId
                    ///
                    /// ASP ID
                    /// - ID given to the service provider.
                    /// - The ID is provided at the time of contract.
                    public var userAspId: String
                    /// X-KM-Correlation-Id
                    ///
                    /// Transaction number for tracking transactions
                    /// - Form: yyMMddHHmmss-xxxxxxx
                    /// - xxxxxxx: 7 digits, hex string
                    public var correlationId: String
                    /// X-KM-Access-Key
                    ///
                    /// Access Key created by Project
                    /// - Excluding the case for Callback API
                    public var accessKey: String?
                    /// X-KM-Crypto-Key-Id
                    ///
                    /// Data Encryption/Decryption Key ID
                    /// - Given ID from creating the service provider's project
                    /// - Required value when requesting data encryption.
                    public var cryptoKeyId: String?
                    /// X-KM-Tran-Token
                    ///
                    /// Data integrity check: "KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secretKey, body))
                    /// (Common header information - X-KM-Tran-Token guide page)
                    public var tranToken: String
                    /// X-KM-Tran-Time
                    ///
                    /// Client request time
                    /// - Form: yyyyMMddHHmmss
                    public var tranTime: String
                    /// X-KM-Time-Zone
                    ///
                    /// International Standard Time (UTC, KST, ...)
                    public var timeZone: String
                    /// X-KM-Default
                    ///
                    /// a keyword
                    public var `default`: String?

                    public init(
                        userAspId: String,
                        correlationId: String,
                        accessKey: String? = nil,
                        cryptoKeyId: String? = nil,
                        tranToken: String,
                        tranTime: String,
                        timeZone: String,
                        `default`: String? = nil
                    ) {
                        self.userAspId = userAspId
                        self.correlationId = correlationId
                        self.accessKey = accessKey
                        self.cryptoKeyId = cryptoKeyId
                        self.tranToken = tranToken
                        self.tranTime = tranTime
                        self.timeZone = timeZone
                        self.`default` = `default`
                    }

                    /// Builds every header for `body`, the bytes that will be sent (sealed, if the endpoint encrypts).
                    public init(
                        credentials: KonaplateCredentials,
                        body: [UInt8],
                        context: KonaplateHeaderContext
                    ) throws(KonaplateValidationError) {
                        let computed = KonaplateComputedHeaders(credentials: credentials, body: body, context: context)
                        var validator = KonaplateValidator()
                        self.init(
                            userAspId: credentials.aspId,
                            correlationId: computed.correlationID,
                            accessKey: KonaplateHeaderCondition.notCallback.applies(to: Snippet.self) ? credentials.accessKey : nil,
                            cryptoKeyId: KonaplateHeaderCondition.encrypted.applies(to: Snippet.self) ? credentials.cryptoKeyId : nil,
                            tranToken: computed.tranToken,
                            tranTime: computed.tranTime,
                            timeZone: computed.timeZone,
                            default: credentials.aspId
                        )
                        collectViolations(into: &validator, at: .root)
                        try validator.throwIfInvalid()
                    }

                    /// Reads the headers of a request, as a server reads them (a test double); throws when a required one is missing
                    /// or breaks its constraints.
                    public init(_ fields: HTTPFields) throws(KonaplateValidationError) {
                        var validator = KonaplateValidator()
                        self.init(
                            userAspId: validator.require(
                                fields.konaplateValue("X-KM-User-AspId"),
                                header: "X-KM-User-AspId",
                                because: "the docs require it"
                            ),
                            correlationId: validator.require(
                                fields.konaplateValue("X-KM-Correlation-Id"),
                                header: "X-KM-Correlation-Id",
                                because: "the docs require it"
                            ),
                            accessKey: fields.konaplateValue("X-KM-Access-Key"),
                            cryptoKeyId: fields.konaplateValue("X-KM-Crypto-Key-Id"),
                            tranToken: validator.require(
                                fields.konaplateValue("X-KM-Tran-Token"),
                                header: "X-KM-Tran-Token",
                                because: "the docs require it"
                            ),
                            tranTime: validator.require(
                                fields.konaplateValue("X-KM-Tran-Time"),
                                header: "X-KM-Tran-Time",
                                because: "the docs require it"
                            ),
                            timeZone: validator.require(
                                fields.konaplateValue("X-KM-Time-Zone"),
                                header: "X-KM-Time-Zone",
                                because: "the docs require it"
                            ),
                            default: fields.konaplateValue("X-KM-Default")
                        )
                        collectViolations(into: &validator, at: .root)
                        try validator.throwIfInvalid()
                    }

                    /// The header each source fills, by name (the first, where two take the same source).
                    public static var headerNames: [KonaplateHeaderSource: String] {
                        [
                            .aspId: "X-KM-User-AspId",
                            .correlationId: "X-KM-Correlation-Id",
                            .accessKey: "X-KM-Access-Key",
                            .cryptoKeyId: "X-KM-Crypto-Key-Id",
                            .tranToken: "X-KM-Tran-Token",
                            .tranTime: "X-KM-Tran-Time",
                            .timeZone: "X-KM-Time-Zone",
                        ]
                    }

                    public var headerFields: [(name: String, value: String)] {
                        var fields: [(name: String, value: String)] = []
                        fields.append(("X-KM-User-AspId", self.userAspId))
                        fields.append(("X-KM-Correlation-Id", self.correlationId))
                        if let value = self.accessKey { fields.append(("X-KM-Access-Key", value)) }
                        if let value = self.cryptoKeyId { fields.append(("X-KM-Crypto-Key-Id", value)) }
                        fields.append(("X-KM-Tran-Token", self.tranToken))
                        fields.append(("X-KM-Tran-Time", self.tranTime))
                        fields.append(("X-KM-Time-Zone", self.timeZone))
                        if let value = self.`default` { fields.append(("X-KM-Default", value)) }
                        return fields
                    }

                    public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                        validator.check(self.userAspId, at: path + "X-KM-User-AspId", length: .exactly(16))
                        validator.check(self.correlationId, at: path + "X-KM-Correlation-Id", format: .correlationID)
                        validator.check(self.accessKey, at: path + "X-KM-Access-Key", requiredWhen: .notCallback, for: Snippet.self)
                        validator.check(self.accessKey, at: path + "X-KM-Access-Key", length: .exactly(40))
                        validator.check(self.cryptoKeyId, at: path + "X-KM-Crypto-Key-Id", requiredWhen: .encrypted, for: Snippet.self)
                        validator.check(self.cryptoKeyId, at: path + "X-KM-Crypto-Key-Id", length: .exactly(32))
                        validator.check(self.tranToken, at: path + "X-KM-Tran-Token", format: .tranToken)
                        validator.check(self.tranTime, at: path + "X-KM-Tran-Time", format: .yyyyMMddHHmmss)
                        validator.check(self.timeZone, at: path + "X-KM-Time-Zone", format: .timeZone)
                    }

                    public var customMirror: Mirror {
                        Mirror(
                            self,
                            children: [
                                "userAspId": self.userAspId,
                                "correlationId": self.correlationId,
                                "accessKey": KonaplateRedacted.mask(self.accessKey) as Any,
                                "cryptoKeyId": self.cryptoKeyId as Any,
                                "tranToken": self.tranToken,
                                "tranTime": self.tranTime,
                                "timeZone": self.timeZone,
                                "default": self.`default` as Any,
                            ],
                            displayStyle: .struct
                        )
                    }
                }

                /// The documented response headers.
                nonisolated public struct ResponseHeaders: KonaplateResponseHeaders {
                    /// X-KM-Correlation-Id
                    ///
                    /// Transaction number for tracking transactions
                    /// - Form: yyMMddHHmmss-xxxxxxx
                    /// - xxxxxxx: 7 digits, hex string
                    public var correlationId: String
                    /// X-KM-Crypto-Key-Id
                    ///
                    /// Data encryption/decryption key ID
                    /// - Given ID from creating the service provider's project
                    /// - If it is passed as a callback, the first key issued among the keys issued to the service provider is used.
                    public var cryptoKeyId: String?
                    /// X-KM-Extra
                    public var extra: String?

                    public init(correlationId: String, cryptoKeyId: String? = nil, extra: String? = nil) {
                        self.correlationId = correlationId
                        self.cryptoKeyId = cryptoKeyId
                        self.extra = extra
                    }

                    /// Reads the headers of a response; throws when a required one is missing or breaks its constraints.
                    public init(_ fields: HTTPFields) throws(KonaplateValidationError) {
                        var validator = KonaplateValidator()
                        self.init(
                            correlationId: validator.require(
                                fields.konaplateValue("X-KM-Correlation-Id"),
                                header: "X-KM-Correlation-Id",
                                because: "the docs require it"
                            ),
                            cryptoKeyId: fields.konaplateValue("X-KM-Crypto-Key-Id"),
                            extra: fields.konaplateValue("X-KM-Extra")
                        )
                        collectViolations(into: &validator, at: .root)
                        try validator.throwIfInvalid()
                    }

                    public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                        validator.check(self.correlationId, at: path + "X-KM-Correlation-Id", format: .correlationID)
                        validator.check(self.cryptoKeyId, at: path + "X-KM-Crypto-Key-Id", length: .exactly(32))
                    }
                }

                """)
    }

    @Test func aHeaderSetWithConditionsAndKeywordHeaders() throws {
        let sets = definitionsInput(
            """
            headerSets:
              small:
                request:
                  X-KM-Default: { presence: required, source: aspId, length: 15 }
                  X-KM-Crypto-Key-Id: { presence: conditional, when: encrypted, source: cryptoKeyId, length: 32 }
                  X-KM-Access-Key: { presence: conditional, when: not-callback, source: accessKey, sensitive: true }
                  X-KM-Tran-Token: { presence: required, source: tranToken, format: tran-token }
                response:
                  X-KM-Correlation-Id: { presence: required, format: correlation-id }

            """, file: "common/small.yaml")
        #expect(
            try Self.render(
                .headerSets, Self.endpoint.replacingOccurrences(of: "headers: standard", with: "headers: small"),
                definitions: [sets]) == """
                    // Generated by konaplate-gen from api-specs/common/small.yaml. DO NOT EDIT.
                    // Change the spec, then run `swift run konaplate-gen generate`.

                    import HTTPTypes
                    @_spi(Generated) import KonaplateRuntime

                    /// The X-KM-* request headers of the shared header set, for every endpoint that uses it
                    /// (`KonaplateAPISmallRequestHeaders<Endpoint>` is `Endpoint.RequestHeaders` for each of them).
                    /// `init(credentials:body:context:)` fills them all: it generates the correlation id, stamps the tran time
                    /// and signs the tran token over the exact body bytes. Conditional headers follow the endpoint's metadata:
                    /// X-KM-Crypto-Key-Id is sent and required when a body is encrypted, X-KM-Access-Key unless it is a callback.
                    nonisolated public struct KonaplateAPISmallRequestHeaders<Endpoint: KonaplateEndpoint>:
                        KonaplateRequestHeaders, CustomReflectable
                    {
                        /// X-KM-Default
                        public var `default`: String
                        /// X-KM-Crypto-Key-Id
                        public var cryptoKeyId: String?
                        /// X-KM-Access-Key
                        public var accessKey: String?
                        /// X-KM-Tran-Token
                        public var tranToken: String

                        public init(`default`: String, cryptoKeyId: String? = nil, accessKey: String? = nil, tranToken: String) {
                            self.`default` = `default`
                            self.cryptoKeyId = cryptoKeyId
                            self.accessKey = accessKey
                            self.tranToken = tranToken
                        }

                        /// Builds every header for `body`, the bytes that will be sent (sealed, if the endpoint encrypts).
                        public init(
                            credentials: KonaplateCredentials,
                            body: [UInt8],
                            context: KonaplateHeaderContext
                        ) throws(KonaplateValidationError) {
                            let computed = KonaplateComputedHeaders(credentials: credentials, body: body, context: context)
                            var validator = KonaplateValidator()
                            self.init(
                                default: credentials.aspId,
                                cryptoKeyId: KonaplateHeaderCondition.encrypted.applies(to: Endpoint.self) ? credentials.cryptoKeyId : nil,
                                accessKey: KonaplateHeaderCondition.notCallback.applies(to: Endpoint.self) ? credentials.accessKey : nil,
                                tranToken: computed.tranToken
                            )
                            collectViolations(into: &validator, at: .root)
                            try validator.throwIfInvalid()
                        }

                        /// Reads the headers of a request, as a server reads them (a test double); throws when a required one is missing
                        /// or breaks its constraints.
                        public init(_ fields: HTTPFields) throws(KonaplateValidationError) {
                            var validator = KonaplateValidator()
                            self.init(
                                default: validator.require(
                                    fields.konaplateValue("X-KM-Default"),
                                    header: "X-KM-Default",
                                    because: "the docs require it"
                                ),
                                cryptoKeyId: fields.konaplateValue("X-KM-Crypto-Key-Id"),
                                accessKey: fields.konaplateValue("X-KM-Access-Key"),
                                tranToken: validator.require(
                                    fields.konaplateValue("X-KM-Tran-Token"),
                                    header: "X-KM-Tran-Token",
                                    because: "the docs require it"
                                )
                            )
                            collectViolations(into: &validator, at: .root)
                            try validator.throwIfInvalid()
                        }

                        /// The header each source fills, by name (the first, where two take the same source).
                        public static var headerNames: [KonaplateHeaderSource: String] {
                            [
                                .aspId: "X-KM-Default",
                                .cryptoKeyId: "X-KM-Crypto-Key-Id",
                                .accessKey: "X-KM-Access-Key",
                                .tranToken: "X-KM-Tran-Token",
                            ]
                        }

                        public var headerFields: [(name: String, value: String)] {
                            var fields: [(name: String, value: String)] = []
                            fields.append(("X-KM-Default", self.`default`))
                            if let value = self.cryptoKeyId { fields.append(("X-KM-Crypto-Key-Id", value)) }
                            if let value = self.accessKey { fields.append(("X-KM-Access-Key", value)) }
                            fields.append(("X-KM-Tran-Token", self.tranToken))
                            return fields
                        }

                        public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                            validator.check(self.`default`, at: path + "X-KM-Default", length: .exactly(15))
                            validator.check(
                                self.cryptoKeyId,
                                at: path + "X-KM-Crypto-Key-Id",
                                requiredWhen: .encrypted,
                                for: Endpoint.self
                            )
                            validator.check(self.cryptoKeyId, at: path + "X-KM-Crypto-Key-Id", length: .exactly(32))
                            validator.check(self.accessKey, at: path + "X-KM-Access-Key", requiredWhen: .notCallback, for: Endpoint.self)
                            validator.check(self.tranToken, at: path + "X-KM-Tran-Token", format: .tranToken)
                        }

                        public var customMirror: Mirror {
                            Mirror(
                                self,
                                children: [
                                    "default": self.`default`,
                                    "cryptoKeyId": self.cryptoKeyId as Any,
                                    "accessKey": KonaplateRedacted.mask(self.accessKey) as Any,
                                    "tranToken": self.tranToken,
                                ],
                                displayStyle: .struct
                            )
                        }
                    }

                    /// The response headers of the shared header set.
                    nonisolated public struct KonaplateAPISmallResponseHeaders: KonaplateResponseHeaders {
                        /// X-KM-Correlation-Id
                        public var correlationId: String

                        public init(correlationId: String) {
                            self.correlationId = correlationId
                        }

                        /// Reads the headers of a response; throws when a required one is missing or breaks its constraints.
                        public init(_ fields: HTTPFields) throws(KonaplateValidationError) {
                            var validator = KonaplateValidator()
                            self.init(
                                correlationId: validator.require(
                                    fields.konaplateValue("X-KM-Correlation-Id"),
                                    header: "X-KM-Correlation-Id",
                                    because: "the docs require it"
                                )
                            )
                            collectViolations(into: &validator, at: .root)
                            try validator.throwIfInvalid()
                        }

                        public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                            validator.check(self.correlationId, at: path + "X-KM-Correlation-Id", format: .correlationID)
                        }
                    }

                    """)
    }
}
