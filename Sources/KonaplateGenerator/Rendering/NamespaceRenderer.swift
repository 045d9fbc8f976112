import KonaplateSpecs

/// An endpoint's namespace: its doc, its metadata and, for a shared header set, the typealiases to its types.
enum NamespaceRenderer {
    static func render(_ endpoint: SwiftEndpoint, _ p: inout CodePrinter) {
        p.doc(endpoint.doc)
        p.block("nonisolated public enum \(endpoint.typeName): KonaplateEndpoint") { p in
            // Computed, not `static let`: a stored static costs a global, a lazy initializer and an addressor per
            // property: about 9% of the release compile time of the generated code (BENCHMARKS.md, compile time).
            p.computed("public static var method: HTTPRequest.Method", ".\(ModelSpelling.method[endpoint.method]!)")
            p.computed("public static var path: String", SwiftLiteral.string(endpoint.path))
            p.computed("public static var isRequestEncrypted: Bool", "\(endpoint.isRequestEncrypted)")
            p.computed("public static var isResponseEncrypted: Bool", "\(endpoint.isResponseEncrypted)")
            p.computed("public static var isCallback: Bool", "\(endpoint.isCallback)")
            // Only when true: the protocol's default is false, and every other endpoint stays as it was.
            if endpoint.isSafeToRepeat { p.computed("public static var isSafeToRepeat: Bool", "true") }
            if case .shared(let set) = endpoint.headers {
                p.line()
                p.line("public typealias RequestHeaders = \(set.requestTypeName)<\(endpoint.typeName)>")
                p.line("public typealias ResponseHeaders = \(set.responseTypeName)")
            }
        }
    }
}
