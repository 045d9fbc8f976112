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
        // Every header of every request goes through here: one pass over the string's own UTF-8 storage for the
        // common case, printable ASCII; only a value that fails it is looked at again for the reason.
        var value = value
        return value.withUTF8(problem(bytes:))
    }

    private static func problem(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if !bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            if bytes.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                return "contains a line break (CR or LF): a header value is one line"
            }
            if bytes.contains(where: { $0 >= 0x80 }) {
                return "contains a non-ASCII character: a header value is printable ASCII"
            }
            return "contains a control character: a header value is printable ASCII"
        }
        if bytes.first == 0x20 { return "starts with a space, which HTTP strips" }
        if bytes.last == 0x20 { return "ends with a space, which HTTP strips" }
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
        // Checked on every request: no array of the values, no allocation unless something is wrong.
        func check(_ value: String?, _ name: String) {
            if let value, let problem = KonaplateHeaderValueRule.problem(value) {
                found.append(KonaplateViolation(path: "credentials." + name, message: problem))
            }
        }
        check(aspId, "aspId")
        check(accessKey, "accessKey")
        check(cryptoKeyId, "cryptoKeyId")
        check(secretKey, "secretKey")
        if secretKey.isEmpty {
            found.append(
                KonaplateViolation(
                    path: "credentials.secretKey", message: "is empty: the tran token is an HMAC keyed with it"))
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

    // Byte by byte over the strings' own storage: these run for every request (String's Character-based search,
    // Foundation's `contains` or a copy into an array cost microseconds).
    private static func authorityProblem(_ authority: String) -> String? {
        var authority = authority
        return authority.withUTF8(authorityProblem(bytes:))
    }

    private static func authorityProblem(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "is empty: expected a host, optionally with :port" }
        if bytes.contains(UInt8(ascii: "@")) {
            return "has user information (user@host): credentials never go in a URL"
        }
        let allowed = bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "["),
                UInt8(ascii: "]"):
                true
            default: false
            }
        }
        guard allowed else {
            return "has a character a host and port cannot have (expected letters, digits, '.', '-', ':' and brackets)"
        }
        // host, host:port, [v6] or [v6]:port: after the host, nothing or a port of 1 to 5 digits.
        let afterHost: Slice<UnsafeBufferPointer<UInt8>>
        if bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return "has a '[' without its ']'" }
            afterHost = bytes[(close + 1)...]
        } else {
            afterHost = bytes[(bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex)...]
        }
        if let colon = afterHost.first {
            let port = afterHost.dropFirst()
            guard colon == UInt8(ascii: ":"), (1...5).contains(port.count),
                port.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                port.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) <= 65535
            else { return "has a malformed port (expected host:port, the port up to 65535)" }
        }
        return nil
    }

    private static func basePathProblem(_ basePath: String) -> String? {
        guard let first = basePath.utf8.first else { return nil }
        if first != UInt8(ascii: "/") { return "must be empty or start with '/'" }
        if basePath.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return "has a query or fragment: it is a path prefix only"
        }
        if basePath.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            return "has whitespace, control or non-ASCII characters (percent-encode them)"
        }
        return nil
    }
}
