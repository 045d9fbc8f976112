// With the AsyncHTTPClient trait only (see LoopbackTests.swift); the URLSession run is HostileCorpusTests.
#if DoubleServer && AsyncHTTPClient
    import KonaplateAPITestSupport
    import KonaplateAsyncHTTPClient
    import KonaplateClient
    import NIOCore
    import Testing

    /// The hostile-server corpus through the AsyncHTTPClient transport: every quick fault, each with its documented
    /// outcome (HostileCorpus.swift), one at a time.
    @Suite(.serialized)
    struct HostileLoopbackTests {
        @Test(.timeLimit(.minutes(2)), arguments: HostileFault.quick)
        func throughAsyncHTTPClient(_ fault: HostileFault) async throws {
            try await fault.check(as: .asyncHTTPClient) { timeout in
                KonaplateAsyncHTTPClientTransport(
                    timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
            }
        }

        /// For Benchmarks/hostile-server.sh's table, both transports from one build: URLSession too, when asked
        /// (HostileCorpusTests runs it in every `swift test`).
        @Test(.enabled(if: HostileReportFile.isRequested), arguments: HostileFault.quick)
        func throughURLSessionForTheReport(_ fault: HostileFault) async throws {
            try await fault.check(as: .urlSession) { KonaplateURLSessionTransport(timeout: $0) }
        }

        @Test func theDefaultsAreTheClientsOwn() {
            let transport = KonaplateAsyncHTTPClientTransport()
            #expect(transport.maximumResponseSize == KonaplateResponseTooLarge.defaultLimit)
            #expect(transport.client === KonaplateAsyncHTTPClientTransport.sharedClient)
        }
    }
#endif
