import Crypto
import Foundation
import Synchronization

// Header primitives: the values of the X-KM-* headers that the client computes.
// The Konaplate docs' common-header and tran-token guidelines are the source (DECISIONS.md D1, DECISIONS.md D8);
// where they contradict themselves, the decision is noted next to the code, citing its entry.

/// What a project is issued (Credentials guideline): the ASP id, the access key / secret key pair, and the crypto
/// key id of the encryption key pair. Never printed: `description` masks the keys.
public struct KonaplateCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var aspId: String
    public var accessKey: String?
    public var secretKey: String {
        didSet { signer = HMAC(key: SymmetricKey(data: Array(secretKey.utf8))) }
    }
    public var cryptoKeyId: String?
    /// HMAC-SHA256 already keyed with the secret key: setting the key up is half the cost of a tran token
    /// (BENCHMARKS.md), so it is done once per secret key, not once per request.
    private(set) var signer: HMAC<SHA256>

    public init(aspId: String, accessKey: String?, secretKey: String, cryptoKeyId: String? = nil) {
        self.aspId = aspId
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.cryptoKeyId = cryptoKeyId
        self.signer = HMAC(key: SymmetricKey(data: Array(secretKey.utf8)))
    }

    // The keyed HMAC follows from the secret key: two credentials are equal when their four values are.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.aspId == rhs.aspId && lhs.accessKey == rhs.accessKey && lhs.secretKey == rhs.secretKey
            && lhs.cryptoKeyId == rhs.cryptoKeyId
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(aspId)
        hasher.combine(accessKey)
        hasher.combine(secretKey)
        hasher.combine(cryptoKeyId)
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "aspId": aspId as Any, "accessKey": KonaplateRedacted.mask(accessKey) as Any,
                "secretKey": KonaplateRedacted() as Any, "cryptoKeyId": cryptoKeyId as Any,
            ], displayStyle: .struct)
    }

    public var description: String { KonaplateRedaction.describe(self) }
    public var debugDescription: String { description }
}

/// The value of X-KM-Time-Zone and the offset used to stamp times in it. The docs list "UTC, KST, ...".
/// Offsets are fixed: Korea has had no daylight saving time since 1988, and a fixed offset keeps the stamped
/// times independent of the machine's time-zone database.
public struct KonaplateTimeZone: Sendable, Hashable {
    public let code: String
    public let secondsFromGMT: Int

    public init(code: String, secondsFromGMT: Int) {
        self.code = code
        self.secondsFromGMT = secondsFromGMT
    }

    public static let utc = KonaplateTimeZone(code: "UTC", secondsFromGMT: 0)
    public static let kst = KonaplateTimeZone(code: "KST", secondsFromGMT: 9 * 3600)
}

/// Where the header builder gets time and randomness; inject fixed ones in tests.
public struct KonaplateHeaderContext: Sendable {
    public var timeZone: KonaplateTimeZone
    public var now: @Sendable () -> Date
    /// 28 bits for the correlation id's 7 hex digits (the low 28 of what it returns). The default is
    /// `KonaplateCorrelationDigits.next`: a sequence from a random start that repeats no value before 2^28 requests.
    public var random: @Sendable () -> UInt32

    public init(
        timeZone: KonaplateTimeZone,
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> UInt32 = { KonaplateCorrelationDigits.next() }
    ) {
        self.timeZone = timeZone
        self.now = now
        self.random = random
    }
}

/// A wall-clock instant broken into fields in one time zone, by arithmetic alone (no Calendar, no locale).
struct KonaplateTimestamp: Sendable {
    let year, month, day, hour, minute, second, millisecond: Int

