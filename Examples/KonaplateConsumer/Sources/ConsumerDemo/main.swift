import Foundation
import KonaplateRuntime

// Builds, validates and signs a request of the consumer's generated endpoint, and decodes a response.
// A fixed clock and random source keep the output the same on every run (CI compares it).
let credentials = KonaplateCredentials(
    aspId: "ASP000000000001", accessKey: String(repeating: "A", count: 40), secretKey: "demo-secret-key",
    cryptoKeyId: String(repeating: "c", count: 32))
let context = KonaplateHeaderContext(
    timeZone: .kst, now: { Date(timeIntervalSince1970: 1_795_597_864.123) }, random: { 0xABC12 })

let request = MemberLookup.Request(userId: 9_999_999_999_999_999_999)
try request.validate()
let body = Array(try KonaplateJSON.encoder().encode(request))
let headers = try MemberLookup.RequestHeaders(credentials: credentials, body: body, context: context)
print("POST \(MemberLookup.path)")
for field in headers.headerFields where field.name != "X-KM-Access-Key" { print("\(field.name): \(field.value)") }
print(String(decoding: body, as: UTF8.self))
print(headers.description.contains(String(repeating: "A", count: 40)) ? "access key printed!" : "access key masked")

do {
    try MemberLookup.Request(userId: 0).validate()
} catch {
    print(error)
}

let response = try JSONDecoder().decode(
    MemberLookup.Response.self, from: Data(#"{"userName":"홍길동","status":"SUSPENDED"}"#.utf8))
print(response)
print(response.violations.map(\.description))
