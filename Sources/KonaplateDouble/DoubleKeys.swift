import Foundation
import KonaplateRuntime
import _CryptoExtras

/// Throwaway RSA key pairs for testing encrypted endpoints against a double: the server's (the client seals
/// requests for it, the double opens them) and the client's (the double seals responses for it, the client opens
/// them). Made fresh, never stored; the private keys never print.
public struct KonaplateDoubleKeys: Sendable, CustomStringConvertible {
    public let serverPrivateKeyPEM: String
    public let serverPublicKeyPEM: String
    public let clientPrivateKeyPEM: String
    public let clientPublicKeyPEM: String

    /// Two new 2048-bit key pairs (a few tens of milliseconds: make them once per test run, not per test).
    public static func generate() throws -> KonaplateDoubleKeys {
        let server = try _RSA.Encryption.PrivateKey(keySize: .bits2048)
        let client = try _RSA.Encryption.PrivateKey(keySize: .bits2048)
        return KonaplateDoubleKeys(
            serverPrivateKeyPEM: server.pemRepresentation, serverPublicKeyPEM: server.publicKey.pemRepresentation,
            clientPrivateKeyPEM: client.pemRepresentation, clientPublicKeyPEM: client.publicKey.pemRepresentation)
    }

    /// What the client seals request bodies with.
    public func sealer() throws(KonaplateJWEError) -> KonaplateJWESealer {
        try KonaplateJWESealer(serverPublicKeyPEM: serverPublicKeyPEM)
    }

    /// What the client opens response bodies with.
    public func opener() throws(KonaplateJWEError) -> KonaplateJWEOpener {
        try KonaplateJWEOpener(clientPrivateKeyPEM: clientPrivateKeyPEM)
    }

    public var description: String { "KonaplateDoubleKeys(<redacted>)" }
}

extension KonaplateDoubleConfiguration {
    /// A configuration that opens and seals bodies with `keys`.
    public init(
        credentials: KonaplateCredentials, keys: KonaplateDoubleKeys, allowedSkew: Duration = .seconds(300),
        timeZone: KonaplateTimeZone = .kst, now: @escaping @Sendable () -> Date = { Date() },
        basePath: String = KonaplateServer.sandbox.basePath, sealedResponseForm: SealedForm = .wrapper
    ) {
        self.init(
            credentials: credentials, serverPrivateKeyPEM: keys.serverPrivateKeyPEM,
            clientPublicKeyPEM: keys.clientPublicKeyPEM, allowedSkew: allowedSkew, timeZone: timeZone, now: now,
            basePath: basePath, sealedResponseForm: sealedResponseForm)
    }
}
