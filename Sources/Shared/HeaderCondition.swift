// Compiled into two modules, through a symlink in each: KonaplateRuntime, whose generated header types apply the
// rule, and KonaplateSpecs, which reads it from specs (the generator and the OpenAPI export resolve it per endpoint). One
// source, so the rule cannot mean one thing in generated code and another in the export.

/// When a Conditional header is required. The docs' header tables say "Conditional" or "Optional" and explain the
/// rule in words (DECISIONS.md D6); a header set names the rule (`when: encrypted`), and this is what it means.
public enum KonaplateHeaderCondition: String, Sendable, Hashable, CaseIterable {
    /// Required when the request or the response body is encrypted (X-KM-Crypto-Key-Id names the key pair).
    case encrypted
    /// Required unless the endpoint is a callback API (X-KM-Access-Key).
    case notCallback = "not-callback"

    /// Why the header is required for an endpoint with these properties, or nil when it is not.
    public func reason(requestEncrypted: Bool, responseEncrypted: Bool, isCallback: Bool) -> String? {
        switch self {
        case .encrypted:
            if requestEncrypted { return "the request body is encrypted" }
            return responseEncrypted ? "the response body is encrypted" : nil
        case .notCallback:
            return isCallback ? nil : "the endpoint is not a callback API"
        }
    }
}
