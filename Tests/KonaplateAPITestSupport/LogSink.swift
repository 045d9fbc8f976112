import Logging
import Synchronization

/// Collects what a Logger logs: `Logger(label: "test") { _ in sink }`.
public final class LogSink: LogHandler, @unchecked Sendable {  // metadata and level are set before logging starts
    private let lines = Mutex<[String]>([])
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init() {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        lines.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
    }

    public var text: String { lines.withLock { $0.joined(separator: "\n") } }
}
