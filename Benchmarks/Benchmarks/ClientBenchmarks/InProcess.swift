import Benchmark
import KonaplateAPI
import KonaplateClient
import KonaplateRuntime

// What KonaplateClient adds to a request: a transport answering at once with a canned response (the bytes the
// double answered once), against the same transport called bare; for a small plain endpoint and for one encrypted
// both ways (RSA-OAEP + AES-GCM each way). Then the whole exchange with the in-process double, which also checks
// everything the server would.
//
// Each sample is 1,000 requests in a row (`--scale` reports the time per request): the client's work in a steady
// state, as a server sending many requests sees it. One request per sample would measure ordo-one's harness instead:
// it starts every async sample as a new task on a freshly woken thread, with caches gone cold in between.
// The encrypted rows take milliseconds (RSA) and stay at one request per sample.
func inProcessBenchmarks() {
    let steady = Benchmark.Configuration(scalingFactor: .kilo)
    let plain = ClientFixture.plainRequest
    let encrypted = ClientFixture.encryptedRequest
    let plainCanned = ClientFixture.canned(ServiceInfoList.self, plain)
    let plainPrepared = ClientFixture.prepared(ServiceInfoList.self, plain)

    Benchmark("Client: bare transport call, canned response (baseline)", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await plainCanned.send(plainPrepared.head, body: plainPrepared.body))
        }
    }

    let plainClient = ClientFixture.client(plainCanned)
    Benchmark("Client: send, small plain request, canned response", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await plainClient.send(ServiceInfoList.self, plain))
        }
    }

    // Where the time goes: each step of a small plain send on its own.
    Benchmark("Client step: prepare (validate, encode, sign), small plain request", configuration: steady) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ClientFixture.prepared(ServiceInfoList.self, plain))
        }
    }
    Benchmark("Client step: validate the request", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(plain.violations)
        }
    }
    Benchmark("Client step: encode the request (JSON, sorted keys)", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try KonaplateJSON.encoder().encode(plain))
        }
    }
    let context = KonaplateHeaderContext(timeZone: .kst)
    Benchmark(
        "Client step: the X-KM-* headers (clock, correlation id, tran token) and their check", configuration: steady
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try ServiceInfoList.RequestHeaders(
                    credentials: ClientFixture.credentials, body: plainPrepared.body, context: context))
        }
    }
    Benchmark("Client step: the tran token alone", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                KonaplateHeaderValues.tranToken(
                    secretKey: ClientFixture.credentials.secretKey, body: plainPrepared.body, time: "20261202120000000")
            )
        }
    }
    let requestHeaders = try! ServiceInfoList.RequestHeaders(
        credentials: ClientFixture.credentials, body: plainPrepared.body, context: context)
    Benchmark("Client step: header fields of the request", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(requestHeaders.httpFields)
        }
    }
    Benchmark("Client step: read the response headers", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ServiceInfoList.ResponseHeaders(plainCanned.response.headerFields))
        }
    }
    let timedClient = ClientFixture.client(plainCanned, timeout: .seconds(30))
    Benchmark("Client: send with the client's own timeout (opt-in), small plain request", configuration: steady) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await timedClient.send(ServiceInfoList.self, plain))
        }
    }
    Benchmark("Client step: read the result code (default reader), small plain response", configuration: steady) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                KonaplateResultCodeReader.topLevelCodeAndMessage.read(
                    plainCanned.response.status, plainCanned.response.headerFields, plainCanned.body))
        }
    }
    Benchmark("Client step: decode and validate, small plain response", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            let value = try KonaplateRequests.decodeResponse(ServiceInfoList.self, body: plainCanned.body)
            blackHole(value.violations)
        }
    }

    let encryptedClient = ClientFixture.client(ClientFixture.canned(CardVirtualAccountInquiry.self, encrypted))
    Benchmark("Client: send, encrypted both ways, canned response") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await encryptedClient.send(CardVirtualAccountInquiry.self, encrypted))
        }
    }

    let double = ClientFixture.double()
    let doubleClient = ClientFixture.client(double)
    Benchmark("Client + in-process double, small plain request", configuration: steady) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await doubleClient.send(ServiceInfoList.self, plain))
            double.removeRecorded()
        }
    }

    Benchmark("Client + in-process double, encrypted both ways") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await doubleClient.send(CardVirtualAccountInquiry.self, encrypted))
            double.removeRecorded()
        }
    }
}
