import KonaplateSpecs
import KonaplateTextFormats

/// What travels: compares two checked versions of one endpoint, as a client already deployed against the server
/// sees them.
enum WireComparison {
    static func compare(_ old: CheckedEndpoint, _ new: CheckedEndpoint, into collector: inout DiffCollector) {
        let spec = new.spec
        if old.spec.path.value != spec.path.value {
            collector.add(
                .endpointPathChanged, .breaking, "endpoint", "\(old.spec.path.value) → \(spec.path.value)",
                at: spec.path.location)
        }
        if old.spec.method.value != spec.method.value {
            collector.add(
                .endpointMethodChanged, .breaking, "endpoint", "\(old.spec.method.value) → \(spec.method.value)",
                at: spec.method.location)
        }
        compareBehaviour(old.spec, spec, into: &collector)
        compareDocumentation(old.spec, spec, into: &collector)
        compareBody(old.spec.request, spec.request, .request, into: &collector)
        compareBody(old.spec.response, spec.response, .response, into: &collector)
        compareHeaders(old, new, .request, into: &collector)
        compareHeaders(old, new, .response, into: &collector)
        compareResults(old.spec.results, spec.results, into: &collector)
    }

    private static func compareBehaviour(_ old: EndpointSpec, _ new: EndpointSpec, into collector: inout DiffCollector) {
        var changes: [String] = []
        if old.mode != new.mode { changes.append("mode \(old.mode.rawValue) → \(new.mode.rawValue)") }
        if old.callback != new.callback { changes.append(new.callback ? "now a callback" : "no longer a callback") }
        if old.safeToRepeat != new.safeToRepeat {
            changes.append(new.safeToRepeat ? "now safe to repeat (the client may retry it)" : "no longer safe to repeat (no retries)")
        }
        if !changes.isEmpty {
            collector.add(.behaviourChanged, .risky, "endpoint", changes.joined(separator: "; "), at: new.name.location)
        }
    }

    private static func compareDocumentation(_ old: EndpointSpec, _ new: EndpointSpec, into collector: inout DiffCollector) {
        let keys: [(String, String?, String?)] = [
            ("title", old.title, new.title), ("summary", old.summary, new.summary), ("version", old.version, new.version),
            ("source", old.source, new.source), ("notes", old.notes, new.notes),
        ]
        var changed = keys.filter { $0.1 != $0.2 }.map(\.0)
        if old.docs != new.docs { changed.append("docs") }
        if !changed.isEmpty {
            collector.add(
                .documentationChanged, .compatible, "endpoint", changed.joined(separator: ", ") + " changed",
                at: new.name.location)
        }
    }

    private static func compareBody(
        _ old: BodySpec?, _ new: BodySpec?, _ side: DiffSide, into collector: inout DiffCollector
    ) {
        let subject = side.rawValue
        let at = new?.location
        if (old?.encrypted ?? false) != (new?.encrypted ?? false) {
            collector.add(
                .encryptionChanged, .breaking, subject,
                new?.encrypted == true ? "now encrypted (JWE)" : "no longer encrypted", at: at)
        }
        let wasUndocumented = old?.isUndocumented ?? false
        let isUndocumented = new?.isUndocumented ?? false
        if wasUndocumented != isUndocumented {
            collector.add(
                .bodyDocumentationChanged, .risky, subject,
                isUndocumented ? "the body is no longer documented: any JSON object" : "the body is now documented field by field",
                at: at)
            return
        }
        let comparison = FieldComparison(side: side)
        comparison.compare(old?.fields ?? [], new?.fields ?? [], at: subject, into: &collector)
        if (old?.rules ?? []).map(RuleShape.init) != (new?.rules ?? []).map(RuleShape.init) {
            collector.add(.conditionChanged, .risky, subject, "the rules about its fields changed", at: at)
        }
    }

