import Foundation
import HTTPTypes
import KonaplateTestSupport
import Testing

@_spi(Generated) @testable import KonaplateRuntime

struct HeaderValuesTests {
    /// Vectors recorded with Python's standard library, independent of swift-crypto:
    ///   python3 -c 'import hmac,hashlib,base64; print("KMV1:"+T+":"+base64.b64encode(
    ///       hmac.new(SECRET.encode(), BODY.encode(), hashlib.sha256).digest()).decode())'
    static let vectors: [(secret: String, body: String, time: String, token: String)] = [
        (
            "test-secret-key-0123456789", #"{"userId":9999999999999999999}"#, "20261125181104123",
            "KMV1:20261125181104123:IFZaMV70HfXNUVFCw56akUlvPeoaup792yxJyEapUcI="
        ),
        (
            "test-secret-key-0123456789", "", "20261125181104123",
            "KMV1:20261125181104123:PxLLMw1eTac7tzrC3cyekZViBT6S1dDkWcNyFaUZ3+c="
        ),
        (
            "비밀키", #"{"userName":"홍길동"}"#, "20221108120814608",
            "KMV1:20221108120814608:fNY9sfOX1hvu2mscVLNQQKX/z3lUnKNHET2gxNOhKEY="
        ),
    ]

    @Test(arguments: 0..<3)
    func tranTokenMatchesAnIndependentHMAC(_ index: Int) {
        let vector = Self.vectors[index]
        let token = KonaplateHeaderValues.tranToken(
            secretKey: vector.secret, body: Array(vector.body.utf8), time: vector.time)
        #expect(token == vector.token)
        #expect(token.utf8.count == 67)  // not the 66 the docs' tables say
        #expect(KonaplateFormat.tranToken.matches(token))
    }

