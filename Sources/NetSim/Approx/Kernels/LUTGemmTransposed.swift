import CKernels
import COpenBLAS

/// The LUT-GEMM on transposed operands, the layout a convolution's im2col produces: activations
/// xT is K × M (pixels contiguous), the result Yᵀ is N × M. Bit-exact to `LUTGemm.reference` on
/// the transposes; nibble panels are cut from xT without a byte transpose.
extension LUTGemm {
    /// Yᵀ[n, m] = Σ_k s(x)·s(w)·T(|xT[k, m]|, |w[k, n]|) on the plan's kernel (`KernelPlan.kernel`) at
    /// level `isa` (capped by the CPU).
    public static func fastTransposed(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, plan: KernelPlan,
                                      isa: KernelISA = .current) throws -> [Int32] {
        try validate(x: xT, w: w, m: m, k: k, n: n, table: plan.table)
        if m == 0 || n == 0 { return [] }
        if k == 0 { return [Int32](repeating: 0, count: m * n) }
        let isa = min(isa, KernelISA.detected), avx2 = isa >= .avx2
        switch plan.kernel(nonNegative: !NativeRoutes.anyNegative(xT), isa: isa) {
        case .vnniExact:
            return NativeRoutes.vnniExact(xT: xT, w: w, m: m, k: k, n: n, rowMajorY: false)
        case .vbmiBlocks:
            return NativeRoutes.vbmiBlocks(xT: xT, w: w, m: m, k: k, n: n, plan: plan, rowMajorY: false)
        case .vbmiGather:
            return NativeRoutes.vbmiGather(xT: xT, w: w, m: m, k: k, n: n, plan: plan, rowMajorY: false)
        case .pair:
            return NativeRoutes.pair(xT: xT, w: w, m: m, k: k, n: n, plan: plan, blocks: plan.byteBlocks!, avx2: avx2,
                                     rowMajorY: false)
        case .sgemm:
            return FloatRoutes.runTransposed(xT: xT, w: w, m: m, k: k, n: n, factors: plan.factors)
        case .nibble:
            return NativeRoutes.nibbleTransposed(xT: xT, w: w, m: m, k: k, n: n, tables: plan.nibbleTables, avx2: avx2)
        case .gather:
            let y = NativeRoutes.gather(x: transpose(xT, rows: k, cols: m), w: w, m: m, k: k, n: n,
                                        products: plan.gatherTable, avx2: avx2)
            return transpose(y, rows: m, cols: n)
        }
    }

    /// Row-major rows × cols → cols × rows.
    static func transpose<T>(_ a: [T], rows: Int, cols: Int) -> [T] {
        guard let first = a.first else { return [] }
        var out = [T](repeating: first, count: a.count)
        for r in 0..<rows { for c in 0..<cols { out[c * rows + r] = a[r * cols + c] } }
        return out
    }
}

extension NativeRoutes {
    /// Block-composed route on xT: panels of 32 pixels packed with vector loads, Yᵀ written directly.
    static func nibbleTransposed(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, tables: [UInt8], avx2: Bool) -> [Int32] {
        eachNibblePanel(x: xT, w: w, m: m, k: k, n: n, tables: tables) { xs, ws, ts, ys, panel, m0, rows in
            if avx2 {
                ck_nib_pack_panel_t_avx2(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                ck_nib_gemm_avx2(panel, Int32(k), ws, Int32(n), ts, Int32(rows), ys + m0, 1, m)
            } else {
                ck_nib_pack_panel_t_scalar(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                ck_nib_gemm_scalar(panel, Int32(k), ws, Int32(n), ts, Int32(rows), ys + m0, 1, m)
            }
        }
    }
}

extension FloatRoutes {
    /// Exact and low-rank routes on xT: Yᵀ = Wsᵀ·Xs with Xs = [X; U_1(X); …] stacked along K
    /// (rows of xT), in the same exact 2^24 chunks as `run`.
    static func runTransposed(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, factors: LowRankFactors?) -> [Int32] {
        let a = stackRows(xT, count: k * m, luts: signedLUTs(factors?.u ?? [], byCode: factors?.byCode ?? false))
        let b = stackWeights(w, k: k, n: n, factors: factors)
        var y = [Int32](repeating: 0, count: m * n)
        var c = [Float].overwritten(count: m * n)   // every sgemm below has beta 0 and covers all of c
        // Pixel (column) chunks over the workers: every sum is an exact integer, so any split is exact.
        for (lo, hi) in chunks(k: k, factors: factors) {
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        let ctx = UnsafeSendable((ab, bb, cb))
                        Parallel.ranges(m, grain: 2048) { _, c0, c1 in
                            let (av, bv, cv) = ctx.value
                            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(n), Int32(c1 - c0), Int32(hi - lo),
                                        1, bv + lo * n, Int32(n), av + lo * m + c0, Int32(m), 0, cv + c0, Int32(m))
                        }
                    }
                }
            }
            c.withUnsafeBufferPointer { cp in
                y.withUnsafeMutableBufferPointer { yp in
                    if let cb = cp.baseAddress, let yb = yp.baseAddress { ck_f32_add_i32(cb, m * n, yb) }
                }
            }
        }
        return y
    }
}
