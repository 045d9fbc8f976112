import Foundation
import KonaplateAPI
import KonaplateGenerator
import KonaplateRuntime
import KonaplateTestSupport
import Testing

/// Tests over every generated endpoint at once, driven by the specs themselves: for each endpoint a valid
/// instance is built from its spec's constraints, round-trips through JSON and validates; then each constrained
/// field, broken alone at its boundary, is reported at exactly its path.
struct WholeAPITests {
    /// Every endpoint spec in api-specs/, by path.
    static let specFiles: [String] = FileManager.default.enumerator(atPath: repositoryRoot.appendingPathComponent("api-specs").path)!
        .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("common/") }

    static let specs: [String: EndpointSpec] = {
        let root = repositoryRoot.appendingPathComponent("api-specs")
        let files = specFiles
        var specs: [String: EndpointSpec] = [:]
        for file in files {
            let input = SpecInput(
                displayPath: file, sourceName: "api-specs/" + file,
                contents: Array(try! Data(contentsOf: root.appendingPathComponent(file))))
            if let spec = KonaplateGenerator.loadEndpoint(input).spec { specs[spec.path.value] = spec }
        }
        return specs
    }()

    static let endpointPaths: [String] = specs.keys.sorted()

    /// The generated endpoint type of a spec's path, from the generated list of every endpoint type.
    static func endpointType(_ path: String) -> (any KonaplateEndpoint.Type)? {
        EndpointCatalogue.endpoints.first { $0.path == path }
    }

    @Test func everySpecHasAGeneratedEndpoint() {
        #expect(!Self.specs.isEmpty)
        #expect(Self.specs.count == Self.specFiles.count, "every endpoint spec in api-specs/ loads, each with its own path")
        for path in Self.endpointPaths {
            #expect(Self.endpointType(path)?.path == path, "no generated endpoint for \(path)")
            #expect(EndpointCatalogue.endpoint(method: .post, path: path)?.path == path)
        }
        #expect(EndpointCatalogue.endpoints.count == Self.specs.count, "the list holds every endpoint, once")
    }

    /// Guards the generic tests against silently testing nothing: the specs hold 183 constrained fields and constraint kinds.
    @Test func theBoundaryTestsReachEveryConstrainedField() {
        let targets = Self.specs.values.flatMap {
            SampleJSON.violations(in: ($0.request?.fields ?? [])) + SampleJSON.violations(in: ($0.response?.fields ?? []))
        }
        print("whole-API boundary cases: \(targets.count)")
        #expect(targets.count >= 180)  // 183 when written
        #expect(targets.contains { $0.expectedPath.contains("[0].") })  // fields inside arrays of objects
        #expect(targets.contains { $0.expectedPath.contains(".") && !$0.expectedPath.contains("[") })  // nested objects
    }

    @Test(arguments: endpointPaths)
    func validInstancesRoundTripAndValidate(_ path: String) throws {
        let endpoint = try #require(Self.endpointType(path))
        try Self.roundTrip(endpoint, spec: try #require(Self.specs[path]))
    }

    @Test(arguments: endpointPaths)
    func eachBoundaryViolationIsReportedAtItsPath(_ path: String) throws {
        let endpoint = try #require(Self.endpointType(path))
        try Self.breakEachField(endpoint, spec: try #require(Self.specs[path]))
    }

    static func roundTrip<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type, spec: EndpointSpec) throws {
        try roundTrip(Endpoint.Request.self, fields: spec.request?.fields ?? [], rules: spec.request?.rules ?? [])
        try roundTrip(Endpoint.Response.self, fields: spec.response?.fields ?? [], rules: spec.response?.rules ?? [])
    }

    static func breakEachField<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type, spec: EndpointSpec) throws {
        try breakEachField(Endpoint.Request.self, body: spec.request, endpoint: spec.path.value)
        try breakEachField(Endpoint.Response.self, body: spec.response, endpoint: spec.path.value)
    }

    static func breakEachField<Model: KonaplateModel>(_ type: Model.Type, body: BodySpec?, endpoint: String) throws {
        let fields = body?.fields ?? []
        for target in SampleJSON.violations(in: fields) + SampleJSON.conditionViolations(in: fields, rules: body?.rules ?? []) {
            let json = SampleJSON.object(fields, rules: body?.rules ?? [], breaking: target)
            let value = try decode(Model.self, json)
            #expect(value.violations.map(\.path) == [target.expectedPath], "\(endpoint) \(target.expectedPath) with \(json)")
        }
    }

    static func decode<Model: KonaplateModel>(_ type: Model.Type, _ json: String) throws -> Model {
        try JSONDecoder().decode(Model.self, from: Data(json.utf8))
    }

    static func roundTrip<Model: KonaplateModel>(_ type: Model.Type, fields: [FieldSpec], rules: [GroupRule] = []) throws {
        let json = SampleJSON.object(fields, rules: rules, breaking: nil)
        let value = try decode(Model.self, json)
        #expect(value.violations.isEmpty, "\(Model.self): \(value.violations) for \(json)")
        let encoded = try KonaplateJSON.encoder().encode(value)
        let original = try JSONDecoder().decode(KonaplateJSONValue.self, from: Data(json.utf8))
        #expect(try JSONDecoder().decode(KonaplateJSONValue.self, from: encoded) == original)
        #expect(try decode(Model.self, String(decoding: encoded, as: UTF8.self)) == value)
    }
}

/// JSON built from a spec's fields: every field present (optional ones too), each value inside its constraints,
/// or one field pushed just past a boundary.
enum SampleJSON {
    struct Violation: CustomStringConvertible {
        /// Field names from the body's root; an array of objects is entered at element 0.
        var route: [String]
        var value: String
        var expectedPath: String
        var description: String { expectedPath }
    }

