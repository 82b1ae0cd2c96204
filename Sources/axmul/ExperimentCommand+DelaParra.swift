import ArgumentParser
import Foundation
import TableFormat
import NetSim
import Records
import Report
import Workflows

/// `axmul experiment delaparra`: De la Parra et al. (ASP-DAC 2021) Tables 5–7 and Figs. 6–7.
extension ExperimentCommand {
    static let delaParraMultipliers = ["1100", "2200", "3300", "1110", "3330", "2220", "3333", "2222"].map { "smapprox8x8-" + $0 }

    var delaParraSettings: DelaParraSettings {
        var s = proxy.applyCommon(to: quick ? DelaParraSettings.quick : DelaParraSettings())
        if let v = proxy.baseEpochs { s.baseEpochs = v }
        if let v = proxy.baseLR { s.baseLearningRate = v }
        if let v = proxy.base { s.baseCheckpoint = v }
        return s
    }

    func delaParraMethods() throws -> [DelaParraMethod] {
        let names = ProxyExperimentOptions.list(proxy.methods)
        for n in names where !DelaParraMethod.names.contains(n) {
            throw ValidationError("unknown method '\(n)' for delaparra; known methods: \(DelaParraMethod.names.joined(separator: ", "))")
        }
        return names.isEmpty ? DelaParraMethod.all : DelaParraMethod.all.filter { names.contains($0.name) }
    }

    func runDelaParra() throws {
        let s = delaParraSettings
        let names = ProxyExperimentOptions.list(proxy.multipliers)
        let mults = try (names.isEmpty ? (quick ? ["smapprox8x8-3330", "smapprox8x8-2222"] : Self.delaParraMultipliers) : names)
            .map { try ApproxCLI.multiplier($0) }
        var recipe = DelaParraRecipe(settings: s, methods: try delaParraMethods(), multipliers: mults, exact: try ApproxCLI.multiplier("exact8"))
        if proxy.noAblation { recipe.ablationSettings = [DelaParraQuantSetting.all[0]] }
        recipe.seeds = seeds ?? 1
        recipe.resolve = { try? ApproxCLI.multiplier($0) }
        let result = try DelaParraJob(recipe: recipe, folder: URL(fileURLWithPath: output ?? ".")).run(context: experimentContext)
        if json { print(try RecordJSON.text(result), terminator: "") }
    }

    /// The experiments' context: lines on stdout (none with --json; the folder's run log has them all).
    var experimentContext: ExecutionContext {
        let quiet = json
        return ExecutionContext(say: { if !quiet { print($0) } })
    }
}
