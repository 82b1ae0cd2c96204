import CKernels

/// Integer GEMM through an approximate multiplier: Y[m, n] = Σ_k s(x)·s(w)·T(|x[m,k]|, |w[k,n]|).
///
/// x is M×K row-major Int8 (activations), w is K×N row-major Int8 (weights), Y is M×N Int32.
/// `reference` is the plain loop; `fast` runs the plan's route and is bit-exact to it.
public enum LUTGemm {
    /// The plain triple loop: the definition every kernel is checked against.
    public static func reference(x: [Int8], w: [Int8], m: Int, k: Int, n: Int,
                                 table: SignedProductTable) throws -> [Int32] {
        try validate(x: x, w: w, m: m, k: k, n: n, table: table)
        var y = [Int32](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Int32 = 0
                for p in 0..<k { s &+= table.product(x[i * k + p], w[p * n + j]) }
                y[i * n + j] = s
            }
        }
        return y
    }

    /// The plan's kernel (`KernelPlan.kernel`) at level `isa` (capped by the CPU); a lower level
    /// forces the fallbacks (used to test that every level agrees).
    public static func fast(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, plan: KernelPlan,
                            isa: KernelISA = .current) throws -> [Int32] {
        try validate(x: x, w: w, m: m, k: k, n: n, table: plan.table)
        if m == 0 || n == 0 { return [] }
        if k == 0 { return [Int32](repeating: 0, count: m * n) }
        let isa = min(isa, KernelISA.detected), avx2 = isa >= .avx2
        switch plan.kernel(nonNegative: !NativeRoutes.anyNegative(x), isa: isa) {
        case .vnniExact:
            return NativeRoutes.vnniExact(xT: NativeRoutes.transposed(x, rows: m, cols: k), w: w, m: m, k: k, n: n, rowMajorY: true)
        case .vbmiBlocks:
            return NativeRoutes.vbmiBlocks(xT: NativeRoutes.transposed(x, rows: m, cols: k), w: w, m: m, k: k, n: n,
                                           plan: plan, rowMajorY: true)
        case .vbmiGather:
            return NativeRoutes.vbmiGather(xT: NativeRoutes.transposed(x, rows: m, cols: k), w: w, m: m, k: k, n: n,
                                           plan: plan, rowMajorY: true)
        case .pair:
            return NativeRoutes.pair(xT: NativeRoutes.transposed(x, rows: m, cols: k), w: w, m: m, k: k, n: n, plan: plan,
                                     blocks: plan.byteBlocks!, avx2: avx2, rowMajorY: true)
        case .sgemm:
            return FloatRoutes.run(x: x, w: w, m: m, k: k, n: n, factors: plan.factors)
        case .nibble:
            return NativeRoutes.nibble(x: x, w: w, m: m, k: k, n: n, tables: plan.nibbleTables, avx2: avx2)
        case .gather:
            return NativeRoutes.gather(x: x, w: w, m: m, k: k, n: n, products: plan.gatherTable, avx2: avx2)
        }
    }

    /// Whether the AVX2 kernels run (the CPU has AVX2 and `AXMUL_ISA` does not cap it lower).
    public static let hasAVX2: Bool = KernelISA.current >= .avx2

    /// Checks shapes, and that no Int32 sum can overflow (K · max|T| < 2^31).
    static func validate(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, table: SignedProductTable) throws {
        guard m >= 0, k >= 0, n >= 0 else {
            throw ApproxError.invalidArgument(what: "GEMM shape", value: "\(m)×\(k)×\(n)", rule: "must be non-negative")
        }
        guard x.count == m * k else {
            throw ApproxError.invalidArgument(what: "activation count", value: "\(x.count)", rule: "must be M·K = \(m * k)")
        }
        guard w.count == k * n else {
            throw ApproxError.invalidArgument(what: "weight count", value: "\(w.count)", rule: "must be K·N = \(k * n)")
        }
        guard Int64(k) * Int64(table.maxMagnitude) <= Int64(Int32.max) else {
            throw ApproxError.invalidArgument(what: "K", value: "\(k)",
                                              rule: "K · max product (\(table.maxMagnitude)) must stay below 2^31")
        }
    }
}
