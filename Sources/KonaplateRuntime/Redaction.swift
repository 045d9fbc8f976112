/// Stands in for a sensitive value in every printed form.
///
/// Printing generated values without leaking what they carry.
///
/// A type with `sensitive` fields (card and account numbers, names, CI, passwords, phone numbers, addresses,
/// keys) gets a `customMirror` in which those fields are `KonaplateRedacted`. `description`, `debugDescription`,
/// string interpolation and `dump()` all go through that mirror; `Codable` does not, so the wire format keeps the
/// real value.
public struct KonaplateRedacted: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public static let mask = "<redacted>"

    public init() {}

    public var description: String { Self.mask }
    public var debugDescription: String { Self.mask }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: nil) }

    /// The mask for a present value, `nil` for an absent one: whether an optional field was sent is not secret.
    public static func mask<Value>(_ value: Value?) -> KonaplateRedacted? { value == nil ? nil : KonaplateRedacted() }
}

public enum KonaplateRedaction {
    /// `TypeName(field: value, ...)`, built from the value's mirror, so masked fields stay masked.
    public static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let fields = mirror.children.map { child in
            "\(child.label ?? "_"): \(render(child.value))"
        }
        return "\(mirror.subjectType)(\(fields.joined(separator: ", ")))"
    }

    private static func render(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return render(wrapped)
        }
        if let string = value as? String { return String(reflecting: string) }
        return String(describing: value)
    }
}
