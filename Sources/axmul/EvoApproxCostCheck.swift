import ArgumentParser
import Circuits
import TableFormat
import Foundation

/// The EvoApproxLib table of `bench cost-model --evoapprox DIR`: every `mul8u_*.v` of the folder is imported,
/// its header gives the published PDK45 power and area, and it is costed by the FPGA toggle model (yosys
/// mapping, against the synthesised exact multiplier) and by the gate-level model (against `mul8u_1JFF`,
/// the library's exact multiplier, which the folder must hold).
enum EvoApproxCostCheck {
    static func checks(folder: String) throws -> [CostModelCheck] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("mul8u_") && $0.hasSuffix(".v") }.sorted()
        var headers: [(design: String, header: EvoApproxHeader)] = [], designs: [String: Design] = [:]
        for name in files {
            let path = (folder as NSString).appendingPathComponent(name)
            let text = try InputFile.text(path, limit: 64 << 20)
            let design = try DesignArgument.reporting { try VerilogImporter.design(text: text, file: path) }
            let header = try DesignArgument.reporting { try EvoApproxHeader.read(text: text, file: path) }
            guard header.powerMw > 0 else { continue }   // a constant-zero "multiplier" (mul8u_E9R) has no power to rank
            headers.append((design.name, header))
            designs[design.name] = design
        }
        guard let exact = designs["mul8u_1JFF"]?.gateNetlist else {
            throw ValidationError("--evoapprox \(folder) holds no mul8u_1JFF.v, the exact multiplier the gate model's power_rel is against")
        }
        let table = PublishedCost.evoApprox(headers)
        let characteriser = Characteriser(costModel: CostModel.withSynthesis())
        var fpga: [String: CostModelCheck.Figures] = [:], gate: [String: CostModelCheck.Figures] = [:]
        let gateModel = GateCostModel()
        for (name, design) in designs.sorted(by: { $0.key < $1.key }) {
            let cost = try characteriser.characterise(design, reference: design.exactReference()).cost
            fpga[name] = cost.powerRel.map { CostModelCheck.Figures(powerRel: $0, luts: cost.luts) }
            guard let netlist = design.gateNetlist else { continue }
            let g = try DesignArgument.reporting { try gateModel.estimate(netlist, reference: exact) }
            gate[name] = g.powerRel.map { CostModelCheck.Figures(powerRel: $0, areaUm2: g.areaUm2) }
        }
        return [CostModelCheck(table: table, costModel: BenchCostModelCommand.modelName + ", yosys synth_xilinx mapping", model: fpga),
                CostModelCheck(table: table, costModel: GateCostModel.name, model: gate)]
    }
}
