import Foundation
import KonaplateSpecs
import SpecTestSupport

/// A seeded generator of spec changes over a real spec set (api-specs/): each mutant is the set with one change
/// (or several, for `several`), made by editing the YAML text as a person would, at a field, an endpoint, a header
/// set or a result code chosen by the seed. A mutant the checker refuses is not used (another is drawn).
struct SpecMutator {
    let base: [SpecInput]
    let endpoints: [(input: SpecInput, spec: EndpointSpec)]
    let definitions: SpecInput?

    init(base: [SpecInput]) {
        self.base = base
        var endpoints: [(SpecInput, EndpointSpec)] = []
        var definitions: SpecInput?
        for input in base {
            if input.sourceName.contains("/common/") {
                definitions = input
            } else if let spec = SpecFrontEnd.loadEndpoint(input).spec {
                endpoints.append((input, spec))
            }
        }
        self.endpoints = endpoints.sorted { $0.0.sourceName < $1.0.sourceName }
        self.definitions = definitions
    }

    /// Every operator, by name: the names the corpus cases and failure reports use.
    static let operators: [String] =
        FieldOperator.allCases.map(\.rawValue) + EndpointOperator.allCases.map(\.rawValue)
        + SetOperator.allCases.map(\.rawValue) + ["several"]

    /// The `index`-th mutant of `seed`: the same pair always gives the same mutant.
    func mutant(seed: UInt64, index: Int) -> OracleMutant? {
        var random = SeededRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<20 {
            let name = Self.operators[random.next(Self.operators.count)]
            if let mutant = make(name, &random, id: "M\(index)"), Self.isValid(mutant) { return mutant }
        }
        return nil
    }

