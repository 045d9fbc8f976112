import Foundation
import KonaplateGenerator
import KonaplateOpenAPI
import SpecTestSupport
import Testing

@testable import KonaplateSpecs

/// Every generated name goes through the same rules, checked before anything is translated: keywords are escaped,
/// names Swift or the generated type cannot take are errors asking for `swiftName` or `case`, and two names that
/// become one (case-only or separator-only differences included) are errors naming both places.
struct NameCheckTests {
    /// The real header set with `extra` request headers.
    static func standardSetWith(_ extra: String) -> SpecInput {
        definitionsInput(
            BuiltInDefinitions.yaml.replacingOccurrences(
                of: "    response:\n", with: extra + "    response:\n"))
    }

    static func headerSetDiagnostics(_ requestHeaderLines: String) -> [String] {
        checked(validSpec, definitions: [standardSetWith(requestHeaderLines)]).diagnostics
    }

    @Test func aHeaderNamedAfterAReservedMemberNeedsASwiftName() {
        let messages = Self.headerSetDiagnostics("      X-KM-Init: { presence: optional, source: aspId }\n")
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "error: header 'X-KM-Init' would become the Swift property 'init', which a generated header type cannot have; set 'swiftName' (e.g. 'swiftName: initValue')"
            ) == true, "\(messages)")
        #expect(
            Self.headerSetDiagnostics("      X-KM-Init: { presence: optional, source: aspId, swiftName: initHeader }\n")
                .isEmpty)
    }

    @Test func aHeaderNamedAfterAKeywordIsAccepted() {
        // `default` is escaped where it is declared and used (IdentifierStress compiles it).
        #expect(Self.headerSetDiagnostics("      X-KM-Default: { presence: optional, source: aspId }\n").isEmpty)
    }

    @Test func headersThatBecomeOnePropertyAreAnErrorNamingBoth() {
        let messages = Self.headerSetDiagnostics(
            "      X-KM-Foo-Bar: { presence: optional, source: aspId }\n      X-KM-FooBar: { presence: optional, source: aspId }\n"
        )
        #expect(messages.count == 1)
        #expect(
            messages.first?.contains(
                "error: headers 'X-KM-Foo-Bar' (common/headers.yaml:") == true
                && messages.first?.hasSuffix(
                    ") and 'X-KM-FooBar' both become the Swift property 'fooBar'; set 'swiftName' on one of them")
                    == true,
            "\(messages)")
    }

    @Test func headerNamesThatDifferOnlyInCaseAreOneHeader() {
        let messages = Self.headerSetDiagnostics("      x-km-tran-time: { presence: optional, source: tranTime }\n")
        #expect(
            messages.first?.contains("header 'x-km-tran-time' is already listed as 'X-KM-Tran-Time'") == true,
            "\(messages)")
    }

    @Test func headerSetsThatBecomeOneTypeAreAnError() {
        let sets = definitionsInput(
            """
            headerSets:
              standard:
                response:
                  X-KM-Correlation-Id: { presence: required }
              Standard:
                response:
                  X-KM-Correlation-Id: { presence: required }

            """)
        let messages = checked(
            validSpec.replacingOccurrences(
                of:
                    "request:\n  fields:\n    userId: { type: number, presence: required, range: 1...9999999999999999999 }\n",
                with: ""), definitions: [sets]
        ).diagnostics
        #expect(
            messages.contains(
                "common/headers.yaml:5:3: error: header sets 'standard' (common/headers.yaml:2:3) and 'Standard' name the same Swift types (…StandardRequestHeaders and …StandardResponseHeaders); rename one of them"
            ), "\(messages)")
    }

    @Test func endpointNamesThatDifferOnlyInCaseAreAnError() {
        let first = endpointInput(validSpec, file: "a.yaml")
        let second = endpointInput(
            validSpec.replacingOccurrences(of: "name: Sample", with: "name: SAmple").replacingOccurrences(
                of: "/sample", with: "/other"),
            file: "b.yaml")
        #expect(
            SpecFrontEnd.lint([first, second]).filter { $0.severity == .error }.map(\.description) == [
                "b.yaml:1:7: error: endpoint name 'SAmple' is already used by a.yaml (as 'Sample': file names ignore case on macOS); each endpoint needs its own name"
            ])
    }

    @Test(arguments: ["String", "KonaplateClient", "KonaplateStandardRequestHeaders", "KonaplateEndpointCatalogue"])
    func endpointNamesTheGeneratedCodeUsesAreRefused(_ name: String) {
        let messages = checked(validSpec.replacingOccurrences(of: "name: Sample", with: "name: \(name)")).diagnostics
            .filter { $0.contains(" error: ") }
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("spec.yaml:1:7: error: endpoint name '\(name)' is") == true, "\(messages)")
    }

    /// A set of the specs' own declares `<Module><Set>RequestHeaders` and a definitions file's own file: an endpoint
    /// cannot take those names, whatever the module is called.
    @Test(arguments: ["PartnerRequestHeaders", "MyModelsPartnerResponseHeaders", "CommonPartners"])
    func endpointNamesOfAnOwnSetsTypesAreRefused(_ name: String) {
        let partner = definitionsInput(
            "headerSets:\n  partner:\n    response:\n      X-KM-Partner: { presence: optional }\n",
            file: "common/partners.yaml")
        let messages = checked(
            validSpec.replacingOccurrences(of: "name: Sample", with: "name: \(name)"), definitions: [partner]
        )
        .diagnostics.filter { $0.contains(" error: ") }
        #expect(messages.count == 1, "\(messages)")
        #expect(
            messages.first?.hasPrefix("spec.yaml:1:7: error: endpoint name '\(name)' is the name of") == true,
            "\(messages)")
    }

    @Test func aCodeNamedAfterAMemberOfItsEnumNeedsACase() {
        let messages = checked(
            validSpec + "    kind: { type: string, presence: required, codes: { self: 자신, RAW_VALUE: 값 } }\n"
        ).diagnostics
        #expect(
            messages == [
                "spec.yaml:11:56: error: code 'self' would become the case 'self', which the generated enum already uses; set 'case'",
                "spec.yaml:11:66: error: code 'RAW_VALUE' would become the case 'rawValue', which the generated enum already uses; set 'case'",
            ])
    }
}
