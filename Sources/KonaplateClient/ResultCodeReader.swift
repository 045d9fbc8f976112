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
    public var read: @Sendable (_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: [UInt8]) -> (code: String?, message: String?)

    public init(
        _ read: @escaping @Sendable (_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: [UInt8]) -> (code: String?, message: String?)
    ) {
        self.read = read
    }

    /// The success code every endpoint documents.
    public static let successCode = "000_000"

    /// `{"code": "003_001", "message": "Invalid card info", …}`; a 2xx response without `code` is `000_000`.
    public static let topLevelCodeAndMessage = members(code: "code", message: "message")

    /// The code and message in two top-level members of the JSON body, named as the server names them.
    public static func members(code: String, message: String) -> KonaplateResultCodeReader {
        KonaplateResultCodeReader { status, _, body in
            let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
            let found = object?[code] as? String
            let text = object?[message] as? String
            if found == nil && status.kind == .successful { return (successCode, text) }
            return (found, text)
        }
    }
}
