/// The integer types a documented range maps to. Never a floating-point type: ids and amounts are exact.
public enum SwiftInteger: String, Sendable, Hashable {
    case int = "Int"
    case int64 = "Int64"
    case uint64 = "UInt64"

    public var minimum: Int128 {
        switch self {
        case .int: Int128(Int32.min)  // what the generated code may assume on every platform
        case .int64: Int128(Int64.min)
        case .uint64: 0
        }
    }

    public var maximum: Int128 {
        switch self {
        case .int: Int128(Int32.max)
        case .int64: Int128(Int64.max)
        case .uint64: Int128(UInt64.max)
        }
    }

    /// The narrowest natural type for a documented range: `Int` when both bounds fit 32 bits (so arithmetic is
    /// natural everywhere), `Int64` for wider or open ranges, `UInt64` when the maximum passes Int64.max (userId's
    /// 9999999999999999999, DECISIONS.md D25); nil when no 64-bit type holds it.
    public static func narrowest(for range: IntegerRange?) -> SwiftInteger? {
        guard let range else { return .int64 }
        let low = range.minimum
        let high = range.maximum
        if let low, let high, low >= int.minimum, high <= int.maximum { return .int }
        if (low ?? 0) >= int64.minimum, (high ?? 0) <= int64.maximum { return .int64 }
        if (low ?? 0) >= 0, (high ?? 0) <= uint64.maximum { return .uint64 }
        return nil
    }
}
