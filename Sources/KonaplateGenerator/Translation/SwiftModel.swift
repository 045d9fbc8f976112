import KonaplateSpecs

// The Swift model an API is translated into: every decision about names, types, checks and doc text is made before
// rendering, in typed values (no Swift source text), so the renderers only print.

/// Everything the generated module declares.
public struct SwiftAPI: Sendable {
    public var module: SwiftModule
    /// The header sets whose types this module declares: the specs' own. The built-in sets' types are the
    /// runtime's (`KonaplateStandardRequestHeaders`), declared once for every module.
    public var headerSets: [SwiftHeaderSet]
    public var endpoints: [SwiftEndpoint]
}

/// The module the generated files are compiled into, and who writes them. The fixed names a module declares
/// beside its endpoints derive from the module's name, so two generated modules imported into one file never
/// clash.
public struct SwiftModule: Sendable, Hashable {
    /// Who writes the files: what each file's header tells a reader to do instead of editing it.
    public enum Writer: Sendable, Hashable {
        /// `konaplate-gen generate` (or the command plugin), into a committed folder.
        case command
        /// The build tool plugin, on every build, into SwiftPM's build folder.
        case buildPlugin
        /// This package's maintainers, into KonaplateRuntime (the built-in header sets' types).
        case runtime
    }

    /// `KonaplateAPI`, `MyKonaplateModels`.
    public var name: String
    public var writer: Writer

    public init(name: String, writer: Writer) {
        self.name = name
        self.writer = writer
    }

    /// The static member of `KonaplateEndpointCatalogue` listing this module's endpoints: `konaplateAPI`.
    public var catalogueMember: String { SwiftIdentifiers.lowerCamel(name) }

    /// The prefix of the header set types a module declares for its own sets: `MyKonaplateModelsPartner…`.
    var headerTypePrefix: String { name }
}

/// One endpoint's file.
public struct SwiftEndpoint: Sendable {
    public var sourceName: String
    public var typeName: String
    public var title: String
    /// The namespace's doc comment: title, summary, facts, docs link, completeness, notes.
    public var doc: DocText
    public var method: HTTPMethod
    public var path: String
    public var docs: DocsCompleteness
    public var isRequestEncrypted: Bool
    public var isResponseEncrypted: Bool
    public var isCallback: Bool
    public var isSafeToRepeat: Bool
    public var request: SwiftBody
    public var response: SwiftBody
    public var headers: SwiftHeaderBinding
    public var resultCodes: [SwiftResultCase]
}

/// The HTTP methods a spec may name, with swift-http-types' `HTTPRequest.Method` case for each.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case post = "POST"
    case get = "GET"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
}

/// A header set shared by endpoints: rendered once, as `<Name>RequestHeaders<Endpoint>` and `<Name>ResponseHeaders`;
/// the rules that depend on the endpoint (encrypted? callback?) read its metadata. A built-in set's types are the
/// runtime's (`KonaplateStandardRequestHeaders`); a set of the specs' own is declared in the file of its definitions
/// file, its names prefixed with the module's (`MyKonaplateModelsPartnerRequestHeaders`).
public struct SwiftHeaderSet: Sendable {
    /// `KonaplateStandard` for the built-in set `standard`, `MyKonaplateModelsPartner` for a set `partner` of the
    /// module MyKonaplateModels.
    public var baseName: String
    /// Whether its types are the runtime's.
    public var isBuiltIn: Bool
    public var sourceName: String
    public var request: [SwiftHeader]
    public var response: [SwiftHeader]

    public var requestTypeName: String { baseName + "RequestHeaders" }
    public var responseTypeName: String { baseName + "ResponseHeaders" }
}

/// How an endpoint gets its header types.
public enum SwiftHeaderBinding: Sendable {
    /// The set's shared types, through typealiases.
    case shared(SwiftHeaderSet)
    /// The endpoint changes single headers of its set: its own types, in its own file.
    case own(request: [SwiftHeader], response: [SwiftHeader])
}

/// A request or response body: a struct of its fields, or, when the stored page does not show it, an open JSON
/// object (`KonaplateUndocumentedBody`) sent and read as it is.
public enum SwiftBody: Sendable {
    case structure(SwiftStruct)
    case undocumented(name: String, doc: DocText)

    public var structure: SwiftStruct? {
        if case .structure(let structure) = self { return structure }
        return nil
    }

