import KonaplateSpecs

/// One fact `diff` found: a rule that fired on a subject of an endpoint, with its verdict and why.
public struct DiffFinding: Sendable, Hashable {
    /// The endpoint's Swift type name in the new specs (in the old ones when it was removed).
    public var endpoint: String
    /// What changed, as a path a reviewer can find in the spec: `request.accountInfo.bankCode`,
    /// `request header X-KM-Crypto-Key-Id`, `result 000_002`, `endpoint`.
    public var subject: String
    public var rule: DiffRule
    public var verdict: DiffVerdict
    /// Why, with the old and new values: "optional → required".
    public var reason: String
    /// Where the change is in the new spec (in the old one when the endpoint was removed).
    public var location: SourceLocation
    /// Accepted by the allow list: reported, but it does not fail the command.
    public var isAllowed = false
    /// For a finding about a shared header set (`endpoint` is `headers/<set>`): the endpoints it holds for. Empty
    /// for a finding about one endpoint.
    public var coveredEndpoints: [String] = []
    /// The shared header set this header finding comes from, when the endpoint does not override the header.
    var setName: String?

    public var aspect: DiffAspect { rule.aspect }
}

/// One subject of one endpoint and every finding about it: a row of the report, with a verdict per aspect.
public struct DiffChange: Sendable, Hashable {
    public var endpoint: String
    public var subject: String
    public var location: SourceLocation
    public var findings: [DiffFinding]

    /// The worst verdict of the findings of `aspect` (compatible when none).
    public func verdict(_ aspect: DiffAspect, countingAllowed: Bool = true) -> DiffVerdict {
        findings.filter { $0.aspect == aspect && (countingAllowed || !$0.isAllowed) }.map(\.verdict).max()
            ?? .compatible
    }

    /// Whether it breaks either aspect once the allowed findings are set aside.
    public var breaksUnallowed: Bool {
        verdict(.wire, countingAllowed: false) == .breaking || verdict(.swift, countingAllowed: false) == .breaking
    }
}

/// What `diff` found between two spec sets.
public struct DiffReport: Sendable {
    /// Every change, by endpoint, then by position in the new spec.
    public var changes: [DiffChange]
    /// Both spec sets' problems: a set with errors cannot be compared.
    public var diagnostics: [Diagnostic]
    /// How many endpoints each side has.
    public var baseEndpointCount: Int
    public var headEndpointCount: Int

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether a change breaks the wire or Swift and is not allowed: what fails the command.
    public var hasUnallowedBreaks: Bool { changes.contains { $0.breaksUnallowed } }

    /// Allow-list entries that matched no breaking finding: stale entries a reviewer should remove.
    public var unusedAllowances: [DiffAllowance] = []
}
