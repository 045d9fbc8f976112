import Foundation
import KonaplateTestSupport
import Testing
import _CryptoExtras

@testable import KonaplateRuntime

/// KonaplateRuntime's JWE against an independent implementation (Python's joserfc, via Tools/jwe-interop.py), in
/// both directions, for every alg/enc pair, and its refusals of wrong keys and tampered or truncated tokens.
struct JWETests {
    /// PEM text (the key types are not Sendable; the strings are): generated once per test run.
    struct KeyPair: Sendable {
        let pemRepresentation: String
        let publicKey: (pemRepresentation: String, Void)

        static func generate() -> KeyPair {
            let key = try! _RSA.Encryption.PrivateKey(keySize: .bits2048)
            return KeyPair(pemRepresentation: key.pemRepresentation, publicKey: (key.publicKey.pemRepresentation, ()))
        }
    }

    static let serverKey = KeyPair.generate()
    static let otherKey = KeyPair.generate()
    static let plaintext = Array(#"{"userId":9999999999999999999,"userName":"홍길동"}"#.utf8)

    static let combinations: [(KonaplateJWE.KeyAlgorithm, KonaplateJWE.ContentEncryption)] =
        KonaplateJWE.KeyAlgorithm.allCases.flatMap { alg in KonaplateJWE.ContentEncryption.allCases.map { (alg, $0) } }

    /// joserfc's answer: the output of a run that succeeded.
    static func python(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let run = try PythonTool.run("jwe-interop.py", arguments, input: input)
        try #require(run.status == 0, run.failure)
        return run.stdout
    }

    static func pemFile(_ pem: String) throws -> String { try temporaryFile(pem) }

    @Test(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason), arguments: 0..<4)
    func swiftSealsAndJoserfcOpens(_ index: Int) throws {
        let (alg, enc) = Self.combinations[index]
        let compact = try KonaplateJWE.seal(
            Self.plaintext, publicKeyPEM: Self.serverKey.publicKey.pemRepresentation, algorithm: alg, encryption: enc)
        let opened = try Self.python(
            ["open", try Self.pemFile(Self.serverKey.pemRepresentation)], input: Array(compact.utf8))
        #expect(opened == Self.plaintext, "\(alg.rawValue)/\(enc.rawValue)")
    }

