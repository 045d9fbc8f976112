import KonaplateSpecs

/// Header structs: a property per header, with the same checks as a field's, and for request headers how the
/// builder fills each.
enum HeaderTranslator {
    /// Header presence does not depend on the endpoint here: a Conditional header is optional in the type, and its
    /// condition is checked against the endpoint's metadata when headers are built and validated.
    static func headers(_ specs: [HeaderSpec], isRequest: Bool) -> [SwiftHeader] {
        specs.map { spec in
            let isRequired = spec.presence == .required
            let condition = spec.presence == .required || spec.presence == .optional ? nil : spec.condition
            var checks: [SwiftCheck] = []
            if isRequest, let condition { checks.append(.requiredWhen(condition)) }
            if let length = spec.length?.value { checks.append(.length(length)) }
            if let format = spec.format.flatMap({ KonaplateFormat(rawValue: $0.value) }) {
                checks.append(.format(format))
            }
            let fill: HeaderFill? =
                isRequest
                ? spec.source.map { source in
                    if let condition { return .conditional(source, condition) }
                    return isRequired && source.isOptionalInCredentials ? .required(source) : .value(source)
                } : nil
            return SwiftHeader(
                headerName: spec.name.value, propertyName: SwiftIdentifiers.propertyName(of: spec),
                isOptional: !isRequired,
                doc: DocText([spec.name.value]).paragraph(DocText(text: spec.description)), isSensitive: spec.sensitive,
                checks: checks, fill: fill)
        }
    }
}

extension HeaderSource {
    /// Whether `KonaplateCredentials` may lack the value (a callback has no access key, a plain project no crypto
    /// key id): a header that is required anyway is then reported missing by the builder.
    var isOptionalInCredentials: Bool { self == .accessKey || self == .cryptoKeyId }
}
