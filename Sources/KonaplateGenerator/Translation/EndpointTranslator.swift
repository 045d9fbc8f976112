/// Translates a checked endpoint spec into the Swift model: names, types, and the checks each property gets.
/// Naming clashes are errors at the clashing field: the generator never silently renames one of two twins.
struct EndpointTranslator {
    var diagnostics = Diagnostics()

    mutating func translate(_ spec: EndpointSpec, headers: SwiftHeaderBinding) -> SwiftEndpoint {
        let requestEncrypted = spec.request?.encrypted ?? false
        let responseEncrypted = spec.response?.encrypted ?? false
        let request = makeStruct(
            name: "Request",
            doc: ["The request body."] + (requestEncrypted ? ["", "Encrypted: sent sealed (JWE) with the server's public key."] : []),
            fields: spec.request?.fields ?? [])
        let response = makeStruct(
            name: "Response",
            doc: ["The response body. Fields the spec does not list are ignored when decoding."]
                + (responseEncrypted ? ["", "Encrypted: received sealed (JWE) with the client's public key."] : []),
            fields: spec.response?.fields ?? [])
        return SwiftEndpoint(
            sourceName: spec.sourceName, typeName: spec.name.value, title: spec.title, summary: spec.summary,
            methodCase: spec.method.value.lowercased(), method: spec.method.value, path: spec.path.value,
            version: spec.version, mode: spec.mode, isCallback: spec.callback, docsURL: spec.source, docs: spec.docs,
            notes: spec.notes, isRequestEncrypted: requestEncrypted, isResponseEncrypted: responseEncrypted,
            request: request, response: response, headers: headers, resultCodes: resultCases(spec.results))
    }

    /// A shared header set, translated once for every endpoint that uses it.
    func headerSet(_ set: HeaderSetSpec, sourceName: String) -> SwiftHeaderSet {
        SwiftHeaderSet(
            baseName: SwiftNaming.upperCamel(set.name.value), sourceName: sourceName,
            request: headers(set.request, isRequest: true), response: headers(set.response, isRequest: false))
    }

    // MARK: Bodies

    private mutating func makeStruct(name: String, doc: [String], fields: [FieldSpec]) -> SwiftStruct {
        var properties: [SwiftProperty] = []
        var nested: [SwiftNestedType] = []
        var propertyOwners: [String: FieldSpec] = [:]
        var typeOwners: [String: FieldSpec] = [:]

        func claimType(_ typeName: String, for field: FieldSpec, diagnostics: inout Diagnostics) -> Bool {
            if SwiftNaming.reservedTypeNames.contains(typeName) || typeName == name {
                diagnostics.error(
                    "field '\(field.name.value)' would declare the nested type '\(typeName)', which the generated code already uses; set 'swiftName' to another name",
                    at: field.name.location)
                return false
            }
            if let owner = typeOwners[typeName] {
                diagnostics.error(
                    "fields '\(owner.name.value)' (line \(owner.name.location.line)) and '\(field.name.value)' both become the Swift type '\(typeName)'; set 'swiftName' on one of them",
                    at: field.name.location)
                return false
            }
            typeOwners[typeName] = field
            return true
        }

        for field in fields {
            let propertyName = field.swiftName?.value ?? SwiftNaming.propertyName(field.name.value)
            if let swiftName = field.swiftName, !SwiftNaming.isASCIIIdentifier(swiftName.value) {
                diagnostics.error("'swiftName' must be an ASCII Swift identifier (letters, digits, '_'); found '\(swiftName.value)'", at: swiftName.location)
                continue
            }
            if SwiftNaming.reservedPropertyNames.contains(propertyName) {
                diagnostics.error(
                    "field '\(field.name.value)' would become the Swift property '\(propertyName)', which a generated type cannot have; set 'swiftName' (e.g. 'swiftName: \(propertyName == "_" ? "underscore" : propertyName.prefix(1).lowercased() + propertyName.dropFirst() + "Value")')",
                    at: field.name.location)
                continue
            }
            if let owner = propertyOwners[propertyName] {
                diagnostics.error(
                    "fields '\(owner.name.value)' (line \(owner.name.location.line)) and '\(field.name.value)' both become the Swift property '\(propertyName)'; set 'swiftName' on one of them",
                    at: field.name.location)
                continue
            }
            propertyOwners[propertyName] = field
            let typeBase = SwiftNaming.upperCamel(propertyName)
            var checks: [SwiftCheck] = []
            let typeName: String
            switch field.type {
            case .string:
                if field.codes.isEmpty {
                    typeName = "String"
                } else {
                    typeName = typeBase
                    if claimType(typeBase, for: field, diagnostics: &diagnostics) {
                        nested.append(.codes(codeEnum(typeBase, doc: docLines(field.description), codes: field.codes)))
                    }
                    checks.append(.code)
                }
                checks += stringChecks(length: field.length?.value, format: field.format?.value, hasCodes: !field.codes.isEmpty)
                if let range = field.range?.value {
                    // A number the docs type as a string (amounts, some user ids): keep the string, check its value.
                    checks.append(
                        .numericString(range.minimum.map { "\($0)" } ?? "Int128.min", range.maximum.map { "\($0)" } ?? "Int128.max"))
                }
            case .number:
                let (integer, rangeCheck) = integerType(field.range, fieldName: field.name)
                typeName = integer
                checks += rangeCheck.map { [$0] } ?? []
            case .boolean:
                typeName = "Bool"
            case .object:
                typeName = typeBase
                if claimType(typeBase, for: field, diagnostics: &diagnostics) {
                    nested.append(.structure(makeStruct(name: typeBase, doc: docLines(field.description), fields: field.fields)))
                }
                checks.append(.nested)
            case .array:
                if let items = field.items, items.isAny {
                    typeName = "[KonaplateJSONValue]"
                } else if let items = field.items {
                    switch items.type {
                    case .string where !items.codes.isEmpty:
                        let itemType = typeBase + "Item"
                        typeName = "[\(itemType)]"
                        if claimType(itemType, for: field, diagnostics: &diagnostics) {
                            nested.append(.codes(codeEnum(itemType, doc: docLines(field.description), codes: items.codes)))
                        }
                        checks.append(.code)
                    case .string:
                        typeName = "[String]"
                        if let length = items.length?.value { checks.append(.elementLength(length)) }
                    case .number:
                        typeName = "[\(integerType(items.range, fieldName: field.name).type)]"
                    default:
                        typeName = "[Bool]"
                    }
                } else {
                    let itemType = typeBase + "Item"
                    typeName = "[\(itemType)]"
                    if claimType(itemType, for: field, diagnostics: &diagnostics) {
                        nested.append(
                            .structure(makeStruct(name: itemType, doc: ["An element of `\(propertyName)`."], fields: field.fields)))
                    }
                    checks.append(.nested)
                }
                if let count = field.count?.value { checks.append(.count(count)) }
            }
            properties.append(
                SwiftProperty(
                    name: propertyName, jsonKey: field.name.value, typeName: typeName,
                    isOptional: field.presence != .required, doc: fieldDoc(field), isSensitive: field.sensitive,
                    checks: checks))
        }
        return SwiftStruct(name: name, doc: doc, properties: properties, nestedTypes: nested)
    }

