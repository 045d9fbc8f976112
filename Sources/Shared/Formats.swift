// swift-format-ignore: AlwaysUseLowerCamelCase
// (The cases are the docs' own patterns, such as `MMyy` and `HHmmss`: their case is part of their meaning.)
/// The fixed formats the Konaplate documentation gives for string fields and headers.
///
/// Compiled into two modules, through a symlink in each: KonaplateRuntime, whose validators check values, and
/// KonaplateSpecs, which checks the formats a spec names (and their lengths) and hands them to the generator. One
/// source, so a spec can never name a format the runtime does not know, nor give it another length.
///
/// Date-time formats are checked digit by digit against their pattern (month 01-12, day 01-31, hour 00-23,
/// minute and second 00-59); no DateFormatter is involved, so the check is independent of locale, calendar and
/// time zone, and never allocates a formatter.
public enum KonaplateFormat: String, Sendable, Hashable, CaseIterable {
    case yyyyMMddHHmmssSSS
    case yyyyMMddHHmmss
    case yyyyMMddHHmm
    case yyyyMMdd
    case yyyyMM
    case yyMMdd
    case yyMM
    case MMyy
    case HHmmss
    case HHmm
    /// `yyMMddHHmmss-` followed by 7 hex digits: 20 characters (X-KM-Correlation-Id).
    case correlationID = "correlation-id"
    /// `KMV1:` + yyyyMMddHHmmssSSS + `:` + standard padded Base64 of a 32-byte HMAC: 67 characters.
    case tranToken = "tran-token"
    /// Three upper-case letters: `UTC`, `KST`, ... (X-KM-Time-Zone).
    case timeZone = "time-zone"

    /// The pattern as the documentation writes it.
    public var pattern: String { rawValue }

    /// The length of every value in this format.
    public var length: Int {
        switch self {
        case .correlationID: 20
        case .tranToken: 67
        case .timeZone: 3
        default: rawValue.utf8.count
        }
    }

    /// Whether values are all digits (the date and time formats), so a number may carry it too.
    public var isDigits: Bool {
        switch self {
        case .correlationID, .tranToken, .timeZone: false
        default: true
        }
    }

    /// Whether a number may carry it (`deductionDate: 20240101`): a date or time starting with a 4-digit year, whose
    /// value has no leading zero to lose.
    public var isNumberFormat: Bool { isDigits && rawValue.hasPrefix("yyyy") }

    public func matches(_ value: String) -> Bool {
        // Every header of every request and response is checked here: over the string's own UTF-8 storage, with
        // the patterns' bytes fixed once, so that a check allocates nothing (copying the value and its pattern
        // into arrays was most of its cost; BENCHMARKS.md, the client comparison).
        var value = value
        return value.withUTF8 { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == length else { return false }
        switch self {
        case .correlationID:
            return Self.correlationStamp.withUTF8Buffer { Self.matchesDate(bytes[0..<12], pattern: $0) }
                && bytes[12] == UInt8(ascii: "-")
                && bytes[13...].allSatisfy(Self.isHexDigit)
        case .tranToken:
            return bytes[0..<5].elementsEqual("KMV1:".utf8)
                && Self.tranTokenStamp.withUTF8Buffer { Self.matchesDate(bytes[5..<22], pattern: $0) }
                && bytes[22] == UInt8(ascii: ":")
                && Self.isBase64Of32Bytes(bytes[23...])
        case .timeZone:
            return bytes.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        default:
            var pattern = rawValue  // a literal's own storage: no copy
            return pattern.withUTF8 { Self.matchesDate(bytes[...], pattern: $0) }
        }
    }

    private static let correlationStamp: StaticString = "yyMMddHHmmss"
    private static let tranTokenStamp: StaticString = "yyyyMMddHHmmssSSS"

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// 44 characters of the standard alphabet ending in one `=`: the padded Base64 of exactly 32 bytes.
    private static func isBase64Of32Bytes(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard bytes.count == 44, bytes.last == UInt8(ascii: "=") else { return false }
        return bytes.dropLast().allSatisfy { byte in
            isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }

    /// Walks the pattern in runs of one letter (`yyyy`, `MM`, ...) and checks each run's digits and range.
    private static func matchesDate(_ value: Slice<UnsafeBufferPointer<UInt8>>, pattern: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard value.count == pattern.count, value.allSatisfy(isDigit) else { return false }
        let base = value.startIndex
        var start = 0
        while start < pattern.count {
            var end = start
            var number = 0
            while end < pattern.count && pattern[end] == pattern[start] {
                number = number * 10 + Int(value[base + end] - UInt8(ascii: "0"))
                end += 1
            }
            let valid: Bool =
                switch pattern[start] {
                case UInt8(ascii: "M"): (1...12).contains(number)
                case UInt8(ascii: "d"): (1...31).contains(number)
                case UInt8(ascii: "H"): (0...23).contains(number)
                case UInt8(ascii: "m"), UInt8(ascii: "s"): (0...59).contains(number)
                default: true  // years and milliseconds: any digits
                }
            if !valid { return false }
            start = end
        }
        return true
    }
}
