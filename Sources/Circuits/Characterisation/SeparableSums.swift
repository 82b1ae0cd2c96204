/// Σe and Σe² of a composition over a product region, from per-block sums (no loop over all pairs).
///
/// Region: al, bl ∈ [0, S); ah ∈ [0, hA); bh ∈ [0, hB). Writing e = T1 + T2 + T3 + T4 with
/// T1 = E1(al,bl), T2 = S·E2(ah,bl), T3 = S·E3(al,bh), T4 = S²·E4(ah,bh), each Σ T_k carries the size of
/// its two free variables, and each cross term Σ T_j·T_k either factorises (no shared operand half) or
/// is a sum over the one shared half of products of marginal sums. Derivation: docs/cost-model.md.
enum SeparableSums {
    static func sums(_ blocks: BlockErrors, hA: Int, hB: Int) -> (sumError: Int128, sumSquared: Int128) {
        let n = blocks.blockWidth, s = blocks.side, S = Int128(s)
        let E = blocks.tables
        // Marginals. E1: x = al, y = bl. E2: x = ah, y = bl. E3: x = al, y = bh. E4: x = ah, y = bh.
        func rowSums(_ t: [Int64], rows: Int, cols: Int) -> [Int128] {
            (0..<rows).map { x in (0..<cols).reduce(Int128(0)) { $0 + Int128(t[x << n | $1]) } }
        }
        func colSums(_ t: [Int64], rows: Int, cols: Int) -> [Int128] {
            (0..<cols).map { y in (0..<rows).reduce(Int128(0)) { $0 + Int128(t[x0(y, $1, n)]) } }
        }
        func squares(_ t: [Int64], rows: Int, cols: Int) -> Int128 {
            var q: Int128 = 0
            for x in 0..<rows { for y in 0..<cols { q += Int128(t[x << n | y]) * Int128(t[x << n | y]) } }
            return q
        }
        let r1 = rowSums(E[0], rows: s, cols: s), c1 = colSums(E[0], rows: s, cols: s)
        let r2 = rowSums(E[1], rows: hA, cols: s), c2 = colSums(E[1], rows: hA, cols: s)
        let r3 = rowSums(E[2], rows: s, cols: hB)
        let r4 = rowSums(E[3], rows: hA, cols: hB), c4 = colSums(E[3], rows: hA, cols: hB)
        let c3 = colSums(E[2], rows: s, cols: hB)
        let t1 = r1.reduce(0, +), t2 = r2.reduce(0, +), t3 = r3.reduce(0, +), t4 = r4.reduce(0, +)
        let a = Int128(hA), b = Int128(hB)
        let sumError = a * b * t1 + S * b * S * t2 + S * a * S * t3 + S * S * S * S * t4
        var sq = a * b * squares(E[0], rows: s, cols: s) + S * S * S * b * squares(E[1], rows: hA, cols: s)
        sq += S * S * a * S * squares(E[2], rows: s, cols: hB) + S * S * S * S * S * S * squares(E[3], rows: hA, cols: hB)
        var cross: Int128 = 0
        cross += S * b * zip(c1, c2).reduce(0) { $0 + $1.0 * $1.1 }               // T1·T2, shared bl
        cross += S * a * zip(r1, r3).reduce(0) { $0 + $1.0 * $1.1 }               // T1·T3, shared al
        cross += S * S * t1 * t4                                                  // T1·T4
        cross += S * S * t2 * t3                                                  // T2·T3
        cross += S * S * S * S * zip(r2, r4).reduce(0) { $0 + $1.0 * $1.1 }       // T2·T4, shared ah, free al
        cross += S * S * S * S * zip(c3, c4).reduce(0) { $0 + $1.0 * $1.1 }       // T3·T4, shared bh, free bl
        return (sumError, sq + 2 * cross)
    }

    @inline(__always) private static func x0(_ y: Int, _ x: Int, _ n: Int) -> Int { x << n | y }
}
