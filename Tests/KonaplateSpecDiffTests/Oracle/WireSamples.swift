import Foundation
import KonaplateSpecs

/// The wire oracle's samples: bodies and header sets one version of an endpoint allows, at the edges. Every
/// presence combination that matters (every optional member present, absent, null; the required ones alone; each
/// optional one alone), every length, range and count at both bounds, every code of every code list, each format.
/// The replay keeps only the samples the spec's own generated code accepts, so a sample this file gets wrong is
/// dropped, never judged; what the other version's generated code then refuses is a wire break.
struct WireSamples {
    var requestBodies: [(tag: String, json: String)] = []
    var responseBodies: [(tag: String, json: String)] = []
    var requestHeaders: [(tag: String, fields: [(String, String)])] = []
    var responseHeaders: [(tag: String, fields: [(String, String)])] = []

    init(_ endpoint: CheckedEndpoint) {
        requestBodies = Self.bodies(endpoint.spec.request)
        responseBodies = Self.bodies(endpoint.spec.response)
        requestHeaders = Self.headerSets(endpoint.requestHeaders, of: endpoint)
        responseHeaders = Self.headerSets(endpoint.responseHeaders, of: endpoint)
    }

    // MARK: Bodies

    /// What to do with one object: which edge, which optional members, which single member changed.
    struct Variant {
        var high = false
        var optionals = Presence.all
        /// A member path (`limit.currency`) and the JSON to send there instead.
        var override: (path: String, json: String)?
        /// A member path sent although optional members are left out.
        var only: String?
        /// An optional member path left out although every other member is sent (so a condition another member's
        /// value sets, such as a conditional field required for one code, still holds in the sample).
        var without: String?

        enum Presence { case all, none, null }
    }

