import Foundation
import NetSim

/// The CLI's one progress renderer: a single line on stderr, redrawn in place, shown only when stderr
/// is a terminal and `CI` is unset (so logs and pipes stay clean). Every command draws through it:
/// training epochs (`epoch`), the library's `ProgressSink` reports (evaluation passes, error
/// statistics, yosys) and per-item loops (`show`).
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var drawn = false

    private static let shared = TerminalProgress()

    /// The process's renderer when stderr is a terminal outside CI, else nil (nothing is drawn).
    static func ifTerminal() -> TerminalProgress? {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil ? shared : nil
    }

    /// `label [=====     ] done/total detail`.
    func show(_ label: String, done: Int, total: Int, detail: String = "") {
        guard total > 0 else { return }
        let width = 30, filled = width * min(done, total) / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        lock.lock(); defer { lock.unlock() }
        drawn = true
        writeStderr("\r\(label) [\(bar)] \(min(done, total))/\(total)" + (detail.isEmpty ? "" : " " + detail))
    }

    /// A training epoch's batch, with its running loss and accuracy.
    func epoch(_ p: BatchProgress) {
        show("epoch \(p.epoch + 1)", done: p.batch, total: max(p.batches, 1),
             detail: String(format: "loss %.4f acc %.3f", p.runningLoss, p.runningAccuracy))
    }

    /// Ends the drawn line, keeping it (before a message that follows it).
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { writeStderr("\n") }
        drawn = false
    }

    /// Erases the drawn line.
    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { writeStderr("\r" + String(repeating: " ", count: 79) + "\r") }
        drawn = false
    }

    /// The library's progress reports drawn here; a finished loop ends its line.
    var sink: ProgressSink {
        ProgressSink { [self] what, done, total in
            show(what, done: done, total: total)
            if done >= total { finish() }
        }
    }
}
