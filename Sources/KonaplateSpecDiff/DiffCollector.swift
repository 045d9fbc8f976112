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
    /// Where each subject is in the spec the findings point into (the new one, or the old one for a removed
    /// endpoint).
    let locations: [String: SourceLocation]
    private(set) var findings: [DiffFinding] = []

    init(endpoint: String, spec: CheckedEndpoint) {
        self.endpoint = endpoint
        self.locations = SubjectLocations.index(spec)
    }

    /// - Parameter location: where to point, when it is more precise than the subject's own position (a code in
    ///   a code list); by default the subject's position, or its nearest enclosing subject's for one that is gone.
    mutating func add(
        _ rule: DiffRule, _ verdict: DiffVerdict, _ subject: String, _ reason: String, at location: SourceLocation? = nil
    ) {
        findings.append(
            DiffFinding(
                endpoint: endpoint, subject: subject, rule: rule, verdict: verdict, reason: reason,
                location: location ?? self.location(of: subject)))
    }

    private func location(of subject: String) -> SourceLocation {
        var path = subject
        while true {
            if let location = locations[path] { return location }
            // `request.limit.currency` → `request.limit` → `request`; anything else → the endpoint.
            guard let dot = path.lastIndex(of: ".") else { return locations[SubjectLocations.endpoint]! }
            path = String(path[..<dot])
        }
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
            (spec.headers.requestOverrides.map { ("request", $0) } + spec.headers.responseOverrides.map { ("response", $0) })
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
    /// Optional < Conditional < Required: how much a receiver may count on the value.
    var strength: Int {
        switch self {
        case .optional: 0
        case .conditional: 1
        case .required: 2
        }
    }

    var word: String {
        switch self {
        case .optional: "optional"
        case .conditional: "conditional"
        case .required: "required"
        }
    }

    /// Why a presence change breaks, for the side it breaks on.
    static func because(_ side: DiffSide) -> String {
        side == .request ? ": deployed clients may not send it" : ": deployed clients count on it"
    }

    /// A request whose field must now be sent more often breaks deployed clients; a response that may now omit it
    /// breaks them too. Moving to or from Conditional is risky unless Required is involved.
    static func verdict(from old: Presence, to new: Presence, _ side: DiffSide) -> DiffVerdict {
        let stronger = new.strength > old.strength
        switch side {
        case .request: return !stronger ? .compatible : new == .required ? .breaking : .risky
        case .response:
            guard new.strength < old.strength else { return .compatible }
            return old == .required ? .breaking : .risky
        }
    }
}
