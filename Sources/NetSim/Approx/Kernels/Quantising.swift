import CKernels

/// Vectorised conversions between floats and eq.-(1) codes of whole buffers (AVX2 when
/// available), split over the workers.
enum Quantising {
    static func codes(_ x: [Float], delta: Float, allowAVX2: Bool = true) -> [Int8] {
        codesAndGrid(x, delta: delta, allowAVX2: allowAVX2).codes
    }

    /// The codes, and whether every x is exactly (bitwise) `Float(code) · delta`, i.e. already
    /// fake-quantised: then `floats(codes)` rebuilds x bit for bit.
    static func codesAndGrid(_ x: [Float], delta: Float, allowAVX2: Bool = true) -> (codes: [Int8], onGrid: Bool) {
        var out = [Int8].overwritten(count: x.count)
        var off = [Int](repeating: 0, count: max(1, Parallel.chunkCount(x.count, grain: 1 << 15)))
        let avx2 = allowAVX2 && LUTGemm.hasAVX2
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { op in
                off.withUnsafeMutableBufferPointer { fp in
                    guard let xs = xp.baseAddress, let os = op.baseAddress, let fs = fp.baseAddress else { return }
                    let ctx = UnsafeSendable((xs, os, fs)), count = x.count
                    Parallel.ranges(count, grain: 1 << 15) { part, lo, hi in
                        let (src, dst, offs) = ctx.value
                        offs[part] = avx2 ? ck_quantise_avx2(src + lo, hi - lo, delta, dst + lo)
                            : ck_quantise_scalar(src + lo, hi - lo, delta, dst + lo)
                    }
                }
            }
        }
        return (out, off.allSatisfy { $0 == 0 })
    }

    /// out[i] = Float(codes[i]) · delta (`Quantiser.quantise` of an on-grid value), into reused storage.
    static func floats(_ codes: [Int8], delta: Float, into out: inout [Float]) {
        if out.count != codes.count { out = .overwritten(count: codes.count) }
        codes.withUnsafeBufferPointer { cp in
            out.withUnsafeMutableBufferPointer { op in
                guard let cs = cp.baseAddress, let os = op.baseAddress else { return }
                let ctx = UnsafeSendable((cs, os)), count = codes.count
                Parallel.ranges(count, grain: 1 << 15) { _, lo, hi in
                    let (src, dst) = ctx.value
                    ck_codes_to_f32(src + lo, hi - lo, delta, dst + lo)
                }
            }
        }
    }
}
