import KonaplateSpecs

/// `EndpointCatalogue.swift`: every endpoint type of the generated module, so generic code (a test double that
/// answers any endpoint, tests over the whole API, a client routing by path) reaches them without a registry kept
/// by hand or a lookup by mangled name.
enum EndpointListRenderer {
    static let typeName = "EndpointCatalogue"
    static let fileName = typeName + ".swift"

    static func render(_ endpoints: [SwiftEndpoint], sourceName: String) -> String {
        var p = CodePrinter()
        for line in EndpointFileRenderer.fileHeader(sourceName: sourceName) { p.line(line) }
        p.line()
        p.line("import HTTPTypes")
        p.line("import KonaplateRuntime")
        p.line()
        p.doc(DocText(["Every endpoint of this module, in the order of their paths."]))
        p.block("nonisolated public enum \(typeName)") { p in
            let elements = endpoints.sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }.map {
                "\($0.typeName).self"
            }
            p.computed("public static var endpoints: [any KonaplateEndpoint.Type]", "[\(elements.joined(separator: ", "))]") { p in
                p.array("", elements)
            }
            p.line()
            p.doc(DocText(["The endpoint called with `method` at `path` (`/api/v1/bankaccounts/info`), if this module has it."]))
            p.block("public static func endpoint(method: HTTPRequest.Method, path: String) -> (any KonaplateEndpoint.Type)?") { p in
                p.line("endpoints.first { $0.method == method && $0.path == path }")
            }
        }
        return p.text
    }
}
