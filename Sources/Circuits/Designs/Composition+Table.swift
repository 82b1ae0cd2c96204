extension Composition {
    /// The 2Nx2N truth table assembled from the four NxN block tables (order LL, HL, LH, HH),
    /// P = LL + (HL + LH) << N + HH << 2N, with flat loops instead of a closure per pair.
    static func assembleTable(_ blocks: [TruthTable], blockWidth n: Int) -> TruthTable {
        let ll = blocks[0].values, hl = blocks[1].values, lh = blocks[2].values, hh = blocks[3].values
        let side = 1 << n, wb = 2 * n, shift = UInt32(n)
        var values = [UInt32](repeating: 0, count: 1 << (4 * n))
        values.withUnsafeMutableBufferPointer { out in
            for ah in 0..<side {
                for al in 0..<side {
                    let row = (ah << n | al) << wb
                    for bh in 0..<side {
                        let high = lh[al << n | bh] << shift + hh[ah << n | bh] << (2 * shift)
                        let base = row | bh << n
                        for bl in 0..<side {
                            out[base | bl] = ll[al << n | bl] + hl[ah << n | bl] << shift + high
                        }
                    }
                }
            }
        }
        return TruthTable(widthA: 2 * n, widthB: 2 * n, outputWidth: 4 * n, values: values)
    }
}
