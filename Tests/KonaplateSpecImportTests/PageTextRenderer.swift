import KonaplateGenerator
import KonaplateSpecs
import SpecTestSupport

@testable import KonaplateSpecImport

/// Writes a checked endpoint back as the text of its docs page: what a browser would give for a page documenting
/// exactly this spec, in the layout of the stored page text (the fixture
/// `Tests/Fixtures/Import/bankaccounts-info.page.txt`) or another plausible one (`PageLayout`). With nesting
/// marked, nested fields start after an extra blank line and a field after the end of k nested levels has k extra
/// blank lines before it; an array of objects is a row "array of objects", then its `<name>_item` row (one level
/// down), then the element's fields (one more level down), as the docs render it (DECISIONS.md D36).
enum PageTextRenderer {
    static func render(_ endpoint: CheckedEndpoint, layout: PageLayout = .reference) -> String {
        let korean = layout.korean
        let spec = endpoint.spec
        var out = ["Site logo", "", "API Documentation", "", "", ""]
        out.append(spec.title + (spec.mode == .async ? "Async" : "Sync"))
        out += ["", "Version: \(spec.version ?? "v1")", "", "", "Version: \(spec.version ?? "v1")", ""]
        out += [spec.method.value, "", spec.path.value, ""]
        if let summary = spec.summary { out += summary.split(separator: "\n").map(String.init) + [""] }
        out += [korean ? "요청 헤더" : "Request Headers", "", ""]
        for header in endpoint.requestHeaders { out += headerLines(header, layout: layout) }
        // A body the page does not show has no section; a body without fields has its title alone.
        if spec.request?.isUndocumented != true || spec.request?.encrypted == true {
            out += parameters(korean ? "요청 파라미터" : "Request Parameters", spec.request, layout: layout)
        }
        out += [korean ? "응답 헤더" : "Response Headers", "", ""]
        for header in endpoint.responseHeaders { out += headerLines(header, layout: layout) }
        if spec.response?.isUndocumented != true || spec.response?.encrypted == true {
            out += parameters(korean ? "응답 파라미터" : "Response Parameters", spec.response, layout: layout)
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
        return layout.text(out)
    }

    private static func parameters(_ title: String, _ body: BodySpec?, layout: PageLayout) -> [String] {
        var out = [title, ""]
        guard let body else { return out }
        if body.encrypted {
            out +=
                layout.korean
                ? ["암호화 처리|", "더 자세한 정보는 가이드라인 을 참조하세요.", ""]
                : ["Encrypted|", "Check out", "Guidelines", "for more information.", ""]
        }
        if body.isUndocumented { return out }
        out.append("")
        var pendingBlanks = 0
        fieldLines(body.fields, layout: layout, into: &out, pendingBlanks: &pendingBlanks)
        return out
    }

    /// - Parameter pendingBlanks: extra blank lines the next field must have before it (levels it follows the end of).
    private static func fieldLines(
        _ fields: [FieldSpec], layout: PageLayout, into out: inout [String], pendingBlanks: inout Int
    ) {
        // The extra blank line that opens a nested block, and the ones that close it, where the layout writes them.
        let opening = layout.nesting == .unmarked ? [] : [""]
        let closing = layout.nesting == .marked ? 1 : 0
        for field in fields {
            out += Array(repeating: "", count: pendingBlanks)
            pendingBlanks = 0
            out += row(
                field.name.value, typeWord(field, layout: layout), field.presence,
                constraint(field, korean: layout.korean),
                description(field.description), layout: layout)
            guard !field.fields.isEmpty else { continue }
            var levels = 1
            if layout.docsArrays, field.type == .array {
                // The element's row: the docs print it Optional with a placeholder description (D36).
                out +=
                    opening
                    + row(
                        field.name.value + "_item", "object", .optional, nil, [field.name.value + "_item content", ""],
                        layout: layout)
                levels += 1
            }
            out += opening
            fieldLines(field.fields, layout: layout, into: &out, pendingBlanks: &pendingBlanks)
            pendingBlanks += closing * levels
        }
    }

    private static func row(
        _ name: String, _ type: String, _ presence: Presence, _ constraint: String?, _ description: [String],
        layout: PageLayout
    ) -> [String] {
        var out = [name, "", type, "", presenceWord(presence, korean: layout.korean), ""]
        if let constraint { out += [constraint, ""] }
        return out + description + (layout.blankLineAfterRows ? [""] : [])
    }

    /// The docs' type words: "array of objects" for elements with fields or an element schema the page does not
    /// show (an "Add object" widget, D38), "array of strings" for scalar elements.
    private static func typeWord(_ field: FieldSpec, layout: PageLayout) -> String {
        guard field.type == .array, layout.docsArrays else { return field.type.rawValue }
        guard let items = field.items, !items.isAny else { return "array of objects" }
        return "array of \(items.type.rawValue)s"
    }

    private static func headerLines(_ header: HeaderSpec, layout: PageLayout) -> [String] {
        let length = header.length?.value.maximum.map { (layout.korean ? "길이" : "Length") + " : \($0)" }
        return row(
            header.name.value, "string", header.presence, length, description(header.description), layout: layout)
    }

    private static func presenceWord(_ presence: Presence, korean: Bool) -> String {
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
