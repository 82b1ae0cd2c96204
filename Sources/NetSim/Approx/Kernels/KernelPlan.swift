/// The kernel chosen for one multiplier table, with the data that kernel needs, built once.
public struct KernelPlan: Sendable {
    /// The route `LUTGemm.fast` takes.
    public let route: KernelRoute
    /// The table the plan was built for.
    public let table: SignedProductTable
    /// Error factors, for `.lowRank`.
    public let factors: LowRankFactors?
    /// 64 bytes per weight code (UInt8 bit pattern of the Int8 weight), for `.blockComposed4`
    /// and for `.byteBlocks4` calls with negative activations.
    let nibbleTables: [UInt8]
    /// The blocks, pair tables and multipliers, for `.byteBlocks4`.
    let byteBlocks: ByteBlocks?
    let pairTables: [UInt8]
    let pairMultiplierIndices: [UInt8]
    /// Signed products P[xcode << 8 | wcode], for `.gather`.
    let gatherTable: [Int32]

    /// The preference order among applicable routes (measured: see docs/kernels.md).
    public static func preferred(_ routes: [KernelRoute]) -> KernelRoute {
        func rank(_ r: KernelRoute) -> Int {
            switch r {
            case .exact: 0
            case .byteBlocks4: 1
            case .blockComposed4: 2
            case .lowRank(let n): 2 + n
            case .gather: 100
            }
        }
        return routes.min { rank($0) < rank($1) } ?? .gather
    }

    /// Every route that computes `table` exactly (`.gather` always applies). A general two's-complement
    /// table, whose products are not s(x)·s(w)·T(|x|, |w|), can take only the float routes (factors by code)
    /// and gather: the nibble routes factor through |x| and |w|.
    public static func applicableRoutes(_ table: SignedProductTable) -> [KernelRoute] {
        var routes: [KernelRoute] = []
        if let f = LowRankFactors.find(table) { routes.append(f.rank == 0 ? .exact : .lowRank(f.rank)) }
        if !table.isGeneralSigned, NibbleSplit.applies(to: table) {
            if ByteBlocks.find(table) != nil { routes.append(.byteBlocks4) }
            routes.append(.blockComposed4)
        }
        routes.append(.gather)
        return routes
    }

    /// Checks which exact decompositions `table` admits and picks the fastest route.
    public static func analyse(_ table: SignedProductTable) -> KernelPlan {
        let route = preferred(applicableRoutes(table))
        // `route` was found applicable just above, so this cannot fail; gather is the safe net.
        return (try? KernelPlan(route: route, table: table)) ?? KernelPlan(gatherFor: table)
    }

    /// A plan forced onto `route`; throws if the route cannot compute `table` exactly.
    public init(route: KernelRoute, table: SignedProductTable) throws {
        self.route = route
        self.table = table
        var factors: LowRankFactors? = nil
        var nibbles: [UInt8] = []
        var blocks: ByteBlocks? = nil
        if table.isGeneralSigned && (route == .blockComposed4 || route == .byteBlocks4) {
            throw ApproxError.unsupportedTable(
                reason: "a two's-complement table that is not sign-symmetric cannot run on route \(route) (it needs s(x)·s(w)·T(|x|, |w|)); use low-rank or gather")
        }
        switch route {
        case .exact, .lowRank:
            let wanted = route == .exact ? 0 : { if case .lowRank(let r) = route { return r } else { return -1 } }()
            guard wanted >= 0, let f = LowRankFactors.find(table), f.rank == wanted else {
                throw ApproxError.unsupportedTable(
                    reason: "the multiplier's error is not an exact integer factorisation of the form \(route)")
            }
            factors = f
            // The exact table is also a sum of byte blocks. With AVX2 its non-negative (post-ReLU)
            // conv products take the pair kernel: 2-4x faster than the sgemm route on ResNet-8's
            // shapes (`axmul bench lutgemm --design exact8 --route byte-blocks-4`). The route stays
            // `exact`: it names the arithmetic, and every kernel is bit-exact.
            if route == .exact, LUTGemm.hasAVX2, NibbleSplit.applies(to: table) { blocks = ByteBlocks.find(table) }
        case .blockComposed4:
            guard NibbleSplit.applies(to: table) else {
                throw ApproxError.unsupportedTable(
                    reason: "T(a, b) does not split into nibble blocks of a with 16-bit parts; use route gather")
            }
            nibbles = NibbleSplit.tables(for: table)
        case .byteBlocks4:
            guard NibbleSplit.applies(to: table), let b = ByteBlocks.find(table) else {
                throw ApproxError.unsupportedTable(
                    reason: "T(a, b) is not a sum of byte-valued 4-bit blocks LL + 16·(HL + LH) + 256·HH; use route block-composed-4 or gather")
            }
            nibbles = NibbleSplit.tables(for: table)
            blocks = b
        case .gather:
            break
        }
        self.factors = factors
        nibbleTables = nibbles
        byteBlocks = blocks
        pairTables = blocks?.tables() ?? []
        pairMultiplierIndices = blocks?.multiplierIndices() ?? []
        gatherTable = route == .gather ? Self.signedProducts(table) : []
    }

    private init(gatherFor table: SignedProductTable) {
        route = .gather
        self.table = table
        factors = nil
        nibbleTables = []
        byteBlocks = nil
        pairTables = []
        pairMultiplierIndices = []
        gatherTable = Self.signedProducts(table)
    }

    /// P[xcode << 8 | wcode] = s(x)·s(w)·T(|x|, |w|) (or the stored P of a general signed table) for the
    /// Int8 bit patterns xcode, wcode.
    static func signedProducts(_ table: SignedProductTable) -> [Int32] {
        if let general = table.twosComplementProducts { return general }
        var p = [Int32](repeating: 0, count: 65_536)
        for xc in 0..<256 {
            for wc in 0..<256 {
                p[xc << 8 | wc] = table.product(Int8(bitPattern: UInt8(xc)), Int8(bitPattern: UInt8(wc)))
            }
        }
        return p
    }
}

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