    private func stringChecks(length: LengthRule?, format: String?, hasCodes: Bool) -> [SwiftCheck] {
        var checks: [SwiftCheck] = []
        // A code's length is checked against 'length' when the spec is loaded; at run time the code check covers it.
        if let length, !hasCodes { checks.append(.length(length)) }
        if let format, let known = KnownFormat.named(format) { checks.append(.format(known.swiftCase)) }
        return checks
    }

    /// The narrowest natural integer type for the documented range: `Int` when both bounds fit 32 bits (so
    /// arithmetic is natural everywhere), `Int64` for wider or unknown ranges, `UInt64` when the maximum passes
    /// Int64.max (userId's 9999999999999999999). Never a floating-point type: IDs and amounts must be exact.
    private mutating func integerType(_ range: Located<IntegerRange>?, fieldName: Located<String>) -> (type: String, check: SwiftCheck?) {
        guard let range else { return ("Int64", nil) }
        let low = range.value.minimum
        let high = range.value.maximum
        let type: String
        if let low, let high, low >= Int128(Int32.min), high <= Int128(Int32.max) {
            type = "Int"
        } else if (low ?? 0) >= Int128(Int64.min), (high ?? 0) <= Int128(Int64.max) {
            type = "Int64"
        } else if (low ?? 0) >= 0, (high ?? 0) <= Int128(UInt64.max) {
            type = "UInt64"
        } else {
            diagnostics.error(
                "'range' \(range.value) of '\(fieldName.value)' does not fit a 64-bit integer (signed or unsigned)",
                at: range.location)
            return ("Int64", nil)
        }
        let lower = low.map { "\($0)" } ?? "\(type).min"
        let upper = high.map { "\($0)" } ?? "\(type).max"
        return (type, .range(lower, upper))
    }

    private mutating func codeEnum(_ name: String, doc: [String], codes: [CodeSpec]) -> SwiftCodeEnum {
        var cases: [(name: String, code: String, meaning: String)] = []
        var owners: [String: CodeSpec] = [:]
        for code in codes {
            let caseName = code.caseName?.value ?? SwiftNaming.caseName(forCode: code.code)
            if let explicit = code.caseName, !SwiftNaming.isASCIIIdentifier(explicit.value) {
                diagnostics.error("'case' must be an ASCII Swift identifier (letters, digits, '_'); found '\(explicit.value)'", at: explicit.location)
                continue
            }
            if caseName == "undocumented" || caseName == "documented" || caseName == "rawValue" {
                diagnostics.error(
                    "code '\(code.code)' would become the case '\(caseName)', which the generated enum already uses; set 'case'",
                    at: code.location)
                continue
            }
            if let owner = owners[caseName] {
                diagnostics.error(
                    "codes '\(owner.code)' and '\(code.code)' both become the case '\(caseName)'; give one of them 'case:'",
                    at: code.location)
                continue
            }
            owners[caseName] = code
            cases.append((caseName, code.code, code.meaning))
        }
        return SwiftCodeEnum(name: name, doc: doc, cases: cases)
    }

