import HTTPTypes
import Synchronization

extension HTTPField.Name {
    /// `X-KM-Correlation-Id`, which the client, its logging and the double read on every exchange: parsed once.
    public static let konaplateCorrelationId = HTTPField.Name("X-KM-Correlation-Id")!
    /// `X-KM-Crypto-Key-Id`.
    public static let konaplateCryptoKeyId = HTTPField.Name("X-KM-Crypto-Key-Id")!
    // The rest of the built-in standard set, for `KonaplateHeaderNames`.
    static let konaplateUserAspId = HTTPField.Name("X-KM-User-AspId")!
    static let konaplateAccessKey = HTTPField.Name("X-KM-Access-Key")!
    static let konaplateTranToken = HTTPField.Name("X-KM-Tran-Token")!
    static let konaplateTranTime = HTTPField.Name("X-KM-Tran-Time")!
    static let konaplateTimeZone = HTTPField.Name("X-KM-Time-Zone")!
}

/// Header names as generated header code spells them, parsed once per name: parsing (checking every character
/// and lower-casing) on every request and response cost more than looking the name up (BENCHMARKS.md). The names
/// are those of the specs' header sets, so the table stays as small as they are.
@usableFromInline enum KonaplateHeaderNames {
    private static let parsed = Mutex<[String: HTTPField.Name]>([:])

    @usableFromInline static func name(_ spelled: String) -> HTTPField.Name? {
        if let standard = standard(spelled) { return standard }
        if let known = parsed.withLock({ $0[spelled] }) { return known }
        guard let name = HTTPField.Name(spelled) else { return nil }
        parsed.withLock { $0[spelled] = name }
        return name
    }

    /// The built-in standard set's names (every request and response has them), spelled as its generated code
    /// spells them: compared without hashing or locking, before the table is consulted.
    private static func standard(_ spelled: String) -> HTTPField.Name? {
        switch spelled {
        case "X-KM-User-AspId": .konaplateUserAspId
        case "X-KM-Correlation-Id": .konaplateCorrelationId
        case "X-KM-Access-Key": .konaplateAccessKey
        case "X-KM-Crypto-Key-Id": .konaplateCryptoKeyId
        case "X-KM-Tran-Token": .konaplateTranToken
        case "X-KM-Tran-Time": .konaplateTranTime
        case "X-KM-Time-Zone": .konaplateTimeZone
        default: nil
        }
    }
}