    /// A 420 KB Korean body: the token covers every byte. Recorded with
    ///   python3 -c 'import hmac,hashlib,base64; body=("{\"memo\":\"" + "가나다라마바사" * 20000 + "\"}").encode();
    ///   print(base64.b64encode(hmac.new(b"test-secret-key-0123456789", body, hashlib.sha256).digest()).decode())'
    @Test func aLargeBodyIsSignedWhole() {
        let body = Array(("{\"memo\":\"" + String(repeating: "가나다라마바사", count: 20000) + "\"}").utf8)
        #expect(body.count == 420_011)
        #expect(
            KonaplateHeaderValues.tranToken(
                secretKey: "test-secret-key-0123456789", body: body, time: "20261125181104123")
                == "KMV1:20261125181104123:FYF7CLIxpkOTtH8epkuFnzYih9JxbRtD6LSzI+Cu14g=")
    }

    @Test func theDocsSampleTokenIsAValidToken() {
        #expect(
            KonaplateFormat.tranToken.matches("KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg="))
        #expect(
            !KonaplateFormat.tranToken.matches("KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg"))
    }

    @Test func tokenTimeTranTimeAndCorrelationIdComeFromTheInjectedClockInTheHeaderTimeZone() {
        let context = KonaplateHeaderContext(timeZone: .kst, now: { fixedInstant }, random: { 0xABC12 })
        let credentials = KonaplateCredentials(
            aspId: "ASP000000000001", accessKey: nil, secretKey: "test-secret-key-0123456789")
        let computed = KonaplateComputedHeaders(
            credentials: credentials, body: Array(#"{"userId":9999999999999999999}"#.utf8), context: context)
        #expect(computed.tranTime == "20261125181104")
        #expect(computed.correlationID == "261125181104-00abc12")
        #expect(computed.correlationID.utf8.count == 20)
        #expect(computed.tranToken == Self.vectors[0].token)
        #expect(computed.timeZone == "KST")
    }

    /// Credentials keep an HMAC keyed with their secret key (set up once, not per request): it must follow a change
    /// of the key, and play no part in equality.
    @Test func theKeyedSignerFollowsTheSecretKey() {
        let context = KonaplateHeaderContext(timeZone: .kst, now: { fixedInstant }, random: { 0 })
        let body = Array(#"{"userId":9999999999999999999}"#.utf8)
        var credentials = KonaplateCredentials(aspId: "ASP000000000001", accessKey: nil, secretKey: "another key")
        #expect(
            KonaplateComputedHeaders(credentials: credentials, body: body, context: context).tranToken
                != Self.vectors[0].token)
        credentials.secretKey = "test-secret-key-0123456789"
        #expect(
            KonaplateComputedHeaders(credentials: credentials, body: body, context: context).tranToken
                == Self.vectors[0].token)
        let same = KonaplateCredentials(
            aspId: "ASP000000000001", accessKey: nil, secretKey: "test-secret-key-0123456789")
        #expect(credentials == same)
        #expect(Set([credentials, same]).count == 1)
        #expect(
            KonaplateComputedHeaders(credentials: same, body: body, context: context).tranToken == Self.vectors[0].token
        )
    }

    @Test func correlationIdsAndStampsAreZeroPaddedAndMasked() {
        let credentials = KonaplateCredentials(aspId: "ASP000000000001", accessKey: nil, secretKey: "k")
        // 2026-01-02 03:04:05.006 UTC
        let early = Date(timeIntervalSince1970: 1_767_323_045.006)
        for (random, hex) in [
            (UInt32(0), "0000000"), (0x0FFF_FFFF, "fffffff"), (0xFFFF_FFFF, "fffffff"), (0x10, "0000010"),
        ] {
            let context = KonaplateHeaderContext(timeZone: .utc, now: { early }, random: { random })
            let computed = KonaplateComputedHeaders(credentials: credentials, body: [], context: context)
            #expect(computed.correlationID == "260102030405-" + hex)
            #expect(computed.tranTime == "20260102030405")
            #expect(computed.tranToken.hasPrefix("KMV1:20260102030405006:"))
        }
        #expect(KonaplateHeaderValues.correlationID(at: early, in: .utc, random: 0xABC) == "260102030405-0000abc")
    }

    /// The default correlation digits: 28 bits, never the same twice in a row of draws far longer than one second
    /// of any client's traffic, and not counting up by one (they are spread over the range).
    @Test func defaultCorrelationDigitsRepeatNoValueAndStayIn28Bits() {
        var seen = Set<UInt32>()
        var previous = KonaplateCorrelationDigits.next()
        var steppedByOne = 0
        for _ in 0..<200_000 {
            let value = KonaplateCorrelationDigits.next()
            #expect(value < 1 << 28)
            // Another test may draw concurrently: values are still distinct, only not consecutive.
            seen.insert(value)
            if value == previous &+ 1 { steppedByOne += 1 }
            previous = value
        }
        #expect(seen.count == 200_000)
        #expect(steppedByOne == 0)
        // The default context draws from it, and the ids stay in the documented format.
        let context = KonaplateHeaderContext(timeZone: .kst)
        let credentials = KonaplateCredentials(aspId: "ASP000000000001", accessKey: nil, secretKey: "k")
        let ids = (0..<1_000).map { _ in
            KonaplateComputedHeaders(credentials: credentials, body: [], context: context).correlationID
        }
        #expect(ids.allSatisfy(KonaplateFormat.correlationID.matches))
        #expect(Set(ids.map { $0.suffix(7) }).count == ids.count)
    }

    /// The one-pass header read answers as swift-http-types' subscript does: absent, one field, several fields
    /// (joined with ", "), names in any case.
    @Test func headerValuesReadAsTheSubscriptReadsThem() {
        let name = HTTPField.Name("X-KM-Correlation-Id")!
        var fields = HTTPFields()
        #expect(fields.konaplateValue(name) == nil)
        fields.append(HTTPField(name: .contentType, value: "application/json"))
        fields.append(HTTPField(name: HTTPField.Name("x-km-correlation-id")!, value: "a"))
        #expect(fields.konaplateValue(name) == fields[name])
        #expect(fields.konaplateValue(name) == "a")
        fields.append(HTTPField(name: name, value: "b"))
        #expect(fields.konaplateValue(name) == fields[name])
        #expect(fields.konaplateValue(name) == "a, b")
        #expect(fields.konaplateValue("X-KM-CORRELATION-ID") == "a, b")
        fields.append(HTTPField(name: .cookie, value: "c=1"))
        fields.append(HTTPField(name: .cookie, value: "d=2"))
        #expect(fields.konaplateValue(.cookie) == fields[.cookie])
    }

    /// Header names are parsed once and then looked up: the lookup answers as parsing does, twice in a row, and
    /// refuses what is not a token.
    @Test func headerNamesParsedOnceAnswerAsParsing() {
        // The built-in set's names take a shortcut of their own: they too must answer as parsing does.
        let standard = [
            "X-KM-User-AspId", "X-KM-Correlation-Id", "X-KM-Access-Key", "X-KM-Crypto-Key-Id", "X-KM-Tran-Token",
            "X-KM-Tran-Time", "X-KM-Time-Zone",
        ]
        for spelled in ["X-KM-Tran-Token", "x-km-tran-token", "X-KM-Tran-Token", "Content-Type"] + standard {
            #expect(KonaplateHeaderNames.name(spelled) == HTTPField.Name(spelled))
        }
        #expect(KonaplateHeaderNames.name("not a token") == nil)
        #expect(KonaplateHeaderNames.name("not a token") == nil)
    }

    @Test func timesAreStampedInTheHeaderTimeZoneNotTheMachines() {
        #expect(KonaplateHeaderValues.tranTime(at: fixedInstant, in: .utc) == "20261125091104")
        #expect(KonaplateHeaderValues.tranTime(at: Date(timeIntervalSince1970: 0), in: .kst) == "19700101090000")
        // Across a day and a leap day: 2024-02-29 23:30 UTC is 2024-03-01 08:30 KST.
        #expect(
            KonaplateHeaderValues.tranTime(at: Date(timeIntervalSince1970: 1_709_249_400), in: .kst) == "20240301083000"
        )
        // Before 1970.
        #expect(KonaplateHeaderValues.tranTime(at: Date(timeIntervalSince1970: -1), in: .utc) == "19691231235959")
    }

    @Test func credentialsNeverPrintTheirKeys() {
        let credentials = KonaplateCredentials(
            aspId: "ASP000000000001", accessKey: "ACCESS-KEY-SECRET-VALUE", secretKey: "SECRET-KEY-VALUE",
            cryptoKeyId: "k")
        for printed in [
            String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped(credentials),
        ] {
            #expect(!printed.contains("ACCESS-KEY-SECRET-VALUE"))
            #expect(!printed.contains("SECRET-KEY-VALUE"))
            #expect(printed.contains("ASP000000000001"))
        }
    }
}