    /// A violation whose value is this leaves the member out.
    static let omitted = "<omitted>"
    /// A violation whose value is this sends a valid member beside the one its exactlyOne group sends.
    static let alsoSent = "<also sent>"

    /// - Parameter rules: the object's rules: of an `exactlyOne` group only the first field is sent.
    static func object(
        _ fields: [FieldSpec], rules: [GroupRule] = [], breaking target: Violation?, at route: [String] = []
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
            let value = broken.flatMap { $0 == alsoSent ? nil : $0 } ?? valid(field, breaking: target, at: here)
            return quote(field.name.value) + ":" + value
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func valid(_ field: FieldSpec, breaking target: Violation?, at route: [String]) -> String {
        switch field.type {
        case .string: return quote(validString(length: field.length?.value, format: field.format?.value, codes: field.codes, range: field.range?.value))
        case .number: return validNumber(field.range?.value, format: field.format?.value)
        case .boolean: return "true"
        case .object: return object(field.fields, rules: field.rules, breaking: target, at: route)
        case .array:
            let count = max(field.count?.value.minimum ?? 1, 1)
            let elements = (0..<count).map { index -> String in
                guard let items = field.items else {
                    // Only element 0 carries a broken field, so the violation is reported once, at [0].
                    return object(field.fields, rules: field.rules, breaking: index == 0 ? target : nil, at: route + ["[0]"])
                }
                return items.isAny ? #"{"any":[1,"x",null]}"# : validItem(items)
            }
            return "[" + elements.joined(separator: ",") + "]"
        }
    }

    static func validItem(_ items: ItemSpec) -> String {
        switch items.type {
        case .number: validNumber(items.range?.value)
        case .boolean: "true"
        default: quote(validString(length: items.length?.value, format: items.format?.value, codes: items.codes, range: nil))
        }
    }

    static func validString(length: LengthRule?, format: String?, codes: [CodeSpec], range: IntegerRange?) -> String {
        if let code = codes.first { return code.code }
        if let format { return formatSamples[format] ?? "" }
        if let range { return "\(range.minimum ?? min(range.maximum ?? 1, 1))" }
        let count: Int = switch length {
        case .exactly(let n)?: n
        case .between(let low, _)?: max(low, 1)
        case .atMost(let high)?: min(1, high)
        case .atLeast(let low)?: max(low, 1)
        case nil: 1
        }
        return String(repeating: "가", count: count)  // Korean: one UTF-16 unit, three UTF-8 bytes
    }

    static func validNumber(_ range: IntegerRange?, format: String? = nil) -> String {
        if let format, let sample = formatSamples[format] { return sample }
        guard let range else { return "1" }
        if let low = range.minimum { return "\(low)" }
        return "\(min(range.maximum ?? 1, 1))"
    }

    static let formatSamples: [String: String] = [
        "yyyyMMddHHmmssSSS": "20261125181104123", "yyyyMMddHHmmss": "20261125181104", "yyyyMMddHHmm": "202611251811",
        "yyyyMMdd": "20261125", "yyyyMM": "202611", "yyMMdd": "261125", "yyMM": "2611", "MMyy": "1126",
        "HHmmss": "181104", "HHmm": "1811", "correlation-id": "261125181104-00abc12",
        "tran-token": "KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg=", "time-zone": "KST",
    ]

    /// One violation per constrained field (per constraint kind), with the path `validate()` must report.
    static func violations(in fields: [FieldSpec], route: [String] = [], path: String = "") -> [Violation] {
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
                    found.append(Violation(route: here, value: quote(String(repeating: "!", count: length)), expectedPath: fieldPath))
                } else if let range = field.range?.value {
                    if let text = outside(range, in: Int128.min...Int128.max) {
                        found.append(Violation(route: here, value: quote(text), expectedPath: fieldPath))
                    }
                } else if let length = field.length?.value, let count = outside(length) {
                    found.append(Violation(route: here, value: quote(String(repeating: "가", count: count)), expectedPath: fieldPath))
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
                    let element = field.items.map(validItem) ?? object(field.fields, breaking: nil)
                    found.append(
                        Violation(route: here, value: "[" + Array(repeating: element, count: elements).joined(separator: ",") + "]", expectedPath: fieldPath))
                }
                if let items = field.items, !items.isAny, let length = items.length?.value, items.codes.isEmpty, let count = outside(length) {
                    found.append(Violation(route: here, value: "[" + quote(String(repeating: "가", count: count)) + "]", expectedPath: fieldPath + "[0]"))
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
    static func conditionViolations(in fields: [FieldSpec], rules: [GroupRule], route: [String] = [], path: String = "") -> [Violation] {
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
                found += conditionViolations(in: field.fields, rules: field.rules, route: route + [field.name.value], path: fieldPath)
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
    static func outside(_ rule: LengthRule) -> Int? {
        if let high = rule.maximum { return high + 1 }
        if let low = rule.minimum, low > 0 { return low - 1 }
        return nil
    }

    /// A value just outside the range that the Swift type still holds (so decoding succeeds and validation fails).
    static func outside(_ range: IntegerRange, in holdable: ClosedRange<Int128>) -> String? {
        if let high = range.maximum, high < holdable.upperBound { return "\(high + 1)" }
        if let low = range.minimum, low > holdable.lowerBound { return "\(low - 1)" }
        return nil
    }

    /// The values of the integer type the generator picks for `range` (Int, Int64 or UInt64).
    static func representable(_ range: IntegerRange) -> ClosedRange<Int128> {
        if let high = range.maximum, high > Int128(Int64.max) { return 0...Int128(UInt64.max) }
        return Int128(Int64.min)...Int128(Int64.max)
    }

    static func quote(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
