import KonaplateSpecs
import KonaplateTextFormats

/// The wire oracle's program for one mutant: the base's samples sent by an old client to the changed server, the
/// changed server's samples read by an old client, each judged by the generated code of the side that receives
/// it (decoding, then `violations`, as the client's `.strict` validation and the double do). A sample is only
/// replayed when the side that sends it accepts it itself. Prints `tag<TAB>request|response<TAB>why` per refusal.
enum ReplayProgram {
    static func source(
        job: String, old: String, new: String, oldEndpoint: CheckedEndpoint, newEndpoint: CheckedEndpoint
    ) -> String {
        let oldSamples = WireSamples(oldEndpoint)
        let newSamples = WireSamples(newEndpoint)
        var lines = [
            "import Foundation", "import HTTPTypes", "@_spi(Generated) import KonaplateRuntime", "",
            "func replay_\(job)() {",
            "    typealias Old = \(old)",
            "    typealias New = \(new)",
            "    func refuse(_ direction: String, _ why: String) { print(\"\(job)\\t\\(direction)\\t\\(why)\") }",
            "    func accepts<Body: KonaplateModel>(_: Body.Type, _ json: String) -> Bool {",
            "        guard let body = try? JSONDecoder().decode(Body.self, from: Data(json.utf8)) else { return false }",
            "        return body.violations.isEmpty",
            "    }",
            "    func fields(_ pairs: [(String, String)]) -> HTTPFields {",
            "        var fields = HTTPFields()",
            "        for (name, value) in pairs { if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) } }",
            "        return fields",
            "    }",
            // An old client sends where the old spec said, sealed as it said; the new server listens where it says.
            "    if Old.method != New.method || Old.path != New.path { refuse(\"request\", \"sent to \\(Old.method) \\(Old.path)\") }",
            "    if Old.isRequestEncrypted != New.isRequestEncrypted { refuse(\"request\", \"sealed: \\(Old.isRequestEncrypted)\") }",
            "    if Old.isResponseEncrypted != New.isResponseEncrypted { refuse(\"response\", \"sealed: \\(New.isResponseEncrypted)\") }",
        ]
        for (tag, json) in oldSamples.requestBodies {
            lines.append(
                "    if accepts(Old.Request.self, \(literal(json))), !accepts(New.Request.self, \(literal(json))) { refuse(\"request\", \(literal("body " + tag))) }"
            )
        }
        for (tag, json) in newSamples.responseBodies {
            lines.append(
                "    if accepts(New.Response.self, \(literal(json))), !accepts(Old.Response.self, \(literal(json))) { refuse(\"response\", \(literal("body " + tag))) }"
            )
        }
        for (tag, pairs) in oldSamples.requestHeaders {
            let fields =
                "fields([" + pairs.map { "(\(literal($0.0)), \(literal($0.1)))" }.joined(separator: ", ") + "])"
            lines.append(
                "    if (try? Old.RequestHeaders(\(fields))) != nil, (try? New.RequestHeaders(\(fields))) == nil { refuse(\"request\", \(literal("headers " + tag))) }"
            )
        }
        for (tag, pairs) in newSamples.responseHeaders {
            let fields =
                "fields([" + pairs.map { "(\(literal($0.0)), \(literal($0.1)))" }.joined(separator: ", ") + "])"
            lines.append(
                "    if (try? New.ResponseHeaders(\(fields))) != nil, (try? Old.ResponseHeaders(\(fields))) == nil { refuse(\"response\", \(literal("headers " + tag))) }"
            )
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Swift string literal of any text (the quoting the generator's literals use).
    static func literal(_ text: String) -> String {
        QuotedText.quoted(text) { "\\u{\(String($0.value, radix: 16))}" }
    }
}
