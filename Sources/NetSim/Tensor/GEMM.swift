/// Array-level GEMM helpers over dense row-major matrices (leading dimensions implied).
enum MatMul {
    /// `c = alpha * op(a) * op(b) + beta * c` with op(a) m×k and op(b) k×n (OpenBLAS sgemm).
    static func gemm(transA: Bool = false, transB: Bool = false,
                     m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                     c: UnsafeMutablePointer<Float>, alpha: Float = 1, beta: Float = 0) {
        BLAS.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: transA ? m : k, b: b, ldb: transB ? k : n, beta: beta, c: c, ldc: n)
    }

    /// Array convenience for `gemm`.
    static func gemm(transA: Bool = false, transB: Bool = false,
                     m: Int, n: Int, k: Int, a: [Float], b: [Float], c: inout [Float],
                     alpha: Float = 1, beta: Float = 0) {
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "gemm: buffer too small")
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let ab = pa.baseAddress, let bb = pb.baseAddress, let cb = pc.baseAddress else { return }
                    gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: ab, b: bb, c: cb, alpha: alpha, beta: beta)
                }
            }
        }
    }
}
