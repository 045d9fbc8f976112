import KonaplateSpecs
import KonaplateTextFormats

/// What travels: compares two checked versions of one endpoint, as a client already deployed against the server
/// sees them.
enum WireComparison {
    static func compare(_ old: CheckedEndpoint, _ new: CheckedEndpoint, into collector: inout DiffCollector) {
        let spec = new.spec
        if old.spec.path.value != spec.path.value {
            collector.add(
                .endpointPathChanged, .breaking, "endpoint",
                "\(old.spec.path.value) → \(spec.path.value): deployed clients send to the old path, which the server no longer serves",
                at: spec.path.location)
        }
        if old.spec.method.value != spec.method.value {
            collector.add(
                .endpointMethodChanged, .breaking, "endpoint",
                "\(old.spec.method.value) → \(spec.method.value): deployed clients send \(old.spec.method.value), which the server no longer serves there",
                at: spec.method.location)
        }
        compareBehaviour(old.spec, spec, into: &collector)
        compareDocumentation(old.spec, spec, into: &collector)
        compareBody(old.spec.request, spec.request, .request, into: &collector)
        compareBody(old.spec.response, spec.response, .response, into: &collector)
        compareHeaders(old, new, .request, into: &collector)
        compareHeaders(old, new, .response, into: &collector)
        compareResults(old.results, new.results, into: &collector)
    }

    private static func compareBehaviour(_ old: EndpointSpec, _ new: EndpointSpec, into collector: inout DiffCollector)
    {
        var changes: [(key: String, text: String)] = []
        if old.mode != new.mode { changes.append(("mode", "mode \(old.mode.rawValue) → \(new.mode.rawValue)")) }
        if old.callback != new.callback {
            changes.append(("callback", new.callback ? "now a callback" : "no longer a callback"))
        }
        if old.safeToRepeat != new.safeToRepeat {
            changes.append(
                (
                    "safeToRepeat",
                    new.safeToRepeat
                        ? "now safe to repeat (the client may retry it)" : "no longer safe to repeat (no retries)"
                ))
        }
        guard let first = changes.first else { return }
        collector.add(
            .behaviourChanged, .risky, "endpoint",
            changes.map(\.text).joined(separator: "; ") + ": what clients do around the call changes",
            at: collector.topLevelKey(first.key, new: new.file, old: old.file) ?? new.name.location)
    }

    private static func compareDocumentation(
        _ old: EndpointSpec, _ new: EndpointSpec, into collector: inout DiffCollector
    ) {
        let keys: [(String, String?, String?)] = [
            ("title", old.title, new.title), ("summary", old.summary, new.summary),
            ("version", old.version, new.version),
            ("source", old.source, new.source), ("notes", old.notes, new.notes),
        ]
        var changed = keys.filter { $0.1 != $0.2 }.map(\.0)
        if old.docs != new.docs { changed.append("docs") }
        guard let first = changed.first else { return }
        collector.add(
            .documentationChanged, .compatible, "endpoint", changed.joined(separator: ", ") + " changed",
            at: collector.topLevelKey(first, new: new.file, old: old.file) ?? new.name.location)
    }

    private static func compareBody(
        _ old: BodySpec?, _ new: BodySpec?, _ side: DiffSide, into collector: inout DiffCollector
    ) {
        let subject = side.rawValue
        let at = collector.key("encrypted", new: new?.location, old: old?.location) ?? new?.location
        if (old?.encrypted ?? false) != (new?.encrypted ?? false) {
            let now = new?.encrypted == true
            let why =
                switch (side, now) {
                case (.request, true):
                    "now encrypted (JWE): deployed clients send the body in clear, which the server refuses"
                case (.request, false):
                    "no longer encrypted: deployed clients send the body sealed, which the server does not open"
                case (.response, true):
                    "now encrypted (JWE): deployed clients read the sealed body as JSON and fail to decode it"
                case (.response, false):
                    "no longer encrypted: deployed clients expect a sealed body and fail to open the clear one"
                }
            collector.add(.encryptionChanged, .breaking, subject, why, at: at)
        }
        let wasUndocumented = old?.isUndocumented ?? false
        let isUndocumented = new?.isUndocumented ?? false
        if wasUndocumented != isUndocumented {
            // An open object carries anything: it breaks only the side that now expects a required member.
            let required =
                (side == .request ? new : old)?.fields.filter { $0.presence == .required }.map(\.name.value) ?? []
            let breaks = !required.isEmpty && (side == .request ? !isUndocumented : isUndocumented)
            let what =
                isUndocumented
                ? "the body is no longer documented: any JSON object" : "the body is now documented field by field"
            let why =
                !breaks
                ? ": nothing a deployed client sends or reads is refused"
                : side == .request
                    ? ": deployed clients send objects without \(required.joined(separator: ", ")), which the server now refuses"
                    : ": the server may send objects without \(required.joined(separator: ", ")); deployed clients fail to decode them"
            collector.add(
                .bodyDocumentationChanged, breaks ? .breaking : .risky, subject, what + why, at: new?.location)
            return
        }
        let comparison = FieldComparison(side: side)
        comparison.compare(old?.fields ?? [], new?.fields ?? [], at: subject, into: &collector)
        if (old?.rules ?? []).map(RuleShape.init) != (new?.rules ?? []).map(RuleShape.init) {
            collector.add(
                .conditionChanged, .risky, subject,
                "the rules about its fields changed: check which combinations deployed clients send",
                at: collector.key("rules", new: new?.location, old: old?.location) ?? new?.location)
        }
    }

