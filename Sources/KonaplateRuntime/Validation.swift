/// A dotted path to a field inside a request, response or header set: `accountInfo.bankCode`, `items[2].id`.
///
/// Generated code makes one path per checked field (`path + "cardNo"`), and almost every check passes, so a path
/// keeps the enclosing object's text and its own segment apart and joins them only when `description` is read
/// (when a violation is reported). Building the dotted text eagerly cost a string allocation per nested field at
/// run time, and the joining code, inlined into every `collectViolations`, about 5% of the optimizer's time on
/// the generated code (BENCHMARKS.md, compile time).
public struct KonaplatePath: Sendable, Hashable, CustomStringConvertible {
    /// The text of the enclosing object's path ("" at the root).
    private let parent: String
    /// This field's name, an element's "[index]", or "" for the enclosing object itself.
    private let segment: String

    public static let root = KonaplatePath(parent: "", segment: "")

    private init(parent: String, segment: String) {
        self.parent = parent
        self.segment = segment
    }

    public var description: String {
        if segment.isEmpty { return parent }
        if parent.isEmpty { return segment }
        let separator = segment.utf8.first == UInt8(ascii: "[") ? "" : "."
        // One allocation: `parent + "." + segment` made an intermediate string first.
        var text = ""
        text.reserveCapacity(parent.utf8.count + separator.utf8.count + segment.utf8.count)
        text += parent
        text += separator
        text += segment
        return text
    }

    /// The path of a member named `name` inside this one.
    @_spi(Generated) public static func + (base: KonaplatePath, name: String) -> KonaplatePath {
        KonaplatePath(parent: base.description, segment: name)
    }

    /// The path of element `index` of the array at this path.
    @_spi(Generated) public subscript(index: Int) -> KonaplatePath {
        // Concatenation, not interpolation: "[12]" stays a small (inline) string, with no buffer allocated.
        KonaplatePath(parent: description, segment: "[" + String(index) + "]")
    }

    /// The same path with its text joined once, for descending into a nested object: its fields then share
    /// that text instead of each joining it again.
    @usableFromInline var joined: KonaplatePath {
        segment.isEmpty ? self : KonaplatePath(parent: description, segment: "")
    }

