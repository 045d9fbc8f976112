import KonaplateSpecs

/// How the model's checks and header sources are spelled in Swift source (a type spells itself: `SwiftType.spelling`):
/// the one place they become text.
enum ModelSpelling {
    /// The integer type a property's range check compares in, for spelling an open bound (`Int64.max`).
    private static func integer(of type: SwiftType) -> SwiftInteger {
        if case .integer(let integer) = type { return integer }
        return .int64
    }

    /// The labelled arguments a check adds to `validator.check(value, at: path, …)`; none when the value's type
    /// alone selects the check (a code, a nested object).
    static func checkArguments(_ check: SwiftCheck, of type: SwiftType, endpoint: String?) -> [String] {
        if case .requiredWhen(let condition) = check {
            return ["requiredWhen: .\(conditionCase(condition))", "for: \(endpoint ?? "Endpoint").self"]
        }
        if case .requiredWhenField(let condition) = check {
            return [
                "requiredWhen: \(conditionValue(condition))",
                "isOneOf: [\(condition.values.map(SwiftLiteral.string).joined(separator: ", "))]",
                "named: \(SwiftLiteral.string(condition.jsonKey))",
            ]
        }
        return checkArgument(check, of: type).map { [$0] } ?? []
    }

    private static func checkArgument(_ check: SwiftCheck, of type: SwiftType) -> String? {
        switch check {
        case .length(let rule): "length: \(lengthLiteral(rule))"
        case .elementLength(let rule): "elementLength: \(lengthLiteral(rule))"
        case .count(let rule): "count: \(lengthLiteral(rule))"
        case .range(let minimum, let maximum):
            "range: \(bound(minimum, or: "\(integer(of: type).rawValue).min"))...\(bound(maximum, or: "\(integer(of: type).rawValue).max"))"
        case .numericString(let minimum, let maximum):
            "numericRange: \(bound(minimum, or: "Int128.min"))...\(bound(maximum, or: "Int128.max"))"
        case .format(let format): "format: .\(format)"
        case .pattern(let pattern): "pattern: \(SwiftLiteral.string(pattern))"
        case .documentedCode, .nested, .requiredWhen, .requiredWhenField: nil
        }
    }

    private static func bound(_ value: Int128?, or open: String) -> String {
        value.map { SwiftLiteral.integer("\($0)") } ?? open
    }

    /// The other field's value as the text a checkable `when` lists.
    private static func conditionValue(_ condition: SwiftFieldCondition) -> String {
        let property = "self.\(SwiftIdentifiers.escaped(condition.property))"
        switch (condition.kind, condition.isOptional) {
        case (.text, _): return property
        case (.code, false): return property + ".rawValue"
        case (.code, true): return property + "?.rawValue"
        case (.describable, false): return "String(describing: \(property))"
        case (.describable, true): return property + ".map { String(describing: $0) }"
        }
    }

    static func lengthLiteral(_ rule: LengthRule) -> String {
        switch rule {
        case .exactly(let n): ".exactly(\(n))"
        case .between(let low, let high): ".between(\(low), \(high))"
        case .atMost(let high): ".atMost(\(high))"
        case .atLeast(let low): ".atLeast(\(low))"
        }
    }

    /// `KonaplateHeaderCondition`'s case.
    static func conditionCase(_ condition: HeaderCondition) -> String { "\(condition)" }

    static let method: [HTTPMethod: String] = [
        .post: "post", .get: "get", .put: "put", .patch: "patch", .delete: "delete",
    ]

    /// The name of the computed header values inside the request header builder (`computedHeadersName.tranToken`).
    static let computedHeadersName = "computed"

    /// Where the request header builder reads a header's value.
    static func sourceExpression(_ source: HeaderSource) -> String {
        switch source {
        case .aspId: "credentials.aspId"
        case .accessKey: "credentials.accessKey"
        case .cryptoKeyId: "credentials.cryptoKeyId"
        case .timeZone: "\(computedHeadersName).timeZone"
        case .correlationId: "\(computedHeadersName).correlationID"
        case .tranTime: "\(computedHeadersName).tranTime"
        case .tranToken: "\(computedHeadersName).tranToken"
        }
    }
}