    /// The doc comment of a property: the docs' description, then its presence and constraints as the page states
    /// them, so a reader of the generated code sees the page.
    private func fieldDoc(_ field: FieldSpec) -> [String] {
        var lines = docLines(field.description)
        var facts: [String] = []
        switch field.presence {
        case .required: facts.append("Required")
        case .optional: facts.append("Optional")
        case .conditional(let when): facts.append("Conditional: \(when)")
        }
        if let length = field.length { facts.append("length \(length.value)") }
        if let range = field.range { facts.append("range \(range.value)") }
        if let format = field.format { facts.append("format \(format.value)") }
        if let count = field.count { facts.append("\(count.value) elements") }
        if field.sensitive { facts.append("sensitive: masked when printed") }
        if !lines.isEmpty { lines.append("") }
        lines.append(facts.joined(separator: ", ") + ".")
        return lines
    }

    private func docLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            String($0).trimmingTrailingSpaces
        }.droppingTrailingEmpty
    }

    // MARK: Headers

    /// Header presence does not depend on the endpoint here: a Conditional header is optional in the type, and
    /// its condition is checked against the endpoint's metadata when headers are built and validated.
    func headers(_ specs: [HeaderSpec], isRequest: Bool) -> [SwiftHeader] {
        specs.map { spec in
            let isRequired = spec.presence == .required
            let condition: String? =
                switch (spec.presence, spec.condition) {
                case (.conditional, .encrypted?): "encrypted"
                case (.conditional, .notCallback?): "notCallback"
                default: nil
                }
            let doc = ([spec.name.value] + (spec.description.map { ["", $0] } ?? [])).flatMap {
                $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            }
            let fill: HeaderFill? = spec.source.map { source in
                let (expression, optionalInCredentials): (String, Bool) =
                    switch source {
                    case .aspId: ("credentials.aspId", false)
                    case .accessKey: ("credentials.accessKey", true)
                    case .cryptoKeyId: ("credentials.cryptoKeyId", true)
                    case .timeZone: ("computed.timeZone", false)
                    case .correlationId: ("computed.correlationID", false)
                    case .tranTime: ("computed.tranTime", false)
                    case .tranToken: ("computed.tranToken", false)
                    }
                if let condition { return .conditional(expression, condition: condition) }
                return isRequired && optionalInCredentials ? .required(expression) : .value(expression)
            }
            return SwiftHeader(
                headerName: spec.name.value, propertyName: SwiftNaming.headerPropertyName(spec.name.value),
                isOptional: !isRequired, doc: doc, length: spec.length?.value,
                formatCase: spec.format.flatMap { KnownFormat.named($0.value)?.swiftCase }, isSensitive: spec.sensitive,
                condition: isRequest ? condition : nil, fill: isRequest ? fill : nil)
        }
    }

    // MARK: Result codes

    private mutating func resultCases(_ results: [ResultSpec]) -> [SwiftResultCase] {
        var cases: [SwiftResultCase] = []
        var owners: [String: ResultSpec] = [:]
        for result in results {
            guard let name = result.caseName?.value ?? SwiftNaming.caseName(forMessage: result.message) else {
                diagnostics.error(
                    "result code '\(result.code.value)' needs 'case:' (its message gives no Swift name)", at: result.code.location)
                continue
            }
            if let explicit = result.caseName, !SwiftNaming.isASCIIIdentifier(explicit.value) {
                diagnostics.error("'case' must be an ASCII Swift identifier (letters, digits, '_'); found '\(explicit.value)'", at: explicit.location)
                continue
            }
            if let owner = owners[name] {
                diagnostics.error(
                    "result codes '\(owner.code.value)' and '\(result.code.value)' both become the case '\(name)'; give one of them 'case:'",
                    at: result.code.location)
                continue
            }
            if name == "undocumented" {
                diagnostics.error("result code '\(result.code.value)' would become the case 'undocumented', which is reserved; set 'case'", at: result.code.location)
                continue
            }
            owners[name] = result
            cases.append(
                SwiftResultCase(name: name, status: result.status, code: result.code.value, message: result.message, meaning: result.description))
        }
        return cases
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var slice = Substring(self)
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Array where Element == String {
    var droppingTrailingEmpty: [String] {
        var lines = self
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
