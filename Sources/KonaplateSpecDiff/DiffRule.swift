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
/// change, as `summary` says. The DocC article "Reviewing spec changes" lists them from here (a test keeps them in step).
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
    case swiftInitOrderChanged = "swift-init-order-changed"
    case swiftCaseAdded = "swift-case-added"
    case swiftCaseRemoved = "swift-case-removed"
    case swiftCaseRenamed = "swift-case-renamed"
    case swiftConformanceRemoved = "swift-conformance-removed"

    public var aspect: DiffAspect { rawValue.hasPrefix("swift-") ? .swift : .wire }

    /// The rule's verdict and why, in a sentence (the rule table of the DocC article "Reviewing spec changes", which
    /// a test keeps equal to this). The wire is judged as a deployed client meets it: the new server refuses a
    /// request that breaks its rules and ignores members it does not know; a deployed client fails to decode a
    /// response that lacks a required member or has another type, and refuses one that breaks a documented
    /// constraint under its default `.strict` validation (a `.reportOnly` client accepts it and lists the violation).
    public var summary: String {
        switch self {
        case .endpointAdded: "compatible: no deployed client calls it"
        case .endpointRemoved: "breaking: deployed clients still call it, and the server no longer answers"
        case .endpointPathChanged, .endpointMethodChanged:
            "breaking: deployed clients send to the old one, which the server no longer serves"
        case .encryptionChanged:
            "breaking: deployed clients seal (or do not seal) the body as before, which the other side cannot read"
        case .bodyDocumentationChanged:
            "breaking when the side that now expects fields requires one (a request becoming documented, a response becoming undocumented); else risky"
        case .fieldAdded:
            "breaking for a request field the server requires where deployed clients leave it out; risky for a conditional one no validator checks; else compatible (deployed clients ignore new response members)"
        case .fieldRemoved:
            "breaking for a response field deployed clients require (they fail to decode, or refuse, the answer without it); else risky: the server ignores a request member it does not know, and an optional response member reads nil"
        case .fieldRenamed:
            "as the removal of the old name plus the addition of the new one (the same wire change): breaking when either is; else risky"
        case .presenceChanged:
            "breaking when the server requires a request field where deployed clients may leave it out, or may leave out a response field deployed clients require; else compatible, or risky where a condition stated only in words (nothing checks it) may need a request field or let the server leave out a response field"
        case .conditionChanged:
            "breaking when a checked condition (`when:`) now requires a request field in a case deployed clients send, or lets the server leave out a response field there; else risky"
        case .typeChanged: "breaking: the receiving side no longer decodes what the other sends"
        case .elementTypeChanged:
            "breaking when the receiving side no longer decodes the elements the other sends; else compatible"
        case .formatChanged, .lengthChanged, .rangeChanged, .countChanged, .patternChanged:
            "breaking when the server now refuses request values deployed clients may send, or may send response values deployed clients refuse (`.strict`); compatible the other way"
        case .codesAdded:
            "breaking in a request (the server refuses other text), compatible in a response (deployed clients accept any text)"
        case .codesRemoved:
            "breaking in a response (deployed clients refuse text beyond the codes, `.strict`), compatible in a request"
        case .codeAdded:
            "breaking in a response (deployed clients refuse an unlisted code, `.strict`), compatible in a request"
        case .codeRemoved:
            "breaking in a request (deployed clients may still send it, and the server refuses it), compatible in a response"
        case .sensitiveChanged: "risky: what logs and descriptions redact changed; nothing is refused"
        case .headerAdded:
            "breaking for a request header the server requires (deployed clients do not send it), risky for a conditional one, else compatible"
        case .headerRemoved:
            "breaking for a response header deployed clients require (`.strict`); else risky: the server ignores request headers it does not know"
        case .resultCodeAdded:
            "risky: deployed clients receive it as `.undocumented(code)` in the error they throw; nothing is refused"
        case .resultCodeRemoved: "compatible: the server no longer sends it"
        case .resultStatusChanged: "risky: the HTTP status of a code changed; clients read the result code either way"
        case .behaviourChanged: "risky: mode, callback or safe-to-repeat (automatic retries) changed"
        case .documentationChanged: "compatible: titles, summaries, descriptions, messages, notes"
        case .swiftTypeRemoved, .swiftTypeRenamed: "breaking: code naming the old type no longer compiles"
        case .swiftPropertyAdded:
            "breaking when the memberwise init gains a parameter without a default (existing calls no longer compile), else compatible"
        case .swiftPropertyRemoved, .swiftPropertyRenamed:
            "breaking: code reading, setting or passing the old property no longer compiles"
        case .swiftPropertyTypeChanged:
            "breaking: code using the property as its old type no longer compiles (including `T` ↔ `T?`)"
        case .swiftInitOrderChanged:
            "breaking: the memberwise init takes its arguments in the spec's order, so a call written for the old order no longer compiles"
        case .swiftCaseAdded:
            "breaking: an exhaustive `switch` without `default` no longer compiles (the module is not built for library evolution, so its enums are frozen to client code)"
        case .swiftConformanceRemoved:
            "breaking: a struct whose last sensitive field is no longer sensitive stops conforming to `CustomReflectable`"
        case .swiftCaseRemoved, .swiftCaseRenamed: "breaking: code naming the old case no longer compiles"
        }
    }
}
