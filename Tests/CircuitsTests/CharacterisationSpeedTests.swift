import Testing
@testable import Circuits

/// The fast paths of characterisation (compiled LUT evaluation, memoised block toggles, one table for
/// both domains) against the straightforward paths they replace: results must be identical.
@Suite struct CharacterisationSpeedTests {
    /// A random LUT netlist over 8 input nets: LUT6 / LUT6_2 cells with random, constant and
    /// input-independent INITs, then a CARRY8 and a CARRY4 fed by earlier nets.
    func randomNetlist(seed: UInt64) -> Netlist {
        var rng = SplitMix64(seed: seed)
        var names = ["const0", "const1"] + (0..<8).map { "in\($0)" }
        var cells: [Cell] = []
        func pick() -> NetID { Int(rng.next() % UInt64(names.count)) }
        func fresh() -> NetID { names.append("n\(names.count)"); return names.count - 1 }
        let inits: [UInt64] = [0, ~0, 0xAAAA_AAAA_AAAA_AAAA, 0x6666_6666_AAAA_AAAA, 0xFF00_FF00_FF00_FF00, 0x8000_0000_0000_0001]
        for k in 0..<40 {
            let bits = k < inits.count ? inits[k] : rng.next()
            let ins = (0..<6).map { _ in pick() }
            if k % 2 == 0 {
                cells.append(Cell(name: "l\(k)", kind: .lut6(LUTInit(bits)), inputs: ins, outputs: [fresh()]))
            } else {
                let o5: NetID? = k % 3 == 0 ? nil : fresh()
                cells.append(Cell(name: "l\(k)", kind: .lut6_2(LUTInit(bits)), inputs: ins, outputs: [o5, fresh()]))
            }
        }
        let c8In = (0..<18).map { _ in pick() }
        cells.append(Cell(name: "c8", kind: .carry8, inputs: c8In, outputs: (0..<16).map { $0 == 3 ? nil : fresh() }))
        let c4In = (0..<10).map { _ in pick() }
        cells.append(Cell(name: "c4", kind: .carry4, inputs: c4In, outputs: (0..<8).map { _ in fresh() }))
        return Netlist(netNames: names, operandA: Port(name: "a", nets: [2, 3, 4, 5]), operandB: Port(name: "b", nets: [6, 7, 8, 9]),
                       product: Port(name: "p", nets: [names.count - 1]), cells: cells)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func compiledEvaluatorMatchesCellByCellEvaluator(seed: UInt64) throws {
        let netlist = try randomNetlist(seed: seed).validated()
        var rng = SplitMix64(seed: seed &+ 100)
        for _ in 0..<8 {
            var reference = [UInt64](repeating: 0, count: netlist.netCount)
            reference[1] = ~0
            for net in 2..<10 { reference[net] = rng.next() }
            var compiled = reference
            reference.withUnsafeMutableBufferPointer { LUTNetlistEvaluator(netlist: netlist).evaluate($0) }
            compiled.withUnsafeMutableBufferPointer { buffer in
                if let p = buffer.baseAddress { CompiledLUTNetlist(netlist).evaluate(p) }
            }
            #expect(compiled == reference)
        }
    }

    /// Memoised per-block toggles equal the toggles of the whole flattened netlist, for several
    /// designs sharing blocks (later calls hit the memo) and a stream that is not a multiple of 64.
    @Test func memoisedBlockTogglesMatchFlattenedNetlist() throws {
        var rng = SplitMix64(seed: 7)
        let pairs = (0..<300).map { _ in (rng.next() & 0xFF, rng.next() & 0xFF) }
        let memo = CompositionToggles()
        for name in ["smapprox8x8-0123", "smapprox8x8-3210", "smapprox8x8-0000", "smapprox8x8-3123"] {
            let design = try BuiltinDesigns.design(named: name)
            let flat = try #require(try LUTFlattener.flatten(design))
            let fast = try #require(try memo.toggles(design, pairs: pairs))
            #expect(fast == ToggleCounter.toggles(flat, pairs: pairs), "\(name)")
        }
    }

    /// The cost model's power (memoised path) equals the power model run on the flattened netlist.
    @Test func compositionPowerUnchanged() throws {
        var model = CostModel()
        model.power.streamLength = 500
        for name in ["smapprox8x8-1302", "smapprox8x8-2222"] {
            let design = try BuiltinDesigns.design(named: name)
            let flat = try #require(try LUTFlattener.flatten(design))
            let direct = model.power.powerMw(flat, pairs: model.power.uniformStream(widthA: 8, widthB: 8))
            #expect(try model.estimate(design, reference: nil).powerMw == direct)
        }
    }

    /// One truth table for both domains gives the same metrics as `errorSums` per domain.
    @Test func characteriserTablePathMatchesErrorSums() throws {
        var model = CostModel()
        model.power.streamLength = 64
        let design = try BuiltinDesigns.design(named: "smapprox8x8-2031")
        let c = try Characteriser(costModel: model).characterise(design)
        for (domain, metrics) in [(ErrorDomain.unsigned, c.unsigned), (.magnitude, c.magnitude)] {
            #expect(metrics == ErrorMetrics(sums: try design.errorSums(domain: domain), domain: domain, widthA: 8, widthB: 8))
        }
    }
}