    init(_ date: Date, in zone: KonaplateTimeZone) {
        // Whole microseconds first: Date stores a Double, and 1795597864.123 s must stamp .123, not .122999.
        let microseconds = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let totalMilliseconds = microseconds.floorDivided(by: 1000).quotient + zone.secondsFromGMT * 1000
        let (days, dayMilliseconds) = totalMilliseconds.floorDivided(by: 86_400_000)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian calendar).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        hour = dayMilliseconds / 3_600_000
        minute = dayMilliseconds / 60_000 % 60
        second = dayMilliseconds / 1000 % 60
        millisecond = dayMilliseconds % 1000
    }

    /// yyyyMMddHHmmssSSS as 17 ASCII digits, written once: the correlation id, the tran time and the tran token
    /// each take a part of it.
    var digits: [UInt8] {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 17)
        // Field by field, right to left within each (a literal array of the fields cost an allocation per request).
        func write(_ value: Int, _ start: Int, _ end: Int) {
            var rest = value
            var index = end - 1
            while rest > 0 && index >= start {
                digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                index -= 1
            }
        }
        write(year, 0, 4)
        write(month, 4, 6)
        write(day, 6, 8)
        write(hour, 8, 10)
        write(minute, 10, 12)
        write(second, 12, 14)
        write(millisecond, 14, 17)
        return digits
    }

    /// yyyyMMddHHmmss
    var seconds: String { String(decoding: digits[0..<14], as: UTF8.self) }

    /// yyyyMMddHHmmssSSS
    var milliseconds: String { String(decoding: digits, as: UTF8.self) }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = (self >= 0 ? self : self - divisor + 1) / divisor
        return (quotient, self - quotient * divisor)
    }
}

public enum KonaplateHeaderValues {
    /// X-KM-Correlation-Id: `yyMMddHHmmss-` + 7 hex digits (20 characters), stamped in the header's time zone.
    /// The docs write the pattern "yyMMddHHmiSS-xxxxxxx" and "yyMMddHH24mmss-xxxxxxx": both mean this.
    public static func correlationID(at date: Date, in zone: KonaplateTimeZone, random: UInt32) -> String {
        correlationID(stamp: KonaplateTimestamp(date, in: zone).digits, random: random)
    }

