import HTTPTypes

/// The endpoint types of one or more generated modules, so generic code (a test double that answers any endpoint,
/// tests over a whole API, a client routing by path) reaches them without a registry kept by hand.
///
/// Each generated module adds itself as a static member named after the module, so several modules never clash,
/// whatever they are called: `KonaplateEndpointCatalogue.konaplateAPI` (the package's `KonaplateAPI`),
/// `.myKonaplateModels` (a target of yours the build plugin generates), or both: `.konaplateAPI + .myKonaplateModels`.
public struct KonaplateEndpointCatalogue: Sendable {
    /// In the order of their paths, module by module.
    public let endpoints: [any KonaplateEndpoint.Type]

    public init(_ endpoints: [any KonaplateEndpoint.Type]) {
        self.endpoints = endpoints
    }

    /// The endpoint called with `method` at `path` (`/api/v1/bankaccounts/info`), if the catalogue has it.
    public func endpoint(method: HTTPRequest.Method, path: String) -> (any KonaplateEndpoint.Type)? {
        endpoints.first { $0.method == method && $0.path == path }
    }

    /// Both catalogues' endpoints: `.konaplateAPI + .myKonaplateModels`.
    public static func + (lhs: KonaplateEndpointCatalogue, rhs: KonaplateEndpointCatalogue)
        -> KonaplateEndpointCatalogue
    {
        KonaplateEndpointCatalogue(lhs.endpoints + rhs.endpoints)
    }
}
