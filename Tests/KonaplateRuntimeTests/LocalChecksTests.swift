import Foundation
import Testing

@testable import KonaplateRuntime

/// What is refused before a request exists: header values HTTP would change, credentials that cannot sign, servers
/// that make no URL. Each refusal names where and why, never the value.
struct LocalChecksTests {
    @Test(arguments: [
        ("line\r\nX-Injected: 1", "line break"), ("line\nbreak", "line break"), ("a\u{0}b", "control character"),
        ("tab\there", "control character"), ("del\u{7F}", "control character"), ("키", "non-ASCII"),
        ("café", "non-ASCII"),
        ("\u{200B}zero-width", "non-ASCII"), (" leading", "starts with a space"), ("trailing ", "ends with a space"),
    ])
    func headerValuesThatHTTPWouldChangeAreRefused(_ value: String, _ why: String) throws {
        let problem = try #require(KonaplateHeaderValueRule.problem(value))
        #expect(problem.contains(why))
        #expect(!problem.contains(value.trimmingCharacters(in: .whitespaces)))
    }

    @Test func printableASCIIValuesPass() {
        for value in [
            "ASP000000000001", "KMV1:20221108120814608:uLD+mU8mz9K95neGiSJTSsF3zzAQJglCggZAOSs5Fkg=", "a b", "",
        ] {
            #expect(KonaplateHeaderValueRule.problem(value) == nil, "\(value)")
        }
    }

    @Test func credentialsAreCheckedByNameNeverByValue() {
        let good = KonaplateCredentials(
            aspId: "ASP000000000001", accessKey: String(repeating: "a", count: 40), secretKey: "s3cret",
            cryptoKeyId: nil)
        #expect(good.violations.isEmpty)
        var bad = good
        bad.aspId = "ASP00000000\r\n01"
        bad.accessKey = String(repeating: "é", count: 40)
        bad.secretKey = "s3cret\n"
        #expect(bad.violations.map(\.path) == ["credentials.aspId", "credentials.accessKey", "credentials.secretKey"])
        for violation in bad.violations {
            #expect(
                !violation.description.contains("s3cret") && !violation.description.contains("ASP0")
                    && !violation.description.contains("é"))
        }
        bad = good
        bad.secretKey = ""
        #expect(
            bad.violations.map(\.description) == [
                "credentials.secretKey: is empty: the tran token is an HMAC keyed with it"
            ])
    }

    @Test func serversThatMakeNoURLAreRefusedByPart() {
        #expect(KonaplateServer.sandbox.violations.isEmpty)
        for good in ["127.0.0.1:8080", "api.example.com", "[::1]:443", "host-name_1:1"] {
            #expect(KonaplateServer(authority: good).violations.isEmpty, "\(good)")
        }
        let cases: [(KonaplateServer, String)] = [
            (KonaplateServer(scheme: "ftp", authority: "example.com"), "server.scheme"),
            (KonaplateServer(scheme: "HTTPS", authority: "example.com"), "server.scheme"),
            (KonaplateServer(authority: ""), "server.authority"),
            (KonaplateServer(authority: "user:password@example.com"), "server.authority"),
            (KonaplateServer(authority: "example.com/open-api"), "server.authority"),
            (KonaplateServer(authority: "example.com\r\nHost: evil"), "server.authority"),
            (KonaplateServer(authority: "example.com:99999"), "server.authority"),
            (KonaplateServer(authority: "example.com:"), "server.authority"),
            (KonaplateServer(authority: "example.com:8a"), "server.authority"),
            (KonaplateServer(authority: "example.com:.5"), "server.authority"),
            (KonaplateServer(authority: "example.com:123456"), "server.authority"),
            (KonaplateServer(authority: "[::1]x"), "server.authority"),
            (KonaplateServer(authority: "[::1"), "server.authority"),
            (KonaplateServer(authority: "예시.com"), "server.authority"),
            (KonaplateServer(authority: "example.com", basePath: "open-api"), "server.basePath"),
            (KonaplateServer(authority: "example.com", basePath: "/open api"), "server.basePath"),
            (KonaplateServer(authority: "example.com", basePath: "/open-api?x=1"), "server.basePath"),
        ]
        for (server, path) in cases {
            #expect(server.violations.map(\.path) == [path], "\(server)")
            #expect(!server.violations.description.contains("password"))
        }
    }
}