    /// Headers by name (case-insensitive, as HTTP compares them), each with the presence it has for this endpoint:
    /// a Conditional header whose condition holds here (an encrypted body, a callback) counts as required. The new
    /// server reads a request's headers and ignores those it does not know; the deployed client reads a response's.
    private static func compareHeaders(
        _ old: CheckedEndpoint, _ new: CheckedEndpoint, _ side: DiffSide, into collector: inout DiffCollector
    ) {
        let oldHeaders = side == .request ? old.requestHeaders : old.responseHeaders
        let newHeaders = side == .request ? new.requestHeaders : new.responseHeaders
        let overridden = Set(
            [old.spec.headers, new.spec.headers].flatMap {
                side == .request ? $0.requestOverrides : $0.responseOverrides
            }
            .map { $0.name.value.lowercased() })
        // A header whose definition in the shared set changed, and that neither version overrides, is the set's change.
        let sameSet = old.set.name.value == new.set.name.value
        let oldDefinitions = Dictionary(
            (side == .request ? old.set.request : old.set.response).map {
                ($0.name.value.lowercased(), HeaderShape($0))
            }, uniquingKeysWith: { first, _ in first })
        let newDefinitions = Dictionary(
            (side == .request ? new.set.request : new.set.response).map {
                ($0.name.value.lowercased(), HeaderShape($0))
            }, uniquingKeysWith: { first, _ in first })
        for header in Set(oldHeaders.map(\.name.value) + newHeaders.map(\.name.value))
        where sameSet && !overridden.contains(header.lowercased()) {
            if oldDefinitions[header.lowercased()] != newDefinitions[header.lowercased()] {
                collector.setHeaders["\(side.rawValue) header \(header)"] = new.set.name.value
            }
        }
        let oldOrder = (side == .request ? old.set.request : old.set.response).map { $0.name.value.lowercased() }
        let newOrder = (side == .request ? new.set.request : new.set.response).map { $0.name.value.lowercased() }
        if sameSet && overridden.isEmpty && oldOrder != newOrder {
            collector.setHeaders["\(side.rawValue) headers"] = new.set.name.value
        }
        let oldByName = Dictionary(
            oldHeaders.map { ($0.name.value.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(newHeaders.map { $0.name.value.lowercased() })
        for header in newHeaders {
            let subject = "\(side.rawValue) header \(header.name.value)"
            let presence = effectivePresence(header, of: new)
            let owner = collector.location(of: subject)
            guard let oldHeader = oldByName[header.name.value.lowercased()] else {
                let verdict: DiffVerdict =
                    side == .request && presence == .required
                    ? .breaking : side == .request && presence != .optional ? .risky : .compatible
                let why =
                    switch (side, verdict) {
                    case (.request, .breaking):
                        ": deployed clients do not send it, so the server refuses their requests"
                    case (.request, _): ": deployed clients do not send it, and the server does not require it"
                    default: ": deployed clients ignore headers they do not know"
                    }
                collector.add(.headerAdded, verdict, subject, "a new \(presence.word) header" + why)
                continue
            }
            let oldOwner = oldHeader.name.location
            let oldPresence = effectivePresence(oldHeader, of: old)
            if oldPresence != presence {
                let why =
                    oldHeader.presence == header.presence
                    ? " (its condition now \(presence == .required ? "holds" : "does not hold") here)" : ""
                let change = "\(oldPresence.word) → \(presence.word)\(why)"
                let at = collector.key("presence", new: owner, old: oldOwner)
                if side == .request && presence == .required {
                    collector.add(
                        .presenceChanged, .breaking, subject,
                        change + ": deployed clients may leave it out, so the server refuses their requests", at: at)
                } else if side == .response && oldPresence == .required {
                    collector.add(
                        .presenceChanged, .breaking, subject,
                        change
                            + ": the server may leave it out; a deployed client with the default `.strict` validation refuses the answer (`responseInvalid`), a `.reportOnly` one accepts it and lists the violation",
                        at: at)
                } else {
                    collector.add(
                        .presenceChanged, .compatible, subject,
                        change
                            + (side == .request
                                ? ": the server accepts it sent or not"
                                : ": deployed clients get it at least as often"),
                        at: at)
                }
            } else if oldHeader.condition != header.condition {
                collector.add(
                    .conditionChanged, .risky, subject, "its condition changed",
                    at: collector.key("when", new: owner, old: oldOwner))
            }
            FieldComparison(side: side).compareConstraints(
                length: (oldHeader.length?.value, header.length?.value), range: (nil, nil),
                format: (oldHeader.format?.value, header.format?.value), subject: subject, owners: (oldOwner, owner),
                into: &collector)
            collector.compareAnnotations(
                sensitive: (oldHeader.sensitive, header.sensitive),
                description: (oldHeader.description, header.description),
                subject: subject, owners: (oldOwner, owner))
        }
        for header in oldHeaders where !newNames.contains(header.name.value.lowercased()) {
            let subject = "\(side.rawValue) header \(header.name.value)"
            let at = collector.oldLocations[subject] ?? header.name.location.inBase
            switch side {
            case .request:
                collector.add(
                    .headerRemoved, .risky, subject,
                    "deployed clients still send it; the server ignores headers it does not know", at: at)
            case .response:
                let required = effectivePresence(header, of: old) == .required
                collector.add(
                    .headerRemoved, required ? .breaking : .risky, subject,
                    required
                        ? "the server no longer sends it; a deployed client with the default `.strict` validation refuses the answer (`responseInvalid`), a `.reportOnly` one accepts it and lists the violation"
                        : "the server no longer sends it; deployed clients read nil",
                    at: at)
            }
        }
    }

    private static func effectivePresence(_ header: HeaderSpec, of endpoint: CheckedEndpoint) -> Presence {
        guard case .conditional = header.presence else { return header.presence }
        guard let condition = header.condition else { return .optional }
        return endpoint.requires(condition) ? .required : .optional
    }

    private static func compareResults(_ old: [ResultSpec], _ new: [ResultSpec], into collector: inout DiffCollector) {
        let oldByCode = Dictionary(old.map { ($0.code.value, $0) }, uniquingKeysWith: { first, _ in first })
        let newCodes = Set(new.map(\.code.value))
        for result in new {
            let subject = "result \(result.code.value)"
            guard let oldResult = oldByCode[result.code.value] else {
                collector.add(
                    .resultCodeAdded, .risky, subject,
                    "a new result code (HTTP \(result.status)): deployed clients receive it as `.undocumented(\"\(result.code.value)\")` in the error they throw; code handling documented cases does not see it",
                    at: result.code.location)
                continue
            }
            if oldResult.status != result.status {
                collector.add(
                    .resultStatusChanged, .risky, subject,
                    "HTTP \(oldResult.status) → \(result.status): clients read the result code either way; code that reads the status sees another",
                    at: result.code.location)
            }
            if oldResult.message != result.message || oldResult.description != result.description {
                collector.add(
                    .documentationChanged, .compatible, subject, "message or description changed",
                    at: result.code.location)
            }
        }
        for result in old where !newCodes.contains(result.code.value) {
            collector.add(
                .resultCodeRemoved, .compatible, "result \(result.code.value)",
                "the docs no longer list it: deployed clients handle a code they will not meet",
                at: result.code.location.inBase)
        }
    }
}

/// A header definition without its positions: what it says.
struct HeaderShape: Equatable {
    var text: [String]
    init(_ header: HeaderSpec) {
        text = [
            header.name.value, header.presence.word, "\(header.presence)", header.condition.map { "\($0)" } ?? "",
            header.length.map { "\($0.value)" } ?? "",
            header.format?.value ?? "", "\(header.sensitive)", header.description ?? "",
            header.source.map { "\($0)" } ?? "",
            header.swiftName?.value ?? "",
        ]
    }
}
