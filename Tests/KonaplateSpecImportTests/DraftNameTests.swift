import Foundation
import KonaplateSpecs
import SpecTestSupport
import Testing

@testable import KonaplateSpecImport

/// The drafted `name:` spells each word of the path as the specs beside the draft spell it.
struct DraftNameTests {
    static let inputs = try! realSpecInputs()
    static let api = SpecFrontEnd.check(inputs).api!

    static func name(_ page: String, specs: [SpecInput]) throws -> (name: String, draft: String) {
        let draft = try #require(PageImport.draft(from: page, pageName: "page.txt", specs: specs).draft)
        let line = try #require(draft.split(separator: "\n").first { $0.hasPrefix("name: ") })
        return (String(line.dropFirst("name: ".count)), draft)
    }

    @Test func aNewBankAccountsPathIsSpelledAsItsSiblingsSpellIt() throws {
        let page = ImportTests.seedPage.replacingOccurrences(
            of: "/api/v1/bankaccounts/info", with: "/api/v1/bankaccounts/xyz")
        let (name, draft) = try Self.name(page, specs: Self.inputs)
        #expect(name == "BankAccountsXyz")
        #expect(draft.contains("\n# 'bankaccounts' is spelled BankAccounts as in BankAccounts"), "\(draft)")
        #expect(try Self.name(page, specs: []).name == "BankaccountsXyz", "no sibling: the convention alone")
    }

    /// Each spec's page, imported beside all the other specs, gets the spec's own name wherever the other specs
    /// have every word of its path (or the name is the convention's).
    @Test func everySpecsPageImportedBesideTheOthersGetsItsName() throws {
        var learnt = 0
        for endpoint in Self.api.endpoints {
            let spec = endpoint.spec
            let others = Self.inputs.filter { $0.sourceName != spec.sourceName }
            let words = { (path: String) in
                Set(path.lowercased().split(separator: "/").dropFirst(2).flatMap { $0.split(separator: "-") })
            }
            let otherWords = Self.api.endpoints.filter { $0.spec.sourceName != spec.sourceName }.map {
                words($0.spec.path.value)
            }
            .reduce(Set()) { $0.union($1) }
            let conventional = SpecConventions.derivedName(spec.path.value)
            guard spec.name.value == conventional || words(spec.path.value).isSubset(of: otherWords) else { continue }
            let (name, draft) = try Self.name(PageTextRenderer.render(endpoint), specs: others)
            #expect(name == spec.name.value, "\(spec.sourceName)\n\(draft)")
            if name != conventional { learnt += 1 }
        }
        #expect(learnt > 0, "no spec's name spells a word otherwise than the convention: the test shows nothing")
    }

    /// Specs that disagree on a word: the most used spelling (on a tie the convention's), and a TODO naming them.
    @Test func specsThatSpellAWordTwoWaysGetATodo() throws {
        func spec(_ name: String, _ path: String) -> SpecInput {
            endpointInput(
                validSpec.replacingOccurrences(of: "name: Sample", with: "name: \(name)")
                    .replacingOccurrences(of: "path: /api/v1/sample", with: "path: \(path)"),
                file: "\(name).yaml")
        }
        let page = ImportTests.seedPage.replacingOccurrences(
            of: "/api/v1/bankaccounts/info", with: "/api/v1/payment/netcancel/card")
        let specs = [
            spec("PaymentNetCancelA", "/api/v1/payment/netcancel/a"),
            spec("PaymentNetcancelB", "/api/v1/payment/netcancel/b"),
        ]
        let (name, draft) = try Self.name(page, specs: specs)
        #expect(name == "PaymentNetcancelCard")
        #expect(
            draft.contains(
                "# TODO(import): the specs spell 'netcancel' as NetCancel (PaymentNetCancelA), Netcancel (PaymentNetcancelB); the name follows Netcancel"
            ), "\(draft)")
        let third = spec("PaymentNetCancelC", "/api/v1/payment/netcancel/c")
        #expect(try Self.name(page, specs: specs + [third]).name == "PaymentNetCancelCard")
    }
}
