import Foundation
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateGenerator
import KonaplateOpenAPI
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport
import Testing

/// The OpenAPI export says what `validate()` enforces: for every endpoint, the valid sample document is accepted by
/// an independent JSON Schema validator run on the exported schema, and each document `validate()` rejects (one
/// field broken at a time, every constraint kind) is rejected by it too. The one intended difference: an
/// undocumented code in a response is accepted by the schema (an open enum: the server may add codes) while
/// `validate()` reports it.
@Suite(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
struct OpenAPIRoundTripTests {
    struct Case: Encodable {
        var schema: String
        var document: KonaplateJSONValue
        /// Not sent: what the validator must say, and why.
        var expected: Bool
        var label: String

        enum CodingKeys: String, CodingKey { case schema, document }
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        for spec in WholeAPITests.specs.values.sorted(by: { $0.path.value < $1.path.value }) {
            for (suffix, body) in [("Request", spec.request), ("Response", spec.response)] {
                let fields = body?.fields ?? []
                let rules = body?.rules ?? []
                let schema = "\(spec.name.value).\(suffix)"
                cases.append(
                    Case(
                        schema: schema, document: try json(SampleJSON.object(fields, rules: rules, breaking: nil)),
                        expected: true,
                        label: "\(schema) valid"))
                for violation in SampleJSON.violations(in: fields)
                    + SampleJSON.conditionViolations(in: fields, rules: rules)
                    + extraViolations(in: fields)
                {
                    let openCode = suffix == "Response" && violation.value == SampleJSON.quote("ZZ_UNDOCUMENTED")
                    cases.append(
                        Case(
                            schema: schema,
                            document: try json(SampleJSON.object(fields, rules: rules, breaking: violation)),
                            expected: openCode,
                            label: "\(schema) \(violation.expectedPath) = \(violation.value)"))
                }
            }
        }
        return cases
    }

    /// Violations the whole-API tests do not need but a schema could miss: a format's digits out of their ranges
    /// (month 13), a numeric string below its minimum or negative.
    static func extraViolations(in fields: [FieldSpec], route: [String] = [], path: String = "") -> [SampleJSON
        .Violation]
    {
        fields.flatMap { field -> [SampleJSON.Violation] in
            let here = route + [field.name.value]
            let fieldPath = path.isEmpty ? field.name.value : path + "." + field.name.value
            var found: [SampleJSON.Violation] = []
            if field.type == .string, let format = field.format?.value, let month = format.range(of: "MM") {
                var sample = Array(SampleJSON.formatSamples[format]!)
                let offset =
                    format.distance(from: format.startIndex, to: month.lowerBound)
                    + (format == "correlation-id" ? 2 : 0)
                sample[offset] = "1"
                sample[offset + 1] = "3"
                found.append(.init(route: here, value: SampleJSON.quote(String(sample)), expectedPath: fieldPath))
            }
            if field.type == .string, let minimum = field.range?.value.minimum, minimum >= 0 {
                found.append(.init(route: here, value: SampleJSON.quote("-5"), expectedPath: fieldPath))
                if minimum > 0 {
                    found.append(.init(route: here, value: SampleJSON.quote("\(minimum - 1)"), expectedPath: fieldPath))
                }
            }
            if field.type == .object { found += extraViolations(in: field.fields, route: here, path: fieldPath) }
            if field.type == .array && field.items == nil {
                found += extraViolations(in: field.fields, route: here + ["[0]"], path: fieldPath + "[0]")
            }
            return found
        }
    }

    static func json(_ text: String) throws -> KonaplateJSONValue {
        try JSONDecoder().decode(KonaplateJSONValue.self, from: Data(text.utf8))
    }

    @Test func theSchemaAcceptsAndRejectsWhatValidateDoes() throws {
        let inputs = try Self.specInputs()
        let document = try #require(OpenAPIExporter.document(inputs).document)
        let file = try temporaryFile(document)
        let cases = try Self.cases()
        let run = try PythonTool.run("openapi-judge.py", [file], input: Array(try JSONEncoder().encode(cases)))
        try #require(run.status == 0, run.failure)
        let verdicts = try JSONDecoder().decode([Bool].self, from: Data(run.stdout))
        try #require(verdicts.count == cases.count)
        for (verdict, testCase) in zip(verdicts, cases) {
            #expect(
                verdict == testCase.expected, "\(testCase.label): the JSON Schema says \(verdict ? "valid" : "invalid")"
            )
        }
        print("OpenAPI round trip: \(cases.count) documents, \(cases.filter { !$0.expected }.count) rejected by both")
        #expect(cases.filter { !$0.expected }.count > 100)  // every constrained field of every endpoint, at least once
    }

    static func specInputs() throws -> [SpecInput] {
        let root = repositoryRoot.appendingPathComponent("api-specs")
        return try FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".yaml")
        }
        .map { path in
            SpecInput(
                displayPath: path, sourceName: "api-specs/" + path,
                contents: Array(try Data(contentsOf: root.appendingPathComponent(path))))
        }
    }
}
