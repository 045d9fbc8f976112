import Foundation
import KonaplateRuntime

/// What a `KonaplateDouble` expects of the requests it checks, and the keys it opens and seals bodies with.
public struct KonaplateDoubleConfiguration: Sendable {
    /// The credentials requests must carry: the ASP id, the access key, the secret key the tran token is an HMAC
    /// with, and the crypto key id of encrypted exchanges.
    public var credentials: KonaplateCredentials
    /// Opens sealed request bodies: the server's private key (PEM). Needed for endpoints that encrypt requests.
    public var serverPrivateKeyPEM: String?
    /// Seals encrypted response bodies: the client's public key (PEM). Needed for endpoints that encrypt responses.
    public var clientPublicKeyPEM: String?
    /// How far a request's X-KM-Tran-Time may be from the double's clock.
    public var allowedSkew: Duration
    /// The time zone the client stamps its times in (X-KM-Time-Zone is checked against it).
    public var timeZone: KonaplateTimeZone
    /// The double's clock.
    public var now: @Sendable () -> Date
    /// The path prefix of the server (`/open-api` for `KonaplateServer.sandbox`): paths are matched after it.
    public var basePath: String
    /// How a sealed response travels. The docs do not say (DECISIONS.md D45); the client reads both.
    public var sealedResponseForm: SealedForm

    /// The body of an encrypted response.
    public enum SealedForm: Sendable {
        /// `{"encData": "<compact JWE>"}`, as the client's sealer sends requests.
        case wrapper
        /// The compact JWE alone.
        case compact
    }

    public init(
        credentials: KonaplateCredentials, serverPrivateKeyPEM: String? = nil, clientPublicKeyPEM: String? = nil,
        allowedSkew: Duration = .seconds(300), timeZone: KonaplateTimeZone = .kst,
        now: @escaping @Sendable () -> Date = { Date() }, basePath: String = KonaplateServer.sandbox.basePath,
        sealedResponseForm: SealedForm = .wrapper
    ) {
        self.credentials = credentials
        self.serverPrivateKeyPEM = serverPrivateKeyPEM
        self.clientPublicKeyPEM = clientPublicKeyPEM
        self.allowedSkew = allowedSkew
        self.timeZone = timeZone
        self.now = now
        self.basePath = basePath
        self.sealedResponseForm = sealedResponseForm
    }
}

/// What the double answers for an endpoint.
public enum KonaplateStub<Endpoint: KonaplateEndpoint>: Sendable {
    /// Success (`000_000`) with this body.
    case response(Endpoint.Response)
    /// A documented result code: the HTTP status and message of its docs row.
    case result(Endpoint.ResultCode)
    /// Any code, with a status and a message: a code the docs do not list, say.
    case code(String, status: Int, message: String?)
}

/// A request the double received, and what it made of it.
public struct KonaplateRecordedRequest: Sendable {
    public var method: String
    /// The endpoint's path (the server's base path removed).
    public var path: String
    public var headers: [String: String]
    /// The request's JSON, opened when it was sealed.
    public var json: [UInt8]?
    /// The decoded request, when it decoded.
    public var request: (any KonaplateModel)?
    /// Why the double refused it, or nil when it answered from its stub.
    public var refusal: String?
}
