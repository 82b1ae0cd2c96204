import Foundation
/// Where a long library loop (an evaluation pass, error-model collection) reports its progress:
/// passed explicitly by the caller (a job takes it from its `ExecutionContext`), `.silent` by default.
/// Receives (what, done, total) after each batch.
public struct ProgressSink: Sendable {
    public let receive: @Sendable (String, Int, Int) -> Void

    public init(_ receive: @escaping @Sendable (String, Int, Int) -> Void) { self.receive = receive }

    /// Reports nothing (tests, library use, and loops inside a job that reports per item).
    public static let silent = ProgressSink { _, _, _ in }

    public func report(_ what: String, _ done: Int, _ total: Int) { receive(what, done, total) }
}

/// Progress of a loop whose items finish on several threads: the sink is called under a lock with
/// the running count.
final class SharedProgress: @unchecked Sendable {
    private let sink: ProgressSink
    private let lock = NSLock()
    private let what: String, total: Int
    private var done = 0

    init(_ sink: ProgressSink, what: String, total: Int) { (self.sink, self.what, self.total) = (sink, what, total) }

    func add(_ items: Int) {
        lock.lock(); defer { lock.unlock() }
        done += items
        sink.receive(what, min(done, total), total)
    }
}
