import Foundation
import HTTPTypes
import KonaplateRuntime

/// One request checked as the server would check it, for one endpoint.
struct RequestCheck<Endpoint: KonaplateEndpoint> {
    enum Verdict {
        case accepted
        case refused(status: Int, code: String, message: String)
    }

    struct Result {
        var verdict: Verdict
        var json: [UInt8]?
        var request: (any KonaplateModel)?
    }

    let configuration: KonaplateDoubleConfiguration

    /// The docs' code for an invalid input parameter (and for a missing or malformed header).
    static var invalidInput: String { "000_002" }

    func check(_ fields: HTTPFields, body: [UInt8]) -> Result {
        if let refusal = checkHeaders(fields, body: body) { return Result(verdict: refusal) }
        var json = body
        if Endpoint.isRequestEncrypted {
            guard let key = configuration.serverPrivateKeyPEM else {
                return Result(
                    verdict: .refused(status: 500, code: "DOUBLE_NO_KEY", message: "no server private key to open with")
                )
            }
            do { json = try KonaplateJWEOpener(clientPrivateKeyPEM: key).open(body) } catch {
                return Result(
                    verdict: .refused(
                        status: 400, code: Self.invalidInput, message: "the encrypted body does not open: \(error)"))
            }
        }
        let request: Endpoint.Request
        do { request = try JSONDecoder().decode(Endpoint.Request.self, from: Data(json)) } catch {
            return Result(
                verdict: .refused(
                    status: 400, code: Self.invalidInput, message: "Invalid input parameter (the body does not decode)"),
                json: json)
        }
        let violations = request.violations
        guard violations.isEmpty else {
            // Paths and expectations only, never values, as the runtime's own violations.
            let detail = violations.map(\.description).joined(separator: "; ")
            return Result(
                verdict: .refused(status: 400, code: Self.invalidInput, message: "Invalid input parameter. \(detail)"),
                json: json,
                request: request)
        }
        return Result(verdict: .accepted, json: json, request: request)
    }

    /// The X-KM-* headers: their form (the endpoint's documented rules), then what only a server knows.
    private func checkHeaders(_ fields: HTTPFields, body: [UInt8]) -> Verdict? {
        do { _ = try Endpoint.RequestHeaders(fields) } catch {
            let detail = error.violations.map(\.description).joined(separator: "; ")
            return .refused(status: 400, code: Self.invalidInput, message: "Invalid input parameter. \(detail)")
        }
        func value(_ source: KonaplateHeaderSource) -> (name: String, value: String?)? {
            guard let name = Endpoint.RequestHeaders.headerNames[source] else { return nil }
            return (name, HTTPField.Name(name).flatMap { fields[$0] })
        }
        let credentials = configuration.credentials
        func unauthorized(_ message: String) -> Verdict {
            .refused(status: 401, code: "DOUBLE_UNAUTHORIZED", message: message)
        }
        if let (name, aspId) = value(.aspId), aspId != credentials.aspId {
            return unauthorized("\(name) is not the ASP id the double expects")
        }
        if !Endpoint.isCallback, let (name, accessKey) = value(.accessKey), accessKey != credentials.accessKey {
            return unauthorized("\(name) is not the access key the double expects")
        }
        if Endpoint.isRequestEncrypted || Endpoint.isResponseEncrypted, let (name, keyID) = value(.cryptoKeyId),
            keyID != credentials.cryptoKeyId
        {
            return unauthorized("\(name) is not the crypto key id the double expects")
        }
        if let (name, zone) = value(.timeZone), let zone, zone != configuration.timeZone.code {
            return unauthorized(
                "\(name) \(zone) is not the time zone the double expects (\(configuration.timeZone.code))")
        }
        if let (name, tranTime) = value(.tranTime), let tranTime {
            guard let sent = DoubleTime.date(tranTime, in: configuration.timeZone) else {
                return unauthorized("\(name) is not a time")
            }
            let skew = abs(configuration.now().timeIntervalSince(sent))
            if skew > Double(configuration.allowedSkew.components.seconds) {
                return unauthorized(
                    "\(name) is \(Int(skew)) s from the double's clock; at most \(configuration.allowedSkew) is allowed"
                )
            }
        }
        if let (name, token) = value(.tranToken), let token {
            let parts = token.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "KMV1" else { return unauthorized("\(name) is malformed") }
            let expected = KonaplateHeaderValues.tranToken(
                secretKey: credentials.secretKey, body: body, time: String(parts[1]))
            guard constantTimeEqual(Array(expected.utf8), Array(token.utf8)) else {
                return unauthorized(
                    "\(name) does not match the body (wrong secret key, or a body changed after signing)")
            }
        }
        return nil
    }

    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// `yyyyMMddHHmmss` in a fixed-offset time zone, read back to an instant.
enum DoubleTime {
    static func date(_ text: String, in zone: KonaplateTimeZone) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 14, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        var calendar = Calendar(identifier: .gregorian)
        guard let timeZone = TimeZone(secondsFromGMT: zone.secondsFromGMT) else { return nil }
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: number(8..<10),
            minute: number(10..<12),
            second: number(12..<14))
        return calendar.date(from: components)
    }
}
