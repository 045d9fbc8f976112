import KonaplateSpecs

/// `EndpointCatalogue.swift`: the module's endpoint types as a member of the runtime's catalogue named after the
/// module (`KonaplateEndpointCatalogue.konaplateAPI`), so generic code (a test double that answers any endpoint,
/// tests over the whole API, a client routing by path) reaches them without a registry kept by hand, and a file
/// importing several generated modules names each module's list without ambiguity.
enum EndpointListRenderer {
    static let fileName = "EndpointCatalogue.swift"

    static func render(_ api: SwiftAPI, sourceName: String) -> String {
        var p = CodePrinter()
        for line in EndpointFileRenderer.fileHeader(sourceName: sourceName, writer: api.module.writer) { p.line(line) }
        p.line()
        p.line("import KonaplateRuntime")
        p.line()
        p.block("extension KonaplateEndpointCatalogue") { p in
            let elements = api.endpoints.sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }.map {
                "\($0.typeName).self"
            }
            p.doc(DocText(["Every endpoint of the module \(api.module.name), in the order of their paths."]))
            p.computed(
                "nonisolated public static var \(SwiftIdentifiers.escaped(api.module.catalogueMember)): KonaplateEndpointCatalogue",
                "KonaplateEndpointCatalogue([\(elements.joined(separator: ", "))])",
                orBlock: { p in
                    p.array("KonaplateEndpointCatalogue(", elements, suffix: ")")
                })
        }
        return p.text
    }
}
