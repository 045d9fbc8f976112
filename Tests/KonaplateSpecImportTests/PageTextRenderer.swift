import KonaplateGenerator
import KonaplateSpecs
import SpecTestSupport

@testable import KonaplateSpecImport

/// Writes a checked endpoint back as the text of its docs page, in the layout of the stored page text (the
/// fixture `Tests/Fixtures/Import/bankaccounts-info.page.txt`): what a browser would give for a page documenting
/// exactly this spec. Nested fields start after an extra blank line; a field after the end of k nested levels
/// has k extra blank lines before it (the convention `import` reads). `korean` writes the Korean table words.
enum PageTextRenderer {
    static func render(_ endpoint: CheckedEndpoint, korean: Bool = false) -> String {
        let spec = endpoint.spec
        var out = ["Site logo", "", "API Documentation", "", "", ""]
        out.append(spec.title + (spec.mode == .async ? "Async" : "Sync"))
        out += ["", "Version: \(spec.version ?? "v1")", "", "", "Version: \(spec.version ?? "v1")", ""]
        out += [spec.method.value, "", spec.path.value, ""]
        if let summary = spec.summary { out += summary.split(separator: "\n").map(String.init) + [""] }
        out += [korean ? "요청 헤더" : "Request Headers", "", ""]
        for header in endpoint.requestHeaders { out += headerLines(header, korean: korean) }
        // A body the page does not show has no section; a body without fields has its title alone.
        if spec.request?.isUndocumented != true || spec.request?.encrypted == true {
            out += parameters(korean ? "요청 파라미터" : "Request Parameters", spec.request, korean: korean)
        }
        out += [korean ? "응답 헤더" : "Response Headers", "", ""]
        for header in endpoint.responseHeaders { out += headerLines(header, korean: korean) }
        if spec.response?.isUndocumented != true || spec.response?.encrypted == true {
            out += parameters(korean ? "응답 파라미터" : "Response Parameters", spec.response, korean: korean)
        }
        if !spec.results.isEmpty {
            out += [korean ? "응답 코드" : "Response Code", "", "The codes this endpoint answers with", "", ""]
            for result in spec.results {
                out += [
                    "\(result.status)", "", korean ? "에러 코드" : "Error code", "", result.code.value, "",
                    korean ? "메시지" : "Message", "", result.message, "",
                ]
                if let description = result.description { out += [korean ? "설명" : "Description", "", description, ""] }
            }
        }
        out += ["Test Data", "", "Click Try It!"]
        return out.joined(separator: "\n") + "\n"
    }

    private static func parameters(_ title: String, _ body: BodySpec?, korean: Bool) -> [String] {
        var out = [title, ""]
        guard let body else { return out }
        if body.encrypted {
            out +=
                korean
                ? ["암호화 처리|", "더 자세한 정보는 가이드라인 을 참조하세요.", ""]
                : ["Encrypted|", "Check out", "Guidelines", "for more information.", ""]
        }
        if body.isUndocumented { return out }
        out.append("")
        var pendingBlanks = 0
        fieldLines(body.fields, korean: korean, into: &out, pendingBlanks: &pendingBlanks)
        return out
    }

    /// - Parameter pendingBlanks: extra blank lines the next field must have before it (levels it follows the end of).
    private static func fieldLines(
        _ fields: [FieldSpec], korean: Bool, into out: inout [String], pendingBlanks: inout Int
    ) {
        for field in fields {
            out += Array(repeating: "", count: pendingBlanks)
            pendingBlanks = 0
            out += [field.name.value, "", field.type.rawValue, "", presence(field.presence, korean: korean), ""]
            if let constraint = constraint(field, korean: korean) { out += [constraint, ""] }
            out += description(field.description)
            if !field.fields.isEmpty {
                out.append("")  // the extra blank line that opens the object's (or element's) fields
                fieldLines(field.fields, korean: korean, into: &out, pendingBlanks: &pendingBlanks)
                pendingBlanks += 1
            }
        }
    }

    private static func headerLines(_ header: HeaderSpec, korean: Bool) -> [String] {
        var out = [header.name.value, "", "string", "", presence(header.presence, korean: korean), ""]
        if let length = header.length?.value.maximum { out += [(korean ? "길이" : "Length") + " : \(length)", ""] }
        return out + description(header.description)
    }

    private static func presence(_ presence: Presence, korean: Bool) -> String {
        switch presence {
        case .required: korean ? "필수" : "Required"
        case .optional: korean ? "옵션" : "Optional"
        case .conditional: korean ? "조건부" : "Conditional"
        }
    }

    /// The page's words for a constraint: "Length : N" for an exact length, "Min : a , Max : b" for a span or a
    /// range, "Length : N" for a maximum length (what the docs write for free text).
    private static func constraint(_ field: FieldSpec, korean: Bool) -> String? {
        let (lengthWord, minWord, maxWord) = korean ? ("길이", "최소", "최대") : ("Length", "Min", "Max")
        let rule = field.type == .array ? field.count?.value : field.length?.value
        if let rule {
            switch rule {
            case .exactly(let n), .atMost(let n): return "\(lengthWord) : \(n)"
            case .between(let low, let high): return "\(minWord) : \(low) , \(maxWord) : \(high)"
            case .atLeast(let low): return "\(minWord) : \(low)"
            }
        }
        if let range = field.range?.value, let low = range.minimum, let high = range.maximum {
            return "\(minWord) : \(low) , \(maxWord) : \(high)"
        }
        return nil
    }

    /// The description's lines, bullets indented as the page indents them; blank lines cannot be written (they
    /// separate the page's parts), so they are left out.
    private static func description(_ text: String?) -> [String] {
        guard let text else { return [] }
        let lines = text.split(separator: "\n").map { line in line.hasPrefix("•") ? "  " + line : String(line) }
        return lines + [""]
    }
}