    /// Headers by name (case-insensitive, as HTTP compares them), each with the presence it has for this endpoint:
    /// a Conditional header whose condition holds here (an encrypted body, a callback) counts as required.
    private static func compareHeaders(
        _ old: CheckedEndpoint, _ new: CheckedEndpoint, _ side: DiffSide, into collector: inout DiffCollector
    ) {
        let oldHeaders = side == .request ? old.requestHeaders : old.responseHeaders
        let newHeaders = side == .request ? new.requestHeaders : new.responseHeaders
        let oldByName = Dictionary(oldHeaders.map { ($0.name.value.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(newHeaders.map { $0.name.value.lowercased() })
        for header in newHeaders {
            let subject = "\(side.rawValue) header \(header.name.value)"
            let presence = effectivePresence(header, of: new)
            guard let oldHeader = oldByName[header.name.value.lowercased()] else {
                let verdict: DiffVerdict =
                    side == .response || presence == .optional ? .compatible : presence == .required ? .breaking : .risky
                collector.add(.headerAdded, verdict, subject, "a new \(presence.word) header")
                continue
            }
            let oldPresence = effectivePresence(oldHeader, of: old)
            if oldPresence.strength != presence.strength {
                let verdict = Presence.verdict(from: oldPresence, to: presence, side)
                let why = oldHeader.presence == header.presence
                    ? " (its condition now \(presence == .required ? "holds" : "does not hold") here)" : ""
                collector.add(
                    .presenceChanged, verdict, subject,
                    "\(oldPresence.word) → \(presence.word)\(why)" + (verdict == .compatible ? "" : Presence.because(side)))
            } else if oldHeader.condition != header.condition {
                collector.add(.conditionChanged, .risky, subject, "its condition changed")
            }
            FieldComparison(side: side).compareConstraints(
                length: (oldHeader.length?.value, header.length?.value), range: (nil, nil),
                format: (oldHeader.format?.value, header.format?.value), subject: subject, at: nil, into: &collector)
            if oldHeader.sensitive != header.sensitive {
                collector.add(
                    .sensitiveChanged, .risky, subject, header.sensitive ? "now sensitive (redacted)" : "no longer sensitive")
            }
            if oldHeader.description != header.description {
                collector.add(.documentationChanged, .compatible, subject, "description changed")
            }
        }
        for header in oldHeaders where !newNames.contains(header.name.value.lowercased()) {
            let optionalResponse = side == .response && effectivePresence(header, of: old) != .required
            collector.add(
                .headerRemoved, optionalResponse ? .risky : .breaking, "\(side.rawValue) header \(header.name.value)",
                side == .request ? "deployed clients still send it" : "deployed clients may read it")
        }
    }

    private static func effectivePresence(_ header: HeaderSpec, of endpoint: CheckedEndpoint) -> Presence {
        guard case .conditional = header.presence, let condition = header.condition else { return header.presence }
        return endpoint.requires(condition) ? .required : .optional
    }

    private static func compareResults(_ old: [ResultSpec], _ new: [ResultSpec], into collector: inout DiffCollector) {
        let oldByCode = Dictionary(old.map { ($0.code.value, $0) }, uniquingKeysWith: { first, _ in first })
        let newCodes = Set(new.map(\.code.value))
        for result in new {
            let subject = "result \(result.code.value)"
            guard let oldResult = oldByCode[result.code.value] else {
                collector.add(
                    .resultCodeAdded, .risky, subject, "a new result code (HTTP \(result.status)): deployed clients see it as undocumented",
                    at: result.code.location)
                continue
            }
            if oldResult.status != result.status {
                collector.add(
                    .resultStatusChanged, .risky, subject, "HTTP \(oldResult.status) → \(result.status)", at: result.code.location)
            }
            if oldResult.message != result.message || oldResult.description != result.description {
                collector.add(.documentationChanged, .compatible, subject, "message or description changed", at: result.code.location)
            }
        }
        for result in old where !newCodes.contains(result.code.value) {
            collector.add(.resultCodeRemoved, .compatible, "result \(result.code.value)", "the docs no longer list it")
        }
    }
}
