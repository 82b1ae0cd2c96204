import Foundation
import NetSim

/// What a job runs with and reports to, passed explicitly: the worker count it runs on, where its
/// messages and per-batch progress go, and its clock. The CLI makes one per command
/// (`ExecutionContext.terminal`-style renderers live there); tests pass their own.
public struct ExecutionContext {
    /// Threads the job's kernels run on (`Workers.current`, set by `--threads` / `AXMUL_THREADS`).
    public var workers: Workers
    /// A human-readable line (the CLI writes it to stderr).
    public var say: (String) -> Void
    /// Progress within a training epoch; `finishProgress` ends the bar's line before a message.
    public var progress: (BatchProgress) -> Void
    public var finishProgress: () -> Void
    public var clock: () -> Date

    public init(workers: Workers = Workers.current, say: @escaping (String) -> Void = { _ in },
                progress: @escaping (BatchProgress) -> Void = { _ in }, finishProgress: @escaping () -> Void = {},
                clock: @escaping () -> Date = Date.init) {
        (self.workers, self.say, self.progress, self.finishProgress, self.clock) = (workers, say, progress, finishProgress, clock)
    }

    /// Nothing reported (tests, library use).
    public static var silent: ExecutionContext { ExecutionContext() }
}
