import ArgumentParser
import Circuits
import Foundation
import Multipliers

/// `axmul bench cost-model`: the cost models' power and size next to published figures of the same designs
/// (`PublishedCost`): rank correlation, spread and ratio range per table and model.
struct BenchCostModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost-model",
        abstract: "Compare the cost models' power, LUT counts and area with published figures (rank correlation, spread, ratio range).",
        discussion: """
            Tables: SMApprox 4x4 and 8x8 (FPGA, measured; De la Parra et al. 2021, Tables 1-2) against the FPGA toggle model; \
            with --evoapprox, EvoApproxLib's 8x8 unsigned multipliers (ASIC, PDK45 figures from their Verilog headers) against \
            the FPGA toggle model (yosys mapping) and the gate-level model. docs/cost-model.md.
            Example:
              axmul bench cost-model --evoapprox specs/evoapproxlib/mul8u --json
            """)

    @Option(help: "A folder of EvoApproxLib 8x8 unsigned multiplier Verilog files (mul8u_*.v) to compare too; needs yosys for the FPGA model.")
    var evoapprox: String?
    @Flag(help: "Print the comparison as JSON.") var json = false

    /// The models checked (docs/cost-model.md, "Cost model" and "Gate-level model").
    static let modelName = "toggle (LUT-level netlist, dynamic power of cell output toggles at 100 MHz, uniform operands)"

    func run() throws {
        var checks = try PublishedCost.tables.map { table in
            CostModelCheck(table: table, costModel: Self.modelName, model: try Self.costs(table.rows.map(\.design)))
        }
        if let evoapprox { checks += try EvoApproxCostCheck.checks(folder: evoapprox) }
        if json { print(try DesignArgument.json(checks)); return }
        for c in checks { print(Self.text(c)) }
    }

    /// Each built-in design's cost under the FPGA toggle model.
    static func costs(_ designs: [String]) throws -> [String: CostModelCheck.Figures] {
        let characteriser = Characteriser(costModel: CostModel())
        var out: [String: CostModelCheck.Figures] = [:]
        for name in designs {
            let design = try MultiplierLoader.source(name).design
            let cost = try characteriser.characterise(design, reference: design.exactReference()).cost
            out[name] = cost.powerRel.map { CostModelCheck.Figures(powerRel: $0, luts: cost.luts) }
        }
        return out
    }

    static func text(_ c: CostModelCheck) -> String {
        var lines = ["\(c.table) — model: \(c.costModel)", "  source: \(c.source)",
                     "  design                       published W  model power_rel  published size  model size"]
        for r in c.rows {
            let published = r.publishedLuts.map { "\($0) LUTs" } ?? r.publishedAreaUm2.map { String(format: "%.1f um2", $0) } ?? "-"
            let model = r.modelLuts.map { "\($0) LUTs" } ?? r.modelAreaUm2.map { String(format: "%.1f um2", $0) } ?? "-"
            lines.append("  " + r.design.padding(toLength: 28, withPad: " ", startingAt: 0)
                         + String(format: " %11.5f  %15.4f  %14@  %10@", r.publishedW, r.modelRel, published, model))
        }
        lines.append(String(format: "  power: Spearman rho %.3f; spread (largest/smallest) published %.3f, model %.3f; ratio range %.3f-%.3f",
                            c.powerRankCorrelation, c.publishedSpread, c.modelSpread, c.ratioRange[0], c.ratioRange[1])
                     + (c.lutRankCorrelation.map { String(format: "; LUTs: Spearman rho %.3f", $0) } ?? "")
                     + (c.areaRankCorrelation.map { String(format: "; area: Spearman rho %.3f", $0) } ?? ""))
        return lines.joined(separator: "\n")
    }
}
