// The loaded spec: what a YAML file says, checked for shape, with the position of everything a later stage may
// need to point at. Nothing here knows about Swift.

public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
}

/// `length: 3`, `length: 1...100`, `length: ...80`, `length: 1...`.
public enum LengthRule: Sendable, Hashable, CustomStringConvertible {
    case exactly(Int)
    case between(Int, Int)
    case atMost(Int)
    case atLeast(Int)

    public var description: String {
        switch self {
        case .exactly(let n): "\(n)"
        case .between(let low, let high): "\(low)...\(high)"
        case .atMost(let high): "...\(high)"
        case .atLeast(let low): "\(low)..."
        }
    }

    public var minimum: Int? {
        switch self {
        case .exactly(let n), .atLeast(let n), .between(let n, _): n
        case .atMost: nil
        }
    }

    public var maximum: Int? {
        switch self {
        case .exactly(let n), .atMost(let n), .between(_, let n): n
        case .atLeast: nil
        }
    }

    func allows(_ count: Int) -> Bool {
        (minimum.map { count >= $0 } ?? true) && (maximum.map { count <= $0 } ?? true)
    }
}

/// `range: 1...9999999999999999999`: an integer's documented value range. Int128 holds every bound the docs use
/// (the largest is 19 nines, beyond Int64) with room to spare.
public struct IntegerRange: Sendable, Hashable, CustomStringConvertible {
    public var minimum: Int128?
    public var maximum: Int128?

    public var description: String {
        "\(minimum.map { "\($0)" } ?? "")...\(maximum.map { "\($0)" } ?? "")"
    }
}

public enum FieldType: String, Sendable, Hashable, CaseIterable {
    case string, number, boolean, object, array
}

public enum Presence: Sendable, Hashable {
    case required
    case optional
    /// Conditional, with the docs' condition in words.
    case conditional(String)
}

/// `when: { field: type, oneOf: [INFINITE] }`: a Conditional field required when a sibling field has one of these
/// values; `validate()` enforces it.
public struct FieldDependency: Sendable, Hashable {
    /// The sibling field's JSON name, in the same object.
    public var field: Located<String>
    /// The values, as the JSON carries them in text (`INFINITE`, `true`, `2`).
    public var values: [String]
    public var location: SourceLocation
}

/// A rule about a group of fields of one object, which `validate()` enforces: `exactlyOne: [par, cardNo]` (one of
/// them and not more), `atLeastOne: [phone, email]`.
public struct GroupRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case exactlyOne, atLeastOne
    }

    public var kind: Kind
    /// The fields' JSON names.
    public var fields: [Located<String>]
    public var location: SourceLocation
}

/// When a conditional header is required: `KonaplateHeaderCondition`, the one definition the runtime shares
/// (Sources/Shared/HeaderCondition.swift).
public typealias HeaderCondition = KonaplateHeaderCondition
