import Foundation
import SpecTestSupport
import Testing

// The Swift of a resolved spec model is rendered through the stages' internals (a model, not a file, is resolved).
@testable import KonaplateGenerator
@testable import KonaplateSpecImport
@testable import KonaplateSpecs

/// Every spec of api-specs/, written back as the text of its docs page (`PageTextRenderer`) and imported again:
/// what a page carries (title, summary, method, path, version, mode, encryption, fields with their order,
/// nesting, types, presence, descriptions and spans, result codes) must come back as it was; with the decisions a
/// page cannot carry taken from the spec (its name, `source`, `safeToRepeat`, exact-or-maximum lengths, ranges,
/// formats, codes, sensitivity, conditions, header overrides), the draft must generate the same Swift, byte for
/// byte.
struct ImportRoundTripTests {
    static let inputs = try! realSpecInputs()
    static let api: CheckedAPI = SpecFrontEnd.check(inputs).api!
    static let definitions = inputs.filter(\.isDefinitions)

    @Test(arguments: [false, true]) func everySpecImportsBackToTheSameSwift(korean: Bool) throws {
        #expect(!Self.api.endpoints.isEmpty)
        for endpoint in Self.api.endpoints {
            let page = PageTextRenderer.render(endpoint, korean: korean)
            let result = PageImport.draft(from: page, pageName: "page.txt", definitions: Self.definitions)
            let draft = try #require(result.draft, "\(endpoint.spec.sourceName): \(result.diagnostics)")
            let input = SpecInput(
                displayPath: "draft.yaml", sourceName: endpoint.spec.sourceName, contents: Array(draft.utf8))
            let errors = SpecFrontEnd.lint(Self.definitions + [input]).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(endpoint.spec.sourceName): the draft has errors: \(errors)\n\(draft)")
            let imported = try #require(SpecFrontEnd.loadEndpoint(input).spec, "\(endpoint.spec.sourceName)")
            Self.expectPageFacts(imported, endpoint.spec)
            let resolved = Resolution.resolve(imported, as: endpoint.spec)
            #expect(
                try Self.swift(resolved) == (try Self.swift(endpoint.spec)),
                "\(endpoint.spec.sourceName): the imported spec generates other Swift\n\(draft)")
        }
    }

    /// The endpoint's Swift file, from a spec model, through the generator's own stages.
    static func swift(_ spec: EndpointSpec) throws -> String {
        var diagnostics = Diagnostics()
        let loaded = SpecLoader.load(definitions, diagnostics: &diagnostics)
        let checked = APIChecker.check(
            LoadedAPI(headerSets: loaded.headerSets, sharedResults: loaded.sharedResults, endpoints: [spec]),
            diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(spec.sourceName): \(diagnostics.sorted)")
        let module = SwiftModule(name: "KonaplateAPI", writer: .command)
        let endpoint = try #require(APITranslator.translate(checked, module: module).endpoints.first)
        return EndpointFileRenderer.render(endpoint, writer: module.writer)
    }

    static func expectPageFacts(_ imported: EndpointSpec, _ original: EndpointSpec) {
        let name = original.sourceName
        #expect(imported.title == original.title, "\(name)")
        #expect(imported.summary == original.summary, "\(name)")
        #expect(imported.method.value == original.method.value, "\(name)")
        #expect(imported.path.value == original.path.value, "\(name)")
        #expect(imported.version == (original.version ?? "v1"), "\(name)")
        #expect(imported.mode == original.mode, "\(name)")
        #expect(
            imported.results.map { [$0.code.value, "\($0.status)", $0.message, $0.description ?? ""] }
                == original.results.map { [$0.code.value, "\($0.status)", $0.message, $0.description ?? ""] }, "\(name)"
        )
        for (side, importedBody, originalBody) in [
            ("request", imported.request, original.request), ("response", imported.response, original.response),
        ] {
            #expect((importedBody?.encrypted ?? false) == (originalBody?.encrypted ?? false), "\(name) \(side)")
            if originalBody?.isUndocumented != true {
                expectFields(importedBody?.fields ?? [], originalBody?.fields ?? [], at: "\(name) \(side)")
            }
        }
    }

    static func expectFields(_ imported: [FieldSpec], _ original: [FieldSpec], at path: String) {
        #expect(imported.map(\.name.value) == original.map(\.name.value), "\(path)")
        for (importedField, originalField) in zip(imported, original) {
            let at = "\(path).\(originalField.name.value)"
            #expect(importedField.type == originalField.type, "\(at)")
            #expect(importedField.presence.kind == originalField.presence.kind, "\(at)")
            if !(originalField.description ?? "").contains("\n\n") {
                #expect(importedField.description == originalField.description, "\(at)")
            }
            if originalField.type == .string, case .between = originalField.length?.value {
                #expect(importedField.length?.value == originalField.length?.value, "\(at): a span is certain")
            }
            expectFields(importedField.fields, originalField.fields, at: at)
        }
    }
}

/// The decisions a page cannot carry, taken from the spec the page was written from: what a maintainer does when
/// resolving the draft's TODO(import) comments.
enum Resolution {
    static func resolve(_ imported: EndpointSpec, as original: EndpointSpec) -> EndpointSpec {
        var resolved = imported
        resolved.name = original.name
        resolved.source = original.source
        resolved.safeToRepeat = original.safeToRepeat
        resolved.callback = original.callback
        resolved.docs = original.docs
        resolved.notes = original.notes
        resolved.headers = original.headers
        resolved.version = original.version
        resolved.request = body(imported.request, original.request)
        resolved.response = body(imported.response, original.response)
        resolved.results = zip(imported.results, original.results).map { importedResult, originalResult in
            var result = importedResult
            result.caseName = originalResult.caseName
            return result
        }
        return resolved
    }

    private static func body(_ imported: BodySpec?, _ original: BodySpec?) -> BodySpec? {
        guard var body = imported ?? original, let original else { return nil }
        body.isUndocumented = original.isUndocumented
        body.rules = original.rules
        body.fields = original.isUndocumented ? [] : fields(body.fields, original.fields)
        return body
    }

    private static func fields(_ imported: [FieldSpec], _ original: [FieldSpec]) -> [FieldSpec] {
        zip(imported, original).map { importedField, originalField in
            var field = originalField  // every decision, then what the page carried
            field.name = importedField.name
            field.type = importedField.type
            if importedField.presence.kind != originalField.presence.kind { field.presence = importedField.presence }
            if !(originalField.description ?? "").contains("\n\n") { field.description = importedField.description }
            field.fields = fields(importedField.fields, originalField.fields)
            return field
        }
    }
}

extension Presence {
    /// Required, optional or conditional, without a condition's words (a page carries the kind; the words are the
    /// spec's decision).
    fileprivate var kind: String {
        switch self {
        case .required: "required"
        case .optional: "optional"
        case .conditional: "conditional"
        }
    }
}
