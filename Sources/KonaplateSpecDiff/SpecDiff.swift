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
        var findings: [DiffFinding] = []
        for pair in EndpointMatching.pairs(oldAPI.endpoints, newAPI.endpoints) {
            switch (pair.old, pair.new) {
            case (let old?, let new?):
                var collector = DiffCollector(endpoint: newSwift[new].typeName, spec: newAPI.endpoints[new])
                WireComparison.compare(oldAPI.endpoints[old], newAPI.endpoints[new], into: &collector)
                SwiftComparison.compare(oldSwift[old], newSwift[new], into: &collector)
                findings += collector.findings
            case (let old?, nil):
                let spec = oldAPI.endpoints[old].spec
                var collector = DiffCollector(endpoint: oldSwift[old].typeName, spec: oldAPI.endpoints[old])
                collector.add(.endpointRemoved, .breaking, "endpoint", "\(spec.method.value) \(spec.path.value) is gone")
                collector.add(.swiftTypeRemoved, .breaking, "endpoint", "`\(oldSwift[old].typeName)` is gone")
                findings += collector.findings
            case (nil, let new?):
                let spec = newAPI.endpoints[new].spec
                var collector = DiffCollector(endpoint: newSwift[new].typeName, spec: newAPI.endpoints[new])
                collector.add(.endpointAdded, .compatible, "endpoint", "\(spec.method.value) \(spec.path.value) is new")
                findings += collector.findings
            case (nil, nil):
                break
            }
        }
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

    /// One change per endpoint and subject, located at its first finding's position; ordered by endpoint name,
    /// then by position in the spec.
    private static func group(_ findings: [DiffFinding]) -> [DiffChange] {
        var order: [String: Int] = [:]
        var changes: [DiffChange] = []
        for finding in findings {
            let key = finding.endpoint + "\u{0}" + finding.subject
            if let index = order[key] {
                changes[index].findings.append(finding)
                changes[index].location = min(changes[index].location, finding.location)
            } else {
                order[key] = changes.count
                changes.append(
                    DiffChange(endpoint: finding.endpoint, subject: finding.subject, location: finding.location, findings: [finding]))
            }
        }
        for index in changes.indices {
            // Wire findings first, then Swift; the worst first within each.
            changes[index].findings.sort {
                ($0.aspect == .wire ? 0 : 1, -$0.verdict.rawValue, $0.rule.rawValue, $0.reason)
                    < ($1.aspect == .wire ? 0 : 1, -$1.verdict.rawValue, $1.rule.rawValue, $1.reason)
            }
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
            { relativePath($0.spec.sourceName) }, { $0.spec.method.value + " " + $0.spec.path.value }, { $0.spec.name.value },
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
