import Logging
import Synchronization

/// A log handler that keeps every line with its metadata, to check what the node writes.
final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])

    /// Every line so far: the message followed by its metadata as `key=value`.
    var all: [String] { lines.withLock { $0 } }

    /// A logger writing here.
    func logger() -> Logger {
        var logger = Logger(label: "captured") { _ in Handler(sink: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let sink: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            sink.append("\(event.message) \(fields)")
        }
    }
}
