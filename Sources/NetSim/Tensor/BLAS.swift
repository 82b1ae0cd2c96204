import COpenBLAS

/// Thin bridge to OpenBLAS.
public enum BLAS {
    /// Row-major `cblas_sgemm`.
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] *= beta } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Fixes the number of OpenBLAS threads. NetSim uses 2 by default (the target machine's
    /// cores); OpenBLAS sgemm splits work by thread count, so a fixed count keeps sums reproducible.
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }

    /// The current OpenBLAS thread count.
    public static var threads: Int { Int(openblas_get_num_threads()) }
}
