import KonaplateGenerator
import KonaplateSpecs

/// A request or a response: the direction decides whether a narrower rule breaks (a request's) or a wider one does
/// (a response's).
enum DiffSide: String {
    case request, response
}

/// Gathers the findings about one endpoint, so each comparison names only what differs.
struct DiffCollector {
    let endpoint: String
    /// Where each subject is in the new spec, and in the old one (as `BASE:` locations) for what is gone.
    let locations: [String: SourceLocation]
    let oldLocations: [String: SourceLocation]
    /// Both sides' spec texts, to point at the key that changed (`summary:`, `length:`) rather than its owner.
    let texts: SpecTexts
    private(set) var findings: [DiffFinding] = []
    /// Fields the wire comparison paired as renamed: old JSON path → new JSON path, so the Swift comparison pairs
    /// the same properties.
    var renamedPaths: [String: String] = [:]
    /// Header subjects whose finding comes from the shared set (no override on either side), by subject: the set's
    /// name. `SpecDiff` reports those once for the set.
    var setHeaders: [String: String] = [:]

    init(endpoint: String, old: CheckedEndpoint?, new: CheckedEndpoint?, texts: SpecTexts) {
        self.endpoint = endpoint
        self.locations = new.map(SubjectLocations.index) ?? [:]
        self.oldLocations = (old.map(SubjectLocations.index) ?? [:]).mapValues(\.inBase)
        self.texts = texts
    }

    /// - Parameter location: where to point, when it is more precise than the subject's own position (a code in
    ///   a code list, a key); by default the subject's position in the new spec, its position in the old one for a
    ///   subject that is gone, or its nearest enclosing subject's.
    mutating func add(
        _ rule: DiffRule, _ verdict: DiffVerdict, _ subject: String, _ reason: String,
        at location: SourceLocation? = nil
    ) {
        var finding = DiffFinding(
            endpoint: endpoint, subject: subject, rule: rule, verdict: verdict, reason: reason,
            location: location ?? self.location(of: subject))
        finding.setName = setHeaders[subject]
        findings.append(finding)
    }

    func location(of subject: String) -> SourceLocation {
        if let location = locations[subject] ?? oldLocations[subject] { return location }
        var path = subject
        while true {
            if let location = locations[path] { return location }
            // `request.limit.currency` → `request.limit` → `request`; anything else → the endpoint.
            guard let dot = path.lastIndex(of: ".") else {
                return locations[SubjectLocations.endpoint] ?? oldLocations[SubjectLocations.endpoint]!
            }
            path = String(path[..<dot])
        }
    }

    /// The line of `key:` inside what is at `owner` (a field's name, a header's): in the new spec, else in the old
    /// one (a key that was removed), else `owner` itself.
    func key(_ key: String, new owner: SourceLocation?, old oldOwner: SourceLocation?) -> SourceLocation? {
        if let owner, let found = texts.key(key, under: owner) { return found }
        if let oldOwner, let found = texts.key(key, under: oldOwner) { return found.inBase }
        return owner
    }

    /// A top-level key of the endpoint's spec (`summary:`), in the new spec or, when removed, the old one.
    func topLevelKey(_ key: String, new file: String?, old oldFile: String?) -> SourceLocation? {
        if let file, let found = texts.topLevel(key, in: file) { return found }
        if let oldFile, let found = texts.topLevel(key, in: oldFile) { return found.inBase }
        return nil
    }
}

extension SourceLocation {
    /// A position in the base spec set, named so a reader cannot take it for the new spec: `BASE:api-specs/x.yaml`.
    var inBase: SourceLocation {
        file.hasPrefix("BASE:") ? self : SourceLocation(file: "BASE:" + file, line: line, column: column)
    }

    /// The file as the texts know it, without the `BASE:` mark.
    var plainFile: String { file.hasPrefix("BASE:") ? String(file.dropFirst(5)) : file }
}

/// The spec texts of both sides by file, to find a key's line: the loader keeps positions for names only.
struct SpecTexts {
    private var lines: [String: [Substring]] = [:]

    init(_ inputs: [SpecInput]) {
        for input in inputs {
            lines[input.displayPath] = String(decoding: input.contents, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
        }
    }

    func topLevel(_ key: String, in file: String) -> SourceLocation? {
        guard let text = lines[file], let index = text.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            return nil
        }
        return SourceLocation(file: file, line: index + 1, column: 1)
    }