    /// Fields, counting nested ones; nil when the body is undocumented.
    public var fieldCount: Int? {
        if case .structure(let structure) = self { return structure.fieldCount }
        return nil
    }
}

/// A generated struct: a body, a nested object or an array's element.
public struct SwiftStruct: Sendable {
    public var name: String
    public var doc: DocText
    public var properties: [SwiftProperty]
    public var nestedTypes: [SwiftNestedType]
    /// Rules about groups of its fields, checked after the fields' own checks.
    public var rules: [SwiftGroupRule] = []

    public var hasSensitiveProperties: Bool { properties.contains { $0.isSensitive } }

    /// Fields, counting those of nested objects and array elements (the catalogue's count).
    public var fieldCount: Int {
        properties.count
            + nestedTypes.reduce(0) { count, nested in
                if case .structure(let structure) = nested { return count + structure.fieldCount }
                return count
            }
    }
}

public indirect enum SwiftNestedType: Sendable {
    case structure(SwiftStruct)
    case codes(SwiftCodeEnum)
}

/// A property's Swift type, without the optionality of the property itself.
public indirect enum SwiftType: Sendable, Hashable {
    case string
    case bool
    case integer(SwiftInteger)
    /// Any JSON value (`KonaplateJSONValue`): an array element whose schema the docs do not show.
    case jsonValue
    /// A generated struct nested in the enclosing type.
    case model(String)
    /// A generated code enum nested in the enclosing type.
    case code(String)
    case array(SwiftType)
    /// An array element that may be null (`elements: optional`).
    case optional(SwiftType)

    /// How Swift source spells the type (`[String]`, `Request.AccountInfo`'s `AccountInfo`, `UInt64`).
    public var spelling: String {
        switch self {
        case .string: "String"
        case .bool: "Bool"
        case .integer(let integer): integer.rawValue
        case .jsonValue: "KonaplateJSONValue"
        case .model(let name), .code(let name): name
        case .array(let element): "[\(element.spelling)]"
        case .optional(let wrapped): wrapped.spelling + "?"
        }
    }

    /// A single code (not an array of them): decoded straight from its string.
    public var isCode: Bool {
        if case .code = self { return true }
        return false
    }
}

public struct SwiftProperty: Sendable {
    /// The identifier, unescaped.
    public var name: String
    public var jsonKey: String
    public var type: SwiftType
    public var isOptional: Bool
    public var doc: DocText
    public var isSensitive: Bool
    public var checks: [SwiftCheck]

    /// The property's declared type as Swift source spells it: `String?` for an optional `String`.
    public var declaredType: String { type.spelling + (isOptional ? "?" : "") }
}

public struct SwiftCodeEnum: Sendable {
    public var name: String
    public var doc: DocText
    public var cases: [SwiftCodeCase]
}

public struct SwiftCodeCase: Sendable {
    public var name: String
    public var code: String
    public var meaning: String
}

public struct SwiftHeader: Sendable {
    public var headerName: String
    public var propertyName: String
    public var isOptional: Bool
    public var doc: DocText
    public var isSensitive: Bool
    /// Length, format and the condition of a Conditional header: the same check model as a field's.
    public var checks: [SwiftCheck]
    /// How the request header builder fills it; nil for response headers.
    public var fill: HeaderFill?
}

extension [SwiftHeader] {
    /// The header each source fills: the first one, where two take the same source (a reader of requests checks it).
    public var namesBySource: [(source: HeaderSource, name: String)] {
        var seen: Set<HeaderSource> = []
        return compactMap { header in
            guard let source = header.fill?.source, seen.insert(source).inserted else { return nil }
            return (source, header.headerName)
        }
    }
}

/// How the request header builder fills a header from the credentials and the computed values.
public enum HeaderFill: Sendable, Hashable {
    public var source: HeaderSource {
        switch self {
        case .value(let source), .required(let source), .conditional(let source, _): source
        }
    }

    /// Always sent, taken from `source`.
    case value(HeaderSource)
    /// Required, but optional in the credentials: the builder reports it when absent.
    case required(HeaderSource)
    /// Sent only when `condition` holds for the endpoint.
    case conditional(HeaderSource, HeaderCondition)
}

public struct SwiftResultCase: Sendable {
    public var name: String
    public var status: Int
    public var code: String
    public var message: String
    public var meaning: String?
}
