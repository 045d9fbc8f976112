import KonaplateGenerator
import KonaplateSpecs

/// `diff`: compares two spec sets (the base of a PR and its head) and says, for every change, whether it breaks
/// deployed clients on the wire and whether it breaks Swift code calling the generated module.
///
/// Both sides go through the same loader, checker and translator as `generate`, with the current generator: the
/// report is about what the specs changed, never about a generator change in between. The wire verdicts compare
/// the checked specs; the Swift verdicts compare the translated Swift model, so a spec change that leaves the Swift
/// API alone (a path, a description, a `swiftName` that keeps a property's name) is not called Swift-breaking.
public enum SpecDiff {
    /// Compares two spec sets (a PR's base and head): every change with its wire and Swift verdicts. Breaking
    /// changes matched by `allow` are marked allowed. Errors in either set leave the report without changes.
    public static func compare(base: [SpecInput], head: [SpecInput], allow: [DiffAllowance] = []) -> DiffReport {
        let (oldAPI, oldDiagnostics) = SpecFrontEnd.check(base)
        let (newAPI, newDiagnostics) = SpecFrontEnd.check(head)
        let diagnostics = (oldDiagnostics + newDiagnostics).filter { $0.severity == .error }
        guard let oldAPI, let newAPI else {
            return DiffReport(changes: [], diagnostics: diagnostics, baseEndpointCount: 0, headEndpointCount: 0)
        }
        // Both sides as one module: a module's name changes only the names of its own header sets' types.
        let module = SwiftModule(name: "KonaplateAPI", writer: .command)
        let oldSwift = APITranslator.translate(oldAPI, module: module).endpoints
        let newSwift = APITranslator.translate(newAPI, module: module).endpoints
        let texts = SpecTexts(base + head)
        var findings: [DiffFinding] = []
        for pair in EndpointMatching.pairs(oldAPI.endpoints, newAPI.endpoints) {
            switch (pair.old, pair.new) {
            case (let old?, let new?):
                var collector = DiffCollector(
                    endpoint: newSwift[new].typeName, old: oldAPI.endpoints[old], new: newAPI.endpoints[new],
                    texts: texts)
                WireComparison.compare(oldAPI.endpoints[old], newAPI.endpoints[new], into: &collector)
                SwiftComparison.compare(oldSwift[old], newSwift[new], into: &collector)
                findings += collector.findings
            case (let old?, nil):
                let spec = oldAPI.endpoints[old].spec
                var collector = DiffCollector(
                    endpoint: oldSwift[old].typeName, old: oldAPI.endpoints[old], new: nil, texts: texts)
                collector.add(
                    .endpointRemoved, .breaking, "endpoint",
                    "\(spec.method.value) \(spec.path.value) is gone: deployed clients still call it, and the server no longer answers"
                )
                collector.add(
                    .swiftTypeRemoved, .breaking, "endpoint",
                    "`\(oldSwift[old].typeName)` is gone: code naming it no longer compiles")
                findings += collector.findings
            case (nil, let new?):
                let spec = newAPI.endpoints[new].spec
                var collector = DiffCollector(
                    endpoint: newSwift[new].typeName, old: nil, new: newAPI.endpoints[new], texts: texts)
                collector.add(
                    .endpointAdded, .compatible, "endpoint",
                    "\(spec.method.value) \(spec.path.value) is new: no deployed client calls it")
                findings += collector.findings
            case (nil, nil):
                break
            }
        }
        findings = HeaderSetFindings.gather(
            findings, endpointsBySet: Dictionary(grouping: newAPI.endpoints, by: \.set.name.value).mapValues(\.count))
        var used: Set<DiffAllowance> = []
        for index in findings.indices where findings[index].verdict == .breaking {
            if let allowance = allow.first(where: { $0.matches(findings[index]) }) {
                findings[index].isAllowed = true
                used.insert(allowance)
            }
        }
        var report = DiffReport(
            changes: group(findings), diagnostics: diagnostics, baseEndpointCount: oldAPI.endpoints.count,
            headEndpointCount: newAPI.endpoints.count)
        report.unusedAllowances = allow.filter { !used.contains($0) }
        return report
    }

    /// One change per endpoint and subject, located at its first finding's position (wire first); ordered by
    /// endpoint name, then by position in the spec.
    private static func group(_ findings: [DiffFinding]) -> [DiffChange] {
        var order: [String: Int] = [:]
        var changes: [DiffChange] = []
        for finding in findings {
            let key = finding.endpoint + "\u{0}" + finding.subject
            if let index = order[key] {
                changes[index].findings.append(finding)
            } else {
                order[key] = changes.count
                changes.append(
                    DiffChange(
                        endpoint: finding.endpoint, subject: finding.subject, location: finding.location,
                        findings: [finding]))
            }
        }
        for index in changes.indices {
            // Wire findings first, then Swift; the worst first within each.
            changes[index].findings.sort {
                ($0.aspect == .wire ? 0 : 1, -$0.verdict.rawValue, $0.rule.rawValue, $0.reason)
                    < ($1.aspect == .wire ? 0 : 1, -$1.verdict.rawValue, $1.rule.rawValue, $1.reason)
            }
            // The row points where its first finding does: the line that changed (a Swift finding alone points at
            // the field or header it is about).
            changes[index].location = changes[index].findings[0].location
        }
        return changes.sorted { ($0.endpoint, $0.location, $0.subject) < ($1.endpoint, $1.location, $1.subject) }
    }
}

