import TableFormat

/// Turns an `.axlut` table into the sign-magnitude product table the 8-bit layers use,
/// honouring the header's operand encoding (seed spec, section 7).
public enum MultiplierTables {
    /// Row = first operand = activation magnitude, column = weight magnitude.
    /// - unsigned / sign-magnitude (8×8 or wider): T(a, b) = table[a, b] for magnitudes 0...128.
    /// - two's complement 8×8: accepted when it is sign-symmetric, P(x, w) = s(x)s(w)·T(|x|, |w|);
    ///   T is read from the non-negative quadrant and T(128, b) = −P(−128, b).
    public static func signed(from t: LookupTable, path: String = "<memory>") throws(ApproxError) -> SignedProductTable {
        switch t.encoding {
        case .unsigned, .signMagnitude:
            guard t.widthA >= 8, t.widthB >= 8 else {
                throw .unsupportedTable(reason: "\(path) is \(t.widthA)x\(t.widthB); magnitudes up to 128 need at least 8x8")
            }
            return try build { a, b in t[a, b] }
        case .twosComplement:
            guard t.widthA == 8, t.widthB == 8 else {
                throw .unsupportedTable(reason: "\(path) is a \(t.widthA)x\(t.widthB) two's-complement table; 8x8 is required")
            }
            let p = { (x: Int, w: Int) in t[Int(UInt8(bitPattern: Int8(x))), Int(UInt8(bitPattern: Int8(w)))] }
            let mag = { (a: Int, b: Int) -> Int64 in
                a == 128 ? (b == 128 ? p(-128, -128) : -p(-128, b)) : (b == 128 ? -p(a, -128) : p(a, b))
            }
            for x in -128...127 {
                for w in -128...127 {
                    let s: Int64 = (x < 0) != (w < 0) ? -1 : 1
                    guard p(x, w) == s * mag(abs(x), abs(w)) else {
                        throw .unsupportedTable(reason: "\(path): product(\(x), \(w)) = \(p(x, w)) is not sign-symmetric, so it cannot run in sign-magnitude form")
                    }
                }
            }
            return try build(mag)
        }
    }

    static func build(_ value: (Int, Int) -> Int64) throws(ApproxError) -> SignedProductTable {
        let side = SignedProductTable.side
        var u = [UInt32](repeating: 0, count: side * side)
        for a in 0..<side {
            for b in 0..<side {
                let v = value(a, b)
                guard v >= 0, v <= Int64(SignedProductTable.maxEntry) else {
                    throw .unsupportedTable(reason: "magnitude product T(\(a), \(b)) = \(v) is outside 0...\(SignedProductTable.maxEntry)")
                }
                u[a * side + b] = UInt32(v)
            }
        }
        do {
            return try SignedProductTable(unsignedProducts: u, width: side)
        } catch let e as ApproxError {
            throw e
        } catch {
            throw .unsupportedTable(reason: "\(error)")
        }
    }
}
