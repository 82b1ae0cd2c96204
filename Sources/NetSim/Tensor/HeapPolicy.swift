import CKernels

/// How the C heap treats the large per-batch buffers of inference and training (activations,
/// code columns, Int32 sums: megabytes each, allocated and freed every batch).
///
/// glibc's defaults serve each buffer above its (adaptive) mmap threshold with a fresh mmap, and give
/// freed memory at the top of the heap back to the kernel once more than twice that threshold is
/// free; either way the next batch page-faults the same megabytes in again, zero-filled by the kernel.
/// On `axmul evaluate` (ResNet-8) those page faults were a large part of the system time (docs/netsim.md).
public enum HeapPolicy {
    /// Buffers up to 32 MiB (glibc's largest mmap threshold) come from the heap, and freed heap
    /// memory is kept for reuse rather than trimmed. Call once at process start; idempotent.
    /// Peak memory is unchanged; the process keeps its high-water mark. Returns whether it applied.
    @discardableResult
    public static func keepFreedMemory() -> Bool { ck_keep_freed_memory() == 1 }
}
