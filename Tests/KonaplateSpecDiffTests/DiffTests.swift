import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateSpecDiff

/// `diff` beyond single mutations: endpoints that come, go or move, the whole API against itself, the allow list,
/// errors, and the three output formats.
struct DiffTests {
    static func corpusInput(_ path: String, sourceName: String = "api-specs/corpus.yaml") throws -> SpecInput {
        SpecInput(
            displayPath: path, sourceName: sourceName,
            contents: Array(try Data(contentsOf: DiffCorpusTests.corpus.appendingPathComponent(path))))
    }

    @Test func theWholeAPIAgainstItselfHasNoChange() throws {
        let inputs = try realSpecInputs()
        let report = SpecDiff.compare(base: inputs, head: inputs)
        #expect(report.diagnostics.isEmpty)
        #expect(report.changes.isEmpty)
        #expect(report.baseEndpointCount == report.headEndpointCount)
        #expect(report.baseEndpointCount > 0)
    }

    @Test func aRemovedEndpointBreaksBothAndAnAddedOneBreaksNothing() throws {
        let base = [try Self.corpusInput("base.yaml")]
        let removed = SpecDiff.compare(base: base, head: [endpointInput(validSpec)])
        let rules = removed.changes.flatMap(\.findings).map { "\($0.endpoint) \($0.rule.rawValue) \($0.verdict)" }
        #expect(
            Set(rules) == [
                "CorpusCardInquiry endpoint-removed breaking", "CorpusCardInquiry swift-type-removed breaking",
                "Sample endpoint-added compatible",
            ])
        #expect(removed.hasUnallowedBreaks)
        // A removed endpoint is reported where it was, in the old spec.
        #expect(removed.changes.first { $0.endpoint == "CorpusCardInquiry" }?.location.file == "BASE:base.yaml")
    }

    @Test func aSpecThatMovedToAnotherFileIsTheSameEndpoint() throws {
        let base = [try Self.corpusInput("base.yaml")]
        let moved = [try Self.corpusInput("base.yaml", sourceName: "api-specs/cards/inquiry.yaml")]
        #expect(SpecDiff.compare(base: base, head: moved).changes.isEmpty)
    }

    @Test func allowedBreaksAreReportedButDoNotFail() throws {
        let allow = ["CorpusCardInquiry:field-removed", "*:swift-property-removed", "Other:*"].map {
            try! DiffAllowance.parse($0).get()
        }
        let report = try DiffCorpusTests.report("nested-field-removed", allow: allow)
        #expect(!report.hasUnallowedBreaks)
        #expect(report.changes.flatMap(\.findings).allSatisfy { $0.isAllowed })
        #expect(report.unusedAllowances.map(\.description) == ["Other:*"])
        let text = report.rendered(.text, base: "a", head: "b")
        #expect(text.contains("wire  breaking (allowed): field-removed"))
        #expect(text.contains("note: --allow Other:* matched no breaking change; remove it"))
        // Allowing one aspect leaves the other failing.
        let half = try DiffCorpusTests.report(
            "nested-field-removed", allow: [try DiffAllowance.parse("*:field-removed").get()])
        #expect(half.hasUnallowedBreaks)
    }

    @Test func allowEntriesAreCheckedWithAHint() {
        #expect(throws: DiffAllowanceError.self) { try DiffAllowance.parse("field-removed").get() }
        let typo = DiffAllowance.parse("X:field-remved")
        guard case .failure(let error) = typo else {
            Issue.record("accepted a misspelled rule")
            return
        }
        #expect(
            error.description
                == "invalid --allow 'X:field-remved': unknown rule 'field-remved'; did you mean 'field-removed'?")
    }

    @Test func aSideWithErrorsIsNotCompared() throws {
        let broken = endpointInput(validSpec.replacingOccurrences(of: "type: number", with: "type: numbr"))
        let report = SpecDiff.compare(base: [broken], head: [endpointInput(validSpec)])
        #expect(report.hasErrors)
        #expect(report.changes.isEmpty)
        #expect(report.diagnostics.first?.description.hasPrefix("spec.yaml:") == true)
    }

    @Test func markdownPutsBreaksInATableAndFoldsCompatibleChanges() throws {
        let breaking = try DiffCorpusTests.report("combined").rendered(.markdown, base: "main", head: "api-specs")
        #expect(breaking.hasPrefix("### konaplate-gen diff: ❌ breaking changes\n"))
        #expect(breaking.contains("| `CorpusCardInquiry` | `request.fromDate` ("))
        #expect(
            breaking.contains(
                "| risky | **breaking** | `field-removed`: deployed clients still send 'fromDate'; the server ignores"))
        #expect(breaking.contains("(BASE:base.yaml:51:5)"), "a removed field points into the base spec")
        #expect(breaking.contains("<details><summary>2 compatible changes</summary>"))
        let compatible = try DiffCorpusTests.report("description-changed").rendered(
            .markdown, base: "main", head: "api-specs")
        #expect(compatible.hasPrefix("### konaplate-gen diff: ✅ compatible\n"))
        #expect(!compatible.contains("| endpoint | change |\n|---|---|---|---|---|\n|"), "no table of breaks")
    }

    @Test func jsonCarriesEveryFinding() throws {
        let report = try DiffCorpusTests.report("combined")
        let json = report.rendered(.json, base: "main", head: "api-specs")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["breaking"] as? Bool == true)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == report.changes.count)
        let findings = changes.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        #expect(findings.count == report.changes.flatMap(\.findings).count)
        #expect(
            findings.allSatisfy { $0["rule"] is String && $0["verdict"] is String && $0["location"] is [String: Any] })
    }

    /// Defect 4: a removed required field and an unrelated optional one added are a removal and an addition (not a
    /// rename), so an allow entry for the removal matches.
    @Test func anUnrelatedAdditionIsNotARename() throws {
        let report = try DiffCorpusTests.report(
            "required-removed-unrelated-optional-added",
            allow: [try DiffAllowance.parse("CorpusCardInquiry:swift-property-removed").get()])
        let rules = Set(report.changes.flatMap(\.findings).map(\.rule))
        #expect(rules.contains(.fieldRemoved) && rules.contains(.fieldAdded) && !rules.contains(.fieldRenamed))
        #expect(report.unusedAllowances.isEmpty)
        #expect(!report.hasUnallowedBreaks)
    }

    /// Defect 5: one edit to the shared header set is one finding for the set, naming how many endpoints use it.
    @Test func aSharedHeaderSetChangeIsReportedOnce() throws {
        // The standard set as a file of the folder's own (it replaces the built-in one), then one header changed.
        let base = try realSpecInputs() + [builtInDefinitionsAsFile()]
        let head = base.map { input -> SpecInput in
            guard input.sourceName.hasSuffix("common/headers.yaml") else { return input }
            var changed = input
            let text = String(decoding: input.contents, as: UTF8.self)
            let aspId = try! #require(text.range(of: "X-KM-User-AspId:"))
            let length = try! #require(text.range(of: "length: 15", range: aspId.upperBound..<text.endIndex))
            changed.contents = Array(text.replacingCharacters(in: length, with: "length: 16").utf8)
            return changed
        }
        let report = SpecDiff.compare(base: base, head: head)
        let users = report.headEndpointCount
        #expect(report.changes.count == 1, "\(report.rendered(.text, base: "a", head: "b"))")
        let change = try #require(report.changes.first)
        #expect(change.endpoint == "headers/standard")
        #expect(change.subject == "request header X-KM-User-AspId")
        #expect(change.findings.map(\.rule) == [.lengthChanged])
        #expect(change.findings[0].coveredEndpoints.count == users)
        #expect(change.findings[0].reason.hasSuffix("(the header set 'standard': all \(users) endpoints using it)"))
        #expect(change.location.file == "api-specs/common/headers.yaml")
        #expect(report.rendered(.text, base: "a", head: "b").split(separator: "\n").count < 10)
    }

    /// Defect 7: a Markdown cell escapes `|` (a table's column separator) everywhere and a backtick inside a quoted
    /// spec value; the code spans the reasons write stay.
    @Test func markdownEscapesPipesAndBackticksInValues() {
        #expect(
            DiffMarkdownRenderer.escape("pattern 'a|b`c' → none: `Request`") == "pattern 'a\\|b\\`c' → none: `Request`")
        #expect(DiffMarkdownRenderer.code("x`y") == "`` x`y ``")
        #expect(DiffMarkdownRenderer.code("a|b") == "`a\\|b`")
    }

    @Test func everyRuleHasASummaryAndAnAspect() {
        for rule in DiffRule.allCases {
            #expect(!rule.summary.isEmpty)
            #expect((rule.aspect == .swift) == rule.rawValue.hasPrefix("swift-"))
        }
    }
}

struct DiffRuleCoverageTests {
    /// Every rule fires somewhere: in a corpus case, in a case read backwards (a field added is a field removed
    /// the other way), or when an endpoint is replaced by another.
    @Test func everyRuleFiresInTheCorpus() throws {
        var fired: Set<DiffRule> = []
        let base = try DiffTests.corpusInput("base.yaml")
        for name in DiffCorpusTests.cases {
            let mutation = try DiffTests.corpusInput("cases/\(name).yaml")
            for (old, new) in [(base, mutation), (mutation, base)] {
                let report = SpecDiff.compare(base: [old], head: [new])
                fired.formUnion(report.changes.flatMap(\.findings).map(\.rule))
            }
        }
        let replaced = SpecDiff.compare(base: [base], head: [endpointInput(validSpec)])
        fired.formUnion(replaced.changes.flatMap(\.findings).map(\.rule))
        #expect(Set(DiffRule.allCases).subtracting(fired).map(\.rawValue).sorted() == [])
    }
}
