import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateOpenAPI

/// The pattern of a numeric string's range accepts exactly the texts the runtime accepts: checked number by number
/// around every bound.
struct IntegerPatternTests {
    static let ranges: [(Int128?, Int128?)] = [
        (1, 100), (0, 1_000_000), (1, 9_999_999_999_999_999_999), (-5, 5), (-120, -3), (37, 4821), (1, nil), (nil, 0),
        (nil, nil), (100, 100), (0, 0), (9, 10), (199, 2001),
    ]

    @Test(arguments: 0..<ranges.count)
    func thePatternAcceptsExactlyTheRange(_ index: Int) throws {
        let (minimum, maximum) = Self.ranges[index]
        let pattern = IntegerPattern.pattern(minimum: minimum, maximum: maximum)
        let regex = try Regex(pattern)
        var candidates: [Int128] = (-300...300).map { Int128($0) }
        for bound in [minimum, maximum].compactMap({ $0 }) { candidates += Array(-20...20).map { bound + Int128($0) } }
        for value in Set(candidates) {
            let inRange = (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
            for text in ["\(value)", value >= 0 ? "00\(value)" : "-00\(-value)"] {
                #expect((try regex.wholeMatch(in: text) != nil) == inRange, "\(pattern) on \(text)")
            }
        }
        for text in ["", "-", "1.5", "+1", " 1", "1e3", "0x10"] {
            #expect(try regex.wholeMatch(in: text) == nil, "\(pattern) on '\(text)'")
        }
    }

    @Test func aSmallRangeReadsWell() {
        #expect(IntegerPattern.pattern(minimum: 1, maximum: 100) == "^(?:0*(?:[1-9]|[1-9][0-9]|100))$")
    }
}
