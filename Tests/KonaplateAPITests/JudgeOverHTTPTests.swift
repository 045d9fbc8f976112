import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateAPITestSupport
import KonaplateClient
import KonaplateGenerator
import KonaplateRuntime
import KonaplateSpecs
import KonaplateTestSupport
import Testing

/// The Swift client over real loopback HTTP (URLSession) against an independent judge: a Python server
/// (Tools/konaplate-judge.py: the standard library's hmac and joserfc) that recomputes the tran token over the bytes
/// it received and opens the JWE of encrypted requests, then answers canned responses, sealed when the endpoint
/// encrypts them.
@Suite(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
struct JudgeOverHTTPTests {
    /// A running judge: its port, its log, and the pipe whose closing stops it.
    final class Judge {
        let process = Process()
        let stdin = Pipe()
        let port: Int
        let log: URL

        init(secretKey: String, responses: [String: KonaplateJSONValue]) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "konaplate-judge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let serverKey = folder.appendingPathComponent("server.pem")
            let clientKey = folder.appendingPathComponent("client.pem")
            try DoubleFixture.keys.serverPrivateKeyPEM.write(to: serverKey, atomically: true, encoding: .utf8)
            try DoubleFixture.keys.clientPublicKeyPEM.write(to: clientKey, atomically: true, encoding: .utf8)
            let responsesFile = folder.appendingPathComponent("responses.json")
            try JSONEncoder().encode(responses).write(to: responsesFile)
            log = folder.appendingPathComponent("log.jsonl")
            process.executableURL = repositoryRoot.appendingPathComponent("Tools/python")
            process.arguments = [
                repositoryRoot.appendingPathComponent("Tools/konaplate-judge.py").path, "--secret-key", secretKey,
                "--server-private-key", serverKey.path, "--client-public-key", clientKey.path, "--responses",
                responsesFile.path, "--log", log.path, "--port", "0",
            ]
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")), let byte = try stdout.fileHandleForReading.read(upToCount: 1),
                !byte.isEmpty
            {
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.hasPrefix("listening on "), let port = Int(text.dropFirst("listening on ".count)) else {
                throw JudgeDidNotStart(output: text)
            }
            self.port = port
        }

        struct JudgeDidNotStart: Error { let output: String }

        /// One JSON object per request the judge received.
        var entries: [[String: Any]] {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        func stop() {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    static let plain = CardDeliveryCancel.self
    static let encrypted = CardVirtualAccountInquiry.self

    /// The sample response of an endpoint, as the judge sends it.
    static func cannedResponse(_ path: String, encrypt: Bool) throws -> KonaplateJSONValue {
        let spec = try #require(WholeAPITests.specs[path])
        let body = try JSONDecoder().decode(
            KonaplateJSONValue.self, from: Data(SampleJSON.object(spec.response?.fields ?? [], breaking: nil).utf8))
        return .object(["body": body, "encrypt": .bool(encrypt)])
    }

    static func request<Endpoint: KonaplateEndpoint>(_ endpoint: Endpoint.Type) throws -> Endpoint.Request {
        let spec = try #require(WholeAPITests.specs[Endpoint.path])
        return try JSONDecoder().decode(
            Endpoint.Request.self, from: Data(SampleJSON.object(spec.request?.fields ?? [], breaking: nil).utf8))
    }

    static func client(port: Int, secretKey: String = ClientAndDoubleTests.credentials.secretKey) -> KonaplateClient {
        var credentials = ClientAndDoubleTests.credentials
        credentials.secretKey = secretKey
        return ClientAndDoubleTests.client(
            KonaplateURLSessionTransport(), credentials: credentials,
            server: KonaplateServer(scheme: "http", authority: "127.0.0.1:\(port)", basePath: "/open-api"))
    }

    @Test func thePlainAndTheEncryptedRequestPassTheJudge() async throws {
        let judge = try Judge(
            secretKey: ClientAndDoubleTests.credentials.secretKey,
            responses: [
                "/open-api" + Self.plain.path: try Self.cannedResponse(Self.plain.path, encrypt: false),
                "/open-api" + Self.encrypted.path: try Self.cannedResponse(Self.encrypted.path, encrypt: true),
            ])
        defer { judge.stop() }
        let client = Self.client(port: judge.port)

        let plainRequest = try Self.request(Self.plain)
        let plain = try await client.send(Self.plain, plainRequest)
        #expect(plain.resultCode.isSuccess)
        let encryptedRequest = try Self.request(Self.encrypted)
        let encrypted = try await client.send(Self.encrypted, encryptedRequest)
        #expect(encrypted.resultCode.isSuccess)

        let entries = judge.entries
        try #require(entries.count == 2)
        for entry in entries {
            #expect(entry["tokenValid"] as? Bool == true, "\(entry["tokenReason"] ?? "")")
            #expect(entry["refused"] is NSNull)
        }
        #expect(entries[0]["encrypted"] as? Bool == false)
        #expect(entries[1]["encrypted"] as? Bool == true)
        #expect(entries[1]["opened"] as? Bool == true)
        // What the judge opened is exactly the request the client encoded.
        let opened = try JSONSerialization.data(
            withJSONObject: try #require(entries[1]["plaintext"]), options: [.sortedKeys])
        #expect(try JSONDecoder().decode(Self.encrypted.Request.self, from: opened) == encryptedRequest)
    }

    @Test func aWrongSecretKeyIsRefusedByTheJudge() async throws {
        let judge = try Judge(
            secretKey: ClientAndDoubleTests.credentials.secretKey,
            responses: ["/open-api" + Self.plain.path: try Self.cannedResponse(Self.plain.path, encrypt: false)])
        defer { judge.stop() }
        let request = try Self.request(Self.plain)
        do {
            _ = try await Self.client(port: judge.port, secretKey: "not the secret").send(Self.plain, request)
            Issue.record("the judge accepted a wrong token")
        } catch {
            guard case .api(let code, let status, let message, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(code == .undocumented("JUDGE_REFUSED"))
            #expect(status.code == 401)
            #expect(message == "X-KM-Tran-Token does not match the body")
        }
        #expect(judge.entries.first?["tokenValid"] as? Bool == false)
    }
}