    /// From a timestamp's digits: yyMMddHHmmss, a dash, 7 lowercase hex digits of `random`.
    static func correlationID(stamp: [UInt8], random: UInt32) -> String {
        // Written in place, in one allocation (the id is 20 bytes, too long for a small string).
        String(unsafeUninitializedCapacity: 20) { id in
            for index in 0..<12 { id[index] = stamp[2 + index] }
            id[12] = UInt8(ascii: "-")
            for (index, shift) in stride(from: 24, through: 0, by: -4).enumerated() {
                let nibble = UInt8((random >> UInt32(shift)) & 0xF)
                id[13 + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 20
        }
    }

    /// X-KM-Tran-Time: yyyyMMddHHmmss (14 characters) in the header's time zone. Some docs pages say
    /// "Length : 16": that is the length of the pattern text "YYYYMMDDHH24MISS", not of a value.
    public static func tranTime(at date: Date, in zone: KonaplateTimeZone) -> String {
        KonaplateTimestamp(date, in: zone).seconds
    }

    /// X-KM-Tran-Token: `"KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secretKey, body))`.
    /// - The key is the secret key's UTF-8 bytes; the message is the body exactly as sent (for an encrypted
    ///   endpoint, the sealed wrapper body).
    /// - Standard padded Base64: the docs' sample token ends in `=` and decodes to 32 bytes.
    /// - The result is 67 characters, although every docs table says 66: 5 + 17 + 1 + 44 = 67, as the docs' own
    ///   sample token "KMV1:20221108120814608:uLD+...Fkg=" shows.
    public static func tranToken(secretKey: String, body: some DataProtocol, time: String) -> String {
        tranToken(signer: HMAC(key: SymmetricKey(data: Array(secretKey.utf8))), body: body, time: time)
    }

    /// The same with an HMAC already keyed with the secret key (`KonaplateCredentials` keeps one).
    static func tranToken(signer: HMAC<SHA256>, body: some DataProtocol, time: String) -> String {
        var signer = signer
        signer.update(data: body)
        let signature = Data(signer.finalize()).base64EncodedString()
        // One buffer for the whole token: chained `+` made an intermediate string per part.
        var token = ""
        token.reserveCapacity(6 + time.utf8.count + signature.utf8.count)
        token += "KMV1:"
        token += time
        token += ":"
        token += signature
        return token
    }

    /// The same, stamped at `date` in `zone`.
    public static func tranToken(secretKey: String, body: some DataProtocol, at date: Date, in zone: KonaplateTimeZone)
        -> String
    {
        tranToken(secretKey: secretKey, body: body, time: KonaplateTimestamp(date, in: zone).milliseconds)
    }
}

/// The default source of the correlation id's 7 hex digits: a Weyl sequence modulo 2^28 from a random start.
///
/// The docs ask for 7 hex digits after the second-resolution time stamp, to tell apart the requests of one second.
/// A fresh random draw per request cost a system call each time (the system generator: about a tenth of building
/// the headers; BENCHMARKS.md, the client comparison), and two draws within one second collide with probability
/// n²/2²⁹ (0.2% per second at 1,000 requests per second). Stepping by an odd constant visits all 2^28 values before
/// any repeats, so one process never sends the same id twice within a second; the random start keeps two processes
/// as unlikely to collide as random draws would. The digits are no secret (they travel in clear in a header), so
/// nothing depends on their being unpredictable. DECISIONS.md D46.
public enum KonaplateCorrelationDigits {
    private static let state = Atomic<UInt32>(UInt32.random(in: 0..<(1 << 28)))
    /// Odd, hence coprime with 2^28: the full period. (The golden ratio's 28-bit fraction, rounded to odd, spreads
    /// consecutive ids over the range instead of counting up.)
    private static let step: UInt32 = 0x9E3_779B

    /// The next 28 bits of the sequence.
    public static func next() -> UInt32 {
        state.wrappingAdd(step, ordering: .relaxed).newValue & 0x0FFF_FFFF
    }
}

/// The computed headers, taken from one reading of the clock so they agree with each other. For generated header
/// builders only (`@_spi(Generated)`).
@_spi(Generated)
public struct KonaplateComputedHeaders: Sendable {
    public let correlationID: String
    public let tranTime: String
    public let tranToken: String
    public let timeZone: String

    public init(credentials: KonaplateCredentials, body: [UInt8], context: KonaplateHeaderContext) {
        let stamp = KonaplateTimestamp(context.now(), in: context.timeZone).digits
        correlationID = KonaplateHeaderValues.correlationID(stamp: stamp, random: context.random())
        tranTime = String(decoding: stamp[0..<14], as: UTF8.self)
        tranToken = KonaplateHeaderValues.tranToken(
            signer: credentials.signer, body: body, time: String(decoding: stamp, as: UTF8.self))
        timeZone = context.timeZone.code
    }
}

extension KonaplateHeaderCondition {
    /// Why the header is required for `endpoint`, or nil when it is not.
    public func reason<Endpoint: KonaplateEndpoint>(for endpoint: Endpoint.Type) -> String? {
        reason(
            requestEncrypted: Endpoint.isRequestEncrypted, responseEncrypted: Endpoint.isResponseEncrypted,
            isCallback: Endpoint.isCallback)
    }

    /// Whether the header is sent (and required) for `endpoint`.
    public func applies<Endpoint: KonaplateEndpoint>(to endpoint: Endpoint.Type) -> Bool {
        reason(for: endpoint) != nil
    }
}

// For generated header types only.
@_spi(Generated)
extension KonaplateValidator {
    /// A required header whose value comes from an optional source: reports it (naming the reason) when absent.
    public mutating func require(_ value: String?, header: String, because reason: String) -> String {
        if let value { return value }
        reportMissing(.root + header, "required because \(reason)")
        return ""
    }

    /// A Conditional header: reported missing when `condition` holds for `endpoint`.
    public mutating func check<Endpoint: KonaplateEndpoint>(
        _ value: String?, at path: KonaplatePath, requiredWhen condition: KonaplateHeaderCondition,
        for endpoint: Endpoint.Type
    ) {
        if value == nil, let reason = condition.reason(for: endpoint) {
            reportMissing(path, "required because \(reason)")
        }
    }
}
