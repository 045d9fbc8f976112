import Foundation
import KonaplateAPI
import KonaplateGenerator
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport

/// The specs of api-specs/ and their generated endpoint types, for tests over the whole API: driven by the specs,
/// so adding an endpoint needs no test edit.
public enum APISamples {
    public static let specFiles: [String] = FileManager.default.enumerator(
        atPath: repositoryRoot.appendingPathComponent("api-specs").path)!
        .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("common/") }

    public static let specs: [String: EndpointSpec] = {
        let root = repositoryRoot.appendingPathComponent("api-specs")
        let files = specFiles
        var specs: [String: EndpointSpec] = [:]
        for file in files {
            let input = SpecInput(
                displayPath: file, sourceName: "api-specs/" + file,
                contents: Array(try! Data(contentsOf: root.appendingPathComponent(file))))
            if let spec = SpecFrontEnd.loadEndpoint(input).spec { specs[spec.path.value] = spec }
        }
        return specs
    }()

    public static let endpointPaths: [String] = specs.keys.sorted()

    /// The generated endpoint type of a spec's path, from the generated list of every endpoint type.
    public static func endpointType(_ path: String) -> (any KonaplateEndpoint.Type)? {
        KonaplateEndpointCatalogue.konaplateAPI.endpoints.first { $0.path == path }
    }
}

/// JSON built from a spec's fields: every field present (optional ones too), each value inside its constraints,
/// or one field pushed just past a boundary.
public enum SampleJSON {
    public struct Violation: CustomStringConvertible, Sendable {
        /// Field names from the body's root; an array of objects is entered at element 0.
        public var route: [String]
        public var value: String
        public var expectedPath: String
        public var description: String { expectedPath }

        public init(route: [String], value: String, expectedPath: String) {
            self.route = route
            self.value = value
            self.expectedPath = expectedPath
        }
    }

    /// A violation whose value is this leaves the member out.
    public static let omitted = "<omitted>"
    /// A violation whose value is this sends a valid member beside the one its exactlyOne group sends.
    public static let alsoSent = "<also sent>"

