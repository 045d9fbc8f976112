import Crypto
import Foundation
import _CryptoExtras

public enum KonaplateJWEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not five base64url parts, or a part or the header that does not decode.
    case malformed(String)
    case unsupportedAlgorithm(String)
    /// The content key could not be decrypted: the wrong private key, or a tampered key part.
    case keyDecryptionFailed
    /// AES-GCM authentication failed: tampered header, IV, ciphertext or tag. No plaintext is returned.
    case authenticationFailed
    /// The body is neither the wrapper (`{"encData": "..."}`) nor a compact JWE alone.
    case wrapper(String)
    case keyFormat(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed JWE: \(reason)"
        case .unsupportedAlgorithm(let name): "unsupported JWE algorithm \(name)"
        case .keyDecryptionFailed: "the JWE content key could not be decrypted (wrong private key, or a tampered key)"
        case .authenticationFailed: "the JWE failed authentication (tampered header, IV, ciphertext or tag)"
        case .wrapper(let reason): "unexpected encrypted body: \(reason)"
        case .keyFormat(let reason): "unusable RSA key: \(reason)"
        }
    }
}

/// JWE (RFC 7516) compact serialization for Konaplate's encrypted bodies, on swift-crypto primitives.
///
/// What the docs establish (DECISIONS.md D11): JWE; content encryption AES-GCM with 128- or 256-bit keys; key
/// encryption RSA-OAEP with 2048-bit keys; requests sealed with the server's public key, responses with the client's;
/// the key id in X-KM-Crypto-Key-Id. What they do NOT establish, and is therefore configurable with defaults taken
/// from a public, unofficial client of this API (unverified against the real server): the body wrapper
/// `{"encData": "<compact JWE>"}`, `alg` RSA-OAEP-256 and `enc` A128GCM (DECISIONS.md D12).
public enum KonaplateJWE {
    /// `alg`: how the content key is encrypted.
    public enum KeyAlgorithm: String, Sendable, CaseIterable {
        case rsaOAEP256 = "RSA-OAEP-256"
        case rsaOAEP = "RSA-OAEP"

        var padding: _RSA.Encryption.Padding { self == .rsaOAEP256 ? .PKCS1_OAEP_SHA256 : .PKCS1_OAEP }
    }

    /// `enc`: how the content is encrypted.
    public enum ContentEncryption: String, Sendable, CaseIterable {
        case a128GCM = "A128GCM"
        case a256GCM = "A256GCM"

        var keyByteCount: Int { self == .a128GCM ? 16 : 32 }
    }

    /// Seals `plaintext` for the holder of the private key matching `publicKeyPEM`.
    public static func seal(
        _ plaintext: some DataProtocol, publicKeyPEM: String, algorithm: KeyAlgorithm = .rsaOAEP256,
        encryption: ContentEncryption = .a128GCM, keyID: String? = nil
    ) throws(KonaplateJWEError) -> String {
        let publicKey = try Self.publicKey(publicKeyPEM)
        var header = #"{"alg":"\#(algorithm.rawValue)","enc":"\#(encryption.rawValue)""#
        if let keyID { header += #","kid":"# + jsonString(keyID) }
        header += "}"
        let protectedHeader = base64URL(Data(header.utf8))
        let contentKey = SymmetricKey(size: encryption == .a128GCM ? .bits128 : .bits256)
        let encryptedKey: Data
        let sealed: AES.GCM.SealedBox
        do {
            encryptedKey = try contentKey.withUnsafeBytes {
                try publicKey.encrypt(Data($0), padding: algorithm.padding)
            }
            sealed = try AES.GCM.seal(
                plaintext, using: contentKey, nonce: AES.GCM.Nonce(), authenticating: Data(protectedHeader.utf8))
        } catch {
            throw .keyFormat("encryption failed")
        }
        return [
            protectedHeader, base64URL(encryptedKey), base64URL(Data(sealed.nonce)), base64URL(sealed.ciphertext),
            base64URL(sealed.tag),
        ]
        .joined(separator: ".")
    }

    /// Opens a compact JWE with the private key; returns the plaintext only when every part authenticates.
    public static func open(
        _ compact: String, privateKeyPEM: String,
        algorithms: Set<KeyAlgorithm> = Set(KeyAlgorithm.allCases),
        encryptions: Set<ContentEncryption> = Set(ContentEncryption.allCases)
    ) throws(KonaplateJWEError) -> [UInt8] {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else { throw .malformed("\(parts.count) parts, expected 5") }
        guard let headerData = base64URLDecode(parts[0]), let encryptedKey = base64URLDecode(parts[1]),
            let iv = base64URLDecode(parts[2]), let ciphertext = base64URLDecode(parts[3]),
            let tag = base64URLDecode(parts[4])
        else { throw .malformed("a part is not base64url") }
        guard let header = try? JSONDecoder().decode([String: KonaplateJSONValue].self, from: headerData),
            case .string(let alg)? = header["alg"], case .string(let enc)? = header["enc"]
        else { throw .malformed("the protected header has no alg and enc") }
        guard let algorithm = KeyAlgorithm(rawValue: alg), algorithms.contains(algorithm) else {
            throw .unsupportedAlgorithm(alg)
        }
        guard let encryption = ContentEncryption(rawValue: enc), encryptions.contains(encryption) else {
            throw .unsupportedAlgorithm(enc)
        }
        if header["zip"] != nil { throw .unsupportedAlgorithm("zip") }
        guard iv.count == 12, tag.count == 16 else { throw .malformed("IV or tag of the wrong length") }
        let privateKey = try Self.privateKey(privateKeyPEM)
        let contentKey: Data
        do { contentKey = try privateKey.decrypt(encryptedKey, padding: algorithm.padding) } catch {
            throw .keyDecryptionFailed
        }
        guard contentKey.count == encryption.keyByteCount else { throw .keyDecryptionFailed }
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: iv), ciphertext: ciphertext, tag: tag)
            return Array(
                try AES.GCM.open(box, using: SymmetricKey(data: contentKey), authenticating: Data(parts[0].utf8)))
        } catch {
            throw .authenticationFailed
        }
    }

    static func publicKey(_ pem: String) throws(KonaplateJWEError) -> _RSA.Encryption.PublicKey {
        do { return try _RSA.Encryption.PublicKey(pemRepresentation: pem) } catch {
            throw .keyFormat("not a PEM RSA public key of 2048 bits or more")
        }
    }

    static func privateKey(_ pem: String) throws(KonaplateJWEError) -> _RSA.Encryption.PrivateKey {
        do { return try _RSA.Encryption.PrivateKey(pemRepresentation: pem) } catch {
            throw .keyFormat("not a PEM RSA private key of 2048 bits or more")
        }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecode(_ text: String) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}

