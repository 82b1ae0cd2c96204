extension Design {
    /// The exact design of the same width and construction, the denominator of `power_rel`:
    /// every LUT-mapped leaf is replaced by the built-in exact multiplier of its width
    /// (smapprox4x4-0 for 4x4, exact<N> otherwise); nil for formula and table designs.
    public func exactReference() -> Design? {
        switch body {
        case .netlists:
            let name = widthA == 4 ? "smapprox4x4-0" : "exact\(widthA)"
            return try? BuiltinDesignCache.shared.design(named: name)
        case .composition(let c):
            guard let ll = c.ll.exactReference(), let hl = c.hl.exactReference(), let lh = c.lh.exactReference(),
                  let hh = c.hh.exactReference(), let comp = try? Composition(ll: ll, hl: hl, lh: lh, hh: hh) else { return nil }
            let blocks = [ll, hl, lh, hh].map(\.name)
            let label = Set(blocks).count == 1 ? blocks[0] : blocks.joined(separator: ",")
            return Design(name: "exact-composition-\(widthA)(\(label))", body: .composition(comp))
        case .formula, .table:
            return nil
        }
    }
}

/// Parsed built-in designs, memoised per process: built-ins are immutable embedded texts, and parsing
/// one per leaf per design dominated characterising many compositions. Failures are not memoised.
final class BuiltinDesignCache: @unchecked Sendable {
    static let shared = BuiltinDesignCache()
    private let lock = PThreadMutex()
    private var designs: [String: Design] = [:]

    /// `BuiltinDesigns.design(named:)`, parsed on first use.
    func design(named name: String) throws(DesignError) -> Design {
        lock.lock()
        let known = designs[name]
        lock.unlock()
        if let known { return known }
        let parsed = try BuiltinDesigns.design(named: name)
        lock.lock()
        designs[name] = parsed
        lock.unlock()
        return parsed
    }
}