    /// - Parameters:
    ///   - rules: the object's rules: of an `exactlyOne` group only the first field is sent.
    ///   - longest: every string at its longest allowed length instead of its shortest.
    public static func object(
        _ fields: [FieldSpec], rules: [GroupRule] = [], breaking target: Violation?, at route: [String] = [],
        longest: Bool = false
    ) -> String {
        // Of an exactlyOne group one field is sent: the one a violation breaks, or else the first.
        let leftOut = Set(
            rules.filter { $0.kind == .exactlyOne }.flatMap { rule -> [String] in
                let names = rule.fields.map(\.value)
                let broken = names.first { target?.route == route + [$0] }
                let kept = target?.value == alsoSent ? [names[0]] + (broken.map { [$0] } ?? []) : [broken ?? names[0]]
                return names.filter { !kept.contains($0) }
            })
        let members = fields.compactMap { field -> String? in
            let here = route + [field.name.value]
            let broken = target.flatMap { $0.route == here ? $0.value : nil }
            if broken == omitted || (broken == nil && leftOut.contains(field.name.value)) { return nil }
            let value =
                broken.flatMap { $0 == alsoSent ? nil : $0 }
                ?? valid(field, breaking: target, at: here, longest: longest)
            return quote(field.name.value) + ":" + value
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    public static func valid(_ field: FieldSpec, breaking target: Violation?, at route: [String], longest: Bool = false)
        -> String
    {
        switch field.type {
        case .string:
            return quote(
                validString(
                    length: field.length?.value, format: field.format?.value, codes: field.codes,
                    range: field.range?.value, longest: longest))
        case .number: return validNumber(field.range?.value, format: field.format?.value)
        case .boolean: return "true"
        case .object: return object(field.fields, rules: field.rules, breaking: target, at: route, longest: longest)
        case .array:
            let count = max(field.count?.value.minimum ?? 1, 1)
            let elements = (0..<count).map { index -> String in
                guard let items = field.items else {
                    // Only element 0 carries a broken field, so the violation is reported once, at [0].
                    return object(
                        field.fields, rules: field.rules, breaking: index == 0 ? target : nil, at: route + ["[0]"],
                        longest: longest)
                }
                return items.isAny ? #"{"any":[1,"x",null]}"# : validItem(items, longest: longest)
            }
            return "[" + elements.joined(separator: ",") + "]"
        }
    }

    public static func validItem(_ items: ItemSpec, longest: Bool = false) -> String {
        switch items.type {
        case .number: validNumber(items.range?.value)
        case .boolean: "true"
        default:
            quote(
                validString(
                    length: items.length?.value, format: items.format?.value, codes: items.codes, range: nil,
                    longest: longest))
        }
    }

    public static func validString(
        length: LengthRule?, format: String?, codes: [CodeSpec], range: IntegerRange?, longest: Bool = false
    ) -> String {
        if let code = codes.first { return code.code }
        if let format { return formatSamples[format] ?? "" }
        if let range { return "\(range.minimum ?? min(range.maximum ?? 1, 1))" }
        let count: Int =
            switch length {
            case .exactly(let n)?: n
            case .between(let low, let high)?: longest ? high : max(low, 1)
            case .atMost(let high)?: longest ? high : min(1, high)
            case .atLeast(let low)?: max(low, 1)
            case nil: 1
            }
        return String(repeating: "가", count: count)  // Korean: one UTF-16 unit, three UTF-8 bytes
    }

    public static func validNumber(_ range: IntegerRange?, format: String? = nil) -> String {
        if let format, let sample = formatSamples[format] { return sample }
        guard let range else { return "1" }
        if let low = range.minimum { return "\(low)" }
        return "\(min(range.maximum ?? 1, 1))"
    }

    public static let formatSamples: [String: String] = [
        "yyyyMMddHHmmssSSS": "20261125181104123", "yyyyMMddHHmmss": "20261125181104", "yyyyMMddHHmm": "202611251811",
        "yyyyMMdd": "20261125", "yyyyMM": "202611", "yyMMdd": "261125", "yyMM": "2611", "MMyy": "1126",
        "HHmmss": "181104", "HHmm": "1811", "correlation-id": "261125181104-00abc12",
        "tran-token": "KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg=", "time-zone": "KST",
    ]

    /// One violation per constrained field (per constraint kind), with the path `validate()` must report.
    public static func violations(in fields: [FieldSpec], route: [String] = [], path: String = "") -> [Violation] {
        fields.flatMap { field -> [Violation] in
            let here = route + [field.name.value]
            let fieldPath = path.isEmpty ? field.name.value : path + "." + field.name.value
            var found: [Violation] = []
            switch field.type {
            case .string:
                if !field.codes.isEmpty {
                    found.append(Violation(route: here, value: quote("ZZ_UNDOCUMENTED"), expectedPath: fieldPath))
                } else if let format = field.format?.value {
                    let length = formatSamples[format]!.utf16.count
                    found.append(
                        Violation(
                            route: here, value: quote(String(repeating: "!", count: length)), expectedPath: fieldPath))
                } else if let range = field.range?.value {
                    if let text = outside(range, in: Int128.min...Int128.max) {
                        found.append(Violation(route: here, value: quote(text), expectedPath: fieldPath))
                    }
                } else if let length = field.length?.value, let count = outside(length) {
                    found.append(
                        Violation(
                            route: here, value: quote(String(repeating: "가", count: count)), expectedPath: fieldPath))
                }
            case .number:
                if let range = field.range?.value, let text = outside(range, in: representable(range)) {
                    found.append(Violation(route: here, value: text, expectedPath: fieldPath))
                }
            case .boolean:
                break
            case .object:
                found += violations(in: field.fields, route: here, path: fieldPath)
            case .array:
                if let count = field.count?.value, let elements = outside(count) {
                    let element = field.items.map { validItem($0) } ?? object(field.fields, breaking: nil)
                    found.append(
                        Violation(
                            route: here,
                            value: "[" + Array(repeating: element, count: elements).joined(separator: ",") + "]",
                            expectedPath: fieldPath))
                }
                if let items = field.items, !items.isAny, let length = items.length?.value, items.codes.isEmpty,
                    let count = outside(length)
                {
                    found.append(
                        Violation(
                            route: here, value: "[" + quote(String(repeating: "가", count: count)) + "]",
                            expectedPath: fieldPath + "[0]"))
                }
                if field.items == nil {
                    found += violations(in: field.fields, route: here + ["[0]"], path: fieldPath + "[0]")
                }
            }
            return found
        }
    }

    /// A checkable `when` broken: the other field has the value and the field is left out. An `exactlyOne` rule
    /// broken: its second field sent too (reported at the object).
    public static func conditionViolations(
        in fields: [FieldSpec], rules: [GroupRule], route: [String] = [], path: String = ""
    ) -> [Violation] {
        var found: [Violation] = []
        for field in fields {
            let fieldPath = path.isEmpty ? field.name.value : path + "." + field.name.value
            if let dependency = field.requiredWhen {
                // The sample sends the other field's first code or value; a condition on another value is not broken.
                let other = fields.first { $0.name.value == dependency.field.value }
                let sample = other.map { valid($0, breaking: nil, at: []) }
                if let sample, dependency.values.contains(where: { quote($0) == sample || $0 == sample }) {
                    found.append(Violation(route: route + [field.name.value], value: omitted, expectedPath: fieldPath))
                }
            }
            if field.type == .object {
                found += conditionViolations(
                    in: field.fields, rules: field.rules, route: route + [field.name.value], path: fieldPath)
            }
        }
        for rule in rules where rule.kind == .exactlyOne {
            let second = rule.fields[1].value
            if fields.contains(where: { $0.name.value == second }) {
                found.append(Violation(route: route + [second], value: alsoSent, expectedPath: path))
            }
        }
        return found
    }

    /// A count just outside a length rule, or nil when every count below the minimum is negative.
    public static func outside(_ rule: LengthRule) -> Int? {
        if let high = rule.maximum { return high + 1 }
        if let low = rule.minimum, low > 0 { return low - 1 }
        return nil
    }

    /// A value just outside the range that the Swift type still holds (so decoding succeeds and validation fails).
    public static func outside(_ range: IntegerRange, in holdable: ClosedRange<Int128>) -> String? {
        if let high = range.maximum, high < holdable.upperBound { return "\(high + 1)" }
        if let low = range.minimum, low > holdable.lowerBound { return "\(low - 1)" }
        return nil
    }

    /// The values of the integer type the generator picks for `range` (Int, Int64 or UInt64).
    public static func representable(_ range: IntegerRange) -> ClosedRange<Int128> {
        if let high = range.maximum, high > Int128(Int64.max) { return 0...Int128(UInt64.max) }
        return Int128(Int64.min)...Int128(Int64.max)
    }

    public static func quote(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
