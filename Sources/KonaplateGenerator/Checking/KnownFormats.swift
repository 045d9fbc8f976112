/// The formats a spec may name, with the length of every value in each. Mirrors `KonaplateFormat` in the runtime
/// (the generator does not link the runtime); a test asserts the two lists agree.
enum KnownFormat {
    static let all: [(name: String, swiftCase: String, length: Int)] = [
        ("yyyyMMddHHmmssSSS", "yyyyMMddHHmmssSSS", 17),
        ("yyyyMMddHHmmss", "yyyyMMddHHmmss", 14),
        ("yyyyMMddHHmm", "yyyyMMddHHmm", 12),
        ("yyyyMMdd", "yyyyMMdd", 8),
        ("yyyyMM", "yyyyMM", 6),
        ("yyMMdd", "yyMMdd", 6),
        ("yyMM", "yyMM", 4),
        ("MMyy", "MMyy", 4),
        ("HHmmss", "HHmmss", 6),
        ("HHmm", "HHmm", 4),
        ("correlation-id", "correlationID", 20),
        ("tran-token", "tranToken", 67),
        ("time-zone", "timeZone", 3),
    ]

    static func named(_ name: String) -> (name: String, swiftCase: String, length: Int)? {
        all.first { $0.name == name }
    }
}
