import Dispatch

/// Runs `count` independent chunks on all cores and returns their results in chunk order.
///
/// The split is fixed by the caller (not by the thread count), so merged results are reproducible.
enum ParallelChunks {
    static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(body(i), at: i) }
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