/// Pairs the endpoints of two spec sets: by spec file (below the specs folder), then by method and path (a file
/// that moved), then by Swift name (a path that changed). What is left was removed or added.
enum EndpointMatching {
    static func pairs(_ old: [CheckedEndpoint], _ new: [CheckedEndpoint]) -> [(old: Int?, new: Int?)] {
        var unmatchedOld = Set(old.indices)
        var unmatchedNew = Set(new.indices)
        var result: [(old: Int?, new: Int?)] = []
        let keys: [(CheckedEndpoint) -> String] = [
            { relativePath($0.spec.sourceName) }, { $0.spec.method.value + " " + $0.spec.path.value },
            { $0.spec.name.value },
        ]
        for key in keys {
            let oldByKey = Dictionary(
                unmatchedOld.sorted().map { (key(old[$0]), $0) }, uniquingKeysWith: { first, _ in first })
            for index in unmatchedNew.sorted() {
                guard let match = oldByKey[key(new[index])], unmatchedOld.contains(match) else { continue }
                result.append((match, index))
                unmatchedOld.remove(match)
                unmatchedNew.remove(index)
            }
        }
        return result + unmatchedOld.sorted().map { ($0, nil) } + unmatchedNew.sorted().map { (nil, $0) }
    }

    /// `api-specs/bankaccounts/info.yaml` → `bankaccounts/info.yaml`: the folder's own name may differ between the
    /// two sides (a checkout of the base in a temporary folder).
    private static func relativePath(_ sourceName: String) -> String {
        sourceName.split(separator: "/", maxSplits: 1).last.map(String.init) ?? sourceName
    }
}

/// A shared header set's change is one change, whatever number of endpoints use the set: the findings every
/// endpoint got for a header it does not override become one finding for the set (`headers/<set>`), naming how
/// many endpoints it holds for. An endpoint on which the change has another effect (a condition that holds there,
/// its own types) keeps its own row.
enum HeaderSetFindings {
    static func gather(_ findings: [DiffFinding], endpointsBySet: [String: Int]) -> [DiffFinding] {
        struct Effect: Hashable {
            var set: String, subject: String, rule: DiffRule, verdict: DiffVerdict, reason: String
        }
        var endpointsByEffect: [Effect: [String]] = [:]
        var firstByEffect: [Effect: DiffFinding] = [:]
        for finding in findings {
            guard let set = finding.setName else { continue }
            let effect = Effect(
                set: set, subject: finding.subject, rule: finding.rule, verdict: finding.verdict, reason: finding.reason
            )
            endpointsByEffect[effect, default: []].append(finding.endpoint)
            if firstByEffect[effect] == nil { firstByEffect[effect] = finding }
        }
        guard !endpointsByEffect.isEmpty else { return findings }
        // Per set and subject, the effect most endpoints share is the set's; the others stay with their endpoints.
        let setEffects = Set(
            Dictionary(grouping: endpointsByEffect.keys, by: { [$0.set, $0.subject] }).values.compactMap { effects in
                effects.max { (endpointsByEffect[$0]!.count, $1.reason) < (endpointsByEffect[$1]!.count, $0.reason) }
            })
        var gathered: [DiffFinding] = []
        var emitted: Set<Effect> = []
        for finding in findings {
            guard let set = finding.setName else {
                gathered.append(finding)
                continue
            }
            let effect = Effect(
                set: set, subject: finding.subject, rule: finding.rule, verdict: finding.verdict, reason: finding.reason
            )
            guard setEffects.contains(effect) else {
                gathered.append(finding)
                continue
            }
            guard emitted.insert(effect).inserted else { continue }
            let endpoints = endpointsByEffect[effect]!.sorted()
            let users = endpointsBySet[set] ?? endpoints.count
            var setFinding = firstByEffect[effect]!
            setFinding.endpoint = "headers/\(set)"
            setFinding.coveredEndpoints = endpoints
            setFinding.reason +=
                endpoints.count == users
                ? " (the header set '\(set)': all \(counted(users, "endpoint")) using it)"
                : " (the header set '\(set)': \(endpoints.count) of the \(counted(users, "endpoint")) using it; the others are listed under their own names)"
            gathered.append(setFinding)
        }
        return gathered
    }
}