/// Seals request bodies for encrypted endpoints: `{"<wrapperField>": "<compact JWE>"}` with the server's public key.
/// The tran token is then computed over these wrapper bytes (see `KonaplateRequests.prepare`).
public struct KonaplateJWESealer: KonaplateBodySealer {
    public let serverPublicKeyPEM: String
    public var algorithm: KonaplateJWE.KeyAlgorithm
    public var encryption: KonaplateJWE.ContentEncryption
    /// Unverified default "encData" (see the file header).
    public var wrapperField: String
    public var keyID: String?

    /// Throws when the key is not a PEM RSA public key of 2048 bits or more.
    public init(
        serverPublicKeyPEM: String, algorithm: KonaplateJWE.KeyAlgorithm = .rsaOAEP256,
        encryption: KonaplateJWE.ContentEncryption = .a128GCM, wrapperField: String = "encData", keyID: String? = nil
    ) throws(KonaplateJWEError) {
        _ = try KonaplateJWE.publicKey(serverPublicKeyPEM)
        self.serverPublicKeyPEM = serverPublicKeyPEM
        self.algorithm = algorithm
        self.encryption = encryption
        self.wrapperField = wrapperField
        self.keyID = keyID
    }

    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        let compact = try KonaplateJWE.seal(
            plaintext, publicKeyPEM: serverPublicKeyPEM, algorithm: algorithm, encryption: encryption, keyID: keyID)
        return Array(try KonaplateJSON.encoder().encode([wrapperField: compact]))
    }
}

/// Opens encrypted response bodies with the client's private key.
///
/// The docs do not say how an encrypted response body carries its JWE (DECISIONS.md D12), so the opener reads both
/// forms a server could plausibly send (DECISIONS.md D45): the wrapper the sealer sends, `{"<wrapperField>": "<compact
/// JWE>"}`, and the compact JWE alone as the whole body. Either way the token must authenticate with the client's key
/// before a byte of plaintext is returned, so reading a second form accepts nothing that was not sealed for this
/// client.
public struct KonaplateJWEOpener: KonaplateBodyOpener, CustomStringConvertible {
    private let clientPrivateKeyPEM: String
    public var wrapperField: String

    public init(clientPrivateKeyPEM: String, wrapperField: String = "encData") throws(KonaplateJWEError) {
        _ = try KonaplateJWE.privateKey(clientPrivateKeyPEM)
        self.clientPrivateKeyPEM = clientPrivateKeyPEM
        self.wrapperField = wrapperField
    }

    public func open(_ body: [UInt8]) throws -> [UInt8] {
        try KonaplateJWE.open(compactToken(in: body), privateKeyPEM: clientPrivateKeyPEM)
    }

    /// The compact JWE a body carries: the wrapper's member, or the body itself (whitespace around it ignored) when
    /// it is nothing but base64url parts and dots.
    private func compactToken(in body: [UInt8]) throws(KonaplateJWEError) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let start = body.firstIndex { !isSpace($0) } ?? body.endIndex
        let end = body.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        let trimmed = body[start..<end]
        if trimmed.first == UInt8(ascii: "{") {
            guard let object = try? JSONDecoder().decode([String: KonaplateJSONValue].self, from: Data(trimmed)) else {
                throw .wrapper("a JSON object that does not parse")
            }
            guard case .string(let compact)? = object[wrapperField] else {
                throw .wrapper("no string field '\(wrapperField)'")
            }
            return compact
        }
        let base64URL = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8)
        guard !trimmed.isEmpty, trimmed.allSatisfy(base64URL.contains) else {
            throw .wrapper("neither a JSON object nor a compact JWE")
        }
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// The private key never prints.
    public var description: String { "KonaplateJWEOpener(wrapperField: \(wrapperField), clientPrivateKey: <redacted>)" }
}
