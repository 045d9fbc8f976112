import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateClient
import KonaplateRuntime
import OpenAPIRuntime

/// Answers KonaplateClient at once with `body`, echoing the correlation id as a server does.
struct CannedKonaplateTransport: KonaplateTransport {
    let body: [UInt8]

    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        response.headerFields[.konaplateCorrelationId] = request.headerFields[.konaplateCorrelationId]
        return (response, self.body)
    }
}

/// Answers the swift-openapi-generator client at once with the same `body` and headers.
struct CannedSOGTransport: ClientTransport {
    let body: [UInt8]

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        response.headerFields[.konaplateCorrelationId] = request.headerFields[.konaplateCorrelationId]
        return (response, HTTPBody(self.body))
    }
}

/// What a swift-openapi-generator user must do to call Konaplate: sign the encoded body and set the X-KM-* headers
/// in a middleware (as header parameters, their values would be percent-encoded). The same header code as
/// KonaplateClient's, so that signing costs both the same.
struct SigningMiddleware: ClientMiddleware {
    let credentials: KonaplateCredentials
    let context: KonaplateHeaderContext
    /// Parsed once.
    let names: [String: HTTPField.Name] = Dictionary(
        uniqueKeysWithValues: ServiceInfoList.RequestHeaders.headerNames.values.map { ($0, HTTPField.Name($0)!) })

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8] = if let body { try await [UInt8](collecting: body, upTo: 1 << 20) } else { [] }
        let headers = try ServiceInfoList.RequestHeaders(credentials: credentials, body: bytes, context: context)
        var signed = request
        for (name, value) in headers.headerFields { if let field = names[name] { signed.headerFields[field] = value } }
        return try await next(signed, HTTPBody(bytes), baseURL)
    }
}
