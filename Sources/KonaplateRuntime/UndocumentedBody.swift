/// A body the stored docs page does not show: any JSON object, sent and read as it is. Its fields are unknown, so
/// nothing is validated, and every value prints as `<redacted>` (any of them could be a card number).
///
/// ```swift
/// let request = CardDeliveryInquiry.Request(["userId": .unsignedInteger(1), "cardApplyNo": .string("A1")])
/// ```
public struct KonaplateUndocumentedBody: KonaplateModel, CustomReflectable, ExpressibleByDictionaryLiteral {
    public var members: [String: KonaplateJSONValue]

    public init(_ members: [String: KonaplateJSONValue] = [:]) { self.members = members }

    public init(dictionaryLiteral elements: (String, KonaplateJSONValue)...) {
        self.members = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(member: String) -> KonaplateJSONValue? {
        get { members[member] }
        set { members[member] = newValue }
    }

    public init(from decoder: any Decoder) throws {
        members = try decoder.singleValueContainer().decode([String: KonaplateJSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }

    /// No documented constraint to check.
    public func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {}

    public var customMirror: Mirror {
        Mirror(
            self, children: members.keys.sorted().map { (label: $0, value: KonaplateRedacted() as Any) },
            displayStyle: .struct)
    }
}
