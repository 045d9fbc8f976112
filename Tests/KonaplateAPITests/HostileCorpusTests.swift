import Foundation
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateTestSupport
import Testing

/// The hostile-server corpus through the URLSession transport (the loopback tests run it through AsyncHTTPClient):
/// every quick fault, each with its documented outcome (HostileCorpus.swift; the table in BENCHMARKS.md and the
/// Reliability article). Faults that end in a timeout run with a 2 s transport timeout; Benchmarks/hostile-server.sh
/// runs the real 30 s one. One fault at a time: each runs a server with a thread per connection.
@Suite(.serialized)
struct HostileCorpusTests {
    @Test(.timeLimit(.minutes(2)), arguments: HostileFault.quick)
    func throughURLSession(_ fault: HostileFault) async throws {
        try await fault.check(as: .urlSession) { KonaplateURLSessionTransport(timeout: $0) }
    }

    @Test func theCorpusIsLargeAndItsNamesAreUnique() {
        #expect(HostileFault.quick.count >= 25)
        #expect(Set(HostileFault.quick.map(\.name)).count == HostileFault.quick.count)
    }

    /// The default limit is below "100 times the largest documented response", so that fault is refused by default.
    @Test func theDefaultLimitRefusesAHundredTimesTheLargestDocumentedResponse() {
        #expect(HostileFault.largestDocumentedResponse > 1000)
        #expect(HostileFault.hundredTimesDocumented > KonaplateResponseTooLarge.defaultLimit)
        #expect(KonaplateURLSessionTransport().maximumResponseSize == KonaplateResponseTooLarge.defaultLimit)
    }
}

/// The Reliability article's fault table is the corpus's own: a fault added, renamed or with another outcome changes
/// the article too.
struct FaultTableTests {
    @Test func theReliabilityArticleHoldsTheCorpusTable() throws {
        let article = try String(
            contentsOf: repositoryRoot.appendingPathComponent(
                "Sources/KonaplateClient/KonaplateClient.docc/Reliability.md"),
            encoding: .utf8)
        #expect(article.contains(HostileFault.table + "\n"), "expected:\n\(HostileFault.table)")
    }
}
