import Circuits
import Foundation
import NetSim
import TableFormat

/// A multiplier ready for NetSim: one product table (sign-magnitude, or general two's complement) with its kernel plan (analysed once, here),
/// its cost (figures, or the reason there are none) and the content hash of its source design.
public struct LoadedMultiplier: Sendable {
    public var name: String
    public var plan: KernelPlan
    public var cost: CostEstimate
    public var sourceHash: UInt64?
    /// The product table (sign-magnitude, or all 256 × 256 products of a general signed multiplier).
    public var table: SignedProductTable { plan.table }
    /// The NetSim assignment entry (name, plan, power relative to exact).
    public var entry: MultiplierAssignment.Entry { .init(name: name, plan: plan, powerRel: cost.powerRel) }
}

/// What a multiplier argument names, before it becomes a NetSim table: a design (a built-in, a design
/// file, or a table read from a file, as a table design) and the cost a table file stores.
public struct MultiplierSource: Sendable {
    public var design: Design
    /// The `.axlut` file's table, when the argument is one.
    public var compiled: LookupTable?

    /// The cost: the stored one for `.axlut` files, none for foreign tables, else the model's estimate
    /// (power_rel against the exact design of the same construction).
    public func cost(_ model: CostModel) throws(DesignError) -> CostEstimate {
        if let compiled { return CostEstimate(table: compiled) }
        return try MultiplierLoader.cost(of: design, model: model)
    }

    /// The design's content hash, or the hash a compiled table stores.
    public var sourceHash: UInt64? { compiled.map(\.sourceHash) ?? design.contentHash }
}

/// The one place that turns a multiplier argument into a multiplier: a built-in name, a design file
/// (.axd: LUT or gate netlist, composition, formula, table), a compiled `.axlut`, or another tool's table
/// (`.npy`, TFApprox); a file that exists is told apart by its content (`MultiplierArgument`).
public enum MultiplierLoader {
    /// The source named by `spec`; errors name the file and what was expected.
    public static func source(_ spec: String) throws -> MultiplierSource {
        let name = ((spec as NSString).lastPathComponent as NSString).deletingPathExtension
        switch MultiplierArgument.classify(spec) {
        case .compiledTable:
            let table = try LookupTable(contentsOf: spec)
            return MultiplierSource(design: try design(of: table, path: spec), compiled: table)
        case .npyTable:
            return MultiplierSource(design: try TableExchange.importDesign(path: spec, format: .npy, name: name), compiled: nil)
        case .tfapproxTable:
            return MultiplierSource(design: try TableExchange.importDesign(path: spec, format: .tfapprox, name: name), compiled: nil)
        case .designFile:
            return MultiplierSource(design: try DesignResolver.load(path: spec), compiled: nil)
        case .builtin:
            return MultiplierSource(design: try BuiltinDesigns.design(named: spec), compiled: nil)
        }
    }

    /// The `.axlut` table of a design with its cost and source hash stored (what `axmul compile` writes).
    public static func compile(_ design: Design, encoding: OperandEncoding = .signMagnitude,
                               costModel: CostModel) throws(DesignError) -> LookupTable {
        var table = try TableCompiler.compile(design, encoding: encoding)
        let cost = try cost(of: design, model: costModel)
        table.setCost(cost.tableCost, unknownReason: cost.note ?? "no cost known", sourceHash: design.contentHash)
        if let signed = try? MultiplierTables.signed(from: table) {
            table.metadata["kernel_route"] = KernelPlan.analyse(signed).route.description
        }
        return table
    }

    /// A design's cost, `power_rel` against the exact design of the same construction: the one relative
    /// power behind `characterize`, the `.axlut` cost keys and `energy_rel`.
    public static func cost(of design: Design, model: CostModel) throws(DesignError) -> CostEstimate {
        try model.estimate(design, reference: design.exactReference())
    }

    /// The multiplier named by `spec` for 8-bit layers. `costModel` nil skips the cost (for commands that
    /// report no energy); a stored cost is used whatever the model.
    public static func load(_ spec: String, costModel: CostModel? = .withSynthesis()) throws -> LoadedMultiplier {
        let table: LookupTable, cost: CostEstimate, hash: UInt64?
        if case .compiledTable = MultiplierArgument.classify(spec) {
            // Read directly: the stored products and cost, whatever the encoding.
            table = try LookupTable(contentsOf: spec)
            (cost, hash) = (CostEstimate(table: table), table.sourceHash)
        } else {
            let src = try source(spec)
            guard src.design.widthA == 8, src.design.widthB == 8 else {
                throw ApproxError.unsupportedTable(reason: "'\(spec)' is a \(src.design.widthA)x\(src.design.widthB) multiplier; 8-bit layers need an 8x8 one")
            }
            table = try TableCompiler.compile(src.design, encoding: .signMagnitude)
            cost = try costModel.map { try src.cost($0) } ?? .unavailable("cost not computed by this command")
            hash = src.sourceHash
        }
        let signed = try MultiplierTables.signed(from: table, path: spec)
        return LoadedMultiplier(name: table.name.isEmpty ? spec : table.name, plan: KernelPlan.analyse(signed), cost: cost, sourceHash: hash)
    }

    /// A compiled table as a table design for characterisation: unsigned and sign-magnitude tables hold
    /// M(a, b) for every index pair; a two's-complement table holds signed products P(x, w) by bit pattern,
    /// so it becomes a two's-complement table design (product bits: P mod 2^(wa+wb)).
    static func design(of table: LookupTable, path: String) throws -> Design {
        let wa = table.widthA, wb = table.widthB
        let name = table.name.isEmpty ? path : table.name
        if table.encoding == .twosComplement {
            let out = wa + wb, mask = (Int64(1) << Int64(out)) - 1, half = Int64(1) << Int64(out - 1)
            var values = [UInt32](repeating: 0, count: 1 << out)
            for i in 0..<(1 << out) {
                let v = table[i >> wb, i & ((1 << wb) - 1)]
                guard v >= -half, v < half else {
                    throw DesignError.invalidValue(what: "signed product at index \(i)", value: "\(v)",
                                                   rule: "a \(wa)x\(wb) two's-complement product fits \(out) bits", location: nil)
                }
                values[i] = UInt32(v & mask)
            }
            let t = TruthTable(widthA: wa, widthB: wb, outputWidth: out, values: values)
            return Design(name: name, summary: "compiled table \(path)", body: .table(t), operands: .twosComplement)
        }
        let values = (0..<(1 << (wa + wb))).map { UInt32(truncatingIfNeeded: table[$0 >> wb, $0 & ((1 << wb) - 1)]) }
        let t = TruthTable(widthA: wa, widthB: wb, outputWidth: wa + wb, values: values)
        return Design(name: name, summary: "compiled table \(path)", body: .table(t))
    }
}
