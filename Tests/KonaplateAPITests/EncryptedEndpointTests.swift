import Foundation
import HTTPTypes
import KonaplateAPI
import KonaplateRuntime
import KonaplateTestSupport
import Testing
import _CryptoExtras

/// An encrypted endpoint end to end, with the other side played by Python's joserfc (Tools/jwe-interop.py):
/// the request is sealed with the server's public key and signed over the bytes sent; the response, sealed by the
/// server with the client's public key, is opened and decoded.
@Suite(.enabled(if: PythonTool.isAvailable, PythonTool.skipReason))
struct EncryptedEndpointTests {
    static func keyPair() -> (privatePEM: String, publicPEM: String) {
        let key = try! _RSA.Encryption.PrivateKey(keySize: .bits2048)
        return (key.pemRepresentation, key.publicKey.pemRepresentation)
    }

    static func python(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let run = try PythonTool.run("jwe-interop.py", arguments, input: input)
        try #require(run.status == 0, run.failure)
        return run.stdout
    }

    static func file(_ text: String) throws -> String { try temporaryFile(text) }

    @Test func aRequestIsSealedForTheServerAndSignedOverTheSentBytes() throws {
        let server = Self.keyPair()
        let sealer = try KonaplateJWESealer(serverPublicKeyPEM: server.publicPEM)
        let request = CardVirtualAccountInquiry.Request(cardNo: "9410123412341234")
        let prepared = try KonaplateRequests.prepare(
            CardVirtualAccountInquiry.self, request, credentials: BankAccountsInfoHeaderTests.credentials,
            context: BankAccountsInfoHeaderTests.context, sealer: sealer)
        // The card number never travels in clear.
        #expect(!String(decoding: prepared.body, as: UTF8.self).contains("9410123412341234"))
        let wrapper = try JSONDecoder().decode([String: String].self, from: Data(prepared.body))
        let compact = try #require(wrapper["encData"])
        let opened = try Self.python(["open", try Self.file(server.privatePEM)], input: Array(compact.utf8))
        #expect(String(decoding: opened, as: UTF8.self) == #"{"cardNo":"9410123412341234"}"#)
        let token = prepared.head.headerFields[HTTPField.Name("X-KM-Tran-Token")!]
        #expect(
            token
                == KonaplateHeaderValues.tranToken(
                    secretKey: BankAccountsInfoHeaderTests.credentials.secretKey, body: prepared.body,
                    time: "20261125181104123"))
        #expect(prepared.head.headerFields[HTTPField.Name("X-KM-Crypto-Key-Id")!] == String(repeating: "c", count: 32))
    }

    @Test func aResponseSealedByTheServerIsOpenedAndDecoded() throws {
        let client = Self.keyPair()
        let json = Array(#"{"accountNo":"56211234567890","bankCode":"088","connectType":"AUTO","extra":1}"#.utf8)
        let sealed = try Self.python(["seal", try Self.file(client.publicPEM), "RSA-OAEP-256", "A256GCM"], input: json)
        let body = Array(#"{"encData":"\#(String(decoding: sealed, as: UTF8.self))"}"#.utf8)
        let opener = try KonaplateJWEOpener(clientPrivateKeyPEM: client.privatePEM)
        let response = try KonaplateRequests.decodeResponse(CardVirtualAccountInquiry.self, body: body, opener: opener)
        #expect(response.accountNo == "56211234567890")
        #expect(response.bankCode == "088")
        try response.validate()
        #expect(throws: KonaplateRequestError.self) {
            try KonaplateRequests.decodeResponse(CardVirtualAccountInquiry.self, body: body)
        }
        // Another client's key opens nothing.
        let stranger = try KonaplateJWEOpener(clientPrivateKeyPEM: Self.keyPair().privatePEM)
        #expect(throws: KonaplateRequestError.self) {
            try KonaplateRequests.decodeResponse(CardVirtualAccountInquiry.self, body: body, opener: stranger)
        }
    }
}
