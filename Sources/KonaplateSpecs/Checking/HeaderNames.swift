/// The headers of one header struct: valid HTTP field names, each once (HTTP ignores case), each with a Swift
/// property of its own that a header type can have.
enum HeaderNames {
    static func check(_ headers: [HeaderSpec], diagnostics: inout Diagnostics) {
        var names: [String: HeaderSpec] = [:]
        var properties: [String: HeaderSpec] = [:]
        for header in headers {
            let name = header.name
            guard isFieldName(name.value) else {
                diagnostics.error(
                    "'\(name.value)' is not a valid header name (letters, digits and '-')", at: name.location)
                continue
            }
            if let first = names[name.value.lowercased()] {
                diagnostics.error(
                    "header '\(name.value)' is already listed as '\(first.name.value)' (\(first.name.location)); HTTP header names ignore case",
                    at: name.location)
                continue
            }
            names[name.value.lowercased()] = header
            if let swiftName = header.swiftName, !SwiftIdentifiers.isASCIIIdentifier(swiftName.value) {
                diagnostics.error(
                    "'swiftName' must be an ASCII Swift identifier (letters, digits, '_'); found '\(swiftName.value)'",
                    at: swiftName.location)
                continue
            }
            let property = SwiftIdentifiers.propertyName(of: header)
            if SwiftIdentifiers.reservedHeaderPropertyNames.contains(property) {
                diagnostics.error(
                    "header '\(name.value)' would become the Swift property '\(property)', which a generated header type cannot have; set 'swiftName' (e.g. 'swiftName: \(FieldNames.alternative(to: property))')",
                    at: name.location)
                continue
            }
            if let owner = properties[property] {
                diagnostics.error(
                    "headers '\(owner.name.value)' (\(owner.name.location)) and '\(name.value)' both become the Swift property '\(property)'; set 'swiftName' on one of them",
                    at: name.location)
                continue
            }
            properties[property] = header
        }
    }

    /// An HTTP field name as specs write them: letters, digits and '-' (RFC 9110 allows more; the docs use these).
    static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
