import TableFormat

/// Turns an `.axlut` table into the sign-magnitude product table the 8-bit layers use,
/// honouring the header's operand encoding (seed spec, section 7).
public enum MultiplierTables {
    /// Row = first operand = activation magnitude, column = weight magnitude.
    /// - unsigned / sign-magnitude (8×8 or wider): T(a, b) = table[a, b] for magnitudes 0...128.
    /// - two's complement 8×8: when it is sign-symmetric, P(x, w) = s(x)s(w)·T(|x|, |w|), the
    ///   sign-magnitude table (T is read from the non-negative quadrant and T(128, b) = −P(−128, b)), so the
    ///   fast routes apply; otherwise a general signed table holding all 256 × 256 products (route gather).
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
            if isSignSymmetric(p, mag), let table = try? build(mag) { return table }
            var products = [Int32](repeating: 0, count: 65_536)
            for x in -128...127 {
                for w in -128...127 {
                    let v = p(x, w)
                    guard v.magnitude <= UInt64(SignedProductTable.maxEntry) else {
                        throw .unsupportedTable(reason: "\(path): product P(\(x), \(w)) = \(v) is outside ±\(SignedProductTable.maxEntry)")
                    }
                    products[(x & 255) << 8 | (w & 255)] = Int32(v)
                }
            }
            do {
                return try SignedProductTable(twosComplementProducts: products)
            } catch let e as ApproxError {
                throw e
            } catch {
                throw .unsupportedTable(reason: "\(error)")
            }
        }
    }

    /// P(x, w) = s(x)s(w)·T(|x|, |w|) for all x, w in −128...127.
    static func isSignSymmetric(_ p: (Int, Int) -> Int64, _ mag: (Int, Int) -> Int64) -> Bool {
        for x in -128...127 {
            for w in -128...127 {
                let s: Int64 = (x < 0) != (w < 0) ? -1 : 1
                if p(x, w) != s * mag(abs(x), abs(w)) { return false }
            }
        }
        return true
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
