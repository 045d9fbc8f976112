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

    /// In every layout that shows the nesting, each spec's page drafts the same spec, which generates the spec's
    /// Swift once the page's undecidable decisions are resolved.
    @Test(arguments: PageLayout.complete) func everySpecImportsBackToTheSameSwift(layout: PageLayout) throws {
        #expect(!Self.api.endpoints.isEmpty)
        for endpoint in Self.api.endpoints {
            let name = endpoint.spec.sourceName
            let (draft, imported) = try Self.imported(endpoint, layout: layout)
            // Arrays written "array" alone have no `_item` row for the draft to mention: the same Swift suffices.
            if layout.docsArrays, layout.testDescription != PageLayout.reference.testDescription {
                #expect(
                    draft == (try Self.imported(endpoint, layout: .reference).draft),
                    "\(name): another draft in this layout")
            }
            Self.expectPageFacts(imported, endpoint.spec)
            let resolved = Resolution.resolve(imported, as: endpoint.spec)
            #expect(
                try Self.swift(resolved) == (try Self.swift(endpoint.spec)),
                "\(name): the imported spec generates other Swift\n\(draft)")
        }
    }

    /// In a layout that hides where nested blocks end (or start), no row is lost and every object or array whose
    /// drafted fields differ from the spec's carries a TODO(import) saying the nesting was guessed (D37); a draft
    /// without such a TODO is the one the complete layouts give.
    @Test(arguments: PageLayout.ambiguous) func aLayoutThatHidesNestingGetsATodoWhereverTheDraftGuessed(
        layout: PageLayout
    ) throws {
        var guessed = 0
        for endpoint in Self.api.endpoints {
            let name = endpoint.spec.sourceName
            let (draft, imported) = try Self.imported(endpoint, layout: layout)
            let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (side, importedBody, originalBody) in [
                ("request", imported.request, endpoint.spec.request),
                ("response", imported.response, endpoint.spec.response),
            ] where originalBody?.isUndocumented != true {
                let importedFields = importedBody?.fields ?? []
                let originalFields = originalBody?.fields ?? []
                #expect(
                    Self.rows(importedFields) == Self.rows(originalFields),
                    "\(name) \(side): rows lost or changed\n\(draft)")
                for (container, path) in Self.differingContainers(importedFields, originalFields, at: side) {
                    guessed += 1
                    #expect(
                        Self.commentsAbove(container, in: lines).contains {
                            $0.contains(ImportTodos.marker) && $0.contains("D37")
                        },
                        "\(name): \(path) is drafted with other fields than the spec's, without a TODO\n\(draft)")
                }
            }
            if !draft.contains("D37") {
                #expect(
                    draft == (try Self.imported(endpoint, layout: .reference).draft),
                    "\(name): another draft in this layout")
            }
        }
        #expect(guessed > 0, "no spec exercises a guessed nesting in this layout")
    }

    /// The draft of an endpoint's page in a layout: lint-clean, and loaded as a spec.
    static func imported(_ endpoint: CheckedEndpoint, layout: PageLayout) throws -> (draft: String, spec: EndpointSpec)
    {
        let name = endpoint.spec.sourceName
        let page = PageTextRenderer.render(endpoint, layout: layout)
        let result = PageImport.draft(from: page, pageName: "page.txt", specs: Self.definitions)
        let draft = try #require(result.draft, "\(name): \(result.diagnostics)")
        let input = SpecInput(displayPath: "draft.yaml", sourceName: name, contents: Array(draft.utf8))
        let errors = SpecFrontEnd.lint(Self.definitions + [input]).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(name): the draft has errors: \(errors)\n\(draft)")
        return (draft, try #require(SpecFrontEnd.loadEndpoint(input).spec, "\(name)"))
    }

    /// Every field in the order of the page's rows, with its type and presence.
    static func rows(_ fields: [FieldSpec]) -> [String] {
        fields.flatMap { ["\($0.name.value) \($0.type) \($0.presence.kind)"] + rows($0.fields) }
    }

    /// A drafted object or array, and its path in the spec.
    typealias Container = (field: FieldSpec, path: String)

    /// The drafted objects and arrays whose fields are not the spec's.
    static func differingContainers(_ imported: [FieldSpec], _ original: [FieldSpec], at path: String) -> [Container] {
        let originals = Dictionary(original.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        return imported.flatMap { field -> [Container] in
            let at = "\(path).\(field.name.value)"
            let fields = originals[field.name.value]?.fields ?? []
            let here = field.fields.map(\.name.value) != fields.map(\.name.value) ? [(field, at)] : []
            return here + differingContainers(field.fields, fields, at: at)
        }
    }

    /// The comment lines right above a field's key in the draft.
    static func commentsAbove(_ field: FieldSpec, in lines: [String]) -> [String] {
        let keyIndex = field.name.location.line - 1
        return Array(lines[..<keyIndex].reversed().prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") })
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
    var kind: String {
        switch self {
        case .required: "required"
        case .optional: "optional"
        case .conditional: "conditional"
        }
    }
}
