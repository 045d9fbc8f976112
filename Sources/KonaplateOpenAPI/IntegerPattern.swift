import KonaplateSpecs

/// Regular expressions (ECMA-262, as JSON Schema uses) for the decimal text of whole numbers within inclusive bounds,
/// so the OpenAPI export states what `validate()` checks on a number sent as a string: `range: 1...100` on a string
/// is `^(?:0*(?:[1-9]|[1-9][0-9]|100))$`, not merely "digits".
///
/// It accepts what the runtime accepts: an optional `-`, leading zeros, at most 38 digits (the runtime's own limit,
/// which also bounds an open range).
enum IntegerPattern {
    /// The largest magnitude the runtime reads (38 digits).
    static let limit: Int128 = {
        var value: Int128 = 0
        for _ in 0..<38 { value = value * 10 + 9 }
        return value
    }()

    static func pattern(minimum: Int128?, maximum: Int128?) -> String {
        let low = max(minimum ?? -limit, -limit)
        let high = min(maximum ?? limit, limit)
        var alternatives: [String] = []
        if low <= 0 && high >= 0 { alternatives.append("-?0+") }
        if high >= 1 { alternatives.append("0*(?:" + magnitudes(max(low, 1), high).joined(separator: "|") + ")") }
        if low <= -1 { alternatives.append("-0*(?:" + magnitudes(max(-high, 1), -low).joined(separator: "|") + ")") }
        return "^(?:" + alternatives.joined(separator: "|") + ")$"
    }

    /// Patterns of the decimal numbers from `low` to `high` (both positive), without leading zeros.
    static func magnitudes(_ low: Int128, _ high: Int128) -> [String] {
        guard low <= high else { return [] }
        var patterns: [String] = []
        var start = low
        for stop in stops(low, high) {
            patterns.append(digits(String(start), String(stop)))
            start = stop + 1
        }
        return patterns
    }

    /// Where `[low, high]` splits into runs whose numbers share a prefix and vary in their last digits only
    /// (`[1, 100]` → 9, 99, 100): each run is one pattern.
    private static func stops(_ low: Int128, _ high: Int128) -> [Int128] {
        var stops: Set<Int128> = [high]
        var nines = 1
        var stop = fillingNines(low, nines)
        while low <= stop && stop <= high {
            stops.insert(stop)
            nines += 1
            stop = fillingNines(low, nines)
        }
        var zeros = 1
        stop = clearing(high + 1, zeros) - 1
        while low < stop && stop <= high {
            stops.insert(stop)
            zeros += 1
            stop = clearing(high + 1, zeros) - 1
        }
        return stops.sorted()
    }

    /// `value` with its last `count` digits set to 9 (past its own length: more nines).
    private static func fillingNines(_ value: Int128, _ count: Int) -> Int128 {
        let text = String(value)
        let kept = text.count > count ? String(text.dropLast(count)) : ""
        // Past 38 digits Int128 overflows; such a stop is past every bound anyway.
        return Int128(kept + String(repeating: "9", count: count)) ?? Int128.max
    }

    /// `value` with its last `count` digits set to 0.
    private static func clearing(_ value: Int128, _ count: Int) -> Int128 {
        // Every value here has at most 39 digits: clearing more leaves nothing (and 10^39 overflows Int128).
        guard count < 39 else { return 0 }
        var power: Int128 = 1
        for _ in 0..<count { power *= 10 }
        return value - value % power
    }

    /// The pattern of a run from `start` to `stop` (same length, equal prefix, then digit ranges).
    private static func digits(_ start: String, _ stop: String) -> String {
        var pattern = ""
        var anyDigits = 0
        for (a, b) in zip(start, stop) {
            if a == b {
                pattern.append(a)
            } else if a == "0" && b == "9" {
                anyDigits += 1
                continue
            } else {
                pattern += "[\(a)-\(b)]"
            }
        }
        if anyDigits > 0 { pattern += anyDigits == 1 ? "[0-9]" : "[0-9]{\(anyDigits)}" }
        return pattern
    }
}
