import CKernels

/// Vectorised standard-normal draws (CKernels/normal.c): counter-based, so the i-th normal of a
/// seed is the same on every path (AVX2 or portable) and however the work is split. A caller
/// takes one `UInt64` from its `SplitMix64` as the seed, so a run stays reproducible and its
/// generator state checkpointable. The error model's Ξ uses it through `ErrorInjection`.
public enum FastNormal {
    /// Normals per counter block.
    public static let blockSize = Int(CK_NORMAL_BLOCK)
    /// The widest build the CPU runs (AVX-512 about 2.5x AVX2; F/DQ/VL suffice here, so it does not
    /// need `KernelISA.avx512`, but `AXMUL_ISA` below avx512 turns it off); `allowAVX2: false` means portable.
    static let hasAVX512: Bool = ck_has_avx512() != 0 && ((try? KernelISA.fromEnvironment()) ?? .avx512) == .avx512

    enum Build { case avx512, avx2, portable }

    static func build(allowSIMD: Bool) -> Build {
        !allowSIMD ? .portable : hasAVX512 ? .avx512 : LUTGemm.hasAVX2 ? .avx2 : .portable
    }

    /// The first `count` normals of `seed`.
    public static func normals(seed: UInt64, count: Int, allowAVX2: Bool = true) -> [Float] {
        let blocks = (count + blockSize - 1) / blockSize
        var out = [Float](repeating: 0, count: blocks * blockSize)
        let simd = build(allowSIMD: allowAVX2)
        out.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            for b in 0..<blocks {
                switch simd {
                case .avx512: ck_normal_block_avx512(seed, b, base + b * blockSize)
                case .avx2: ck_normal_block_avx2(seed, b, base + b * blockSize)
                case .portable: ck_normal_block_scalar(seed, b, base + b * blockSize)
                }
            }
        }
        return Array(out.prefix(count))
    }

    /// out = (accumulate ? y : 0) + a1[j]·y + offset[j] + a2[j]·z over y laid out [rows, n]
    /// (j = i mod n), z the normals of `seed`; split by rows over the workers. `out` may be `y`'s storage.
    static func fusedXi(_ y: UnsafePointer<Float>, rows: Int, n: Int, _ c: ErrorInjection.Coefficients, seed: UInt64,
                        accumulate: Bool, out: UnsafeMutablePointer<Float>, allowAVX2: Bool = true) {
        let simd = build(allowSIMD: allowAVX2)
        c.a1.withUnsafeBufferPointer { a1 in
            c.a2.withUnsafeBufferPointer { a2 in
                c.offset.withUnsafeBufferPointer { off in
                    guard let p1 = a1.baseAddress, let p2 = a2.baseAddress, let p0 = off.baseAddress else { return }
                    let ctx = UnsafeSendable((y, out, p1, p2, p0))
                    Parallel.ranges(rows, grain: max(1, (1 << 14) / max(n, 1))) { _, lo, hi in
                        let (src, dst, c1, c2, c0) = ctx.value
                        // Row r draws z[r·n ..< (r+1)·n] however the rows are split.
                        fusedRows(src, rows: lo..<hi, n: n, c1, c2, c0, seed: seed, accumulate: accumulate, out: dst, simd: simd)
                    }
                }
            }
        }
    }

    private static func fusedRows(_ y: UnsafePointer<Float>, rows: Range<Int>, n: Int, _ a1: UnsafePointer<Float>,
                                  _ a2: UnsafePointer<Float>, _ off: UnsafePointer<Float>, seed: UInt64, accumulate: Bool,
                                  out: UnsafeMutablePointer<Float>, simd: Build) {
        guard !rows.isEmpty else { return }
        let base = rows.lowerBound * n, acc: Int32 = accumulate ? 1 : 0
        switch simd {
        case .avx512: ck_error_xi_avx512(y + base, rows.count, n, a1, a2, off, seed, base, acc, out + base)
        case .avx2: ck_error_xi_avx2(y + base, rows.count, n, a1, a2, off, seed, base, acc, out + base)
        case .portable: ck_error_xi_scalar(y + base, rows.count, n, a1, a2, off, seed, base, acc, out + base)
        }
    }
}
