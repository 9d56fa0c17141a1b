import ArgumentParser
import Logging

/// `--log-level`, shared by Ordinal's processes, and the logging it sets up: one line per message on
/// standard error, at the chosen level (an unknown level logs at `info`).
public struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    public var logLevel = "info"

    public init() {}

    /// Sends every logger of the process to standard error at ``logLevel``. Call once, at start-up.
    public func bootstrap() {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
