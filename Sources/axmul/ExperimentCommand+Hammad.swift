import Foundation
import NetSim
import Records
import Report
import Workflows

/// `axmul experiment hammad`: Hammad & El-Sankary Tables II–III on a CPU proxy.
extension ExperimentCommand {
    var hammadSettings: HammadSettings {
        var s = proxy.applyCommon(to: quick ? HammadSettings.quick : HammadSettings())
        let p = proxy
        if let v = p.step { s.step = v }
        if let v = p.tolerance { s.tolerance = v }
        let errors = ProxyExperimentOptions.list(p.errors).compactMap { Int($0) }
        if !errors.isEmpty { s.errorIDs = errors }
        let hybrid = ProxyExperimentOptions.list(p.hybridIDs).compactMap { Int($0) }
        if !hybrid.isEmpty { s.hybridIDs = hybrid }
        let mults = ProxyExperimentOptions.list(p.multipliers)
        if !mults.isEmpty { s.multipliers = mults }
        return s
    }

    func runHammad() throws {
        let s = hammadSettings
        var recipe = HammadRecipe(settings: s, multipliers: try s.multipliers.map { try ApproxCLI.multiplier($0) })
        recipe.seeds = seeds ?? 1
        let result = try HammadJob(recipe: recipe, folder: URL(fileURLWithPath: output ?? ".")).run(context: experimentContext)
        if json { print(try RecordJSON.text(result), terminator: "") }
    }
}
