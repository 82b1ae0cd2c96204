import TableFormat

/// Straightforward reference loops for the benchmarks: one pass over the pairs with plain Double sums.
/// They do the work a naive characteriser would do, so the exact scans have something to be compared to.
public enum ScalarBaseline {
    /// Magnitude-domain MRE (%) of an 8x8 table, after the same per-pair work over both domains.
    public static func magnitudeMREPct(_ t: TruthTable) -> Double {
        var sumAbs = 0.0, sumSq = 0.0, mre = 0.0, maxAbs = 0.0, nonzero = 0.0
        for domainTop in [(1 << t.widthA) - 1, 1 << (t.widthA - 1)] {
            for a in 0...domainTop {
                for b in 0...domainTop {
                    let e = Double(t[a, b]) - Double(a * b)
                    sumAbs += abs(e); sumSq += e * e; maxAbs = max(maxAbs, abs(e)); nonzero += e != 0 ? 1 : 0
                    mre += RelativeError.magnitude(absError: abs(e), exactMagnitude: Double(max(1, a * b)))
                }
            }
        }
        let top = 1 << (t.widthA - 1)
        var magnitude = 0.0
        for a in 0...top { for b in 0...top { magnitude += RelativeError.magnitude(absError: abs(Double(t[a, b]) - Double(a * b)), exactMagnitude: Double(max(1, a * b))) } }
        _ = (sumAbs, sumSq, mre, maxAbs, nonzero)
        return 100 * magnitude / Double(top * top)
    }

    /// Unsigned MAE and MRE (%) of a 16x16 composition of four 8x8 tables, pair by pair: 64 fixed row
    /// chunks on the characterisation workers (`ParallelChunks`), summed in chunk order.
    public static func composition16(_ t: [TruthTable]) -> (mae: Double, mrePct: Double) {
        let chunks = 64, rows = 65536 / chunks
        let parts = ParallelChunks.map(count: chunks) { chunk -> (Double, Double) in
            var sumAbs = 0.0, sumSq = 0.0, sumE = 0.0, ratio = 0.0, maxAbs = 0.0, nonzero = 0.0
            for a in (chunk * rows)..<((chunk + 1) * rows) {
                let al = a & 255, ah = a >> 8
                for b in 0..<65536 {
                    let bl = b & 255, bh = b >> 8
                    let p = Int(t[0][al, bl]) + (Int(t[1][ah, bl]) + Int(t[2][al, bh])) << 8 + Int(t[3][ah, bh]) << 16
                    let e = Double(p - a * b)
                    sumE += e; sumAbs += abs(e); sumSq += e * e; maxAbs = max(maxAbs, abs(e)); nonzero += e != 0 ? 1 : 0
                    if a != 0 && b != 0 { ratio += RelativeError.magnitude(absError: abs(e), exactMagnitude: Double(a) * Double(b)) }
                }
            }
            _ = (sumSq, sumE, maxAbs, nonzero)
            return (sumAbs, ratio)
        }
        let sumAbs = parts.reduce(0) { $0 + $1.0 }, ratio = parts.reduce(0) { $0 + $1.1 }
        return (sumAbs / 4_294_967_296.0, 100 * ratio / (65535.0 * 65535.0))
    }
}
