import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many worker threads the exhaustive characterisation scans use (the CLI sets it from `--threads` /
/// `AXMUL_THREADS`, the same count as NetSim's `Workers`).
///
/// The scans split their work into chunks fixed by the problem size and merge the chunk results in
/// chunk order, so every figure is bit-identical for any worker count; this knob only trades speed.
public enum CharacterisationThreads {
    private static let lock = PThreadMutex()
    nonisolated(unsafe) private static var override: Int?  // guarded by `lock`

    /// Runs `body` with scans limited to `workers` threads (nil: all cores), then
    /// restores the previous setting. Process-wide: callers that nest it from several threads at once
    /// must not rely on the restored value.
    public static func withWorkers<T>(_ workers: Int?, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        let saved = override
        override = workers.map { max($0, 1) }
        lock.unlock()
        defer {
            lock.lock()
            override = saved
            lock.unlock()
        }
        return try body()
    }

    /// The worker count in force, or nil for "all cores".
    public static var current: Int? {
        lock.lock()
        defer { lock.unlock() }
        return override
    }
}

/// Runs `count` independent chunks on all cores (or `CharacterisationThreads.current` workers) and
/// returns their results in chunk order.
///
/// The split is fixed by the caller (not by the thread count), so merged results are reproducible.
enum ParallelChunks {
    static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        let workers = min(CharacterisationThreads.current ?? count, count)
        if workers <= 1 {
            for i in 0..<count { slots.store(body(i), at: i) }
        } else if workers == count {
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(body(i), at: i) }
        } else {
            // Worker w takes chunks w, w + workers, …: each slot is still written by exactly one worker.
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in stride(from: w, to: count, by: workers) { slots.store(body(i), at: i) }
            }
        }
        return slots.results()
    }

    /// One write-once slot per chunk; each index is written by exactly one worker.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func store(_ value: T, at i: Int) { storage[i] = value }

        func results() -> [T] { (0..<count).compactMap { storage[$0] } }
    }
}
