import Foundation
import NetSim

/// Draws the library's `ProgressSink` reports as a one-line bar on stderr: only on a terminal,
/// and never under CI, so logs and pipes stay clean.
enum TerminalProgress {
    /// The sink to bind around a command, or nil when stderr is not a terminal or `CI` is set.
    static func sinkIfTerminal() -> ProgressSink? {
        guard isatty(2) == 1, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        return ProgressSink { what, done, total in
            guard total > 0 else { return }
            let width = 30, filled = width * min(done, total) / total
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let end = done >= total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(what) [\(bar)] \(done)/\(total)\(end)".utf8))
        }
    }
}
