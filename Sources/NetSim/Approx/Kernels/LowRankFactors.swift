/// An exact integer factorisation of a multiplier's error, E(a, b) = T(a, b) − a·b = Σ_i u_i(a)·v_i(b),
/// over magnitudes 0...128. Found by elimination in Double, then checked on all 129 × 129 pairs in Int64.
/// For a general signed table (`byCode`), E(x, w) = P(x, w) − x·w = Σ_i u_i(x)·v_i(w) over all 256 × 256
/// codes, with u, v indexed by the Int8 bit pattern and no sign applied.
public struct LowRankFactors: Sendable, Equatable {
    /// u[i][a]: activation-side factors, one row of 129 per term (256, by code, when `byCode`).
    public let u: [[Int32]]
    /// v[i][b]: weight-side factors, one row of 129 per term (256, by code, when `byCode`).
    public let v: [[Int32]]
    /// True when u, v are indexed by the 8-bit code pattern (general signed tables), not by magnitude.
    public let byCode: Bool
    /// Largest accepted max|u_i|·max|v_i| (2^20): a float32 chunk then still spans ≥ 16 columns.
    public static let maxTermBound: Int64 = 1 << 20
    /// Number of terms r.
    public var rank: Int { u.count }

    /// Factors `table`'s error with at most `maxRank` terms, or nil if no exact integer factorisation exists.
    public static func find(_ table: SignedProductTable, maxRank: Int = 4) -> LowRankFactors? {
        if let p = table.twosComplementProducts {
            let e = (0..<65_536).map { (i: Int) -> Int64 in
                let a = Int64(Int8(bitPattern: UInt8(i >> 8))), b = Int64(Int8(bitPattern: UInt8(i & 255)))
                return Int64(p[i]) - a * b
            }
            return factorise(e, n: 256, maxRank: maxRank, byCode: true)
        }
        let n = SignedProductTable.side
        var e = [Int64](repeating: 0, count: n * n)
        for a in 0..<n { for b in 0..<n { e[a * n + b] = Int64(table.magnitude(a, b)) - Int64(a * b) } }
        return factorise(e, n: n, maxRank: maxRank, byCode: false)
    }

    /// The factorisation of the n × n error matrix `e` (row-major), checked exactly.
    static func factorise(_ e: [Int64], n: Int, maxRank: Int, byCode: Bool) -> LowRankFactors? {
        guard let (rows, cols) = pivots(e, n: n, maxRank: maxRank) else { return nil }
        if rows.isEmpty { return LowRankFactors(u: [], v: [], byCode: byCode) }
        let r = rows.count
        // v_i = row R_i of E divided by its gcd; u(a) solves u(a) · S = E[a, C], S[i][j] = v_i(C_j).
        var v = [[Int64]]()
        for ri in rows {
            let row = Array(e[ri * n ..< ri * n + n])
            let g = max(row.reduce(Int64(0)) { gcd($0, abs($1)) }, 1)
            v.append(row.map { $0 / g })
        }
        var u = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: r)
        for a in 0..<n {
            let s = (0..<r).map { i in cols.map { Double(v[i][$0]) } }
            let rhs = cols.map { Double(e[a * n + $0]) }
            guard let sol = solveTransposed(s, rhs) else { return nil }
            for i in 0..<r {
                let x = sol[i].rounded()
                guard abs(x - sol[i]) < 1e-6, abs(x) < 1e9 else { return nil }
                u[i][a] = Int64(x)
            }
        }
        for a in 0..<n {
            for b in 0..<n {
                var s: Int64 = 0
                for i in 0..<r { s += u[i][a] * v[i][b] }
                if s != e[a * n + b] { return nil }
            }
        }
        // Each term must stay far inside float32's exact range so stacked sgemm chunks stay long.
        for i in 0..<r {
            let mu = u[i].map { abs($0) }.max() ?? 0, mv = v[i].map { abs($0) }.max() ?? 0
            guard mu <= 1 << 20, mv <= 1 << 20, mu * mv <= maxTermBound else { return nil }
        }
        return LowRankFactors(u: u.map { $0.map { Int32($0) } }, v: v.map { $0.map { Int32($0) } }, byCode: byCode)
    }

    /// Rows and columns of the pivots of a full-pivoting elimination; nil if the rank exceeds maxRank.
    static func pivots(_ e: [Int64], n: Int, maxRank: Int) -> ([Int], [Int])? {
        var m = e.map(Double.init)
        let scale = max(m.map(abs).max() ?? 0, 1)
        var rows = [Int](), cols = [Int]()
        while true {
            var best = 0.0, bi = 0, bj = 0
            for i in 0..<n where !rows.contains(i) {
                for j in 0..<n where !cols.contains(j) && abs(m[i * n + j]) > best {
                    best = abs(m[i * n + j]); bi = i; bj = j
                }
            }
            if best <= 1e-9 * scale { return (rows, cols) }
            if rows.count == maxRank { return nil }
            rows.append(bi); cols.append(bj)
            let p = m[bi * n + bj]
            for i in 0..<n where i != bi {
                let f = m[i * n + bj] / p
                if f == 0 { continue }
                for j in 0..<n { m[i * n + j] -= f * m[bi * n + j] }
            }
        }
    }

    /// Solves x · S = rhs (S is r × r, row i = S[i]) by Gaussian elimination with partial pivoting.
    static func solveTransposed(_ s: [[Double]], _ rhs: [Double]) -> [Double]? {
        let r = rhs.count
        // Build A = Sᵀ so that A x = rhs.
        var a = (0..<r).map { j in (0..<r).map { i in s[i][j] } + [rhs[j]] }
        for c in 0..<r {
            guard let p = (c..<r).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[p][c]) > 1e-12 else { return nil }
            a.swapAt(c, p)
            for i in 0..<r where i != c {
                let f = a[i][c] / a[c][c]
                for j in c...r { a[i][j] -= f * a[c][j] }
            }
        }
        return (0..<r).map { a[$0][r] / a[$0][$0] }
    }

    private static func gcd(_ x: Int64, _ y: Int64) -> Int64 { y == 0 ? x : gcd(y, x % y) }
}
