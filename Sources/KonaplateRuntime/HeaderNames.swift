import HTTPTypes
import Synchronization

extension HTTPField.Name {
    /// `X-KM-Correlation-Id`, which the client, its logging and the double read on every exchange: parsed once.
    public static let konaplateCorrelationId = HTTPField.Name("X-KM-Correlation-Id")!
    /// `X-KM-Crypto-Key-Id`.
    public static let konaplateCryptoKeyId = HTTPField.Name("X-KM-Crypto-Key-Id")!
}

/// Header names as generated header code spells them, parsed once per name: parsing (checking every character
/// and lower-casing) on every request and response cost more than looking the name up (BENCHMARKS.md). The names
/// are those of the specs' header sets, so the table stays as small as they are.
enum KonaplateHeaderNames {
    private static let parsed = Mutex<[String: HTTPField.Name]>([:])

    static func name(_ spelled: String) -> HTTPField.Name? {
        if let known = parsed.withLock({ $0[spelled] }) { return known }
        guard let name = HTTPField.Name(spelled) else { return nil }
        parsed.withLock { $0[spelled] = name }
        return name
    }
}
