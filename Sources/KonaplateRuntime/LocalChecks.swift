// What can be known wrong before a request leaves, beyond the request's documented constraints: credentials that
// cannot sign or travel, a server that is not a URL, a header value a server would read otherwise than it was built.
// `KonaplateRequests.prepare` refuses all of them, so nothing is sent blind (every violation names where it is and
// why, never the value: these are keys).

/// The rule for a text that travels as an HTTP header value: printable ASCII on one line, no whitespace at either end.
///
/// A CR or LF would end the field early (a server reads the rest as another header, or refuses the request); HTTP
/// libraries replace such characters silently (swift-http-types turns them into spaces), so the request would go
/// out with another value than the one built. A byte outside ASCII is read as Latin-1 by some servers and refused by
/// others; leading or trailing whitespace is stripped by the receiving parser. Every X-KM-* value the docs describe
/// (ids, keys, times, tokens) is printable ASCII.
public enum KonaplateHeaderValueRule {
    /// Why `value` cannot travel unchanged as a header value, or nil when it can. Never quotes the value.
    public static func problem(_ value: String) -> String? {
        for byte in value.utf8 {
            if byte == 0x0D || byte == 0x0A { return "contains a line break (CR or LF): a header value is one line" }
            if byte < 0x20 || byte == 0x7F { return "contains a control character: a header value is printable ASCII" }
            if byte >= 0x80 { return "contains a non-ASCII character: a header value is printable ASCII" }
        }
        if value.utf8.first == 0x20 { return "starts with a space, which HTTP strips" }
        if value.utf8.last == 0x20 { return "ends with a space, which HTTP strips" }
        return nil
    }
}

extension KonaplateCredentials {
    /// What makes these credentials unusable, by name (`credentials.secretKey`), never by value: the ASP id, the
    /// access key and the crypto key id travel as header values (`KonaplateHeaderValueRule`); the secret key keys the
    /// tran token's HMAC, so it must not be empty, and it follows the same rule (a key pasted with a line break or a
    /// typographic character signs with other bytes than the server's copy). Their lengths are the headers' own
    /// documented constraints, checked when the headers are built.
    public var violations: [KonaplateViolation] {
        var found: [KonaplateViolation] = []
        let values: [(name: String, value: String?)] = [
            ("aspId", aspId), ("accessKey", accessKey), ("cryptoKeyId", cryptoKeyId), ("secretKey", secretKey),
        ]
        for (name, value) in values {
            guard let value else { continue }
            if let problem = KonaplateHeaderValueRule.problem(value) {
                found.append(KonaplateViolation(path: "credentials.\(name)", message: problem))
            }
        }
        if secretKey.isEmpty {
            found.append(KonaplateViolation(path: "credentials.secretKey", message: "is empty: the tran token is an HMAC keyed with it"))
        }
        return found
    }
}

extension KonaplateServer {
    /// What keeps this server from making a URL, by part: the scheme is `https` or `http`; the authority is a host
    /// (a name, an IPv4 address or a bracketed IPv6 one) with an optional port, and no user information (a URL's
    /// `user:password@` travels into logs and error messages); the base path is empty or starts with `/`, and none
    /// of them has whitespace, control or non-ASCII characters, or a query or fragment.
    public var violations: [KonaplateViolation] {
        var found: [KonaplateViolation] = []
        if scheme != "https" && scheme != "http" {
            found.append(KonaplateViolation(path: "server.scheme", message: "must be https or http"))
        }
        if let problem = Self.authorityProblem(authority) {
            found.append(KonaplateViolation(path: "server.authority", message: problem))
        }
        if let problem = Self.basePathProblem(basePath) {
            found.append(KonaplateViolation(path: "server.basePath", message: problem))
        }
        return found
    }

    private static func authorityProblem(_ authority: String) -> String? {
        if authority.isEmpty { return "is empty: expected a host, optionally with :port" }
        if authority.contains("@") { return "has user information (user@host): credentials never go in a URL" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]".utf8)
        guard authority.utf8.allSatisfy(allowed.contains) else {
            return "has a character a host and port cannot have (expected letters, digits, '.', '-', ':' and brackets)"
        }
        // host, host:port, [v6] or [v6]:port: after the host, nothing or a port of 1 to 5 digits.
        let afterHost: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "has a '[' without its ']'" }
            afterHost = authority[authority.index(after: close)...]
        } else {
            afterHost = authority.firstIndex(of: ":").map { authority[$0...] } ?? ""
        }
        if !afterHost.isEmpty {
            let port = afterHost.dropFirst()
            guard afterHost.hasPrefix(":"), (1...5).contains(port.count), port.allSatisfy(\.isNumber), let number = Int(port),
                number <= 65535
            else { return "has a malformed port (expected host:port, the port up to 65535)" }
        }
        return nil
    }

    private static func basePathProblem(_ basePath: String) -> String? {
        if basePath.isEmpty { return nil }
        if !basePath.hasPrefix("/") { return "must be empty or start with '/'" }
        if basePath.contains("?") || basePath.contains("#") { return "has a query or fragment: it is a path prefix only" }
        if basePath.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            return "has whitespace, control or non-ASCII characters (percent-encode them)"
        }
        return nil
    }
}
