import CKernels
import Dispatch
import Foundation

/// Deterministic data parallelism over `Workers.current` threads.
///
/// Work is split into a fixed number of chunks that depends only on the problem size, never on
/// the worker count, and any reduction over chunks is done in chunk order; results are therefore
/// bit-identical whatever the machine and whatever `--threads` says.
public enum Parallel {
    /// The most chunks a loop is cut into (enough to keep 64 workers busy).
    public static let maxChunks = 64

    /// The chunk count for `count` items with at least `grain` items per chunk (0 when there are no items).
    public static func chunkCount(_ count: Int, grain: Int) -> Int {
        count <= 0 ? 0 : max(1, min(count / max(grain, 1), maxChunks))
    }

    /// Runs `body(c)` for every chunk c in 0..<chunks on up to `Workers.current` threads, which take
    /// the next chunk from a shared counter. Chunks must write disjoint memory. Loops inside a chunk
    /// run on its thread (`serially`).
    public static func run(chunks: Int, _ body: (Int) -> Void) {
        guard chunks > 0 else { return }
        let workers = min(Workers.current.count, chunks)
        if workers <= 1 || isSerial {
            for c in 0..<chunks { body(c) }
            return
        }
        let next = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        next.initialize(to: 0)
        defer { next.deallocate() }
        withoutActuallyEscaping(body) { body in
            let box = UnsafeSendable((body, next))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let (body, counter) = box.value
                serially {
                    while true {
                        let c = ck_fetch_add(counter, 1)
                        guard c < chunks else { break }
                        body(c)
                    }
                }
            }
        }
    }

    /// Runs `body(chunk, lo, hi)` over `0..<count` cut into `chunkCount(count, grain:)` contiguous
    /// ranges. For passes whose results do not depend on the split (element-wise work, whole output
    /// columns), or whose per-chunk results are combined in chunk order.
    static func ranges(_ count: Int, grain: Int, _ body: (Int, Int, Int) -> Void) {
        let parts = chunkCount(count, grain: grain)
        run(chunks: parts) { p in body(p, p * count / parts, (p + 1) * count / parts) }
    }

    /// Runs `body(i)` for i in 0..<count, at least `minItemsPerChunk` items per chunk.
    /// Items must write to disjoint memory.
    public static func forEach(_ count: Int, minItemsPerChunk: Int = 1, _ body: (Int) -> Void) {
        ranges(count, grain: minItemsPerChunk) { _, lo, hi in for i in lo..<hi { body(i) } }
    }
}

/// Coarse parallelism: independent items (inference batches), taken by the workers one at a time.
extension Parallel {
    /// Results of `body(&state, i)` for i in 0..<count, in item order. The workers take the next
    /// item from a shared counter; a worker copies `state` when it takes its first item and keeps
    /// that copy (and the buffers it grows) for its later items. Inside a worker the inner
    /// `Parallel` loops run on its own thread (`serially`), which gives the same chunks and so the
    /// same results. Items must not depend on each other or on the order they run in.
    public static func map<State, Result>(_ count: Int, state: State,
                                          _ body: (inout State, Int) -> Result) -> [Result] {
        let workers = min(Workers.current.count, count)
        guard workers > 1, !isSerial else {
            var s = state
            return (0..<count).map { body(&s, $0) }
        }
        var results = [Result?](repeating: nil, count: count)
        let next = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        next.initialize(to: 0)
        defer { next.deallocate() }
        results.withUnsafeMutableBufferPointer { out in
            withoutActuallyEscaping(body) { body in
                let box = UnsafeSendable((body, out, state, next))
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let (body, out, initial, counter) = box.value
                    var s: State? = nil
                    serially {
                        while true {
                            let i = ck_fetch_add(counter, 1)
                            guard i < count else { break }
                            if s == nil { s = initial }
                            out[i] = body(&s!, i)
                        }
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// Runs `body` with every `Parallel` loop it reaches run on the calling thread.
    public static func serially<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(serialKey)
        pthread_setspecific(serialKey, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(serialKey, previous) }
        return try body()
    }

    /// Whether the calling thread is inside `serially`.
    static var isSerial: Bool { pthread_getspecific(serialKey) != nil }
}

/// The thread-specific flag behind `Parallel.serially`.
private let serialKey: pthread_key_t = {
    var key = pthread_key_t()
    precondition(pthread_key_create(&key, nil) == 0, "Parallel: pthread_key_create failed")
    return key
}()

/// A pointer that may cross into `concurrentPerform` closures; callers guarantee disjoint writes.
struct SendablePointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// Carries a non-Sendable value (raw pointers, closures) into `concurrentPerform`; callers
/// guarantee data-race freedom (disjoint writes).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Array where Element: BitwiseCopyable {
    /// An array of `count` elements left unset, for outputs a kernel overwrites completely
    /// (skips the zero-fill pass over large buffers). Callers must write every element.
    static func overwritten(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialised in initialised = count }
    }
}
