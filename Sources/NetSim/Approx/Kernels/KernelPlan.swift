import CKernels

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
    /// The `vbmi-gather` kernel's per-code byte tables of `gatherTable` (`ck_q_gather_tables`);
    /// empty when the route is not gather or a product with activation 0...127 is outside Int16.
    let gatherCodeTables: [UInt8]

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
        gatherCodeTables = Self.gatherCodeTables(gatherTable)
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
        gatherCodeTables = Self.gatherCodeTables(gatherTable)
    }

    /// `ck_q_gather_tables` of the signed products, or empty (no products, or one outside Int16).
    static func gatherCodeTables(_ products: [Int32]) -> [UInt8] {
        guard products.count == 65_536 else { return [] }
        var tables = [UInt8](repeating: 0, count: Int(CK_Q_GATHER_TABLE_BYTES))
        let fits = products.withUnsafeBufferPointer { p in
            tables.withUnsafeMutableBufferPointer { t in ck_q_gather_tables(p.baseAddress!, t.baseAddress!) }
        }
        return fits == 1 ? tables : []
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

/// The kernel choice: the one place that maps (route, activations, instruction-set level) to a
/// kernel, for both entry points (`LUTGemm.fast` on row-major X, `LUTGemm.fastTransposed` on the
/// convolution layout). Every kernel is bit-exact, so the choice changes only the speed.
extension KernelPlan {
    /// The kernel this plan runs on activations with (`nonNegative: false`) or without a negative
    /// value, at instruction-set level `isa` (capped by the CPU).
    public func kernel(nonNegative: Bool, isa: KernelISA = .current) -> GemmKernel {
        let isa = min(isa, KernelISA.detected)
        switch route {
        case .exact where isa == .avx512: return .vnniExact
        // The exact table is also a sum of byte blocks (kept in `byteBlocks` on AVX2 machines): its
        // post-ReLU products take the pair kernel, faster than the float route's conversions.
        case .exact, .lowRank: return isa >= .avx2 && byteBlocks != nil && nonNegative ? .pair : .sgemm
        case .blockComposed4: return .nibble
        case .byteBlocks4 where byteBlocks != nil && nonNegative: return isa == .avx512 ? .vbmiBlocks : .pair
        case .byteBlocks4: return .nibble
        case .gather: return isa == .avx512 && nonNegative && !gatherCodeTables.isEmpty ? .vbmiGather : .gather
        }
    }
}

/// The kernels behind `LUTGemm.fast` and `LUTGemm.fastTransposed` (docs/kernels.md), named as bench
/// output prints them.
public enum GemmKernel: String, Sendable, Codable {
    case vnniExact = "vnni-exact", vbmiBlocks = "vbmi-blocks", vbmiGather = "vbmi-gather", pair, nibble, sgemm, gather
}
