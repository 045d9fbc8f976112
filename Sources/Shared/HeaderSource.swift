// Compiled into two modules, through a symlink in each: KonaplateSpecs, which reads a request header's
// `source:` from a header set, and KonaplateRuntime, whose header builders fill headers from these sources and whose
// test double checks them. One source, so the two cannot disagree on a name.

/// Where a request header's value comes from: the credentials, or the values computed for each request.
public enum KonaplateHeaderSource: String, Sendable, Hashable, CaseIterable {
    /// The ASP id (X-KM-User-AspId).
    case aspId
    /// The project's access key (X-KM-Access-Key).
    case accessKey
    /// The id of the encryption key pair (X-KM-Crypto-Key-Id).
    case cryptoKeyId
    /// The time zone of the stamped times (X-KM-Time-Zone).
    case timeZone
    /// The correlation id, new for every request (X-KM-Correlation-Id).
    case correlationId
    /// The request time (X-KM-Tran-Time).
    case tranTime
    /// The HMAC of the exact body (X-KM-Tran-Token).
    case tranToken
}
