import ArgumentParser
import Circuits
import Foundation
import Multipliers

/// `axmul bench cost-model`: the cost model's power and LUTs next to published measurements of the same
/// designs (`PublishedCost`): rank correlation and spread per table.
struct BenchCostModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost-model",
        abstract: "Compare the cost model's power and LUT counts with published measurements (rank correlation, spread).",
        discussion: "Tables: SMApprox 4x4 and 8x8 (FPGA, measured; De la Parra et al. 2021, Tables 1-2). docs/cost-model.md.\nExample:\n  axmul bench cost-model --json")

    @Flag(help: "Print the comparison as JSON.") var json = false

    /// The model checked: the LUT-level toggle model (docs/cost-model.md, "Cost model").
    static let modelName = "toggle (LUT-level netlist, dynamic power of cell output toggles at 100 MHz, uniform operands)"

    func run() throws {
        let checks = try PublishedCost.tables.map { table in
            CostModelCheck(table: table, costModel: Self.modelName, model: try Self.costs(table.rows.map(\.design)))
        }
        if json { print(try DesignArgument.json(checks)); return }
        for c in checks { print(Self.text(c)) }
    }

    /// Each design's cost under the model.
    static func costs(_ designs: [String]) throws -> [String: CostEstimate] {
        let characteriser = Characteriser(costModel: CostModel())
        var out: [String: CostEstimate] = [:]
        for name in designs {
            let design = try MultiplierLoader.source(name).design
            out[name] = try characteriser.characterise(design, reference: design.exactReference()).cost
        }
        return out
    }

    static func text(_ c: CostModelCheck) -> String {
        var lines = ["\(c.table): \(c.source)", "  design             published W  model power_rel  published LUTs  model LUTs"]
        for r in c.rows {
            lines.append("  " + r.design.padding(toLength: 18, withPad: " ", startingAt: 0)
                         + String(format: " %11.3f  %15.4f  %14d  %10@", r.publishedW, r.modelRel, r.publishedLuts, r.modelLuts.map(String.init) ?? "-"))
        }
        lines.append(String(format: "  power: Spearman rho %.3f; spread (largest/smallest) published %.3f, model %.3f",
                            c.powerRankCorrelation, c.publishedSpread, c.modelSpread)
                     + (c.lutRankCorrelation.map { String(format: "; LUTs: Spearman rho %.3f", $0) } ?? ""))
        return lines.joined(separator: "\n")
    }
}
