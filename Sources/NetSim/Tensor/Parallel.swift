import Dispatch
import Foundation

/// Deterministic data parallelism for the non-GEMM heavy ops.
///
/// Work is split into a fixed number of chunks that depends only on the problem size, never on
/// the thread count, and any reduction over chunks is done in chunk order; results are therefore
/// bit-identical whatever the machine.
public enum Parallel {
    /// Runs `body(part, lo, hi)` over `0..<count` as two halves on the 2 cores when `count` is at
    /// least `minimum`, else once over the whole range. For passes whose results do not depend on
    /// the split (element-wise work, whole output columns).
    static func halves(_ count: Int, minimum: Int, _ body: (Int, Int, Int) -> Void) {
        let parts = count >= minimum ? 2 : 1
        forEach(parts) { p in body(p, p * count / parts, (p + 1) * count / parts) }
    }

    /// Runs `body(i)` for i in 0..<count, spread over the available cores.
    /// Items must write to disjoint memory.
    public static func forEach(_ count: Int, minItemsPerChunk: Int = 1, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        let chunks = min(count / max(minItemsPerChunk, 1), 8)
        if chunks <= 1 || isSerial {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * count / chunks, hi = (c + 1) * count / chunks
                for i in lo..<hi { box.value(i) }
            }
        }
    }
}

/// Coarse parallelism: independent items (inference batches) on the cores, one worker per core.
extension Parallel {
    /// Workers used by `map(_:state:_:)`: the machine's active cores.
    public static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Results of `body(&state, i)` for i in 0..<count, in item order. Each worker owns a copy of
    /// `state` and takes items w, w + workers, …; inside a worker the inner `Parallel` loops run
    /// on its own thread (`serially`), which gives the same chunks and so the same results.
    /// Items must not depend on each other or on the order they run in.
    public static func map<State, Result>(_ count: Int, state: State,
                                          _ body: (inout State, Int) -> Result) -> [Result] {
        let workers = min(workers, count)
        guard workers > 1, !isSerial else {
            var s = state
            return (0..<count).map { body(&s, $0) }
        }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            withoutActuallyEscaping(body) { body in
                let box = UnsafeSendable((body, out, state))
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let (body, out, initial) = box.value
                    var s = initial
                    serially { for i in stride(from: w, to: count, by: workers) { out[i] = body(&s, i) } }
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
