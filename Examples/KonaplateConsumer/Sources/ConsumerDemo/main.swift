import Foundation
import KonaplateClient
import KonaplateDouble
import KonaplateRuntime

// Sends the consumer's generated endpoint through KonaplateClient to KonaplateDouble, in process: the request is
// validated, sealed (the spec encrypts it), signed and checked by the double, which answers from a stub. An app
// would keep the double in its test target; here it stands in for the server so that the demo runs anywhere.
// A fixed clock and random source keep the output the same on every run (CI compares it).
let credentials = KonaplateCredentials(
    aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "demo-secret-key",
    cryptoKeyId: String(repeating: "c", count: 32))
let now = Date(timeIntervalSince1970: 1_795_597_864.123)
let keys = try KonaplateDoubleKeys.generate()

let double = KonaplateDouble(
    endpoints: [MemberLookup.self],
    configuration: KonaplateDoubleConfiguration(
        credentials: credentials, keys: keys, now: { now }))
let client = KonaplateClient(
    credentials: credentials, transport: double,
    sealer: try keys.sealer(),
    context: KonaplateHeaderContext(timeZone: .kst, now: { now }, random: { 0xABC12 }))

// 1. A valid request and a stubbed answer.
double.stub(MemberLookup.self, .response(MemberLookup.Response(userName: "홍길동", status: .active)))
let answer = try await client.send(MemberLookup.self, MemberLookup.Request(userId: 9_999_999_999_999_999_999))
print(answer.resultCode, answer.value, "correlation id", answer.correlationID ?? "none")

// What the double received: signed headers (the access key is not printed) and the JSON it opened from the JWE.
if let received = double.recorded.last {
    print("POST \(received.path)")
    for name in ["X-KM-User-AspId", "X-KM-Correlation-Id", "X-KM-Crypto-Key-Id", "X-KM-Tran-Time", "X-KM-Time-Zone"] {
        print("\(name): \(received.headers[name] ?? "missing")")
    }
    print(
        "X-KM-Tran-Token:",
        received.headers["X-KM-Tran-Token"].map { $0.hasPrefix("KMV1:") ? "KMV1:…" : $0 } ?? "missing")
    print("opened body:", received.json.map { String(decoding: $0, as: UTF8.self) } ?? "none")
    print("refused:", received.refusal ?? "no")
}

// 2. An invalid request is not sent: every violation, by path.
do {
    _ = try await client.send(MemberLookup.self, MemberLookup.Request(userId: 0))
} catch {
    print(error)
}

// 3. A result code the docs do not list arrives typed as undocumented.
double.stub(MemberLookup.self, .code("999_001", status: 400, message: "Unknown member"))
do {
    _ = try await client.send(MemberLookup.self, MemberLookup.Request(userId: 1))
} catch {
    print(error)
    if case .api(let code, _, _, _) = error {
        print(code, code.documentation == nil ? "(not in the docs)" : "(documented)")
    }
}

// 4. A response with a code the docs do not list for a field: strict validation throws, report-only keeps it.
let lenient = KonaplateClient(
    credentials: credentials, transport: double, sealer: client.sealer, context: client.context,
    validation: .reportOnly)
let suspended = try JSONDecoder().decode(
    MemberLookup.Response.self, from: Data(#"{"userName":"홍길동","status":"SUSPENDED"}"#.utf8))
double.stub(MemberLookup.self, .response(suspended))
do {
    _ = try await client.send(MemberLookup.self, MemberLookup.Request(userId: 1))
} catch {
    print(error)
}
let reported = try await lenient.send(MemberLookup.self, MemberLookup.Request(userId: 1))
print(reported.value, reported.violations.map(\.description))