    public static func == (left: KonaplatePath, right: KonaplatePath) -> Bool { left.description == right.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

/// One broken constraint: where, and what the documentation expects there.
public struct KonaplateViolation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Thrown by `validate()`: every violation found, in field order.
public struct KonaplateValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let violations: [KonaplateViolation]

    public init(violations: [KonaplateViolation]) { self.violations = violations }

    public var description: String {
        let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
        return "validation failed with \(count):\n" + violations.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// How long a string may be, as the documentation says it: an exact length or a range.
public enum KonaplateLength: Sendable, Hashable {
    case exactly(Int)
    case between(Int, Int)
    case atMost(Int)
    case atLeast(Int)

    @usableFromInline func allows(_ count: Int) -> Bool {
        switch self {
        case .exactly(let n): count == n
        case .between(let low, let high): count >= low && count <= high
        case .atMost(let high): count <= high
        case .atLeast(let low): count >= low
        }
    }

    @usableFromInline var expectation: String {
        switch self {
        case .exactly(let n): "expected \(n)"
        case .between(let low, let high): "expected \(low)...\(high)"
        case .atMost(let high): "expected at most \(high)"
        case .atLeast(let low): "expected at least \(low)"
        }
    }
}

/// Collects violations while a value is walked. Generated code calls one method per documented constraint;
/// the generic ones are `@inlinable` so they are specialized in the generated module, where they cost no
/// allocation when the value is valid (unspecialized generic code allocates for its temporaries).
/// every method accepts an optional so optional and conditional fields need no special casing (nil is skipped:
/// presence is enforced by the Swift type, a non-optional property cannot be missing).
///
/// Validation primitives the generated `validate()` methods are written in.
///
/// Design decisions (documented in KonaplateRuntime's DocC, "Using the generated code"):
/// - A violation names the field path and what was expected, never the value: the same code validates card
///   numbers, names and keys, and an error message is the easiest place for a secret to leak into a log.
/// - Lengths count UTF-16 code units, as the Konaplate server does: it is a Java service (the docs' sample code
///   is Java) and Java's String.length() counts UTF-16 units. For ASCII and Korean (all in the BMP) that is the
///   number of characters; UTF-8 bytes would reject a 40-syllable Korean name under "Max : 100" (120 bytes).
/// - Every violation of a value is collected; `validate()` throws once, listing all of them.
public struct KonaplateValidator: Sendable {
    public private(set) var violations: [KonaplateViolation] = []
    /// Paths already reported as missing: their placeholder value is not checked again ("length 0").
    @usableFromInline var missing: Set<String> = []

    public init() {}

    @_spi(Generated) public mutating func report(_ path: KonaplatePath, _ message: String) {
        guard !missing.contains(path.description) else { return }
        violations.append(KonaplateViolation(path: path.description, message: message))
    }

    /// Reports a required value as missing; later constraint checks at the same path stay silent.
    @_spi(Generated) public mutating func reportMissing(_ path: KonaplatePath, _ message: String) {
        report(path, message)
        missing.insert(path.description)
    }

    @_spi(Generated) public func throwIfInvalid() throws(KonaplateValidationError) {
        if !violations.isEmpty { throw KonaplateValidationError(violations: violations) }
    }

    /// String length in UTF-16 code units (see the file header for why).
    @_spi(Generated) public mutating func check(_ value: String?, at path: KonaplatePath, length: KonaplateLength) {
        guard let value else { return }
        let count = value.utf16.count
        if !length.allows(count) { report(path, "length \(count), \(length.expectation)") }
    }

    @_spi(Generated) @inlinable
    public mutating func check<Number: BinaryInteger & Sendable>(
        _ value: Number?, at path: KonaplatePath, range: ClosedRange<Number>
    ) {
        guard let value else { return }
        if !range.contains(value) {
            report(path, "out of range, expected \(range.lowerBound)...\(range.upperBound)")
        }
    }

    /// A number the docs type as a string ("senderUserId: string, Max : 9999999999999999999"): the text must be
    /// a decimal whole number (ASCII digits, optional leading '-') within the range.
    @_spi(Generated) public mutating func check(
        _ value: String?, at path: KonaplatePath, numericRange range: ClosedRange<Int128>
    ) {
        guard let value else { return }
        let digits = value.hasPrefix("-") ? value.utf8.dropFirst() : value.utf8[...]
        guard !digits.isEmpty, digits.count <= 38,
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int128(value)
        else {
            report(path, "not a whole number, expected \(range.lowerBound)...\(range.upperBound)")
            return
        }
        if !range.contains(number) { report(path, "out of range, expected \(range.lowerBound)...\(range.upperBound)") }
    }

    /// A date or time sent as a number (`deductionDate: 20240101`): its decimal digits are checked as the format's.
    @_spi(Generated) public mutating func check(
        _ value: (some BinaryInteger)?, at path: KonaplatePath, format: KonaplateFormat
    ) {
        guard let value else { return }
        if !format.matches(String(value)) { report(path, "not in format \(format.pattern)") }
    }

    @_spi(Generated) public mutating func check(_ value: String?, at path: KonaplatePath, format: KonaplateFormat) {
        guard let value else { return }
        if !format.matches(value) { report(path, "not in format \(format.pattern)") }
    }

    /// A rule the docs state in words, as a regular expression the whole value must match. Each pattern is
    /// compiled once per process.
    @_spi(Generated) public mutating func check(_ value: String?, at path: KonaplatePath, pattern: String) {
        guard let value else { return }
        if !KonaplatePatterns.matches(value, pattern) { report(path, "does not match \(pattern)") }
    }

    /// An enumerated code the documentation does not list decodes fine (no data is lost) but is reported here.
    @_spi(Generated) @inlinable
    public mutating func check<Code: KonaplateCode>(_ value: Code?, at path: KonaplatePath) {
        guard let value else { return }
        if !value.isDocumented { report(path, "code not documented for this field") }
    }

    @_spi(Generated) @inlinable
    public mutating func check<Element: KonaplateCode>(_ values: [Element]?, at path: KonaplatePath) {
        for (index, value) in (values ?? []).enumerated() { check(value, at: path[index]) }
    }

    @_spi(Generated) public mutating func check(
        _ values: [String]?, at path: KonaplatePath, elementLength: KonaplateLength
    ) {
        for (index, value) in (values ?? []).enumerated() { check(value, at: path[index], length: elementLength) }
    }

    @_spi(Generated) @inlinable
    public mutating func check<Collection: Swift.Collection>(
        _ values: Collection?, at path: KonaplatePath, count: KonaplateLength
    ) {
        guard let values else { return }
        if !count.allows(values.count) { report(path, "\(values.count) elements, \(count.expectation)") }
    }

    /// A Conditional field required when another field of its object has one of `values` (read as text).
    @_spi(Generated) public mutating func check<Value>(
        _ value: Value?, at path: KonaplatePath, requiredWhen other: String?, isOneOf values: [String],
        named name: String
    ) {
        guard value == nil, let other, values.contains(other) else { return }
        reportMissing(path, "required when \(name) is \(other)")
    }

    /// Exactly one of a group of fields must be present: `[("par", present), ("cardNo", present)]`.
    @_spi(Generated) public mutating func check(exactlyOne members: [(String, Bool)], at path: KonaplatePath) {
        let present = members.filter(\.1).map(\.0)
        guard present.count != 1 else { return }
        let names = members.map(\.0).joined(separator: ", ")
        report(
            path,
            "exactly one of \(names) must be present; found \(present.isEmpty ? "none" : present.joined(separator: " and "))"
        )
    }

    /// At least one of a group of fields must be present.
    @_spi(Generated) public mutating func check(atLeastOne members: [(String, Bool)], at path: KonaplatePath) {
        guard !members.contains(where: \.1) else { return }
        report(path, "at least one of \(members.map(\.0).joined(separator: ", ")) must be present; found none")
    }

    // Arrays whose elements may be null (`elements: optional`): a null element is skipped, the others checked.

    @_spi(Generated) @inlinable
    public mutating func check<Element: KonaplateCode>(_ values: [Element?]?, at path: KonaplatePath) {
        for (index, value) in (values ?? []).enumerated() { check(value, at: path[index]) }
    }

    @_spi(Generated) public mutating func check(
        _ values: [String?]?, at path: KonaplatePath, elementLength: KonaplateLength
    ) {
        for (index, value) in (values ?? []).enumerated() { check(value, at: path[index], length: elementLength) }
    }

    @_spi(Generated) @inlinable
    public mutating func check<Model: KonaplateValidatable>(_ values: [Model?]?, at path: KonaplatePath) {
        for (index, value) in (values ?? []).enumerated() {
            if let value { check(element: value, at: path, index) }
        }
    }

    /// Descends into a nested object.
    @_spi(Generated) @inlinable
    public mutating func check<Model: KonaplateValidatable>(_ value: Model?, at path: KonaplatePath) {
        value?.collectViolations(into: &self, at: path.joined)
    }

    /// Descends into every element of an array of objects.
    @_spi(Generated) @inlinable
    public mutating func check<Model: KonaplateValidatable>(_ values: [Model]?, at path: KonaplatePath) {
        for (index, value) in (values ?? []).enumerated() { check(element: value, at: path, index) }
    }

    /// Element `index` of the array at `path`, checked at the root of a validator of its own, whose findings, if
    /// any, are then moved under the element's path: a valid element (almost every one) costs no path text at all.
    /// Joining "serviceInfos[12]" for each element was most of validating a long array (BENCHMARKS.md, the client
    /// comparison).
    @inlinable mutating func check<Model: KonaplateValidatable>(
        element value: Model, at path: KonaplatePath, _ index: Int
    ) {
        var element = KonaplateValidator()
        value.collectViolations(into: &element, at: .root)
        if !element.violations.isEmpty || !element.missing.isEmpty { adopt(element, at: path, index) }
    }

    /// Takes over what `element` found below the root, as if element `index` of the array at `path` had been checked
    /// by this validator.
    @usableFromInline mutating func adopt(_ element: KonaplateValidator, at path: KonaplatePath, _ index: Int) {
        let prefix = path[index].description
        func below(_ relative: String) -> String {
            if relative.isEmpty { return prefix }
            return prefix + (relative.utf8.first == UInt8(ascii: "[") ? "" : ".") + relative
        }
        for violation in element.violations {
            let full = below(violation.path)
            guard !missing.contains(full) else { continue }
            violations.append(KonaplateViolation(path: full, message: violation.message))
        }
        for relative in element.missing { missing.insert(below(relative)) }
    }
}

/// Anything with documented constraints: generated requests, responses, their nested objects and header sets.
public protocol KonaplateValidatable {
    /// Appends every constraint this value breaks, with paths below `path`.
    func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath)
}

extension KonaplateValidatable {
    /// Checks every documented constraint and throws one error listing all violations.
    public func validate() throws(KonaplateValidationError) {
        var validator = KonaplateValidator()
        collectViolations(into: &validator, at: .root)
        try validator.throwIfInvalid()
    }

    /// The violations, without throwing: empty when the value satisfies the documentation.
    public var violations: [KonaplateViolation] {
        var validator = KonaplateValidator()
        collectViolations(into: &validator, at: .root)
        return validator.violations
    }
}
