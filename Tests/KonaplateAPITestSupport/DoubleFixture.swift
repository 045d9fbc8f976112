import Foundation
import KonaplateAPI
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime
import KonaplateTestSupport
import Testing

/// A double for the generated API and a client that talks to it, with keys made once per test run; and one
/// exchange of a valid request and a stubbed valid response, checked on both sides.
public enum DoubleFixture {
    /// Key pairs made once per test run.
    public static let keys = try! KonaplateDoubleKeys.generate()

    public static let credentials = KonaplateCredentials(
        aspId: "ASP000000000001", accessKey: String(repeating: "a", count: 40), secretKey: "the secret key",
        cryptoKeyId: String(repeating: "c", count: 32))

    public static func double(credentials: KonaplateCredentials = credentials) -> KonaplateDouble {
        KonaplateDouble(
            endpoints: KonaplateEndpointCatalogue.konaplateAPI.endpoints,
            configuration: KonaplateDoubleConfiguration(credentials: credentials, keys: keys))
    }

    public static func client(
        _ transport: any KonaplateTransport, credentials: KonaplateCredentials = credentials,
        context: KonaplateHeaderContext = KonaplateHeaderContext(timeZone: .kst),
        middlewares: [any KonaplateClientMiddleware] = [], retry: KonaplateRetryPolicy = .never,
        timeout: Duration? = nil, validation: KonaplateValidationPolicy = .strict,
        server: KonaplateServer = .sandbox
    ) -> KonaplateClient {
        KonaplateClient(
            credentials: credentials, server: server, transport: transport,
            sealer: try! keys.sealer(), opener: try! keys.opener(), context: context,
            middlewares: middlewares, validation: validation, retry: retry, timeout: timeout)
    }

    /// A valid request and a valid response of `endpoint`, from its spec (WholeAPITests' samples).
    public static func samples<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) throws -> (
        Endpoint.Request, Endpoint.Response
    ) {
        let spec = try #require(APISamples.specs[Endpoint.path])
        let request = try JSONDecoder().decode(
            Endpoint.Request.self,
            from: Data(
                SampleJSON.object(spec.request?.fields ?? [], rules: spec.request?.rules ?? [], breaking: nil).utf8))
        let response = try JSONDecoder().decode(
            Endpoint.Response.self,
            from: Data(
                SampleJSON.object(spec.response?.fields ?? [], rules: spec.response?.rules ?? [], breaking: nil).utf8))
        return (request, response)
    }

    /// A valid request and a stubbed valid response for `endpoint`, from its spec (WholeAPITests' samples).
    public static func exchange<Endpoint: KonaplateEndpoint>(
        _ endpoint: Endpoint.Type, through client: KonaplateClient, double: KonaplateDouble
    ) async throws {
        let (request, response) = try samples(Endpoint.self)
        double.stub(Endpoint.self, .response(response))
        let result = try await client.send(Endpoint.self, request)
        #expect(result.value == response, "\(Endpoint.path)")
        #expect(result.resultCode.isSuccess)
        #expect(result.status == .ok)
        #expect(result.violations.isEmpty)
        let recorded = try #require(double.recorded.last)
        #expect(recorded.refusal == nil, "\(Endpoint.path): \(recorded.refusal ?? "")")
        #expect(recorded.request.map { "\($0)" } == "\(request)")
        #expect(result.correlationID == recorded.headers["X-KM-Correlation-Id"])
        if Endpoint.isRequestEncrypted {
            // What traveled was the sealed wrapper, never the request's JSON.
            #expect(recorded.json != nil)
        }
    }
}
