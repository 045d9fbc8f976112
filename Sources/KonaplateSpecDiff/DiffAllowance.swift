import KonaplateSpecs

/// An accepted break, as `--allow` names it: `Endpoint:rule` (`BankAccountsInfo:field-removed`), `*:rule` for every
/// endpoint, or `Endpoint:*` for every rule of one endpoint. Like swift-api-digester's allow list, it makes a
/// reviewed break pass without hiding it: allowed findings are still reported, marked as allowed.
public struct DiffAllowance: Sendable, Hashable, CustomStringConvertible {
    public var endpoint: String
    public var rule: String

    /// Parses `Endpoint:rule`, or says why the text is not one.
    public static func parse(_ text: String) -> Result<DiffAllowance, DiffAllowanceError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(
                DiffAllowanceError(text: text, reason: "expected ENDPOINT:RULE, such as BankAccountsInfo:field-removed")
            )
        }
        guard parts[1] == "*" || DiffRule(rawValue: parts[1]) != nil else {
            let hint = Suggestion.hint(for: parts[1], among: DiffRule.allCases.map(\.rawValue))
            return .failure(DiffAllowanceError(text: text, reason: "unknown rule '\(parts[1])'\(hint)"))
        }
        return .success(DiffAllowance(endpoint: parts[0], rule: parts[1]))
    }

    func matches(_ finding: DiffFinding) -> Bool {
        (endpoint == "*" || endpoint == finding.endpoint) && (rule == "*" || rule == finding.rule.rawValue)
    }

    public var description: String { "\(endpoint):\(rule)" }
}

public struct DiffAllowanceError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "invalid --allow '\(text)': \(reason)" }
}
