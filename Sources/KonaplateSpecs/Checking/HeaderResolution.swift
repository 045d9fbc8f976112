/// An endpoint's headers: its set's, with the changes the endpoint's page documents (`headers: {use, request,
/// response}`) applied: the keys given replace the set's, a new name adds a header.
enum HeaderResolution {
    static func resolve(
        _ use: HeaderUse, set: HeaderSetSpec, diagnostics: inout Diagnostics
    ) -> (request: [HeaderSpec], response: [HeaderSpec]) {
        let request = merge(set.request, use.requestOverrides, isRequest: true, diagnostics: &diagnostics)
        let response = merge(set.response, use.responseOverrides, isRequest: false, diagnostics: &diagnostics)
        // The set's own headers were checked where it is defined; an endpoint that changes them is checked again.
        if !use.requestOverrides.isEmpty { HeaderNames.check(request, diagnostics: &diagnostics) }
        if !use.responseOverrides.isEmpty { HeaderNames.check(response, diagnostics: &diagnostics) }
        return (request, response)
    }

    private static func merge(
        _ base: [HeaderSpec], _ overrides: [HeaderOverride], isRequest: Bool, diagnostics: inout Diagnostics
    ) -> [HeaderSpec] {
        var headers = base
        var touched: Set<String> = []
        for override in overrides {
            touched.insert(override.name.value)
            if let index = headers.firstIndex(where: { $0.name.value == override.name.value }) {
                var header = headers[index]
                if let presence = override.presence { header.presence = presence }
                if let condition = override.condition { header.condition = condition }
                if let length = override.length { header.length = length }
                if let format = override.format { header.format = format }
                if let sensitive = override.sensitive { header.sensitive = sensitive }
                if let description = override.description { header.description = description }
                if let source = override.source { header.source = source }
                if let swiftName = override.swiftName { header.swiftName = swiftName }
                headers[index] = header
            } else if let presence = override.presence, !isRequest || override.source != nil {
                headers.append(
                    HeaderSpec(
                        name: override.name, presence: presence, condition: override.condition, length: override.length,
                        format: override.format, sensitive: override.sensitive ?? false,
                        description: override.description, source: override.source, swiftName: override.swiftName))
            } else {
                let names = headers.map(\.name.value)
                diagnostics.error(
                    "header '\(override.name.value)' is not in the header set\(Suggestion.hint(for: override.name.value, among: names)); a new header needs 'presence'\(isRequest ? " and 'source'" : "")",
                    at: override.name.location)
            }
        }
        for header in headers where touched.contains(header.name.value) {
            ConstraintChecker.check(
                name: header.name.value, length: header.length, format: header.format, codes: [],
                diagnostics: &diagnostics)
        }
        return headers
    }
}
