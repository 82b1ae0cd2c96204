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
        // Largest |pair| = lo byte + 16 · (hi byte, or ah · bh for the raw high block).
        let maxLo = (ll + lh).flatMap { $0 }.max() ?? 0
        let maxHi = mode1 == CK_PAIR_HIRAW ? max(hl.flatMap { $0 }.max() ?? 0, 64) : (hl + hh).flatMap { $0 }.max() ?? 0
        let maxPair = max(maxLo + 16 * maxHi, 1)
        return ByteBlocks(ll: ll, hl: hl, lh: lh, hh: hh, mode0: Int32(mode0), mode1: Int32(mode1),
                          wsteps: Int32(32_767 / maxPair))
    }

    /// `CK_PAIR_TABLE_BYTES` per weight code (Int8 bit pattern): A0 = LL(·, bl), B0 = HL(·, bl),
    /// A1 = LH(·, bh), B1 = HH(·, bh), 16 bytes each (B rows 9...15 unused, zero).
    func tables() -> [UInt8] {
        let size = Int(CK_PAIR_TABLE_BYTES)
        var out = [UInt8](repeating: 0, count: 256 * size)
        for c in 0..<256 {
            let b = Int(Int8(bitPattern: UInt8(c)).magnitude), base = c * size
            for i in 0..<16 {
                out[base + i] = UInt8(ll[i][b & 15])
                out[base + 32 + i] = UInt8(lh[i][b >> 4])
            }
            for i in 0...8 {
                out[base + 16 + i] = UInt8(hl[i][b & 15])
                out[base + 48 + i] = UInt8(hh[i][b >> 4])
            }
        }
        return out
    }

    /// Two int16 per weight code: the vpmaddubsw multiplier bytes (s, 16·s) of each nibble, with
    /// (s, 16·s·bh) for a raw high block; s is the weight's sign (activations are non-negative).
    func multipliers() -> [Int16] {
        var out = [Int16](repeating: 0, count: 512)
        for c in 0..<256 {
            let w = Int8(bitPattern: UInt8(c)), s = w < 0 ? -1 : 1, bh = Int(w.magnitude) >> 4
            let hi1 = mode1 == CK_PAIR_HIRAW ? 16 * s * bh : 16 * s
            out[2 * c] = Self.pair(s, 16 * s)
            out[2 * c + 1] = Self.pair(s, hi1)
        }
        return out
    }

    /// The int16 whose low byte is `lo` and high byte is `hi` (both in Int8 range).
    private static func pair(_ lo: Int, _ hi: Int) -> Int16 {
        Int16(bitPattern: UInt16(UInt8(bitPattern: Int8(lo))) | UInt16(UInt8(bitPattern: Int8(hi))) << 8)
    }
}
