extension Design {
    /// Exhaustive error sums over `domain`, choosing the fastest exact path for this design:
    /// a materialised truth table (≤ 24 input bits), the composition scan (blocks of 3..8 bits),
    /// or the general row scan of `productFunction()`.
    public func errorSums(domain: ErrorDomain, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(DesignError) -> ErrorSums {
        if widthA + widthB <= 16 || domain == .signed {
            let table = try truthTable()
            return TableScan.sums(of: table, domain: domain)
        }
        if case .composition(let c) = body, (3...8).contains(c.blockWidth) {
            return CompositionScan.sums(try BlockErrors(c), domain: domain, progress: progress)
        }
        let f = try productFunction()
        return TableScan.sums(widthA: widthA, widthB: widthB, domain: domain, progress: progress, product: f)
    }
}
