import Benchmark
import KonaplateAPI
import KonaplateClient
import KonaplateRuntime

// What KonaplateClient adds to a request: a transport answering at once with a canned response (the bytes the
// double answered once), against the same transport called bare; for a small plain endpoint and for one encrypted
// both ways (RSA-OAEP + AES-GCM each way). Then the whole exchange with the in-process double, which also checks
// everything the server would.
func inProcessBenchmarks() {
    let plain = ClientFixture.plainRequest
    let encrypted = ClientFixture.encryptedRequest
    let plainCanned = ClientFixture.canned(ServiceInfoList.self, plain)
    let plainPrepared = ClientFixture.prepared(ServiceInfoList.self, plain)

    Benchmark("Client: bare transport call, canned response (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await plainCanned.send(plainPrepared.head, body: plainPrepared.body))
        }
    }

    let plainClient = ClientFixture.client(plainCanned)
    Benchmark("Client: send, small plain request, canned response") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await plainClient.send(ServiceInfoList.self, plain))
        }
    }

    // Where the time goes: each step of a small plain send on its own.
    Benchmark("Client step: prepare (validate, encode, sign), small plain request") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ClientFixture.prepared(ServiceInfoList.self, plain))
        }
    }
    let untimedClient = ClientFixture.client(plainCanned, timeout: nil)
    Benchmark("Client step: send without a timeout, small plain request") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await untimedClient.send(ServiceInfoList.self, plain))
        }
    }
    Benchmark("Client step: read the result code (default reader), small plain response") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(KonaplateResultCodeReader.topLevelCodeAndMessage.read(plainCanned.response.status, plainCanned.response.headerFields, plainCanned.body))
        }
    }
    Benchmark("Client step: decode and validate, small plain response") { benchmark in
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
    Benchmark("Client + in-process double, small plain request") { benchmark in
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
