/// The error tables E_k(x, y) = block_k(x, y) − x·y of a composition's four n×n blocks (LL, HL, LH, HH).
///
/// With S = 2^n, the composed error is e = E_LL(al,bl) + S·(E_HL(ah,bl) + E_LH(al,bh)) + S²·E_HH(ah,bh),
/// because the exact product decomposes the same way.
public struct BlockErrors: Sendable {
    public let blockWidth: Int
    /// Four tables of S·S errors, index x << n | y.
    public let tables: [[Int64]]

    public init(blockTables: [TruthTable]) {
        precondition(blockTables.count == 4, "a composition has four blocks")
        let n = blockTables[0].widthA
        precondition(blockTables.allSatisfy { $0.widthA == n && $0.widthB == n }, "blocks must be n×n")
        blockWidth = n
        tables = blockTables.map { t in t.values.indices.map { i in Int64(t.values[i]) - Int64((i >> n) * (i & ((1 << n) - 1))) } }
    }

    /// Tabulates the blocks of `composition` (each block at most 12x12).
    public init(_ composition: Composition) throws(DesignError) {
        var tables: [TruthTable] = []
        for block in composition.blocks { tables.append(try block.truthTable()) }
        self.init(blockTables: tables)
    }

    public var side: Int { 1 << blockWidth }

    /// The composed error at (a, b), operands of 2n bits.
    @inline(__always) public func error(_ a: Int, _ b: Int) -> Int64 {
        let n = blockWidth, m = side - 1
        let al = a & m, ah = a >> n, bl = b & m, bh = b >> n
        let s = Int64(side)
        return tables[0][al << n | bl] + s * (tables[1][ah << n | bl] + tables[2][al << n | bh])
            + s * s * tables[3][ah << n | bh]
    }
}
