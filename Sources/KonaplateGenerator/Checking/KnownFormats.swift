/// The formats a spec may name, with the length of every value in each. Mirrors `KonaplateFormat` in the runtime
/// (the generator does not link the runtime); a test asserts the two agree, case for case.
enum KnownFormat: String, Sendable, Hashable, CaseIterable {
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
    case correlationID = "correlation-id"
    case tranToken = "tran-token"
    case timeZone = "time-zone"

    static var all: [KnownFormat] { allCases }

    /// The name a spec writes.
    var name: String { rawValue }

    /// The runtime's `KonaplateFormat` case.
    var swiftCase: String { "\(self)" }

    /// The length of every value in this format.
    var length: Int {
        switch self {
        case .correlationID: 20
        case .tranToken: 67
        case .timeZone: 3
        default: rawValue.count
        }
    }

    /// Whether values are all digits (the date and time formats), so a number may carry it too.
    var isDigits: Bool {
        switch self {
        case .correlationID, .tranToken, .timeZone: false
        default: true
        }
    }

    /// Whether a number may carry it (`deductionDate: 20240101`): a date or time starting with a 4-digit year, whose
    /// value has no leading zero to lose.
    var isNumberFormat: Bool { isDigits && rawValue.hasPrefix("yyyy") }

    static func named(_ name: String) -> KnownFormat? { KnownFormat(rawValue: name) }
}
