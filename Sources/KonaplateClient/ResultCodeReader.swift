import Foundation
import HTTPTypes
import KonaplateRuntime

/// Where a response carries its result code (`000_000`, `003_001`, …) and message. The stored docs list every
/// endpoint's codes but never show the JSON member or header that carries them (DECISIONS.md D17), so the reader is
/// pluggable.
///
/// The default, `topLevelCodeAndMessage`, is the most plausible reading, and **unverified against the real server**:
/// the members `code` and `message` at the top level of the (opened) JSON body, beside the endpoint's own fields,
/// which the docs also show at the top level; a successful (2xx) response without a `code` is `000_000`.
public struct KonaplateResultCodeReader: Sendable {
    /// The code and message of a response, from its status, headers and JSON body (opened, when the endpoint
    /// encrypts responses); nil for what it cannot find.
    public let read:
        @Sendable (_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: [UInt8]) -> (
            code: String?, message: String?
        )
    /// The members' names, for a reader made by `members(code:message:)`: the client then reads code, message and
    /// body in one JSON pass instead of two (BENCHMARKS.md).
    @usableFromInline let members: Members?

    @usableFromInline struct Members: Sendable {
        let names: MemberNames
        /// A decoder that hands the names to `KonaplateResultEnvelope`, made once per reader.
        @usableFromInline let decoder: JSONDecoder

        init(code: String, message: String) {
            names = MemberNames(code: MemberKey(stringValue: code), message: MemberKey(stringValue: message))
            decoder = JSONDecoder()
            decoder.userInfo[KonaplateResultEnvelopeKey.members] = names
        }

        /// Code, message and body in one JSON pass; a body that is not JSON at all has no code, and a 2xx answer
        /// without one is success.
        @inlinable func read<Body: Decodable>(
            _ body: Body.Type, status: HTTPResponse.Status, json: [UInt8]
        ) -> (code: String?, message: String?, body: Result<Body, any Error>) {
            let read: (code: String?, message: String?, body: Result<Body, any Error>)
            do {
                let envelope = try decoder.decode(
                    KonaplateResultEnvelope<Body>.self, from: KonaplateRequests.document(json))
                read = (envelope.code, envelope.message, envelope.body)
            } catch {
                read = (nil, nil, .failure(error))
            }
            return (
                read.code ?? (status.kind == .successful ? KonaplateResultCodeReader.successCode : nil), read.message,
                read.body
            )
        }
    }

    @usableFromInline struct MemberNames: Sendable {
        @usableFromInline let code: MemberKey
        @usableFromInline let message: MemberKey
    }

    @usableFromInline struct MemberKey: CodingKey, Sendable {
        @usableFromInline let stringValue: String
        @usableFromInline var intValue: Int? { nil }
        @usableFromInline init(stringValue: String) { self.stringValue = stringValue }
        @usableFromInline init?(intValue: Int) { nil }
    }

    public init(
        _ read:
            @escaping @Sendable (_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: [UInt8]) -> (
                code: String?, message: String?
            )
    ) {
        self.read = read
        self.members = nil
    }

    private init(members: Members) {
        self.members = members
        self.read = { status, _, body in
            let (code, message, _) = members.read(KonaplateNothing.self, status: status, json: body)
            return (code, message)
        }
    }

    /// The success code every endpoint documents.
    public static let successCode = "000_000"

    /// `{"code": "003_001", "message": "Invalid card info", …}`; a 2xx response without `code` is `000_000`.
    public static let topLevelCodeAndMessage = members(code: "code", message: "message")

    /// The code and message in two top-level members of the JSON body, named as the server names them; a 2xx
    /// response without the code member is `000_000`.
    public static func members(code: String, message: String) -> KonaplateResultCodeReader {
        KonaplateResultCodeReader(members: Members(code: code, message: message))
    }
}

/// A response body read once for both the result code members and the endpoint's own fields, which sit beside them
/// at the top level. Its `body` keeps the body's decoding error: an error answer has a code and no valid body.
@usableFromInline struct KonaplateResultEnvelope<Body: Decodable>: Decodable {
    @usableFromInline let code: String?
    @usableFromInline let message: String?
    @usableFromInline let body: Result<Body, any Error>

    @inlinable init(from decoder: any Decoder) throws {
        // A member of another type, or a body that is not an object, is "no code" here; the body reports its own.
        let members = decoder.userInfo[KonaplateResultEnvelopeKey.members] as? KonaplateResultCodeReader.MemberNames
        let container = try? decoder.container(keyedBy: KonaplateResultCodeReader.MemberKey.self)
        code = members.flatMap { (try? container?.decodeIfPresent(String.self, forKey: $0.code)) ?? nil }
        message = members.flatMap { (try? container?.decodeIfPresent(String.self, forKey: $0.message)) ?? nil }
        body = Result { try Body(from: decoder) }
    }
}

/// A body nothing is read from: the reader alone decodes only the code and message.
struct KonaplateNothing: Decodable {
    init(from decoder: any Decoder) throws {}
}

@usableFromInline enum KonaplateResultEnvelopeKey {
    @usableFromInline static let members = CodingUserInfoKey(rawValue: "konaplate.resultMembers")!
}