    /// Whether the checker takes the mutant: the definitions and the files that changed, checked together (an
    /// endpoint's spec is checked against the definitions only, so the others need not be read again).
    static func isValid(_ mutant: OracleMutant) -> Bool {
        let before = Dictionary(
            mutant.base.map { ($0.sourceName, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let changed = mutant.head.filter { before[$0.sourceName] != $0.contents }
        if changed.contains(where: { $0.sourceName.contains("/common/") }) {
            return SpecFrontEnd.check(mutant.head).api != nil
        }
        let definitions = mutant.head.filter { $0.sourceName.contains("/common/") }
        return SpecFrontEnd.check(definitions + changed).api != nil
    }

    func make(_ name: String, _ random: inout SeededRandom, id: String) -> OracleMutant? {
        let target = endpoints[random.next(endpoints.count)]
        if let op = FieldOperator(rawValue: name) {
            let fields = FieldSite.all(in: target.spec)
            guard !fields.isEmpty else { return nil }
            let site = fields[random.next(fields.count)]
            guard let text = op.apply(to: lines(target.input), at: site) else { return nil }
            return replacing(
                target.input, with: text, id: id,
                label: "\(name) at \(target.input.sourceName):\(site.line) (\(site.path))")
        }
        if let op = EndpointOperator(rawValue: name) {
            return op.apply(self, target.input, target.spec, &random, id: id)
        }
        if let op = SetOperator(rawValue: name), let definitions {
            guard let text = op.apply(to: lines(definitions)) else { return nil }
            // The oracles replay a few endpoints that use the set: one sealing its bodies and one not, when there are.
            let encrypted = endpoints.filter { $0.spec.request?.encrypted == true }
            let plain = endpoints.filter { $0.spec.request?.encrypted != true }
            let touched = [encrypted, plain].compactMap {
                $0.isEmpty ? nil : $0[random.next($0.count)].input.sourceName
            }
            var mutant = replacing(definitions, with: text, id: id, label: "\(name) in \(definitions.sourceName)")
            mutant.touched = touched.map { ($0, $0) }
            return mutant
        }
        // several: two or three changes to one endpoint's spec, drawn from the field and endpoint-text operators.
        var text = lines(target.input)
        var labels: [String] = []
        for _ in 0..<(2 + random.next(2)) {
            let input = SpecInput(
                displayPath: target.input.displayPath, sourceName: target.input.sourceName,
                contents: Array(text.joined(separator: "\n").utf8))
            guard let spec = SpecFrontEnd.loadEndpoint(input).spec else { return nil }
            let fields = FieldSite.all(in: spec)
            guard !fields.isEmpty else { return nil }
            let op = FieldOperator.allCases[random.next(FieldOperator.allCases.count)]
            let site = fields[random.next(fields.count)]
            guard let next = op.apply(to: text, at: site) else { continue }
            text = next
            labels.append("\(op.rawValue) at \(site.path)")
        }
        guard !labels.isEmpty else { return nil }
        return replacing(
            target.input, with: text, id: id,
            label: "several in \(target.input.sourceName): " + labels.joined(separator: "; "))
    }

    func lines(_ input: SpecInput) -> [String] {
        String(decoding: input.contents, as: UTF8.self).components(separatedBy: "\n")
    }

    func replacing(_ input: SpecInput, with lines: [String], id: String, label: String) -> OracleMutant {
        var head = base
        let index = head.firstIndex { $0.sourceName == input.sourceName }!
        head[index].contents = Array(lines.joined(separator: "\n").utf8)
        return OracleMutant(
            id: id, label: label, base: base, head: head, touched: [(input.sourceName, input.sourceName)])
    }
}

/// A field of a spec and where its YAML block is.
struct FieldSite {
    var path: String
    var line: Int  // 1-based, the line of its key
    var indent: Int
    var field: FieldSpec
    var side: String

    static func all(in spec: EndpointSpec) -> [FieldSite] {
        var sites: [FieldSite] = []
        func walk(_ fields: [FieldSpec], _ path: String, _ side: String) {
            for field in fields {
                let here = path + "." + field.name.value
                sites.append(
                    FieldSite(
                        path: here, line: field.name.location.line, indent: field.name.location.column - 1,
                        field: field, side: side))
                walk(field.fields, here, side)
            }
        }
        walk(spec.request?.fields ?? [], "request", "request")
        walk(spec.response?.fields ?? [], "response", "response")
        return sites.filter { $0.line > 0 }
    }

    /// The lines of the field's block: [start, end) in 0-based line indices.
    func block(in lines: [String]) -> Range<Int> {
        let start = line - 1
        var end = start + 1
        while end < lines.count {
            let text = lines[end]
            let trimmed = text.drop { $0 == " " }
            if !trimmed.isEmpty && text.count - trimmed.count <= indent { break }
            end += 1
        }
        // Trailing blank lines belong to what follows.
        while end > start + 1 && lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return start..<end
    }

    /// The line index of the field's own key `key:` (one level in), if it is there.
    func keyLine(_ key: String, in lines: [String]) -> Int? {
        let block = block(in: lines)
        let childIndent = childIndentation(in: lines)
        return block.dropFirst().first { index in
            let text = lines[index]
            return text.hasPrefix(String(repeating: " ", count: childIndent) + key + ":")
        }
    }

    func childIndentation(in lines: [String]) -> Int {
        let block = block(in: lines)
        for index in block.dropFirst() {
            let text = lines[index]
            let trimmed = text.drop { $0 == " " }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return text.count - trimmed.count }
        }
        return indent + 2
    }

    var isFreeString: Bool {
        field.type == .string && field.codes.isEmpty && field.format == nil && field.range == nil
            && field.pattern == nil
    }
}

/// Changes to one field.
enum FieldOperator: String, CaseIterable {
    case fieldRemoved = "field-removed"
    case requiredFieldAdded = "required-field-added"
    case optionalFieldAdded = "optional-field-added"
    case fieldRenamed = "field-renamed"
    case fieldRenamedSwiftNameKept = "field-renamed-swift-name-kept"
    case fieldReordered = "field-reordered"
    case madeRequired = "presence-made-required"
    case madeOptional = "presence-made-optional"
    case lengthNarrowed = "length-narrowed"
    case lengthWidened = "length-widened"
    case lengthShifted = "length-shifted"
    case rangeNarrowed = "range-narrowed"
    case rangeWidened = "range-widened"
    case countNarrowed = "count-narrowed"
    case countWidened = "count-widened"
    case formatChanged = "format-changed"
    case formatAdded = "format-added"
    case formatRemoved = "format-removed"
    case patternAdded = "pattern-added"
    case codeAdded = "code-added"
    case codeRemoved = "code-removed"
    case becameCodeList = "became-code-list"
    case noLongerCodeList = "no-longer-code-list"
    case typeChanged = "type-changed"
    case sensitiveToggled = "sensitive-toggled"
    case descriptionEdited = "description-edited"

    func apply(to lines: [String], at site: FieldSite) -> [String]? {
        var lines = lines
        let block = site.block(in: lines)
        let pad = String(repeating: " ", count: site.indent)
        let child = String(repeating: " ", count: site.childIndentation(in: lines))
        let name = site.field.name.value
        func replaceKey(_ key: String, with value: String?) -> Bool {
            guard let index = site.keyLine(key, in: lines) else { return false }
            if let value { lines[index] = child + key + ": " + value } else { lines.remove(at: index) }
            return true
        }
        func insertKey(_ key: String, _ value: String) {
            lines.insert(child + key + ": " + value, at: site.line)
        }
        switch self {
        case .fieldRemoved:
            lines.removeSubrange(block)
        case .requiredFieldAdded, .optionalFieldAdded:
            let presence = self == .requiredFieldAdded ? "required" : "optional"
            lines.insert(
                contentsOf: [
                    pad + "zzAdded:", pad + "  type: string", pad + "  presence: \(presence)", pad + "  length: 1...10",
                    pad + "  description: 추가",
                ], at: block.upperBound)
        case .fieldRenamed:
            lines[block.lowerBound] = lines[block.lowerBound].replacingOccurrences(
                of: name + ":", with: name + "Renamed:")
        case .fieldRenamedSwiftNameKept:
            guard site.field.swiftName == nil, site.keyLine("swiftName", in: lines) == nil else { return nil }
            lines[block.lowerBound] = lines[block.lowerBound].replacingOccurrences(
                of: name + ":", with: name + "Renamed:")
            insertKey("swiftName", name)
        case .fieldReordered:
            // Swap with the next sibling (the next block at the same indentation), else the previous one.
            var next = block.upperBound
            while next < lines.count && lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
            guard next < lines.count, lines[next].hasPrefix(pad), !lines[next].hasPrefix(pad + " "),
                !lines[next].hasPrefix(pad + "#")
            else { return nil }
            let sibling = FieldSite(path: "", line: next + 1, indent: site.indent, field: site.field, side: site.side)
                .block(in: lines)
            let mine = Array(lines[block])
            let theirs = Array(lines[sibling])
            lines.replaceSubrange(
                block.lowerBound..<sibling.upperBound,
                with: theirs + lines[block.upperBound..<sibling.lowerBound] + mine)
        case .madeRequired, .madeOptional:
            let word = self == .madeRequired ? "required" : "optional"
            guard site.field.presence != (self == .madeRequired ? .required : .optional) else { return nil }
            _ = replaceKey("when", with: nil)
            guard replaceKey("presence", with: word) else { return nil }
        case .lengthNarrowed:
            switch site.field.length?.value {
            case .between(let low, let high)? where high > low: _ = replaceKey("length", with: "\(low)...\(high - 1)")
            case .atMost(let high)? where high > 1: _ = replaceKey("length", with: "...\(high / 2)")
            case .atLeast(let low)?: _ = replaceKey("length", with: "\(low + 1)...")
            case nil where site.isFreeString: insertKey("length", "...10")
            default: return nil
            }
        case .lengthWidened:
            switch site.field.length?.value {
            case .between(let low, let high)?: _ = replaceKey("length", with: "\(low)...\(high * 2)")
            case .exactly(let n)?: _ = replaceKey("length", with: "\(n)...\(n * 2)")
            case .atMost(let high)?: _ = replaceKey("length", with: "...\(high * 2)")
            case .atLeast(let low)? where low > 0: _ = replaceKey("length", with: "\(low - 1)...")
            default: return nil
            }
        case .lengthShifted:
            switch site.field.length?.value {
            case .exactly(let n)?: _ = replaceKey("length", with: "\(n + 8)")
            case .between(let low, let high)?: _ = replaceKey("length", with: "\(low + 1)...\(high + 8)")
            default: return nil
            }
        case .rangeNarrowed:
            if let range = site.field.range?.value, let low = range.minimum, let high = range.maximum, high > low {
                _ = replaceKey("range", with: "\(low)...\(low + (high - low) / 2)")
            } else if site.field.type == .number, site.field.range == nil, site.field.format == nil {
                insertKey("range", "0...100")
            } else {
                return nil
            }
        case .rangeWidened:
            guard let range = site.field.range?.value, let low = range.minimum, let high = range.maximum else {
                return nil
            }
            _ = replaceKey("range", with: low > 0 ? "\(low - 1)...\(high)" : "\(low)...\(high * 2 + 1)")
        case .countNarrowed:
            guard site.field.type == .array else { return nil }
            if let count = site.field.count?.value, let high = count.maximum, high > (count.minimum ?? 0) {
                _ = replaceKey("count", with: "\(count.minimum ?? 0)...\(high - 1)")
            } else if site.field.count == nil {
                insertKey("count", "...1")
            } else {
                return nil
            }
        case .countWidened:
            guard site.field.type == .array, site.field.count != nil else { return nil }
            _ = replaceKey("count", with: nil)
        case .formatChanged:
            let swaps = [
                "yyyyMMdd": "yyMMdd", "yyyyMMddHHmmss": "yyyyMMddHHmm", "yyyyMMddHHmmssSSS": "yyyyMMddHHmmss",
                "yyyyMM": "yyMM",
                "HHmmss": "HHmm", "yyMMdd": "yyyyMMdd", "yyyyMMddHHmm": "yyyyMMddHHmmss", "HHmm": "HHmmss",
                "yyMM": "MMyy", "MMyy": "yyMM",
            ]
            guard let format = site.field.format?.value, let other = swaps[format] else { return nil }
            _ = replaceKey("format", with: other)
        case .formatAdded:
            guard site.isFreeString else { return nil }
            _ = replaceKey("length", with: nil)
            insertKey("format", "yyyyMMdd")
        case .formatRemoved:
            guard site.field.format != nil, site.field.type == .string else { return nil }
            _ = replaceKey("format", with: nil)
        case .patternAdded:
            guard site.isFreeString else { return nil }
            insertKey("pattern", "\"[0-9A-Z]*\"")
        case .codeAdded, .becameCodeList:
            let width: Int =
                switch site.field.length?.value {
                case .exactly(let n)?: n
                case .between(let low, _)?: max(low, 2)
                case .atLeast(let low)?: max(low, 2)
                case .atMost(let high)?: min(2, high)
                case nil: 2
                }
            guard width > 0, site.field.type == .string, site.field.format == nil, site.field.range == nil else {
                return nil
            }
            let code = String(repeating: "Z", count: width)
            if self == .codeAdded {
                guard !site.field.codes.isEmpty, let index = site.keyLine("codes", in: lines) else { return nil }
                lines.insert(child + "  \"\(code)\": 추가된 코드", at: index + 1)
            } else {
                guard site.field.codes.isEmpty else { return nil }
                let other = String(repeating: "Y", count: width)
                lines.insert(
                    contentsOf: [child + "codes:", child + "  \"\(code)\": 첫째", child + "  \"\(other)\": 둘째"],
                    at: site.line)
            }
        case .codeRemoved:
            guard site.field.codes.count >= 2, let index = site.keyLine("codes", in: lines) else { return nil }
            lines.remove(at: index + 1)
        case .noLongerCodeList:
            guard !site.field.codes.isEmpty, let index = site.keyLine("codes", in: lines) else { return nil }
            var end = index + 1
            while end < lines.count, lines[end].hasPrefix(child + " ") { end += 1 }
            lines.removeSubrange(index..<end)
        case .typeChanged:
            guard site.field.type == .string || site.field.type == .number, site.field.codes.isEmpty else { return nil }
            for key in ["length", "range", "format", "pattern", "codes"] { _ = replaceKey(key, with: nil) }
            guard replaceKey("type", with: "boolean") else { return nil }
        case .sensitiveToggled:
            if site.field.sensitive {
                guard replaceKey("sensitive", with: nil) else { return nil }
            } else {
                insertKey("sensitive", "true")
            }
        case .descriptionEdited:
            guard let index = site.keyLine("description", in: lines), !lines[index].hasSuffix("|-"),
                !lines[index].hasSuffix("|"),
                !lines[index].hasSuffix(">")
            else { return nil }
            let text = lines[index]
            lines[index] = text.hasSuffix("\"") ? String(text.dropLast()) + " (수정)\"" : text + " (수정)"
        }
        return lines
    }
}

/// Changes to an endpoint as a whole, or to its text without meaning.
enum EndpointOperator: String, CaseIterable {
    case summaryEdited = "summary-edited"
    case titleEdited = "title-edited"
    case commentsAndBlankLines = "comments-and-blank-lines"
    case requestEncryptionToggled = "request-encryption-toggled"
    case responseEncryptionToggled = "response-encryption-toggled"
    case pathChanged = "path-changed"
    case methodChanged = "method-changed"
    case headerOverrideAdded = "header-override-added"
    case resultCodeAdded = "result-code-added"
    case resultCodeRemoved = "result-code-removed"
    case resultStatusChanged = "result-status-changed"
    case endpointRemoved = "endpoint-removed"
    case endpointAdded = "endpoint-added"
    case endpointMoved = "endpoint-moved"
    case endpointRenamed = "endpoint-renamed"

    func apply(
        _ mutator: SpecMutator, _ input: SpecInput, _ spec: EndpointSpec, _ random: inout SeededRandom, id: String
    ) -> OracleMutant? {
        var lines = mutator.lines(input)
        let label = "\(rawValue) in \(input.sourceName)"
        func topLevel(_ key: String) -> Int? { lines.firstIndex { $0.hasPrefix(key + ":") } }
        func sideKey(_ side: String, _ key: String) -> Int? {
            guard let start = topLevel(side) else { return nil }
            var index = start + 1
            while index < lines.count, lines[index].isEmpty || lines[index].hasPrefix(" ") {
                if lines[index].hasPrefix("  \(key):") { return index }
                index += 1
            }
            return nil
        }
        switch self {
        case .summaryEdited, .titleEdited:
            guard let index = topLevel(self == .summaryEdited ? "summary" : "title") else { return nil }
            lines[index] =
                lines[index].hasSuffix("\"")
                ? String(lines[index].dropLast()) + " (edited)\"" : lines[index] + " (edited)"
        case .commentsAndBlankLines:
            let tops = lines.indices.filter {
                !lines[$0].isEmpty && !lines[$0].hasPrefix(" ") && !lines[$0].hasPrefix("#")
            }
            guard !tops.isEmpty else { return nil }
            for index in [tops[random.next(tops.count)], tops[random.next(tops.count)]].sorted(by: >) {
                lines.insert(contentsOf: ["", "# a reviewer's note: nothing changes here", ""], at: index)
            }
        case .requestEncryptionToggled, .responseEncryptionToggled:
            let side = self == .requestEncryptionToggled ? "request" : "response"
            guard let start = topLevel(side) else { return nil }
            if let index = sideKey(side, "encrypted") {
                lines[index] = lines[index].contains("true") ? "  encrypted: false" : "  encrypted: true"
            } else {
                lines.insert("  encrypted: true", at: start + 1)
            }
        case .pathChanged:
            guard let index = topLevel("path") else { return nil }
            lines[index] = "path: \(spec.path.value)/v2"
        case .methodChanged:
            guard let index = topLevel("method") else { return nil }
            lines[index] = spec.method.value == "PUT" ? "method: POST" : "method: PUT"
        case .headerOverrideAdded:
            guard let index = topLevel("headers") else { return nil }
            let overrides = [
                "{ use: standard, request: { X-KM-User-AspId: { length: 16 } } }",
                "{ use: standard, request: { X-KM-Access-Key: { presence: required } } }",
                "{ use: standard, response: { X-KM-Crypto-Key-Id: { presence: required } } }",
                "{ use: standard, request: { X-KM-Tran-Time: { description: the time the request was sent } } }",
            ]
            lines[index] = "headers: " + overrides[random.next(overrides.count)]
        case .resultCodeAdded:
            guard let index = lines.lastIndex(where: { $0.hasPrefix("  - { status:") }) else { return nil }
            lines.insert(
                "  - { status: 400, code: \"999_901\", message: Added by a mutation, description: 추가 }", at: index + 1)
        case .resultCodeRemoved:
            let candidates = lines.indices.filter {
                lines[$0].hasPrefix("  - { status:") && !lines[$0].contains("000_000")
            }
            guard !candidates.isEmpty else { return nil }
            lines.remove(at: candidates[random.next(candidates.count)])
        case .resultStatusChanged:
            let candidates = lines.indices.filter { lines[$0].hasPrefix("  - { status: 400") }
            guard !candidates.isEmpty else { return nil }
            let index = candidates[random.next(candidates.count)]
            lines[index] = lines[index].replacingOccurrences(of: "status: 400", with: "status: 500")
        case .endpointRemoved:
            var mutant = mutator.replacing(input, with: lines, id: id, label: label)
            mutant.head.removeAll { $0.sourceName == input.sourceName }
            mutant.touched = [(input.sourceName, nil)]
            return mutant
        case .endpointAdded, .endpointMoved:
            var added = input
            added.sourceName =
                "api-specs/mutated/" + (input.sourceName.split(separator: "/").last.map(String.init) ?? "spec.yaml")
            added.displayPath = added.sourceName
            var mutant = mutator.replacing(input, with: lines, id: id, label: label)
            if self == .endpointAdded {
                guard let name = topLevel("name"), let path = topLevel("path") else { return nil }
                lines[name] = "name: \(spec.name.value)Added"
                lines[path] = "path: \(spec.path.value)/added"
                added.contents = Array(lines.joined(separator: "\n").utf8)
                mutant.head.append(added)
                mutant.touched = [(nil, added.sourceName)]
            } else {
                mutant.head.removeAll { $0.sourceName == input.sourceName }
                mutant.head.append(added)
                mutant.touched = [(input.sourceName, added.sourceName)]
            }
            return mutant
        case .endpointRenamed:
            guard let index = topLevel("name") else { return nil }
            lines[index] = "name: \(spec.name.value)Renamed"
        }
        return mutator.replacing(input, with: lines, id: id, label: label)
    }
}

/// Changes to the shared header set every endpoint uses (common/headers.yaml).
enum SetOperator: String, CaseIterable {
    case setHeaderLengthChanged = "set-header-length-changed"
    case setRequestHeaderAdded = "set-request-header-added"
    case setRequiredRequestHeaderAdded = "set-required-request-header-added"
    case setHeaderRemoved = "set-header-removed"
    case setHeadersReordered = "set-headers-reordered"
    case setResponseHeaderMadeRequired = "set-response-header-made-required"

    func apply(to lines: [String]) -> [String]? {
        var lines = lines
        func line(_ prefix: String, after start: Int = 0) -> Int? {
            lines.indices.first { $0 >= start && lines[$0].hasPrefix(prefix) }
        }
        switch self {
        case .setHeaderLengthChanged:
            guard let header = line("      X-KM-User-AspId:"), let length = line("        length: 15", after: header)
            else { return nil }
            lines[length] = "        length: 16"
        case .setRequestHeaderAdded, .setRequiredRequestHeaderAdded:
            guard let request = line("    request:") else { return nil }
            let presence = self == .setRequestHeaderAdded ? "optional" : "required"
            lines.insert(
                contentsOf: [
                    "      X-KM-Added:", "        presence: \(presence)", "        length: 1...10",
                    "        description: added",
                ],
                at: request + 1)
        case .setHeaderRemoved, .setHeadersReordered:
            guard let zone = line("      X-KM-Time-Zone:") else { return nil }
            var end = zone + 1
            while end < lines.count,
                lines[end].hasPrefix("        ") || lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            { end += 1 }
            let block = Array(lines[zone..<end])
            lines.removeSubrange(zone..<end)
            if self == .setHeadersReordered, let request = line("    request:") {
                lines.insert(contentsOf: block, at: request + 1)
            }
        case .setResponseHeaderMadeRequired:
            guard let response = line("    response:"), let key = line("      X-KM-Crypto-Key-Id:", after: response),
                let presence = line("        presence: optional", after: key)
            else { return nil }
            lines[presence] = "        presence: required"
        }
        return lines
    }
}
