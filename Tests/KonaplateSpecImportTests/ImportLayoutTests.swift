import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateSpecImport

/// The rows the docs print for arrays of objects and free-text lengths, read from a page in every layout a
/// browser may give (`PageLayout`): the same draft wherever the layout shows the nesting, a TODO where it does not.
struct ImportLayoutTests {
    /// A response that opens with an array of objects (the docs' `planList` row, then `planList_item`, then the
    /// element's fields, one with fields of its own) followed by a sibling of the array: the shapes of
    /// recharges/auto/payments/plans and user/card/list, in words of our own.
    static let probe = SpecFrontEnd.check([
        endpointInput(
            """
            name: SampleList
            title: 샘플 목록 조회
            method: POST
            path: /api/v1/sample/list
            mode: sync
            docs: complete
            headers: standard
            request:
              fields:
                userId: { type: number, presence: required, range: 1...9999999999999999999, description: 회원 ID }
            response:
              fields:
                planList:
                  type: array
                  presence: required
                  description: 목록
                  fields:
                    planId: { type: string, presence: required, length: 10, description: 계획 ID }
                    limits:
                      type: object
                      presence: optional
                      description: 한도
                      fields:
                        day: { type: number, presence: optional, range: 0...9999999999, description: 일 한도 }
                    amount: { type: number, presence: required, range: 0...9999999999, description: 금액 }
                total: { type: number, presence: required, range: 0...9999, description: 건수 }
            results:
              - { status: 200, code: "000_000", message: Success., description: 성공 }

            """)
    ]).api!.endpoints[0]

    static func draft(_ page: String) throws -> String {
        let result = PageImport.draft(from: page, pageName: "page.txt", specs: [])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let draft = try #require(result.draft)
        let errors = SpecFrontEnd.lint([endpointInput(draft)]).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)\n\(draft)")
        return draft
    }

    @Test(arguments: PageLayout.complete) func anArrayOfObjectsOpeningASectionStaysOneArray(layout: PageLayout) throws {
        let draft = try Self.draft(PageTextRenderer.render(Self.probe, layout: layout))
        let itemRow =
            layout.docsArrays ? "    # the page's 'planList_item' row stands for each element (DECISIONS.md D36)\n" : ""
        #expect(
            draft.contains(
                "response:\n  fields:\n\(itemRow)    planList:\n      type: array\n      presence: required\n      description: 목록\n      fields:\n        planId:\n"
            ), "\(draft)")
        #expect(draft.contains("\n        limits:\n          type: object\n"), "\(draft)")
        #expect(draft.contains("\n            day:\n"), "\(draft)")
        #expect(draft.contains("\n        amount:\n"), "\(draft)")
        #expect(draft.contains("\n    total:\n      type: number\n"), "\(draft)")
        #expect(!draft.contains("_item:"))
        #expect(!draft.contains("D37"), "the layout shows the nesting: nothing to guess\n\(draft)")
        if layout.docsArrays {
            #expect(draft == (try Self.draft(PageTextRenderer.render(Self.probe))))
        }
    }

    /// Where the layout does not show where the array's element (or the object in it) ends, `total` may be drafted
    /// inside it, but never silently: the draft says the nesting was guessed.
    @Test(arguments: PageLayout.ambiguous) func aLayoutThatHidesWhereTheArrayEndsSaysSo(layout: PageLayout) throws {
        let draft = try Self.draft(PageTextRenderer.render(Self.probe, layout: layout))
        let imported = try #require(SpecFrontEnd.loadEndpoint(endpointInput(draft)).spec)
        let fields = imported.response?.fields ?? []
        let original = Self.probe.spec.response?.fields ?? []
        #expect(ImportRoundTripTests.rows(fields) == ImportRoundTripTests.rows(original))
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let guessed = ImportRoundTripTests.differingContainers(fields, original, at: "response")
        #expect(!guessed.isEmpty)
        for (container, path) in guessed {
            #expect(
                ImportRoundTripTests.commentsAbove(container, in: lines).contains {
                    $0.contains(ImportTodos.marker) && $0.contains("D37")
                },
                "\(path)\n\(draft)")
        }
    }

    /// "Length : N" on an id or a login is as undecided as on any text (loginId's 80 is a maximum, DECISIONS.md
    /// D34): the same TODO as free text gets.
    @Test(arguments: ["loginId", "sequenceId", "memberId", "transactionId"])
    func aLengthOnAnIdOrALoginGetsTheExactOrMaximumTodo(_ name: String) throws {
        func page(_ name: String) -> String {
            ImportTests.seedPage.replacingOccurrences(
                of: "userId\n\nnumber\n\nRequired\n\nValue : 20\n\n회원 ID",
                with: "\(name)\n\nstring\n\nRequired\n\nLength : 80\n\n회원 로그인 정보")
        }
        let draft = try Self.draft(page(name))
        #expect(
            draft.contains(
                "    \(name):\n      type: string\n      presence: required\n      # TODO(import): \"Length : 80\": exact"
            ), "\(draft)")
        #expect(draft == (try Self.draft(page("memo"))).replacingOccurrences(of: "memo:", with: "\(name):"))
    }

    /// The stored page's own layout with other line ends and trailing whitespace: the same draft.
    @Test(arguments: ["\r\n", "\r"]) func theSeedPageWithOtherLineEndsDraftsTheSameSpec(_ lineEnd: String) throws {
        let page = ImportTests.seedPage.replacingOccurrences(of: "\n", with: " \(lineEnd)") + "\(lineEnd) \t\(lineEnd)"
        #expect(try Self.draft(page) == (try Self.draft(ImportTests.seedPage)))
    }
}
