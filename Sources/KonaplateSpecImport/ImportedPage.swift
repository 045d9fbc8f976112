import KonaplateSpecs

// What `import` reads from a docs page's text: the page's facts, in the page's words, before any decision the spec
// format needs. `DraftSpecWriter` turns it into a spec and leaves a TODO(import) comment wherever the page cannot
// settle a decision.

/// A docs page, as its text says it.
struct ImportedPage {
    var title: String
    /// From the badge after the title ("Sync", "Async"); nil when the page shows none.
    var mode: EndpointMode?
    var version: String?
    var method: String
    var path: String
    var summary: String?
    var requestHeaders: [PageField]
    var responseHeaders: [PageField]
    var request: PageBody?
    var response: PageBody?
    var results: [PageResult]
    /// The sections the page text lacks ("Response Code"), for `docs: partial`.
    var missing: [String]
}

struct PageBody {
    var encrypted: Bool
    var fields: [PageField]
    /// The line of the section's title.
    var line: Int
}

/// One field (or header) of a table: its lines in order, name, type, presence, a constraint, the description.
struct PageField {
    var name: String
    var line: Int
    /// The type word as written (`string`, `number`, `object`, `array`, `boolean`); `array` for "array of …".
    var type: String
    /// The elements' type of an "array of objects" (`object`) or "array of strings" (`string`); nil when the row
    /// says "array" alone.
    var elements: String?
    var presence: PagePresence
    var constraint: PageConstraint?
    /// The description's lines, its bullets (`• …`) included.
    var description: [String]
    var children: [PageField] = []
    /// How the children were read, for the draft's comments.
    var nesting: NestingNote?
}

enum PagePresence: String {
    case required, optional, conditional
}

/// "Length : N", "Min : a , Max : b", "Value : N" (and the Korean 길이, 최소, 최대, 값).
enum PageConstraint: Equatable {
    case length(Int)
    case minMax(Int128?, Int128?)
    case value(Int128)
}

/// How `import` read the fields of an object or array: the page text keeps nesting only through `<name>_item` rows
/// and its blank lines (DECISIONS.md D36, D37).
struct NestingNote {
    /// The `<name>_item` row that stands for each element of the array (D36), if the page has one.
    var itemRow: String?
    /// The page text does not show where the fields end (or its blank lines do not match how they started): the
    /// draft says the nesting was guessed (D37).
    var guessed: Bool
}

struct PageResult {
    var status: Int
    var code: String
    var message: String
    var description: String?
    var line: Int
}

/// Text that is not a docs page, or a page cut before its method and path: what was expected, at which line.
struct PageImportError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { message }
}

/// What `import` produced: the draft and where the spec format's path convention puts it, or the diagnostics that stopped it.
public struct ImportResult: Sendable {
    /// The draft spec's YAML; nil when the text could not be read as a page.
    public var draft: String?
    /// Below the specs folder: `/api/v1/bankaccounts/info` → `bankaccounts/info.yaml`, `/api/v2/x` → `v2/x.yaml`.
    public var relativePath: String?
    public var diagnostics: [Diagnostic]

    static func relativePath(for path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count > 2, segments[0] == "api", segments[1].first == "v" else { return nil }
        let rest = segments.dropFirst(2).joined(separator: "/")
        return (segments[1] == "v1" ? rest : segments[1] + "/" + rest) + ".yaml"
    }
}
