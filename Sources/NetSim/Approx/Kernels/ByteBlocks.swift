import CKernels

/// A multiplier table as four byte-valued 4-bit blocks over the magnitudes' nibbles:
/// T(a, b) = LL(al, bl) + 16·(HL(ah, bl) + LH(al, bh)) + 256·HH(ah, bh), a, b ≤ 128 (so ah, bh ≤ 8).
/// Every SMApprox-style composition has this form; the pair kernel (`pair_gemm.c`) needs it.
struct ByteBlocks: Sendable, Equatable {
    /// LL[l][m] (16 × 16), HL[h][m] (9 × 16), LH[l][n] (16 × 9), HH[h][n] (9 × 9).
    let ll: [[Int32]], hl: [[Int32]], lh: [[Int32]], hh: [[Int32]]
    /// How the pair kernel forms the byte pair of the weight's low (0) and high (1) nibble.
    let mode0: Int32, mode1: Int32
    /// k steps the kernel may sum in int16 before widening (every pair sum ≤ 32767 / wsteps).
    let wsteps: Int32

    /// The blocks of `t`, read off its rows and columns at multiples of 16 and checked on all
    /// 129 × 129 magnitude pairs; nil when `t` is not such a composition with blocks in 0...255.
    static func find(_ t: SignedProductTable) -> ByteBlocks? {
        func m(_ a: Int, _ b: Int) -> Int32 { t.magnitude(a, b) }
        func block(_ rows: Int, _ cols: Int, _ f: (Int, Int) -> Int32?) -> [[Int32]]? {
            var out = [[Int32]](repeating: [Int32](repeating: 0, count: cols), count: rows)
            for r in 0..<rows {
                for c in 0..<cols {
                    guard let v = f(r, c), (0...255).contains(v) else { return nil }
                    out[r][c] = v
                }
            }
            return out
        }
        func exactDiv(_ v: Int32, _ d: Int32) -> Int32? { v % d == 0 ? v / d : nil }
        guard let ll = block(16, 16, { m($0, $1) }),
              let hl = block(9, 16, { exactDiv(m(16 * $0, $1) - m(0, $1), 16) }),
              let lh = block(16, 9, { exactDiv(m($0, 16 * $1) - m($0, 0), 16) }),
              let hh = block(9, 9, { exactDiv(m(16 * $0, 16 * $1) - m(16 * $0, 0) - m(0, 16 * $1) + m(0, 0), 256) })
        else { return nil }
        for a in 0..<SignedProductTable.side {
            for b in 0..<SignedProductTable.side {
                let v = ll[a & 15][b & 15] + 16 * (hl[a >> 4][b & 15] + lh[a & 15][b >> 4]) + 256 * hh[a >> 4][b >> 4]
                if v != m(a, b) { return nil }
            }
        }
        let same0 = (0...8).allSatisfy { h in (0..<16).allSatisfy { hl[h][$0] == ll[h][$0] } }
        let same1 = (0...8).allSatisfy { h in (0...8).allSatisfy { hh[h][$0] == lh[h][$0] } }
        let raw1 = (0...8).allSatisfy { h in (0...8).allSatisfy { hh[h][$0] == Int32(h * $0) } }
        let mode0 = same0 ? CK_PAIR_SAME : CK_PAIR_GENERAL
        let mode1 = same1 ? CK_PAIR_SAME : raw1 ? CK_PAIR_HIRAW : CK_PAIR_GENERAL
        // Largest |pair| = lo byte + 16 · (hi byte, or ah · bh for the raw high block); the kernel
        // only sees activations 0...127, so ah ≤ 7.
        let maxLo = (ll + lh).flatMap { $0 }.max() ?? 0
        let hiRows = mode1 == CK_PAIR_HIRAW ? Array(hl[0...7]) : Array(hl[0...7] + hh[0...7])
        let maxHi = max(hiRows.flatMap { $0 }.max() ?? 0, mode1 == CK_PAIR_HIRAW ? 7 * 8 : 0)
        let maxPair = max(maxLo + 16 * maxHi, 1)
        return ByteBlocks(ll: ll, hl: hl, lh: lh, hh: hh, mode0: Int32(mode0), mode1: Int32(mode1),
                          wsteps: Int32(32_767 / maxPair))
    }

    /// The kernel's tables (`CK_PAIR_TABLE_BYTES`): for weight code c (Int8 bit pattern),
    /// A0 = LL(·, bl) and A1 = LH(·, bh) at 32c; B0 = HL(·, bl) and B1 = HH(·, bh) at 32(256 + c)
    /// (rows 9...15 of B unused, zero).
    func tables() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(CK_PAIR_TABLE_BYTES))
        for c in 0..<256 {
            let b = Int(Int8(bitPattern: UInt8(c)).magnitude), a = 32 * c, h = 32 * (256 + c)
            for i in 0..<16 {
                out[a + i] = UInt8(ll[i][b & 15])
                out[a + 16 + i] = UInt8(lh[i][b >> 4])
            }
            for i in 0...8 {
                out[h + i] = UInt8(hl[i][b & 15])
                out[h + 16 + i] = UInt8(hh[i][b >> 4])
            }
        }
        return out
    }

    /// The vpmaddubsw multiplier vectors (32 bytes each): (s, 16·s) for s = +1, −1, then
    /// (s, 16·s·bh) for a raw high block, s = +1, −1 and bh = 0...8. s is the weight's sign
    /// (activations are non-negative; 16·s·bh = −128 only for w = −128).
    static let multiplierBank: [Int8] = {
        var out: [Int8] = []
        for s in [1, -1] { for _ in 0..<16 { out += [Int8(s), Int8(16 * s)] } }
        for s in [1, -1] {
            for bh in 0...8 { for _ in 0..<16 { out += [Int8(s), Int8(truncatingIfNeeded: 16 * s * bh)] } }
        }
        return out
    }()

    /// Per weight code c, the bank vectors of its low (2c) and high (2c + 1) nibble.
    func multiplierIndices() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 512)
        for c in 0..<256 {
            let w = Int8(bitPattern: UInt8(c)), negative = w < 0 ? 1 : 0, bh = Int(w.magnitude) >> 4
            out[2 * c] = UInt8(negative)
            out[2 * c + 1] = UInt8(mode1 == CK_PAIR_HIRAW ? 2 + 9 * negative + bh : negative)
        }
        return out
    }
}
