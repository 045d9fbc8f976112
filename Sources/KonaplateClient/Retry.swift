import HTTPTypes
import KonaplateRuntime

/// When `KonaplateClient` sends a request again. Only endpoints the spec marks `safeToRepeat` (inquiries,
/// DECISIONS.md D43) are ever retried: a POST that may move money is sent once, whatever this policy says. Each
/// attempt is prepared and signed anew (a new correlation id, tran time and token).
public struct KonaplateRetryPolicy: Sendable {
    /// How many times a request is sent at most (1: never retried).
    public var maxAttempts: Int
    /// The pause before attempt n is `delay × 2^(n-2)`.
    public var delay: Duration
    /// Whether a response warrants another attempt (by default: 5xx and 429); a transport failure or a timeout
    /// always does.
    public var retriesStatus: @Sendable (HTTPResponse.Status) -> Bool

    public init(
        maxAttempts: Int, delay: Duration = .milliseconds(200),
        retriesStatus: @escaping @Sendable (HTTPResponse.Status) -> Bool = { $0.kind == .serverError || $0.code == 429 }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.delay = delay
        self.retriesStatus = retriesStatus
    }

    /// Never retry (the default).
    public static let never = KonaplateRetryPolicy(maxAttempts: 1)

    /// Retry `safeToRepeat` endpoints up to `maxAttempts` times in all.
    public static func safeToRepeat(maxAttempts: Int = 3, delay: Duration = .milliseconds(200)) -> KonaplateRetryPolicy
    {
        KonaplateRetryPolicy(maxAttempts: maxAttempts, delay: delay)
    }

    @usableFromInline func pause(before attempt: Int) -> Duration { delay * (1 << max(0, attempt - 2)) }
}

/// What `KonaplateClient` does with a response that breaks documented constraints.
public enum KonaplateValidationPolicy: Sendable {
    /// Throw `responseInvalid`: a response the docs do not allow is an error.
    case strict
    /// Return it, with its violations in `KonaplateResponse.violations`: for a server that sends codes or lengths
    /// the docs do not list.
    case reportOnly
}
