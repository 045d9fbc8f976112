import Benchmark
import Foundation
import KonaplateAPI
import KonaplateRuntime

// Runtime cost of the generated code: decoding a realistic response (20 card applications, each with a nested
// object and two code fields) and validating it, against plain JSONDecoder decoding of an equivalent hand-written
// struct; and building and signing the X-KM-* request headers.

/// The same shape as `IssuedCardsPreIssueWaitingPhysical.Response`, written by hand: plain `Codable`, no validation,
/// codes as `String`. The baseline.
struct HandWrittenResponse: Codable {
    struct Item: Codable {
        struct Digital: Codable {
            var cardNo: String
            var par: String
            var serviceId: String
            var serviceName: String
            var mobileCardCVC: String
        }
        var cardApplyNo: String
        var issueType: String
        var digital: Digital
        var status: String
    }
    var issuedCardList: [Item]
}

let responseJSON: Data = {
    let item = #"""
        {"cardApplyNo":"CA20261125000000000001","issueType":"ISSUE","digital":{"cardNo":"9410123412341234","par":"Q1J4AwSWD4Dr6v2dyX5CzspmzqM","serviceId":"SVC000000000001","serviceName":"코나 선불카드","mobileCardCVC":"123"},"status":"DIGITAL_ISSUED"}
        """#
    return Data(("{\"issuedCardList\":[" + Array(repeating: item, count: 20).joined(separator: ",") + "]}").utf8)
}()

let credentials = KonaplateCredentials(
    aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "benchmark-secret-key",
    cryptoKeyId: String(repeating: "c", count: 32))
let context = KonaplateHeaderContext(timeZone: .kst)
let requestBody = Array(#"{"userId":9999999999999999999}"#.utf8)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions], maxDuration: .seconds(3),
        maxIterations: 100_000)

    Benchmark("Decode, hand-written struct (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(HandWrittenResponse.self, from: responseJSON))
        }
    }

    Benchmark("Decode, generated Response") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(IssuedCardsPreIssueWaitingPhysical.Response.self, from: responseJSON))
        }
    }

    Benchmark("Decode + validate(), generated Response") { benchmark in
        for _ in benchmark.scaledIterations {
            let response = try JSONDecoder().decode(
                IssuedCardsPreIssueWaitingPhysical.Response.self, from: responseJSON)
            try response.validate()
            blackHole(response)
        }
    }

    let decoded = try! JSONDecoder().decode(IssuedCardsPreIssueWaitingPhysical.Response.self, from: responseJSON)
    Benchmark("validate() alone, generated Response") { benchmark in
        for _ in benchmark.scaledIterations {
            try decoded.validate()
        }
    }

    Benchmark("Build and sign request headers") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try BankAccountsInfo.RequestHeaders(credentials: credentials, body: requestBody, context: context))
        }
    }
}