    @Test(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason), arguments: 0..<4)
    func joserfcSealsAndSwiftOpens(_ index: Int) throws {
        let (alg, enc) = Self.combinations[index]
        let sealed = try Self.python(
            ["seal", try Self.pemFile(Self.serverKey.publicKey.pemRepresentation), alg.rawValue, enc.rawValue],
            input: Self.plaintext)
        let compact = String(decoding: sealed, as: UTF8.self)
        #expect(try KonaplateJWE.open(compact, privateKeyPEM: Self.serverKey.pemRepresentation) == Self.plaintext)
    }

    static func sealed() throws -> [String] {
        try KonaplateJWE.seal(Self.plaintext, publicKeyPEM: Self.serverKey.publicKey.pemRepresentation)
            .split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    static func flipOneCharacter(_ part: String) -> String {
        var characters = Array(part)
        let index = characters.count / 2
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test func refusals() throws {
        let key = Self.serverKey.pemRepresentation
        var parts = try Self.sealed()
        #expect(throws: KonaplateJWEError.keyDecryptionFailed) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: Self.otherKey.pemRepresentation)
        }
        parts = try Self.sealed()
        parts[3] = Self.flipOneCharacter(parts[3])
        #expect(throws: KonaplateJWEError.authenticationFailed) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: key)
        }
        parts = try Self.sealed()
        parts[4] = Self.flipOneCharacter(parts[4])
        #expect(throws: KonaplateJWEError.authenticationFailed) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: key)
        }
        // A header that still parses but is not the one that was authenticated.
        parts = try Self.sealed()
        parts[0] = KonaplateJWE.base64URL(Data(#"{"alg":"RSA-OAEP-256","enc":"A128GCM","kid":"x"}"#.utf8))
        #expect(throws: KonaplateJWEError.authenticationFailed) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: key)
        }
        parts = try Self.sealed()
        parts[1] = Self.flipOneCharacter(parts[1])
        #expect(throws: KonaplateJWEError.keyDecryptionFailed) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: key)
        }
        parts = try Self.sealed()
        #expect(throws: KonaplateJWEError.malformed("4 parts, expected 5")) {
            try KonaplateJWE.open(parts.dropLast().joined(separator: "."), privateKeyPEM: key)
        }
        let truncated = String(parts.joined(separator: ".").dropLast(10))
        #expect(throws: KonaplateJWEError.self) { try KonaplateJWE.open(truncated, privateKeyPEM: key) }
        parts = try Self.sealed()
        parts[0] = KonaplateJWE.base64URL(Data(#"{"alg":"dir","enc":"A128GCM"}"#.utf8))
        #expect(throws: KonaplateJWEError.unsupportedAlgorithm("dir")) {
            try KonaplateJWE.open(parts.joined(separator: "."), privateKeyPEM: key)
        }
    }

    /// joserfc refuses what Swift refuses: a tampered ciphertext does not open on either side. A refusal counts only
    /// when joserfc ran and said no (exit 10), never when the tool could not start.
    @Test(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
    func joserfcRefusesATamperedToken() throws {
        let key = try Self.pemFile(Self.serverKey.pemRepresentation)
        let intact = try Self.sealed()
        #expect(try Self.python(["open", key], input: Array(intact.joined(separator: ".").utf8)) == Self.plaintext)
        var parts = intact
        parts[3] = Self.flipOneCharacter(parts[3])
        let run = try PythonTool.run("jwe-interop.py", ["open", key], input: Array(parts.joined(separator: ".").utf8))
        #expect(run.status == 10, run.failure)
        #expect(run.stderr.hasPrefix("refused: "))
        #expect(run.stdout.isEmpty)
    }

    @Test func theWrapperCarriesTheCompactJWEAndOpensBack() throws {
        let sealer = try KonaplateJWESealer(serverPublicKeyPEM: Self.serverKey.publicKey.pemRepresentation)
        let body = try sealer.seal(Self.plaintext)
        let wrapper = try JSONDecoder().decode([String: String].self, from: Data(body))
        #expect(Array(wrapper.keys) == ["encData"])
        let opener = try KonaplateJWEOpener(clientPrivateKeyPEM: Self.serverKey.pemRepresentation)
        #expect(try opener.open(body) == Self.plaintext)
        #expect(throws: KonaplateJWEError.wrapper("no string field 'encData'")) {
            try opener.open(Array(#"{"data":"x"}"#.utf8))
        }
        #expect(!opener.description.contains("PRIVATE KEY"))
    }

    /// The docs do not say which form an encrypted response takes (DECISIONS.md D45): the wrapper or the compact JWE
    /// alone, with or without whitespace around it, both open; anything else is refused without a byte of plaintext.
    @Test func theOpenerReadsTheCompactJWEAloneToo() throws {
        let opener = try KonaplateJWEOpener(clientPrivateKeyPEM: Self.serverKey.pemRepresentation)
        let compact = try Self.sealed().joined(separator: ".")
        #expect(try opener.open(Array(compact.utf8)) == Self.plaintext)
        #expect(try opener.open(Array(" \r\n\(compact)\n".utf8)) == Self.plaintext)
        #expect(try opener.open(Array(#"{"encData":"\#(compact)"}"#.utf8)) == Self.plaintext)
        for refused in ["", "   ", "\"\(compact)\"", "\(compact) trailing", "<html>502</html>", "[\"\(compact)\"]"] {
            #expect(throws: KonaplateJWEError.self, "\(refused.prefix(20))") { try opener.open(Array(refused.utf8)) }
        }
        #expect(throws: KonaplateJWEError.wrapper("a JSON object that does not parse")) {
            try opener.open(Array("{encData".utf8))
        }
        // A compact token that is not sealed for this key is refused as the wrapped one is.
        var tampered = try Self.sealed()
        tampered[4] = Self.flipOneCharacter(tampered[4])
        #expect(throws: KonaplateJWEError.authenticationFailed) {
            try opener.open(Array(tampered.joined(separator: ".").utf8))
        }
    }

    @Test func keysShorterThan2048BitsOrNotRSAAreRefused() {
        #expect(throws: KonaplateJWEError.self) { try KonaplateJWESealer(serverPublicKeyPEM: "not a key") }
    }
}
