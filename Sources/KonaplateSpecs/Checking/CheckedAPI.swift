/// Specs that passed every check: what translation, the OpenAPI export and `diff` read. Each endpoint carries the
/// headers it documents, its header set's with its own changes applied.
public struct CheckedAPI: Sendable {
    /// Every header set, by name: the specs' own and the built-in ones they do not replace.
    public var headerSets: [HeaderSetSpec]
    /// The result codes every endpoint shares (the specs' own `sharedResults` and the built-in ones).
    public var sharedResults: [ResultSpec]
    /// Every endpoint, in the order of its spec's path.
    public var endpoints: [CheckedEndpoint]
}

public struct CheckedEndpoint: Sendable {
    public var spec: EndpointSpec
    /// The header set it names.
    public var set: HeaderSetSpec
    public var requestHeaders: [HeaderSpec]
    public var responseHeaders: [HeaderSpec]
    /// Its result codes: its own table's rows, then the shared codes the table does not list.
    public var results: [ResultSpec]

    /// Whether the endpoint changes single headers of its set (and so gets header types of its own).
    public var changesHeaders: Bool {
        !spec.headers.requestOverrides.isEmpty || !spec.headers.responseOverrides.isEmpty
    }

    /// Whether a Conditional header with `condition` is required for this endpoint: the shared rule, applied to the
    /// endpoint's facts.
    public func requires(_ condition: HeaderCondition) -> Bool {
        condition.reason(
            requestEncrypted: spec.request?.encrypted ?? false, responseEncrypted: spec.response?.encrypted ?? false,
            isCallback: spec.callback) != nil
    }
}