    static func bodies(_ body: BodySpec?) -> [(tag: String, json: String)] {
        guard let body else { return [("empty", "{}")] }
        if body.isUndocumented { return [("empty", "{}"), ("member", #"{"member":"가"}"#)] }
        var samples: [(String, String)] = [
            ("low", object(body.fields, Variant(), at: "")),
            ("high", object(body.fields, Variant(high: true), at: "")),
            ("required only", object(body.fields, Variant(optionals: .none), at: "")),
            ("required only, high", object(body.fields, Variant(high: true, optionals: .none), at: "")),
            ("optionals null", object(body.fields, Variant(optionals: .null), at: "")),
        ]
        for path in optionalPaths(body.fields, at: "") {
            samples.append(("only \(path)", object(body.fields, Variant(optionals: .none, only: path), at: "")))
            samples.append(("without \(path)", object(body.fields, Variant(without: path), at: "")))
            samples.append(("without \(path), high", object(body.fields, Variant(high: true, without: path), at: "")))
        }
        for (path, code) in codePaths(body.fields, at: "") {
            samples.append(("\(path) = \(code)", object(body.fields, Variant(override: (path, quote(code))), at: "")))
            samples.append(
                (
                    "required only, \(path) = \(code)",
                    object(body.fields, Variant(optionals: .none, override: (path, quote(code))), at: "")
                ))
        }
        return samples
    }

    static func object(_ fields: [FieldSpec], _ variant: Variant, at path: String) -> String {
        var members: [String] = []
        for field in fields {
            let here = path.isEmpty ? field.name.value : path + "." + field.name.value
            if variant.without == here { continue }
            let isRequired = field.presence == .required
            let onTheWay = variant.only.map { $0 == here || $0.hasPrefix(here + ".") } ?? false
            if !isRequired && !onTheWay {
                if variant.optionals == .none { continue }
                if variant.optionals == .null {
                    members.append(quote(field.name.value) + ":null")
                    continue
                }
            }
            let json = variant.override.flatMap { $0.path == here ? $0.json : nil } ?? value(field, variant, at: here)
            members.append(quote(field.name.value) + ":" + json)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func value(_ field: FieldSpec, _ variant: Variant, at path: String) -> String {
        switch field.type {
        case .string:
            return quote(
                string(
                    length: field.length?.value, format: field.format?.value, codes: field.codes,
                    range: field.range?.value,
                    pattern: field.pattern?.value, high: variant.high))
        case .number: return number(field.range?.value, format: field.format?.value, high: variant.high)
        case .boolean: return variant.high ? "true" : "false"
        case .object: return object(field.fields, variant, at: path)
        case .array:
            let count = variant.high ? (field.count?.value.maximum ?? 2) : (field.count?.value.minimum ?? 1)
            var elements = (0..<min(count, 50)).map { _ -> String in
                guard let items = field.items else { return object(field.fields, variant, at: path) }
                if items.isAny { return #"{"any":[1,"x",null]}"# }
                switch items.type {
                case .number: return number(items.range?.value, format: items.format?.value, high: variant.high)
                case .boolean: return variant.high ? "true" : "false"
                default:
                    return quote(
                        string(
                            length: items.length?.value, format: items.format?.value, codes: items.codes,
                            range: items.range?.value,
                            pattern: nil, high: variant.high))
                }
            }
            if field.elementsOptional, variant.optionals == .null, !elements.isEmpty { elements[0] = "null" }
            return "[" + elements.joined(separator: ",") + "]"
        }
    }

    static func string(
        length: LengthRule?, format: String?, codes: [CodeSpec], range: IntegerRange?, pattern: String?, high: Bool
    ) -> String {
        if let code = high ? codes.last : codes.first { return code.code }
        if let format { return formatSamples[format] ?? "" }
        if let range { return number(range, format: nil, high: high) }
        let count: Int =
            switch length {
            case .exactly(let n)?: n
            case .between(let low, let top)?: high ? top : low
            case .atMost(let top)?: high ? top : 0
            case .atLeast(let low)?: high ? low + 1000 : low
            // No limit: deployed clients may send long values, so the high edge is long.
            case nil: high ? 1000 : 1
            }
        if let pattern, let match = patternCandidates(count).first(where: { matches($0, pattern) }) { return match }
        return String(repeating: "가", count: count)  // one UTF-16 unit each, as lengths count
    }

    static func number(_ range: IntegerRange?, format: String?, high: Bool) -> String {
        if let format, let sample = formatSamples[format] { return sample }
        // No range: an Int32 on every platform; the edges are far apart so a new range notices.
        guard let range else { return high ? "1000000000" : "-1000000000" }
        if high, let top = range.maximum { return "\(top)" }
        if !high, let bottom = range.minimum { return "\(bottom)" }
        return high ? "\(max(range.minimum ?? 0, 1_000_000_000))" : "\(min(range.maximum ?? 0, -1_000_000_000))"
    }

    /// The optional members at every depth: in objects and in the elements of arrays of objects (an element's member
    /// is named by the array's path: `planInfoList.amount`). Found by the long run: a response array element's member
    /// made optional was never left out in a sample, so the wire oracle could not see the break.
    static func optionalPaths(_ fields: [FieldSpec], at path: String) -> [String] {
        fields.flatMap { field -> [String] in
            let here = path.isEmpty ? field.name.value : path + "." + field.name.value
            let own = field.presence == .required ? [] : [here]
            // Into objects and into the elements of arrays of objects (whose members' paths are the array's path).
            return own + optionalPaths(field.fields, at: here)
        }
    }

    static func codePaths(_ fields: [FieldSpec], at path: String) -> [(String, String)] {
        fields.flatMap { field -> [(String, String)] in
            let here = path.isEmpty ? field.name.value : path + "." + field.name.value
            return field.codes.map { (here, $0.code) }
                + codePaths(field.fields, at: here)
        }
    }

    // MARK: Headers

    /// Every header present at its low and high edge, and the ones this endpoint requires alone.
    static func headerSets(_ headers: [HeaderSpec], of endpoint: CheckedEndpoint) -> [(
        tag: String, fields: [(String, String)]
    )] {
        func required(_ header: HeaderSpec) -> Bool {
            switch header.presence {
            case .required: true
            case .optional: false
            case .conditional: header.condition.map(endpoint.requires) ?? false
            }
        }
        func fields(high: Bool, all: Bool) -> [(String, String)] {
            headers.filter { all || required($0) }.map { header in
                let value =
                    header.format.map { formatSamples[$0.value] ?? "" }
                    ?? asciiString(header.length?.value, high: high)
                return (header.name.value, value)
            }
        }
        return [
            ("all, low", fields(high: false, all: true)), ("all, high", fields(high: true, all: true)),
            ("required only", fields(high: false, all: false)),
        ]
    }

    static func asciiString(_ length: LengthRule?, high: Bool) -> String {
        let count: Int =
            switch length {
            case .exactly(let n)?: n
            case .between(let low, let top)?: high ? top : low
            case .atMost(let top)?: high ? top : 1
            case .atLeast(let low)?: high ? low + 100 : low
            case nil: high ? 100 : 1
            }
        return String(repeating: "a", count: count)
    }

    // MARK: Values

    static let formatSamples: [String: String] = [
        "yyyyMMddHHmmssSSS": "20261125181104123", "yyyyMMddHHmmss": "20261125181104", "yyyyMMddHHmm": "202611251811",
        "yyyyMMdd": "20261125", "yyyyMM": "202611", "yyMMdd": "261125", "yyMM": "2611", "MMyy": "1126",
        "HHmmss": "181104", "HHmm": "1811", "correlation-id": "261125181104-00abc12",
        "tran-token": "KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg=", "time-zone": "KST",
    ]

    static func patternCandidates(_ count: Int) -> [String] {
        let n = max(count, 1)
        return ["0", "a", "A", "가"].map { String(repeating: $0, count: n) } + ["0", "a", "A1", "abc123", "20261125"]
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func quote(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
