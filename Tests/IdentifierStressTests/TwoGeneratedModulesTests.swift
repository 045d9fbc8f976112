import IdentifierStress
import KonaplateAPI
import KonaplateRuntime
import Testing

// A file that imports two generated modules: KonaplateAPI (this package's) and IdentifierStress (another target the
// build plugin generates, with header sets of its own). What each declares beside its endpoints is used here
// unqualified; the test is that this file compiles: a name both modules declared would be ambiguous.

struct TwoGeneratedModulesTests {
    @Test func eachModulesEndpointListIsItsOwnMember() {
        let konaplateAPI = KonaplateEndpointCatalogue.konaplateAPI
        let stress = KonaplateEndpointCatalogue.identifierStress
        let both: KonaplateEndpointCatalogue = .konaplateAPI + .identifierStress
        #expect(both.endpoints.count == konaplateAPI.endpoints.count + stress.endpoints.count)
        #expect(both.endpoint(method: .post, path: BankAccountsInfo.path) == BankAccountsInfo.self)
        #expect(both.endpoint(method: .post, path: KeywordHeaders.path) == KeywordHeaders.self)
        #expect(konaplateAPI.endpoint(method: .post, path: KeywordHeaders.path) == nil)
    }

    @Test func theStandardHeaderTypesAreTheRuntimesAndAModulesOwnSetsCarryItsName() {
        // Every module's endpoints on the standard set name the runtime's one type.
        #expect(BankAccountsInfo.RequestHeaders.self == KonaplateStandardRequestHeaders<BankAccountsInfo>.self)
        #expect(KeywordFields.RequestHeaders.self == KonaplateStandardRequestHeaders<KeywordFields>.self)
        #expect(KeywordFields.ResponseHeaders.self == KonaplateStandardResponseHeaders.self)
        // A set of IdentifierStress's own specs is declared under its module's name.
        let keywords = IdentifierStressKeywordsResponseHeaders.self
        #expect(keywords != KonaplateStandardResponseHeaders.self)
    }
}
