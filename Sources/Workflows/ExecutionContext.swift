import Foundation
import NetSim

/// What a job runs with and reports to, passed explicitly: the worker count it runs on, where its
/// messages, its training batches and its library loops' progress (evaluation passes, error
/// statistics) go, and its clock. The CLI makes one per command (`ExecutionContext.terminal`, drawn by
/// its one renderer); tests pass their own. Nothing in the library reports through a global.
public struct ExecutionContext {
    /// Threads the job's kernels run on (`Workers.current`, set by `--threads` / `AXMUL_THREADS`).
    public var workers: Workers
    /// A human-readable line (the CLI writes it to stderr).
    public var say: (String) -> Void
    /// Progress within a training epoch; `finishProgress` ends the bar's line before a message.
    public var progress: (BatchProgress) -> Void
    public var finishProgress: () -> Void
    /// Progress of the library's long loops (`Trainer.evaluate`, `ErrorModelBuilder.build`, …).
    public var report: ProgressSink
    public var clock: () -> Date

    public init(workers: Workers = Workers.current, say: @escaping (String) -> Void = { _ in },
                progress: @escaping (BatchProgress) -> Void = { _ in }, finishProgress: @escaping () -> Void = {},
                report: ProgressSink = .silent, clock: @escaping () -> Date = Date.init) {
        (self.workers, self.say, self.progress, self.finishProgress) = (workers, say, progress, finishProgress)
        (self.report, self.clock) = (report, clock)
    }

    /// Runs `body` with the loops it starts on this thread on `workers` threads (`Workers.with`); every job's
    /// `run(context:)` runs inside it, so the context's count is the one in effect, whatever the process's.
    public func withWorkers<T>(_ body: () throws -> T) rethrows -> T { try Workers.with(workers, body) }

    /// `progress`, ending the bar's line after an epoch's last batch (before the epoch's message).
    public var epochProgress: (BatchProgress) -> Void {
        { [progress, finishProgress] p in progress(p); if p.batch == p.batches { finishProgress() } }
    }

    /// Nothing reported (tests, library use).
    public static var silent: ExecutionContext { ExecutionContext() }
}
