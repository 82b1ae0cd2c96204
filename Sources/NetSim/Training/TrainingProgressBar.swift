import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on stderr, shown only when stderr is a terminal and `CI` is unset.
public struct TrainingProgressBar: Sendable {
    public let enabled: Bool

    public init() {
        enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Redraws the bar for `p` (throttled by the caller's batch rate; cheap anyway).
    public func update(_ p: BatchProgress) {
        guard enabled else { return }
        let width = 30, done = width * p.batch / max(p.batches, 1)
        let bar = String(repeating: "=", count: done) + String(repeating: " ", count: width - done)
        let stats = String(format: "loss %.4f acc %.3f", p.runningLoss, p.runningAccuracy)
        let line = "\repoch \(p.epoch + 1) [\(bar)] \(p.batch)/\(p.batches) " + stats
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar's line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
