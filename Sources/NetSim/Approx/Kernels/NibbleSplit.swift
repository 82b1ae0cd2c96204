/// The activation-nibble split used by the block-composed route:
/// T(a, b) = g_b(a & 15) + h_b(a >> 4) with g_b(l) = T(l, b) − T(0, b) and h_b(h) = T(16h, b);
/// the kernel adds g + h in Int16, so T must fit too.
enum NibbleSplit {
    /// True when the split is exact for all 129 × 129 magnitude pairs and g, h and T fit in Int16.
    static func applies(to t: SignedProductTable) -> Bool {
        guard t.maxMagnitude <= 32_767 else { return false }
        let side = SignedProductTable.side
        for b in 0..<side {
            let t0 = t.magnitude(0, b)
            for a in 0..<side {
                let g = t.magnitude(a & 15, b) - t0, h = t.magnitude(a & ~15, b)
                guard g + h == t.magnitude(a, b), abs(g) <= 32_767, abs(h) <= 32_767 else { return false }
            }
        }
        return true
    }

    /// 64 bytes per weight code: low and high bytes of s(w)·g (16 entries), then of s(w)·h (9 used).
    static func tables(for t: SignedProductTable) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 256 * 64)
        for wc in 0..<256 {
            let w = Int8(bitPattern: UInt8(wc))
            let b = Int(w.magnitude), s: Int32 = w < 0 ? -1 : 1
            let base = wc * 64
            for l in 0..<16 {
                let g = UInt16(bitPattern: Int16(truncatingIfNeeded: s * (t.magnitude(l, b) - t.magnitude(0, b))))
                out[base + l] = UInt8(g & 0xFF); out[base + 16 + l] = UInt8(g >> 8)
            }
            for h in 0...8 {
                let v = UInt16(bitPattern: Int16(truncatingIfNeeded: s * t.magnitude(16 * h, b)))
                out[base + 32 + h] = UInt8(v & 0xFF); out[base + 48 + h] = UInt8(v >> 8)
            }
        }
        return out
    }
}
