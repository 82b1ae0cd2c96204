import Foundation

/// Writers of a two's-complement design's table in the signed layouts `import-lut --signed` reads
/// (docs/table-format.md): entry [index(a), index(b)] holds the product as a signed integer, for
/// a in −2^(wa−1)...2^(wa−1)−1 (and b likewise); `SignedTableOrder.offset` puts a at row a + 2^(wa−1)
/// (int8: a + 128), `.pattern` at row a's bit pattern.
enum SignedTableExport {
    /// npy, int16 when the product fits 16 bits (int8 × int8), int32 otherwise.
    static func npy(_ t: TruthTable, order: SignedTableOrder) -> Data {
        let wide = t.outputWidth > 16
        var body: [UInt8] = []
        body.reserveCapacity(t.values.count * (wide ? 4 : 2))
        for v in entries(t, order: order) {
            let bits = UInt32(bitPattern: Int32(v))
            body += wide ? [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)]
                         : [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF)]
        }
        return TruthTable.npy(descr: wide ? "<i4" : "<i2", rows: t.rows, columns: t.columns, body: body)
    }

    /// Text: one line per row, comma-separated signed integers (ApproxTorch's 256 × 256 layout in offset order).
    static func text(_ t: TruthTable, order: SignedTableOrder) -> String {
        let e = entries(t, order: order)
        return (0..<t.rows).map { r in e[r * t.columns..<(r + 1) * t.columns].map(String.init).joined(separator: ",") + "\n" }.joined()
    }

    /// Row-major signed products in file order.
    static func entries(_ t: TruthTable, order: SignedTableOrder) -> [Int] {
        let (ha, hb) = (t.rows / 2, t.columns / 2)
        var out = [Int](repeating: 0, count: t.values.count)
        for a in -ha..<ha {
            for b in -hb..<hb {
                let raw = Int(t.values[(a & (t.rows - 1)) * t.columns + (b & (t.columns - 1))])
                let value = raw >= 1 << (t.outputWidth - 1) ? raw - (1 << t.outputWidth) : raw
                let (r, c) = order == .offset ? (a + ha, b + hb) : (a & (t.rows - 1), b & (t.columns - 1))
                out[r * t.columns + c] = value
            }
        }
        return out
    }
}

extension TableExchange {
    /// The file contents of a two's-complement design's `table` in the signed layout (npy or text).
    public static func exportSigned(_ table: TruthTable, format: TableExchangeFormat,
                                    order: SignedTableOrder = .offset) throws(DesignError) -> Data {
        switch format {
        case .npy: return SignedTableExport.npy(table, order: order)
        case .text: return Data(SignedTableExport.text(table, order: order).utf8)
        case .tfapprox:
            throw .unsupported(what: "tfapprox export of a signed design (TFApprox tables are unsigned uint16; use npy or text)", location: nil)
        }
    }
}
