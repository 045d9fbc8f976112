import KonaplateSpecs
import KonaplateTextFormats

/// Translates checked specs into the Swift model. Every rule was checked before: translation is total, it reports
/// nothing and decides only how each checked fact is expressed in Swift.
public enum APITranslator {
    /// The typed Swift model of a checked API: every name, type, check and doc line decided.
    public static func translate(_ api: CheckedAPI, module: SwiftModule) -> SwiftAPI {
        let sets = Dictionary(
            uniqueKeysWithValues: api.headerSets.map { ($0.name.value, headerSet($0, module: module)) })
        let endpoints = api.endpoints.map { endpoint in
            EndpointTranslator.translate(endpoint, sharedSet: sets[endpoint.set.name.value]!)
        }
        return SwiftAPI(
            module: module, headerSets: api.headerSets.compactMap { sets[$0.name.value] }.filter { !$0.isBuiltIn },
            endpoints: endpoints)
    }

    /// The types of the built-in header sets, which KonaplateRuntime declares for every module.
    public static func builtInHeaderSets(_ api: CheckedAPI) -> [SwiftHeaderSet] {
        let runtime = SwiftModule(name: "KonaplateRuntime", writer: .runtime)
        return api.headerSets.map { headerSet($0, module: runtime) }.filter(\.isBuiltIn)
    }

    /// A shared header set, translated once for every endpoint that uses it.
    static func headerSet(_ set: HeaderSetSpec, module: SwiftModule) -> SwiftHeaderSet {
        let isBuiltIn = BuiltInDefinitions.isBuiltIn(sourceName: set.sourceName)
        return SwiftHeaderSet(
            baseName: (isBuiltIn ? "Konaplate" : module.headerTypePrefix) + SwiftIdentifiers.baseName(of: set),
            isBuiltIn: isBuiltIn, sourceName: set.sourceName,
            request: HeaderTranslator.headers(set.request, isRequest: true),
            response: HeaderTranslator.headers(set.response, isRequest: false))
    }
}

/// One endpoint: its namespace's metadata and doc, its bodies, headers and result codes.
enum EndpointTranslator {
    static func translate(_ endpoint: CheckedEndpoint, sharedSet: SwiftHeaderSet) -> SwiftEndpoint {
        let spec = endpoint.spec
        let requestEncrypted = spec.request?.encrypted ?? false
        let responseEncrypted = spec.response?.encrypted ?? false
        let request = body(
            spec.request, name: "Request", doc: DocText(["The request body."]),
            encrypted: "Encrypted: sent sealed (JWE) with the server's public key.")
        let response = body(
            spec.response, name: "Response",
            doc: DocText(["The response body. Fields the spec does not list are ignored when decoding."]),
            encrypted: "Encrypted: received sealed (JWE) with the client's public key.")
        let headers: SwiftHeaderBinding =
            endpoint.changesHeaders
            ? .own(
                request: HeaderTranslator.headers(endpoint.requestHeaders, isRequest: true),
                response: HeaderTranslator.headers(endpoint.responseHeaders, isRequest: false))
            : .shared(sharedSet)
        return SwiftEndpoint(
            sourceName: spec.sourceName, typeName: spec.name.value, title: spec.title, doc: namespaceDoc(spec),
            method: HTTPMethod(rawValue: spec.method.value)!, path: spec.path.value, docs: spec.docs,
            isRequestEncrypted: requestEncrypted, isResponseEncrypted: responseEncrypted, isCallback: spec.callback,
            isSafeToRepeat: spec.safeToRepeat,
            request: request, response: response, headers: headers,
            resultCodes: endpoint.results.map(ResultCodeTranslator.resultCase))
    }

    /// A body: its fields' struct, or an open object when the stored page does not show it. No block at all is a
    /// body the page shows without fields.
    private static func body(_ spec: BodySpec?, name: String, doc: DocText, encrypted: String) -> SwiftBody {
        let doc = doc.paragraph(DocText(spec?.encrypted == true ? [encrypted] : []))
        guard spec?.isUndocumented != true else {
            let which = name == "Request" ? "request" : "response"
            return .undocumented(
                name: name,
                doc: DocText([
                    "The \(which) body, which the stored docs page does not show: any JSON object, sent and read as it is, without validation. Build it from the live docs: `\(name)([\"field\": .string(\"value\")])`."
                ]).paragraph(DocText(spec?.encrypted == true ? [encrypted] : [])))
        }
        return .structure(
            BodyTranslator.structure(name: name, doc: doc, fields: spec?.fields ?? [], rules: spec?.rules ?? []))
    }

    /// The title, the summary, the facts of the page in one line, the docs link, what the stored page lacks, notes.
    private static func namespaceDoc(_ spec: EndpointSpec) -> DocText {
        var facts = ["`\(spec.method.value) \(spec.path.value)`"]
        if let version = spec.version { facts.append(version) }
        facts.append(spec.mode.rawValue)
        if spec.callback { facts.append("callback") }
        if spec.request?.encrypted == true { facts.append("encrypted request") }
        if spec.response?.encrypted == true { facts.append("encrypted response") }
        var doc = DocText([spec.title]).paragraph(DocText(text: spec.summary)).paragraph(facts.joined(separator: " · "))
        if let url = spec.source { doc = doc.paragraph("Docs: <\(url)>") }
        if case .partial(let missing) = spec.docs {
            doc = doc.paragraph("- Note: The stored docs page is incomplete: \(missing)")
        }
        return doc.paragraph(DocText(text: spec.notes))
    }
}

/// Result codes: a case per documented code, named from its message unless the spec names it.
enum ResultCodeTranslator {
    static func resultCase(_ result: ResultSpec) -> SwiftResultCase {
        SwiftResultCase(
            name: SwiftIdentifiers.caseName(of: result)!, status: result.status, code: result.code.value,
            message: result.message, meaning: result.description)
    }
}