    /// `key:` one level inside the mapping whose key is at `owner`: in a flow mapping on the owner's line, or on the
    /// block lines below it.
    func key(_ key: String, under owner: SourceLocation) -> SourceLocation? {
        guard let text = lines[owner.plainFile], owner.line >= 1, owner.line <= text.count else { return nil }
        let ownerLine = text[owner.line - 1]
        let ownerIndent = owner.column - 1
        // A flow mapping: `userId: { type: number, presence: required }`.
        if let range = ownerLine.range(
            of: key + ":",
            range: ownerLine.index(
                ownerLine.startIndex, offsetBy: min(owner.column, ownerLine.count))..<ownerLine.endIndex),
            range.lowerBound == ownerLine.startIndex
                || " {,".contains(ownerLine[ownerLine.index(before: range.lowerBound)])
        {
            return SourceLocation(
                file: owner.file, line: owner.line,
                column: ownerLine.distance(from: ownerLine.startIndex, to: range.lowerBound) + 1)
        }
        var childIndent: Int?
        for index in owner.line..<text.count {
            let line = text[index]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            if indent <= ownerIndent { return nil }
            if childIndent == nil { childIndent = indent }
            if indent == childIndent, content.hasPrefix(key + ":") {
                return SourceLocation(file: owner.file, line: index + 1, column: indent + 1)
            }
        }
        return nil
    }
}

/// The subjects of an endpoint and where each is written: fields by JSON path, headers, result codes, bodies.
enum SubjectLocations {
    static let endpoint = "endpoint"

    static func index(_ endpoint: CheckedEndpoint) -> [String: SourceLocation] {
        let spec = endpoint.spec
        var index = [Self.endpoint: spec.name.location]
        for (side, body) in [(DiffSide.request, spec.request), (.response, spec.response)] {
            guard let body else { continue }
            index[side.rawValue] = body.location
            addFields(body.fields, path: side.rawValue, into: &index)
        }
        // A header the endpoint changes is reported at its override, not at the shared definition.
        let overrides = Dictionary(
            (spec.headers.requestOverrides.map { ("request", $0) }
                + spec.headers.responseOverrides.map { ("response", $0) })
                .map { ("\($0.0) header \($0.1.name.value.lowercased())", $0.1.name.location) },
            uniquingKeysWith: { first, _ in first })
        for (side, headers) in [("request", endpoint.requestHeaders), ("response", endpoint.responseHeaders)] {
            for header in headers {
                index["\(side) header \(header.name.value)"] =
                    overrides["\(side) header \(header.name.value.lowercased())"] ?? header.name.location
            }
        }
        for result in spec.results { index["result \(result.code.value)"] = result.code.location }
        return index
    }

    private static func addFields(_ fields: [FieldSpec], path: String, into index: inout [String: SourceLocation]) {
        for field in fields {
            let subject = path + "." + field.name.value
            index[subject] = field.name.location
            index[subject + "[]"] = field.items?.location ?? field.name.location
            addFields(field.fields, path: subject, into: &index)
        }
    }
}

/// How a constraint's set of allowed values moved.
enum ConstraintChange {
    case narrower, wider, different

    /// A request that now accepts less breaks deployed clients; a response that may now carry more breaks them
    /// too (their validators reject it). A change that is neither narrower nor wider does both.
    func verdict(_ side: DiffSide) -> DiffVerdict {
        switch (self, side) {
        case (.different, _), (.narrower, .request), (.wider, .response): .breaking
        case (.wider, .request), (.narrower, .response): .compatible
        }
    }

    /// How two inclusive intervals relate, nil bounds being open; nil when they are equal.
    static func between<Bound: Comparable>(
        _ old: (Bound?, Bound?), _ new: (Bound?, Bound?)
    ) -> ConstraintChange? {
        func lowerContains(_ outer: Bound?, _ inner: Bound?) -> Bool {
            guard let outer else { return true }
            guard let inner else { return false }
            return outer <= inner
        }
        func upperContains(_ outer: Bound?, _ inner: Bound?) -> Bool {
            guard let outer else { return true }
            guard let inner else { return false }
            return outer >= inner
        }
        let oldHoldsNew = lowerContains(old.0, new.0) && upperContains(old.1, new.1)
        let newHoldsOld = lowerContains(new.0, old.0) && upperContains(new.1, old.1)
        switch (oldHoldsNew, newHoldsOld) {
        case (true, true): return nil
        case (true, false): return .narrower
        case (false, true): return .wider
        case (false, false): return .different
        }
    }

    /// For a rule that is absent (anything goes) or a value that must match exactly (a format, a pattern).
    static func between(_ old: String?, _ new: String?) -> ConstraintChange? {
        switch (old, new) {
        case (nil, nil): nil
        case (nil, .some): .narrower
        case (.some, nil): .wider
        case (.some(let old), .some(let new)): old == new ? nil : .different
        }
    }
}

extension Presence {
    var word: String {
        switch self {
        case .optional: "optional"
        case .conditional: "conditional"
        case .required: "required"
        }
    }
}
