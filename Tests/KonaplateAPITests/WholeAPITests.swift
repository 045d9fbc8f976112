import Foundation
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateGenerator
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport
import Testing

/// Tests over every generated endpoint at once, driven by the specs themselves: for each endpoint a valid
/// instance is built from its spec's constraints, round-trips through JSON and validates; then each constrained
/// field, broken alone at its boundary, is reported at exactly its path.
struct WholeAPITests {
    /// Every endpoint spec in api-specs/, by path.
    static let specs = APISamples.specs
    static let specFiles = APISamples.specFiles
    static let endpointPaths = APISamples.endpointPaths

    static func endpointType(_ path: String) -> (any KonaplateEndpoint.Type)? { APISamples.endpointType(path) }

    @Test func everySpecHasAGeneratedEndpoint() {
        #expect(!Self.specs.isEmpty)
        #expect(
            Self.specs.count == Self.specFiles.count, "every endpoint spec in api-specs/ loads, each with its own path")
        for path in Self.endpointPaths {
            #expect(Self.endpointType(path)?.path == path, "no generated endpoint for \(path)")
            #expect(KonaplateEndpointCatalogue.konaplateAPI.endpoint(method: .post, path: path)?.path == path)
        }
        #expect(
            KonaplateEndpointCatalogue.konaplateAPI.endpoints.count == Self.specs.count,
            "the list holds every endpoint, once")
    }

    /// Guards the generic tests against silently testing nothing: the specs hold 183 constrained fields and constraint kinds.
    @Test func theBoundaryTestsReachEveryConstrainedField() {
        let targets = Self.specs.values.flatMap {
            SampleJSON.violations(in: ($0.request?.fields ?? []))
                + SampleJSON.violations(in: ($0.response?.fields ?? []))
        }
        print("whole-API boundary cases: \(targets.count)")
        #expect(targets.count >= 180)  // 183 when written
        #expect(targets.contains { $0.expectedPath.contains("[0].") })  // fields inside arrays of objects
        #expect(targets.contains { $0.expectedPath.contains(".") && !$0.expectedPath.contains("[") })  // nested objects
    }

    @Test(arguments: endpointPaths)
    func validInstancesRoundTripAndValidate(_ path: String) throws {
        let endpoint = try #require(Self.endpointType(path))
        try Self.roundTrip(endpoint, spec: try #require(Self.specs[path]))
    }

    @Test(arguments: endpointPaths)
    func eachBoundaryViolationIsReportedAtItsPath(_ path: String) throws {
        let endpoint = try #require(Self.endpointType(path))
        try Self.breakEachField(endpoint, spec: try #require(Self.specs[path]))
    }

    static func roundTrip<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type, spec: EndpointSpec) throws {
        try roundTrip(Endpoint.Request.self, fields: spec.request?.fields ?? [], rules: spec.request?.rules ?? [])
        try roundTrip(Endpoint.Response.self, fields: spec.response?.fields ?? [], rules: spec.response?.rules ?? [])
    }

    static func breakEachField<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type, spec: EndpointSpec) throws {
        try breakEachField(Endpoint.Request.self, body: spec.request, endpoint: spec.path.value)
        try breakEachField(Endpoint.Response.self, body: spec.response, endpoint: spec.path.value)
    }

    static func breakEachField<Model: KonaplateModel>(_ type: Model.Type, body: BodySpec?, endpoint: String) throws {
        let fields = body?.fields ?? []
        for target in SampleJSON.violations(in: fields)
            + SampleJSON.conditionViolations(in: fields, rules: body?.rules ?? [])
        {
            let json = SampleJSON.object(fields, rules: body?.rules ?? [], breaking: target)
            let value = try decode(Model.self, json)
            #expect(
                value.violations.map(\.path) == [target.expectedPath], "\(endpoint) \(target.expectedPath) with \(json)"
            )
        }
    }

    static func decode<Model: KonaplateModel>(_ type: Model.Type, _ json: String) throws -> Model {
        try JSONDecoder().decode(Model.self, from: Data(json.utf8))
    }

    static func roundTrip<Model: KonaplateModel>(_ type: Model.Type, fields: [FieldSpec], rules: [GroupRule] = [])
        throws
    {
        let json = SampleJSON.object(fields, rules: rules, breaking: nil)
        let value = try decode(Model.self, json)
        #expect(value.violations.isEmpty, "\(Model.self): \(value.violations) for \(json)")
        let encoded = try KonaplateJSON.encoder().encode(value)
        let original = try JSONDecoder().decode(KonaplateJSONValue.self, from: Data(json.utf8))
        #expect(try JSONDecoder().decode(KonaplateJSONValue.self, from: encoded) == original)
        #expect(try decode(Model.self, String(decoding: encoded, as: UTF8.self)) == value)
    }
}
