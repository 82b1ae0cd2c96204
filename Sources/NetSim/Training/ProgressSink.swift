import Foundation
/// Where long library loops (evaluation passes, retraining epochs, error-model collection) report
/// progress. The caller binds it with `ProgressSink.$current.withValue(...)`, so library signatures
/// stay unchanged; unbound (the default), nothing is reported.
///
/// A struct rather than a bare optional closure: a task-local of optional function type crashed
/// `swift_task_localValuePush` in release builds (Swift 6.3.1, Linux) when bound from synchronous `main`.
public struct ProgressSink: Sendable {
    /// Receives (what, done, total) after each batch.
    public let receive: @Sendable (String, Int, Int) -> Void

    public init(_ receive: @escaping @Sendable (String, Int, Int) -> Void) { self.receive = receive }

    @TaskLocal public static var current: ProgressSink?

    static func report(_ what: String, _ done: Int, _ total: Int) {
        current?.receive(what, done, total)
    }
}

/// Progress of a loop whose items finish on several threads: the sink is read on the calling
/// thread (task-locals are not visible on worker threads) and called under a lock.
final class SharedProgress: @unchecked Sendable {
    private let sink = ProgressSink.current
    private let lock = NSLock()
    private let what: String, total: Int
    private var done = 0

    init(what: String, total: Int) { (self.what, self.total) = (what, total) }

    func add(_ items: Int) {
        guard let sink else { return }
        lock.lock(); defer { lock.unlock() }
        done += items
        sink.receive(what, min(done, total), total)
    }
}
