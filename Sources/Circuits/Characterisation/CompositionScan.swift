/// Exhaustive error sums of a composition of four tabulated n×n blocks, for 2n-bit operands up to 16x16
/// (2^32 pairs), exploiting the structure e = v_a(bl) + c_a(bh).
///
/// For a fixed a, v(bl) = E_LL(al,bl) + S·E_HL(ah,bl) is one S-entry vector and c(bh) = S·E_LH(al,bh) +
/// S²·E_HH(ah,bh) one scalar per bh, so the inner loop is a SIMD add over bl. Σe and Σe² come from
/// `SeparableSums`; |e|, e ≠ 0, max|e| and |e|/(a·b) are accumulated in Double lanes, which is exact for
/// the integer sums because every per-row partial is below 2^53 (|e| < 2^33, at most 2^16 terms).
public enum CompositionScan {
    /// Error sums over `domain`. Requires 3 ≤ n ≤ 8 (S a multiple of 8, operands ≤ 16 bits).
    public static func sums(_ blocks: BlockErrors, domain: ErrorDomain,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) -> ErrorSums {
        precondition((3...8).contains(blocks.blockWidth), "the fast path needs blocks of 3 to 8 bits")
        let s = blocks.side
        let h = domain == .unsigned ? s : s / 2          // high-half range of the product region
        var total = mainRegion(blocks, hA: h, hB: h, progress: progress)
        let (sumE, sumSq) = SeparableSums.sums(blocks, hA: h, hB: h)
        total.sumError = sumE
        total.sumSquaredError = sumSq
        if domain == .magnitude {
            let m = s * s / 2                              // the extra row a = M and column b = M
            var edge = ErrorSums()
            for b in 0...m { edge.add(error: blocks.error(m, b), a: UInt64(m), b: UInt64(b)) }
            for a in 0..<m { edge.add(error: blocks.error(a, m), a: UInt64(a), b: UInt64(m)) }
            total.merge(edge)
        }
        return total
    }

    /// Sums over a ∈ [0, S·hA), b ∈ [0, S·hB), except Σe and Σe² (left zero).
    static func mainRegion(_ blocks: BlockErrors, hA: Int, hB: Int,
                           progress: (@Sendable (Int, Int) -> Void)?) -> ErrorSums {
        let s = blocks.side, rows = s * hA, cols = s * hB
        let reciprocals = [Double](unsafeUninitializedCapacity: cols) { buffer, count in
            buffer[0] = 0                                   // b = 0 never enters the ratio sum
            for b in 1..<cols { buffer[b] = 1 / Double(b) }
            count = cols
        }
        let chunkCount = min(rows, 256)
        let counter = ProgressCounter(total: chunkCount, report: progress)
        let parts = ParallelChunks.map(count: chunkCount) { chunk in
            let lo = rows * chunk / chunkCount, hi = rows * (chunk + 1) / chunkCount
            let part = scanRows(blocks, rows: lo..<hi, hB: hB, reciprocals: reciprocals)
            counter.step()
            return part
        }
        var total = parts.reduce(into: ErrorSums()) { $0.merge($1) }
        total.pairs = Int64(rows) * Int64(cols)
        total.nonzeroProductPairs = Int64(rows - 1) * Int64(cols - 1)
        return total
    }

    /// One chunk of rows. Per row, SIMD lanes hold exact integer partial sums; rows are merged exactly
    /// (integers) or with compensation (ratios), in row order.
    static func scanRows(_ blocks: BlockErrors, rows: Range<Int>, hB: Int, reciprocals: [Double]) -> ErrorSums {
        let n = blocks.blockWidth, s = blocks.side, mask = s - 1
        let E = blocks.tables
        var out = ErrorSums()
        var v = [Double](repeating: 0, count: s)
        reciprocals.withUnsafeBufferPointer { rb in
            for a in rows {
                let al = a & mask, ah = a >> n
                for bl in 0..<s { v[bl] = Double(E[0][al << n | bl] + Int64(s) * E[1][ah << n | bl]) }
                var row = RowLanes()
                var zeroColumn: Int64 = 0
                v.withUnsafeBufferPointer { vb in
                    for bh in 0..<hB {
                        let c = Int64(s) * E[2][al << n | bh] + Int64(s * s) * E[3][ah << n | bh]
                        if bh == 0 { zeroColumn = Int64((vb[0] + Double(c)).magnitude) }
                        row.accumulate(vb, c: Double(c), reciprocals: UnsafeBufferPointer(rebasing: rb[(bh * s)..<(bh * s + s)]))
                    }
                }
                row.finish(into: &out, a: a, zeroColumn: zeroColumn)
            }
        }
        return out
    }
}

/// SIMD accumulators for one row of the composition scan.
struct RowLanes {
    var abs = SIMD8<Double>(), nonzero = SIMD8<Double>(), maxAbs = SIMD8<Double>()
    var ratio = SIMD8<Double>(), maxRatio = SIMD8<Double>()

    /// Adds e = v[bl] + c for bl in 0..<v.count, weighting |e| by 1/b.
    @inline(__always) mutating func accumulate(_ v: UnsafeBufferPointer<Double>, c: Double,
                                               reciprocals r: UnsafeBufferPointer<Double>) {
        let cv = SIMD8<Double>(repeating: c), one = SIMD8<Double>(repeating: 1)
        let signMask = SIMD8<UInt64>(repeating: 0x7FFF_FFFF_FFFF_FFFF)
        guard let vp = v.baseAddress, let rp = r.baseAddress else { return }
        let vr = UnsafeRawPointer(vp), rr = UnsafeRawPointer(rp)
        var i = 0
        while i < v.count {
            let e = vr.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self) + cv
            // |e| by clearing the sign bit; blends instead of pointwiseMin/Max (which follow IEEE
            // minimum/maximum NaN rules lane by lane and do not vectorise).
            let m = unsafeBitCast(unsafeBitCast(e, to: SIMD8<UInt64>.self) & signMask, to: SIMD8<Double>.self)
            abs += m
            nonzero += m.replacing(with: one, where: m .> one)
            maxAbs.replace(with: m, where: m .> maxAbs)
            let q = m * rr.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
            ratio += q
            maxRatio.replace(with: q, where: q .> maxRatio)
            i += 8
        }
    }

    /// Folds the row into `out`; a is the row operand, zeroColumn = |e(a, 0)|.
    func finish(into out: inout ErrorSums, a: Int, zeroColumn: Int64) {
        let rowAbs = Int64(abs.sum())
        out.sumAbsError += Int128(rowAbs)
        out.nonzero += Int64(nonzero.sum())
        out.maxAbsError = max(out.maxAbsError, Int64(maxAbs.max()))
        if a == 0 {
            out.zeroProductAbsError += Int128(rowAbs)
        } else {
            out.zeroProductAbsError += Int128(zeroColumn)
            out.relativeErrorSum.add(ratio.sum() / Double(a))
            out.maxRelativeError = max(out.maxRelativeError, maxRatio.max() / Double(a))
        }
    }
}
