import KonaplateSpecs
import KonaplateTextFormats

/// How bad a change is, for one audience.
public enum DiffVerdict: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case compatible, risky, breaking

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .compatible: "compatible"
        case .risky: "risky"
        case .breaking: "breaking"
        }
    }
}

/// Who a change can break: a client already deployed against the server (the wire), or code that calls the
/// generated Swift API and is compiled again (Swift).
public enum DiffAspect: String, Sendable, Hashable, CaseIterable {
    case wire, swift
}

/// The rules `diff` applies, named as oasdiff and `buf breaking` name theirs where they have one. Each rule
/// belongs to one aspect; its verdict depends on the side (a request or a response) and the direction of the
/// change, as `summary` says. README "Reviewing a PR" lists them from here.
public enum DiffRule: String, Sendable, Hashable, CaseIterable {
    // The wire: what the specs say travels.
    case endpointAdded = "endpoint-added"
    case endpointRemoved = "endpoint-removed"
    case endpointPathChanged = "endpoint-path-changed"
    case endpointMethodChanged = "endpoint-method-changed"
    case encryptionChanged = "encryption-changed"
    case bodyDocumentationChanged = "body-documentation-changed"
    case fieldAdded = "field-added"
    case fieldRemoved = "field-removed"
    case fieldRenamed = "field-renamed"
    case presenceChanged = "presence-changed"
    case conditionChanged = "condition-changed"
    case typeChanged = "type-changed"
    case formatChanged = "format-changed"
    case elementTypeChanged = "element-type-changed"
    case lengthChanged = "length-changed"
    case rangeChanged = "range-changed"
    case countChanged = "count-changed"
    case patternChanged = "pattern-changed"
    case codesAdded = "field-became-code-list"
    case codesRemoved = "field-no-longer-code-list"
    case codeAdded = "code-added"
    case codeRemoved = "code-removed"
    case sensitiveChanged = "sensitive-changed"
    case headerAdded = "header-added"
    case headerRemoved = "header-removed"
    case resultCodeAdded = "result-code-added"
    case resultCodeRemoved = "result-code-removed"
    case resultStatusChanged = "result-status-changed"
    case behaviourChanged = "endpoint-behaviour-changed"
    case documentationChanged = "documentation-changed"
    // Swift: what the generated module declares.
    case swiftTypeRemoved = "swift-type-removed"
    case swiftTypeRenamed = "swift-type-renamed"
    case swiftPropertyAdded = "swift-property-added"
    case swiftPropertyRemoved = "swift-property-removed"
    case swiftPropertyRenamed = "swift-property-renamed"
    case swiftPropertyTypeChanged = "swift-property-type-changed"
    case swiftCaseAdded = "swift-case-added"
    case swiftCaseRemoved = "swift-case-removed"
    case swiftCaseRenamed = "swift-case-renamed"
    case swiftConformanceRemoved = "swift-conformance-removed"

    public var aspect: DiffAspect { rawValue.hasPrefix("swift-") ? .swift : .wire }

    /// When the rule breaks, in a sentence (README's rule table).
    public var summary: String {
        switch self {
        case .endpointAdded: "compatible"
        case .endpointRemoved: "breaking: deployed clients still call it"
        case .endpointPathChanged, .endpointMethodChanged: "breaking: deployed clients send to the old one"
        case .encryptionChanged: "breaking: deployed clients seal (or do not seal) the body as before"
        case .bodyDocumentationChanged: "risky: a body became documented or undocumented"
        case .fieldAdded: "breaking for a required request field, risky for a conditional one, else compatible"
        case .fieldRemoved: "breaking, except risky for an optional response field"
        case .fieldRenamed: "breaking: the JSON name changed"
        case .presenceChanged:
            "breaking when a request field becomes required or a response field stops being required; the reverse is compatible"
        case .conditionChanged: "risky: when a Conditional field or a group of fields is required changed"
        case .typeChanged, .elementTypeChanged: "breaking"
        case .formatChanged, .lengthChanged, .rangeChanged, .countChanged, .patternChanged:
            "breaking when a request accepts less or a response may send more; compatible the other way"
        case .codesAdded: "breaking in a request (values now limited), risky in a response"
        case .codesRemoved: "risky in a response (values beyond the list), compatible in a request"
        case .codeAdded: "risky in a response (deployed clients meet an unknown code), compatible in a request"
        case .codeRemoved: "breaking in a request (deployed clients may send it), compatible in a response"
        case .sensitiveChanged: "risky: what logs and descriptions redact changed"
        case .headerAdded: "breaking for a required request header, risky for a conditional one, else compatible"
        case .headerRemoved: "breaking, except risky for an optional response header"
        case .resultCodeAdded: "risky: deployed clients meet a code they do not know"
        case .resultCodeRemoved: "compatible: the server no longer sends it"
        case .resultStatusChanged: "risky: the HTTP status of a code changed"
        case .behaviourChanged: "risky: mode, callback or safe-to-repeat (automatic retries) changed"
        case .documentationChanged: "compatible: titles, summaries, descriptions, messages, notes"
        case .swiftTypeRemoved, .swiftTypeRenamed: "breaking: code names the old type"
        case .swiftPropertyAdded: "breaking when the memberwise init gains a parameter without a default, else compatible"
        case .swiftPropertyRemoved, .swiftPropertyRenamed: "breaking: code reads or sets the old property"
        case .swiftPropertyTypeChanged: "breaking: the property's type changed (including `T` ↔ `T?`)"
        case .swiftCaseAdded:
            "breaking: an exhaustive `switch` without `default` no longer compiles (the module is not built for library evolution, so its enums are frozen to client code)"
        case .swiftConformanceRemoved:
            "breaking: a struct whose last sensitive field is no longer sensitive stops conforming to `CustomReflectable`"
        case .swiftCaseRemoved, .swiftCaseRenamed: "breaking: code names the old case"
        }
    }
}
