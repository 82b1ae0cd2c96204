/// Products of an 8-bit approximate multiplier used in sign-magnitude form: magnitudes 0...128.
///
/// The signed product of activation `x` and weight `w` is `s(x)·s(w)·T(|x|, |w|)`, where
/// `s(v) = −1` if `v < 0` else `+1` (the sign bit of a sign-magnitude operand; zero is positive),
/// and `|−128| = 128`. Row = activation magnitude (first operand), column = weight magnitude.
public struct SignedProductTable: Sendable, Equatable {
    /// Number of magnitudes an Int8 operand can have (0...128).
    public static let side = 129
    /// `magnitudes[a * 129 + b] = T(a, b)` for a, b in 0...128.
    public let magnitudes: [Int32]

    /// Builds the table from an unsigned `width × width` table of products (width 129 or 256),
    /// `unsignedProducts[a * width + b] = T(a, b)`; only magnitudes 0...128 are kept.
    public init(unsignedProducts: [UInt32], width: Int) throws {
        guard width == 129 || width == 256 else {
            throw ApproxError.invalidArgument(what: "table width", value: "\(width)",
                                              rule: "must be 129 or 256 (magnitudes of 8-bit operands)")
        }
        guard unsignedProducts.count == width * width else {
            throw ApproxError.invalidArgument(what: "table entry count", value: "\(unsignedProducts.count)",
                                              rule: "must be width × width = \(width * width)")
        }
        let side = Self.side
        var mags = [Int32](repeating: 0, count: side * side)
        for a in 0..<side {
            for b in 0..<side {
                let v = unsignedProducts[a * width + b]
                guard v <= Self.maxEntry else {
                    throw ApproxError.unsupportedTable(
                        reason: "product T(\(a), \(b)) = \(v) exceeds \(Self.maxEntry); 8-bit products fit in 16 bits")
                }
                mags[a * side + b] = Int32(v)
            }
        }
        magnitudes = mags
    }

    /// Largest accepted entry: keeps every Int32 sum over K ≤ 32,768 terms exact.
    public static let maxEntry: UInt32 = 65_535

    /// T(a, b) for magnitudes a, b in 0...128.
    @inlinable
    public func magnitude(_ a: Int, _ b: Int) -> Int32 { magnitudes[a * Self.side + b] }

    /// The signed product of activation `x` and weight `w`.
    @inlinable
    public func product(_ x: Int8, _ w: Int8) -> Int32 {
        let ax = Int(x.magnitude), aw = Int(w.magnitude)
        let t = magnitudes[ax * Self.side + aw]
        return (x < 0) != (w < 0) ? -t : t
    }

    /// The largest |T(a, b)| over all magnitude pairs.
    public var maxMagnitude: Int32 { magnitudes.max() ?? 0 }

    /// The exact 8-bit multiplier, T(a, b) = a·b.
    public static var exact: SignedProductTable {
        var t = [UInt32](repeating: 0, count: side * side)
        for a in 0..<side { for b in 0..<side { t[a * side + b] = UInt32(a * b) } }
        return SignedProductTable(uncheckedMagnitudes: t.map { Int32($0) })
    }

    init(uncheckedMagnitudes: [Int32]) { magnitudes = uncheckedMagnitudes }
}
