/// A position in a spec file: 1-based line, and 1-based column counted in Unicode scalars (as libyaml counts).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in the specs. Rendered as `path:line:column: error: message`, the shape compilers use, so
/// editors, IDEs and SwiftPM build logs link it to the YAML line.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Advice only `konaplate-gen lint` prints: a departure from a convention that can be deliberate and that
        /// following would cost callers (a Swift name other than the derived one). Builds and `generate` stay quiet
        /// about it, since nothing in the spec could silence it.
        case remark
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects every diagnostic of a run, so a user sees all problems at once, not one per run.
struct Diagnostics {
    private(set) var all: [Diagnostic] = []

    var hasErrors: Bool { all.contains { $0.severity == .error } }

    mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    mutating func remark(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.remark, message, at: location))
    }

    mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// In file, line and column order; a stable sort, so the order of a run never depends on the order files were
    /// listed in, and two problems at one place keep the order they were found in.
    var sorted: [Diagnostic] {
        all.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }
}