struct FormatTests {
    @Test func dateFormatsCheckDigitsAndFieldRanges() {
        #expect(KonaplateFormat.yyyyMMddHHmmssSSS.matches("20261125181104123"))
        #expect(!KonaplateFormat.yyyyMMddHHmmssSSS.matches("20261325181104123"))  // month 13
        #expect(!KonaplateFormat.yyyyMMddHHmmss.matches("20261125241104"))  // hour 24
        #expect(!KonaplateFormat.yyyyMMddHHmmss.matches("2026112518110"))  // 13 digits
        #expect(!KonaplateFormat.yyyyMMdd.matches("2026-11-"))
        #expect(!KonaplateFormat.yyyyMMdd.matches("２０２６１１２５"))  // full-width digits
        #expect(KonaplateFormat.correlationID.matches("261125181104-00abc12"))
        #expect(!KonaplateFormat.correlationID.matches("261125181104-00abg12"))
        #expect(KonaplateFormat.timeZone.matches("KST"))
        #expect(!KonaplateFormat.timeZone.matches("kst"))
        // Each field's range at both ends, in every date format.
        #expect(KonaplateFormat.yyyyMMdd.matches("20240131") && KonaplateFormat.yyyyMMdd.matches("00000101"))
        #expect(!KonaplateFormat.yyyyMMdd.matches("20240100") && !KonaplateFormat.yyyyMMdd.matches("20240132"))
        #expect(!KonaplateFormat.yyyyMMdd.matches("20240001"))
        #expect(KonaplateFormat.HHmmss.matches("235959") && KonaplateFormat.HHmmss.matches("000000"))
        #expect(!KonaplateFormat.HHmmss.matches("236000") && !KonaplateFormat.HHmmss.matches("235960"))
        #expect(KonaplateFormat.MMyy.matches("1299") && !KonaplateFormat.MMyy.matches("1399"))
        #expect(KonaplateFormat.yyMM.matches("9912") && !KonaplateFormat.yyMM.matches("9900"))
        #expect(!KonaplateFormat.yyyyMMdd.matches("") && !KonaplateFormat.yyyyMMdd.matches("202401011"))
        // The tran token: prefix, stamp, separator and a 32-byte Base64 signature, each broken once.
        let token = "KMV1:20221108120814608:fNY9sfOX1hvu2mscVLNQQKX/z3lUnKNHET2gxNOhKEY="
        #expect(KonaplateFormat.tranToken.matches(token))
        let signature = String(token.dropFirst(23))
        let broken: [String] = [
            "KMV2:20221108120814608:" + signature, "KMV1:20221308120814608:" + signature,
            "KMV1:20221108120814608;" + signature, String(token.dropLast()) + "A", String(token.dropLast(2)) + "-=",
        ]
        for token in broken { #expect(!KonaplateFormat.tranToken.matches(token), "\(token)") }
        // The correlation id's stamp and its dash.
        #expect(!KonaplateFormat.correlationID.matches("261125241104-00abc12"))
        #expect(!KonaplateFormat.correlationID.matches("261125181104_00abc12"))
        #expect(KonaplateFormat.correlationID.matches("261125181104-ABCDEF0"))
    }

    @Test func lengthsCountUTF16CodeUnits() {
        var validator = KonaplateValidator()
        let name = String(repeating: "홍", count: 100)  // 300 UTF-8 bytes, 100 characters
        validator.check(name, at: .root + "userName", length: .between(1, 100))
        #expect(validator.violations.isEmpty)
        validator.check(name + "길", at: .root + "userName", length: .between(1, 100))
        #expect(validator.violations.map(\.description) == ["userName: length 101, expected 1...100"])
    }
}

struct JSONValueTests {
    @Test func anyJSONRoundTripsExactly() throws {
        let json = #"[{"a":[1,-2,9999999999999999999,1.5,true,null,"홍"]}]"#
        let decoded = try JSONDecoder().decode([KonaplateJSONValue].self, from: Data(json.utf8))
        #expect(
            decoded == [
                .object([
                    "a": .array([
                        .integer(1), .integer(-2), .unsignedInteger(9_999_999_999_999_999_999), .double(1.5),
                        .bool(true), .null, .string("홍"),
                    ])
                ])
            ])
        let encoded = try KonaplateJSON.encoder().encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == json)
    }
}
