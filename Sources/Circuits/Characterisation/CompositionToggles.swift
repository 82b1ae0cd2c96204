/// Toggle counts of a flattened composition (four LUT-mapped leaf blocks and the exact adder), with each
/// block simulated once per (block netlist, position, stream) and memoised.
///
/// A block's cells see only its own operand halves, so its toggle counts and product words on a fixed
/// stream are the same in every composition that places it at that position: characterising all 256
/// SMApprox 8x8 designs needs 16 block simulations, then one adder simulation per design. The counts
/// are identical to `ToggleCounter.toggles` on the `LUTFlattener` netlist (cells LL, HL, LH, HH, adder).
final class CompositionToggles: @unchecked Sendable {
    /// The block netlist and position, and the stream's hash; a hit is confirmed against the stored stream.
    private struct Key: Hashable {
        var block: Netlist
        var position: Int
        var streamHash: Int
    }

    /// One block's simulation: toggles per cell, and per 64-pair word its product bits' words.
    private struct BlockRun {
        var stream: [UInt64]
        var toggles: [Int]
        var productWords: [[UInt64]]
    }

    private let lock = PThreadMutex()
    private var runs: [Key: BlockRun] = [:]
    private var adders: [Int: (CompiledLUTNetlist, Netlist)] = [:]

    /// Toggle counts in flattened cell order, or nil when `design` is not a composition of four
    /// LUT-mapped n×n netlist blocks (the caller then simulates the flattened netlist).
    func toggles(_ design: Design, pairs: [(UInt64, UInt64)]) throws(DesignError) -> [Int]? {
        guard case .composition(let c) = design.body else { return nil }
        let n = c.blockWidth
        var leaves: [Netlist] = []
        for block in c.blocks {
            guard case .netlists(let views) = block.body, let lut = views.lut, lut.isLUTMapped,
                  block.widthA == n, block.widthB == n, lut.inputs.count == 2,
                  lut.product.width <= 2 * n else { return nil }
            leaves.append(lut)
        }
        var stream = [UInt64]()
        stream.reserveCapacity(2 * pairs.count)
        for (a, b) in pairs { stream.append(a); stream.append(b) }
        let streamHash = stream.hashValue
        var counts: [Int] = []
        var products: [[[UInt64]]] = []
        for (position, leaf) in leaves.enumerated() {
            let run = try blockRun(leaf, position: position, n: n, pairs: pairs, stream: stream, hash: streamHash)
            counts += run.toggles
            products.append(run.productWords)
        }
        return counts + adderToggles(n: n, products: products, pairCount: pairs.count)
    }

    private func blockRun(_ leaf: Netlist, position: Int, n: Int, pairs: [(UInt64, UInt64)],
                          stream: [UInt64], hash: Int) throws(DesignError) -> BlockRun {
        let key = Key(block: leaf, position: position, streamHash: hash)
        lock.lock()
        let known = runs[key]
        lock.unlock()
        if let known, known.stream == stream { return known }
        let netlist = try leaf.validated()
        let mask: UInt64 = (1 << UInt64(n)) - 1, shiftA = UInt64(position & 1 == 1 ? n : 0), shiftB = UInt64(position >= 2 ? n : 0)
        let sub = pairs.map { (($0.0 >> shiftA) & mask, ($0.1 >> shiftB) & mask) }
        var words: [[UInt64]] = []
        let toggles = ToggleCounter.toggles(netlist, pairs: sub) { nets in
            words.append(netlist.product.nets.map { nets[$0] })
        }
        let run = BlockRun(stream: stream, toggles: toggles, productWords: words)
        lock.lock()
        runs[key] = run
        lock.unlock()
        return run
    }

    /// The adder's toggles, its four inputs driven by the blocks' product words (padded with zeros).
    private func adderToggles(n: Int, products: [[[UInt64]]], pairCount: Int) -> [Int] {
        lock.lock()
        let (compiled, adder) = adders[n] ?? {
            let netlist = CompositionAdder.netlist(blockWidth: n)
            return (CompiledLUTNetlist(netlist), netlist)
        }()
        adders[n] = (compiled, adder)
        lock.unlock()
        var word = 0
        return ToggleCounter.count(compiled, cellCount: adder.cells.count, pairCount: pairCount, setInputs: { nets, _, _ in
            for (port, words) in zip(adder.inputs, products) {
                for (bit, net) in port.nets.enumerated() { nets[net] = bit < words[word].count ? words[word][bit] : 0 }
            }
            word += 1
        }, observe: { _ in })
    }
}
