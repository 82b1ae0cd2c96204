/// Products of an 8-bit approximate multiplier, in one of two forms.
///
/// Sign-magnitude (the usual form): the signed product of activation `x` and weight `w` is
/// `s(x)·s(w)·T(|x|, |w|)`, where `s(v) = −1` if `v < 0` else `+1` (the sign bit of a sign-magnitude
/// operand; zero is positive), and `|−128| = 128`. Row = activation magnitude (first operand), column =
/// weight magnitude.
///
/// General two's complement (`isGeneralSigned`): a signed int8 × int8 multiplier that is not
/// sign-symmetric (EvoApproxLib `mul8s_*`, AdaPT/ApproxTorch tables): every product P(x, w) for
/// x, w in −128...127 is stored (`twosComplementProducts`), and `magnitudes` holds P on the
/// non-negative quadrant only (for reports; the kernels use `product`). Only the gather route runs it.
public struct SignedProductTable: Sendable, Equatable {
    /// Number of magnitudes an Int8 operand can have (0...128).
    public static let side = 129
    /// `magnitudes[a * 129 + b] = T(a, b)` for a, b in 0...128 (general signed tables: P(a, b) for
    /// a, b ≤ 127, and row/column 128 = −P(−128, ·) / −P(·, −128), the sign-magnitude reading).
    public let magnitudes: [Int32]
    /// For a general two's-complement table: P[xcode << 8 | wcode] for the Int8 bit patterns; nil otherwise.
    public let twosComplementProducts: [Int32]?

    /// max |P(x, w)| of a general table (computed once: `LUTGemm` checks it on every call).
    private let generalMax: Int32?

    /// True for a general (not sign-symmetric) two's-complement table.
    public var isGeneralSigned: Bool { twosComplementProducts != nil }

    /// A general two's-complement table from `products[xcode << 8 | wcode] = P(x, w)` (65,536 entries,
    /// each with |P| ≤ `maxEntry`).
    public init(twosComplementProducts products: [Int32]) throws {
        guard products.count == 65_536 else {
            throw ApproxError.invalidArgument(what: "signed product count", value: "\(products.count)", rule: "must be 256 × 256 = 65536")
        }
        if let i = products.firstIndex(where: { $0.magnitude > Self.maxEntry }) {
            throw ApproxError.unsupportedTable(
                reason: "product P(\(Int8(bitPattern: UInt8(i >> 8))), \(Int8(bitPattern: UInt8(i & 255)))) = \(products[i]) exceeds ±\(Self.maxEntry)")
        }
        let side = Self.side
        var mags = [Int32](repeating: 0, count: side * side)
        for a in 0..<side {
            for b in 0..<side {
                let x = a == 128 ? -128 : a, w = b == 128 ? -128 : b
                let sign: Int32 = (a == 128) != (b == 128) ? -1 : 1
                mags[a * side + b] = sign * products[(x & 255) << 8 | (w & 255)]
            }
        }
        magnitudes = mags
        twosComplementProducts = products
        generalMax = Int32(products.map(\.magnitude).max() ?? 0)
    }

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
        twosComplementProducts = nil
        generalMax = nil
    }

    /// Largest accepted entry: keeps every Int32 sum over K ≤ 32,768 terms exact.
    public static let maxEntry: UInt32 = 65_535

    /// T(a, b) for magnitudes a, b in 0...128.
    @inlinable
    public func magnitude(_ a: Int, _ b: Int) -> Int32 { magnitudes[a * Self.side + b] }

    /// The signed product of activation `x` and weight `w`.
    @inlinable
    public func product(_ x: Int8, _ w: Int8) -> Int32 {
        if let p = twosComplementProducts { return p[Int(UInt8(bitPattern: x)) << 8 | Int(UInt8(bitPattern: w))] }
        let ax = Int(x.magnitude), aw = Int(w.magnitude)
        let t = magnitudes[ax * Self.side + aw]
        return (x < 0) != (w < 0) ? -t : t
    }

    /// The largest |T(a, b)| over all magnitude pairs (general signed tables: the largest |P(x, w)|).
    public var maxMagnitude: Int32 {
        generalMax ?? magnitudes.max() ?? 0
    }

    /// The exact 8-bit multiplier, T(a, b) = a·b.
    public static var exact: SignedProductTable {
        var t = [UInt32](repeating: 0, count: side * side)
        for a in 0..<side { for b in 0..<side { t[a * side + b] = UInt32(a * b) } }
        return SignedProductTable(uncheckedMagnitudes: t.map { Int32($0) })
    }

    init(uncheckedMagnitudes: [Int32]) {
        magnitudes = uncheckedMagnitudes
        twosComplementProducts = nil
        generalMax = nil
    }
}
