import Foundation
import HTTPTypes
import HTTPTypesFoundation
import KonaplateClient
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

// TEMPORARY: URLSession's own upload(for:from:), no delegate, to compare.
struct PlainURLSessionTransport: KonaplateTransport {
    let session: URLSession
    func send(_ request: HTTPRequest, body: [UInt8]) async throws -> (HTTPResponse, [UInt8]) {
        var urlRequest = URLRequest(httpRequest: request)!
        urlRequest.timeoutInterval = 30
        let (data, response) = try await session.upload(for: urlRequest, from: Data(body))
        return ((response as! HTTPURLResponse).httpResponse!, Array(data))
    }
}
