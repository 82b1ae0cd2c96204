extension Design {
    /// The full truth table (operand widths must total at most `TruthTable.maxTotalWidth`).
    ///
    /// Netlists are simulated bit-parallel; compositions are assembled from their blocks' tables
    /// with exact addition; formulas are evaluated pair by pair.
    public func truthTable() throws(DesignError) -> TruthTable {
        guard widthA + widthB <= TruthTable.maxTotalWidth else {
            throw .unsupported(what: "a full truth table of the \(widthA)x\(widthB) design '\(name)' (at most \(TruthTable.maxTotalWidth) input bits); use the composition-aware characterisation instead", location: nil)
        }
        switch body {
        case .netlists(let views):
            return try views.primary.truthTable()
        case .table(let table):
            return table
        case .formula(let formula):
            return TruthTable(widthA: formula.width, widthB: formula.width, outputWidth: 2 * formula.width) {
                UInt32(truncatingIfNeeded: formula.evaluate(UInt64($0), UInt64($1)))
            }
        case .composition(let c):
            let blockTables = try c.blocks.map { (block) throws(DesignError) in try block.truthTable() }
            return Composition.assembleTable(blockTables, blockWidth: c.blockWidth)
        }
    }

    /// A function computing the product of one operand pair, for designs too wide to tabulate.
    ///
    /// Compositions evaluate through their blocks' tables (or recursively), formulas directly.
    public func productFunction() throws(DesignError) -> @Sendable (UInt64, UInt64) -> UInt64 {
        if widthA + widthB <= 16 {
            let table = try truthTable()
            let wb = table.widthB
            return { a, b in UInt64(table.values[Int(a) << wb | Int(b)]) }
        }
        switch body {
        case .formula(let f):
            return { a, b in f.evaluate(a, b) }
        case .composition(let c):
            let fs = try c.blocks.map { (block) throws(DesignError) in try block.productFunction() }
            let n = UInt64(c.blockWidth), mask: UInt64 = (1 << n) - 1
            return { a, b in
                let al = a & mask, ah = a >> n, bl = b & mask, bh = b >> n
                return fs[0](al, bl) + (fs[1](ah, bl) + fs[2](al, bh)) << n + fs[3](ah, bh) << (2 * n)
            }
        case .table(let t):
            let wb = t.widthB
            return { a, b in UInt64(t.values[Int(a) << wb | Int(b)]) }
        case .netlists(let views):
            let table = try views.primary.truthTable()
            let wb = table.widthB
            return { a, b in UInt64(table.values[Int(a) << wb | Int(b)]) }
        }
    }
}
