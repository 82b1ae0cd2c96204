import COpenBLAS

/// How a layer computes its main matrix product `C = alpha * op(A) * op(B) + beta * C`
/// (row-major, like `cblas_sgemm`).
///
/// Dense and Conv2D call their engine for the forward product only; quantised or behavioural
/// layers (approximate-multiplier LUT GEMMs) plug in here without touching backward passes.
public protocol MatMulEngine: Sendable {
    /// Row-major GEMM: A is M×K (or K×M if `transA`), B is K×N (or N×K if `transB`), C is M×N.
    func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
              a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
              beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int)
}

/// The default engine: OpenBLAS `cblas_sgemm`.
public struct BLASEngine: MatMulEngine {
    public init() {}
    public func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        BLAS.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}

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
