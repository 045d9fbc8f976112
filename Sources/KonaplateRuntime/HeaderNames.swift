import HTTPTypes

extension HTTPField.Name {
    /// `X-KM-Correlation-Id`, which the client, its logging and the double read on every exchange: parsed once.
    public static let konaplateCorrelationId = HTTPField.Name("X-KM-Correlation-Id")!
    /// `X-KM-Crypto-Key-Id`.
    public static let konaplateCryptoKeyId = HTTPField.Name("X-KM-Crypto-Key-Id")!
}
