import CKernels
import COpenBLAS

/// The exact and low-rank routes: Y = X·W + Σ_i U_i(X)·V_i(W) as one stacked float32 sgemm,
/// cut along K so that every call's Σ|terms| ≤ 2^24 — then every partial sum is an exact integer.
enum FloatRoutes {
    /// Largest integer range a float32 sum holds exactly.
    static let exactLimit: Int64 = 1 << 24

    static func run(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, factors: LowRankFactors?) -> [Int32] {
        let terms = factors?.rank ?? 0
        let kk = (terms + 1) * k
        let a = stackActivations(x, m: m, k: k, factors: factors)
        let b = stackWeights(w, k: k, n: n, factors: factors)
        let cuts = chunks(k: k, factors: factors)
        var y = [Int32](repeating: 0, count: m * n)
        var c = [Float].overwritten(count: m * n)   // every sgemm below has beta 0 and covers all of c
        for (lo, hi) in cuts {
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(hi - lo),
                                    1, ab + lo, Int32(kk), bb + lo * n, Int32(n), 0, cb, Int32(n))
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

    /// Column ranges of the stacked K dimension, each with Σ_k max|term| ≤ 2^24.
    static func chunks(k: Int, factors: LowRankFactors?) -> [(Int, Int)] {
        var bounds = [Int64(128 * 128)]
        if let f = factors {
            for i in 0..<f.rank {
                let mu = Int64(f.u[i].map { abs(Int64($0)) }.max() ?? 0)
                let mv = Int64(f.v[i].map { abs(Int64($0)) }.max() ?? 0)
                bounds.append(max(mu * mv, 1))
            }
        }
        var cuts: [(Int, Int)] = []
        var start = 0, sum: Int64 = 0
        for col in 0..<(bounds.count * k) {
            let t = bounds[col / k]
            if sum + t > exactLimit { cuts.append((start, col)); start = col; sum = 0 }
            sum += t
        }
        cuts.append((start, bounds.count * k))
        return cuts
    }

    /// Row m: x[m, :], then s(x)·u_i(|x|) for each term i (rows in fixed chunks over the workers).
    static func stackActivations(_ x: [Int8], m: Int, k: Int, factors: LowRankFactors?) -> [Float] {
        let terms = factors?.rank ?? 0
        let kk = (terms + 1) * k
        var a = [Float](repeating: 0, count: m * kk)
        let luts = signedLUTs(factors?.u ?? [], byCode: factors?.byCode ?? false).flatMap { $0 }
        x.withUnsafeBufferPointer { xp in
            luts.withUnsafeBufferPointer { lp in
                a.withUnsafeMutableBufferPointer { ap in
                    guard let xb = xp.baseAddress, let ab = ap.baseAddress else { return }
                    let ctx = UnsafeSendable((xb, lp.baseAddress, ab))
                    NativeRoutes.inParallel(m) { lo, hi in
                        let (xs, ls, out) = ctx.value
                        for i in lo..<hi {
                            ck_i8_to_f32(xs + i * k, k, out + i * kk)
                            guard let ls else { continue }
                            for t in 0..<terms { ck_i8_lut_f32(xs + i * k, k, ls + 256 * t, out + i * kk + (t + 1) * k) }
                        }
                    }
                }
            }
        }
        return a
    }

    /// Rows of W, then rows of s(w)·v_i(|w|) for each term i.
    static func stackWeights(_ w: [Int8], k: Int, n: Int, factors: LowRankFactors?) -> [Float] {
        stackRows(w, count: k * n, luts: signedLUTs(factors?.v ?? [], byCode: factors?.byCode ?? false))
    }

    /// The codes as floats, then each look-up table applied to them: (luts.count + 1) blocks of `count`.
    static func stackRows(_ codes: [Int8], count: Int, luts: [[Float]]) -> [Float] {
        var out = [Float](repeating: 0, count: (luts.count + 1) * count)
        codes.withUnsafeBufferPointer { cp in
            out.withUnsafeMutableBufferPointer { op in
                guard let cb = cp.baseAddress, let ob = op.baseAddress else { return }
                ck_i8_to_f32(cb, count, ob)
                for (t, lut) in luts.enumerated() {
                    lut.withUnsafeBufferPointer { lp in
                        if let l = lp.baseAddress { ck_i8_lut_f32(cb, count, l, ob + (t + 1) * count) }
                    }
                }
            }
        }
        return out
    }

    /// For each factor, a 256-entry map from the Int8 bit pattern v to s(v)·f(|v|) (code-indexed factors of a
    /// general signed table: f(v) as it is).
    static func signedLUTs(_ f: [[Int32]], byCode: Bool) -> [[Float]] {
        if byCode { return f.map { row in row.map(Float.init) } }
        return f.map { row in
            (0..<256).map { code in
                let v = Int8(bitPattern: UInt8(code))
                let t = Float(row[Int(v.magnitude)])
                return v < 0 ? -t : t
            }
        }
    }
}
