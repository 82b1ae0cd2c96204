import Dispatch

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
        if chunks <= 1 {
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
