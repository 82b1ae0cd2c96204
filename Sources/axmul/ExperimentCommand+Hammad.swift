import Foundation
import NetSim
import Records
import Report

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
        let folder = URL(fileURLWithPath: output ?? ".")
        let s = hammadSettings
        var recipe = HammadRecipe(settings: s, multipliers: try s.multipliers.map { try ApproxCLI.multiplier($0) })
        recipe.seeds = seeds ?? 1
        let (train, test) = try proxyData(s.data, trainLimit: s.maxTrainSamples, testLimit: s.maxTestSamples)
        let say = sayer(folder)
        say("hammad: \(s.model) on \(s.data), \(train.count) training / \(test.count) test images, \(s.epochs) epochs")
        let cells = ExperimentCells(resultsFolder: folder, log: say)
        try cells.checkSettings(s, recipe: "hammad")
        let result = try recipe.run(train: train, test: test, folder: folder, cells: cells, log: say) { partial in
            try HammadOutput.write(partial, to: folder)
            _ = try Self.writeFigures(json: try ExperimentOutput.json(partial), to: folder)
        }
        try HammadOutput.write(result, to: folder)
        _ = try Self.writeFigures(json: try ExperimentOutput.json(result), to: folder)
        say(String(format: "wrote experiment.json, table2.csv, table3.csv, table2.svg, table3.svg in %@ (%.0f s)", folder.path, result.seconds))
        if json { print(try RecordJSON.text(result), terminator: "") }
    }
}
